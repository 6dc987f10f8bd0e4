import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';
import { PRESETS } from './presets';
import { pythonFor } from './python';

const cfg = (raw: Parameters<typeof parseConfig>[0]) => {
  const r = parseConfig(raw, 2);
  if (!r.ok) throw new Error('bad config');
  return r.config;
};

describe('pythonFor', () => {
  it('gives the chapter its own code for each chapter preset', () => {
    const preset = PRESETS.find((p) => p.id === 'sequential');
    const code = pythonFor(cfg(preset?.fields ?? {}), preset);
    expect(code).toContain('task(1) # task 1\ntask(2) # task 2');
    expect(code).toContain('print(f"Execution Time: {end - start:.2f} seconds")');
    const pool = PRESETS.find((p) => p.id === 'pool');
    expect(pythonFor(cfg(pool?.fields ?? {}), pool)).toContain('for f in as_completed(futures):');
  });

  it('generates an equivalent program for edited configs', () => {
    const code = pythonFor(
      cfg({ tasks: '0.5,1.5', kind: 'cpu', strategies: 'pool,threads', workers: '4', order: 'submitted', fail: '2' }),
      undefined,
    );
    expect(code).toContain('DURATIONS = [0.5, 1.5]');
    expect(code).toContain('ProcessPoolExecutor(max_workers=4)');
    expect(code).toContain('executor.map(task');
    expect(code).toContain('threading.Thread(target=task');
    expect(code).toContain('FAILING = {2}');
    expect(code).toContain('STEPS_PER_SECOND');
    expect(code).not.toContain('multiprocessing.Process(target');
  });

  it('generates Python that CPython runs, printing the same lines', async () => {
    const { execFileSync } = await import('node:child_process');
    const withFail = pythonFor(
      cfg({ tasks: '0.01,0.02', strategies: 'sequential,processes,pool,threads', fail: '1' }),
      undefined,
    );
    expect(
      execFileSync('python3', ['-c', 'import sys, ast; ast.parse(sys.stdin.read()); print("ok")'], { input: withFail })
        .toString()
        .trim(),
    ).toBe('ok');
    const code = pythonFor(cfg({ tasks: '0.05,0.01', strategies: 'sequential,pool,threads', workers: '2' }), undefined);
    const out = execFileSync('python3', ['-'], { input: code, timeout: 20_000 }).toString().trim().split('\n');
    expect(out.slice(0, 4)).toEqual(['Task 1 started', 'Task 1 completed', 'Task 2 started', 'Task 2 completed']);
    expect(out.filter((l) => /^\[(sequential|pool|threads)\] Execution Time: \d+\.\d\d seconds$/.test(l))).toHaveLength(
      3,
    );
  });
});
