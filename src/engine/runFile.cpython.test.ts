// The real CPython beside the browser: python/trace_chapter.py runs tasks with multiprocessing,
// ProcessPoolExecutor and threading and writes a Run JSON file; the page must read it (the same
// readRunFile Import run uses) and draw one bar per task, as long as the task. Needs python3 on
// PATH: without it this test fails (it is never skipped), saying how to install it.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { StrategyRun } from './reducer';
import { comparedTitle, readRunFile, type ReadResult } from './runFile';

const SCRIPT = fileURLToPath(new URL('../../python/trace_chapter.py', import.meta.url));
const NEEDS_PYTHON = 'python3 is needed: apt-get install -y python3';

/** The Run JSON text trace_chapter.py writes to stdout for these arguments. */
function trace(args: readonly string[]): string {
  try {
    return execFileSync('python3', [SCRIPT, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 30_000,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(NEEDS_PYTHON, { cause: error });
    const stderr = (error as { stderr?: unknown }).stderr;
    throw new Error(`trace_chapter.py ${args.join(' ')} failed: ${String(stderr ?? error)}`, { cause: error });
  }
}

function read(args: readonly string[]): Extract<ReadResult, { ok: true }> {
  const result = readRunFile(trace(args));
  if (!result.ok) throw new Error(`readRunFile refused the file: ${result.error}`);
  return result;
}

function runOf(runs: readonly StrategyRun[], name: string): StrategyRun {
  const run = runs.find((r) => r.name === name);
  if (!run) throw new Error(`no ${name} run in the file`);
  return run;
}

/** One bar per task, each done, lasting its task's duration (sleep: never less, at most 150 ms more). */
function expectBarsMatch(run: StrategyRun, durationsS: readonly number[], kind: 'sleep' | 'cpu'): void {
  expect(run.status, run.name).toBe('done');
  expect(run.bars.map((b) => b.task).sort(), run.name).toEqual(durationsS.map((_, i) => i));
  for (const bar of run.bars) {
    const d = durationsS[bar.task] ?? NaN;
    const where = `${run.name} task ${bar.task + 1}`;
    expect(bar.status, where).toBe('done');
    expect(bar.endS, where).not.toBeNull();
    const tookS = (bar.endS ?? NaN) - bar.startS;
    expect(bar.startS, where).toBeGreaterThanOrEqual(0);
    expect(bar.endS ?? NaN, where).toBeLessThanOrEqual(run.wallS ?? NaN);
    if (kind === 'sleep') {
      expect(tookS, where).toBeGreaterThanOrEqual(d - 0.002);
      expect(tookS, where).toBeLessThan(d + 0.15);
    } else {
      // Computing time, measured in the thread that computed: about d on this machine's calibration.
      expect(bar.cpuMs, where).toBeGreaterThan(d * 1000 * 0.5);
      expect(bar.cpuMs, where).toBeLessThan(d * 1000 * 2);
      expect(tookS, where).toBeGreaterThanOrEqual(((bar.cpuMs ?? NaN) / 1000) * 0.9);
    }
  }
}

describe('a CPython run from python/trace_chapter.py', () => {
  it('imports with all four strategies, one bar per task as long as the task', () => {
    const tasks = [0.2, 0.1];
    const { file, state } = read([
      ...['--kind', 'sleep', '--tasks', '0.2,0.1', '--workers', '2'],
      ...['--strategies', 'sequential,processes,pool,threads'],
    ]);
    expect(file.source.kind).toBe('cpython');
    expect(file.source.label).toMatch(/^CPython 3\.\d+$/);
    expect(comparedTitle(file.source.label, 'pool')).toMatch(/^CPython 3\.\d+ pool$/);
    expect(file.environment.python?.startMethod).toBeTruthy();
    expect(state.phase).toBe('done');
    expect(state.strategies.map((r) => r.name)).toEqual(['sequential', 'processes', 'pool', 'threads']);
    for (const run of state.strategies) expectBarsMatch(run, tasks, 'sleep');

    const sequential = runOf(state.strategies, 'sequential');
    expect(sequential.wallS).toBeGreaterThanOrEqual(0.3 - 0.002);
    expect(sequential.bars.every((b) => b.worker === 1)).toBe(true);
    const [first, second] = [...sequential.bars].sort((a, b) => a.task - b.task);
    expect(second?.startS).toBeGreaterThanOrEqual(first?.endS ?? Infinity);
    // One process per task, each drawn with its start-up (spawn) before its bar.
    const processes = runOf(state.strategies, 'processes');
    expect(new Set(processes.bars.map((b) => b.worker))).toEqual(new Set([1, 2]));
    expect(processes.spawns.map((s) => s.worker).sort()).toEqual([1, 2]);
    const pool = runOf(state.strategies, 'pool');
    expect(pool.bars.every((b) => b.worker >= 1 && b.worker <= 2)).toBe(true);
    expect(pool.spawns.length).toBeGreaterThanOrEqual(1);
    expect(runOf(state.strategies, 'threads').bars.every((b) => b.worker === 1)).toBe(true);
    // The Console says what the chapter's program printed.
    const lines = state.console.map((l) => l.text);
    for (const name of ['sequential', 'processes', 'pool', 'threads']) {
      expect(lines).toContain(`[${name}] Task 1 started`);
      expect(lines.some((l) => new RegExp(`^\\[${name}\\] Execution Time: \\d+\\.\\d\\d seconds$`).test(l))).toBe(true);
    }
  }, 30_000);

  it('imports a cpu run collected in executor.map order, with each task’s computing time', () => {
    const tasks = [0.1, 0.1];
    const { file, state } = read([
      ...['--kind', 'cpu', '--tasks', '0.1*2', '--workers', '2', '--order', 'submitted'],
      ...['--strategies', 'sequential,pool,threads'],
    ]);
    expect(file.config.tasks).toEqual(tasks);
    for (const run of state.strategies) expectBarsMatch(run, tasks, 'cpu');
    // executor.map hands results back in submission order.
    expect(runOf(state.strategies, 'pool').results.map((r) => r.task)).toEqual([0, 1]);
  }, 30_000);

  it('imports a run made with the spawn start method', () => {
    const tasks = [0.1, 0.1];
    const { file, state } = read([
      ...['--kind', 'sleep', '--tasks', '0.1,0.1', '--workers', '2', '--start-method', 'spawn'],
      ...['--strategies', 'processes,pool'],
    ]);
    expect(file.environment.python?.startMethod).toBe('spawn');
    for (const run of state.strategies) expectBarsMatch(run, tasks, 'sleep');
    // A spawned process starts a new interpreter: its start-up is before its task, after its spawn.
    for (const run of state.strategies) {
      for (const bar of run.bars) {
        const spawn = run.spawns.find((s) => s.worker === bar.worker);
        expect(spawn, `${run.name} worker ${bar.worker} spawn`).toBeDefined();
        expect(bar.readyS ?? NaN).toBeGreaterThan(spawn?.atS ?? Infinity);
        expect(bar.startS).toBeGreaterThanOrEqual(bar.readyS ?? Infinity);
      }
    }
  }, 30_000);
});
