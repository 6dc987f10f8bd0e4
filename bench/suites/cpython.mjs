// @ts-check
// Suite 2: the chapter's examples (bench/python/chapter.py) and a CPU-bound version
// (bench/python/cpu.py) in CPython, alone on the machine, before the browser starts.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { log } from '../lib/log.mjs';
import { median, summary } from '../lib/stats.mjs';

/** @typedef {import('../lib/types').CPythonSuiteResult} CPythonSuiteResult */
/** @typedef {import('../lib/types').CPythonExample} CPythonExample */
/**
 * What bench/python/chapter.py writes.
 * @typedef {{ startMethod: string, cpuCount: number, examples: Record<string, { idealS: number, wallS: number[], completionOrder: unknown }> }} ChapterOutput
 */
/**
 * What bench/python/cpu.py writes.
 * @typedef {{ taskSeconds: number, tasks: number, wallS: { sequential: number[], processes: number[], threads: number[] } }} CpuOutput
 */

/**
 * CPython's figures when its suite ran (not skipped, not crashed), else null.
 * @param {import('../lib/types').Results} results
 * @returns {import('../lib/types').CPythonResult | null}
 */
export const cpythonOf = ({ cpython }) => (cpython && 'version' in cpython ? cpython : null);

/** The CPU-bound tasks' length, s (the browser's CPU suite uses the same). */
export const CPU_TASK_S = 1;

/** @returns {{ cmd: string, version: string } | null} */
function pythonCommand() {
  for (const cmd of ['python3']) {
    const r = spawnSync(cmd, ['--version'], { encoding: 'utf8' });
    if (r.status === 0) return { cmd, version: (r.stdout || r.stderr).trim() };
  }
  return null;
}

/**
 * Runs `script` with `args` and returns the JSON it wrote (its `--json` file).
 * @param {string} cmd
 * @param {string} script
 * @param {string[]} args
 * @param {number} timeoutMs
 * @returns {unknown}
 */
function runPython(cmd, script, args, timeoutMs) {
  const out = path.join(os.tmpdir(), `pp-bench-${process.pid}-${path.basename(script, '.py')}.json`);
  const r = spawnSync(cmd, [script, ...args, '--json', out], {
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 16 << 20,
  });
  if (r.status !== 0)
    throw new Error(`${script} failed (${r.status ?? r.signal}): ${(r.stderr || '').trim().slice(-500)}`);
  const data = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out, { force: true });
  return data;
}

/**
 * The chapter's examples and a CPU-bound version in CPython, alone on the machine.
 * @param {number} reps
 * @returns {CPythonSuiteResult}
 */
export function runCPython(reps) {
  const py = pythonCommand();
  if (!py)
    return { skipped: 'python3 not found on PATH: CPython suite skipped, sleep budgets use the 150 ms fallback' };
  log(`CPython: ${py.version}, chapter examples ×${reps}…`);
  const chapter = /** @type {ChapterOutput} */ (
    runPython(py.cmd, 'bench/python/chapter.py', ['--repeat', String(reps)], 300_000)
  );
  log(`CPython: CPU-bound sequential / 2 processes / 2 threads ×${reps}…`);
  // The chapter's examples once more with `spawn` (a fresh interpreter per process, as on Windows
  // and macOS): CPython's Process start cost depends on it far more than on anything else.
  log(`CPython: processes and pool with the spawn start method ×${reps}…`);
  const spawned = /** @type {ChapterOutput} */ (
    runPython(
      py.cmd,
      'bench/python/chapter.py',
      ['--repeat', String(reps), '--start-method', 'spawn', '--only', 'two-processes,five-processes,pool'],
      300_000,
    )
  );
  const cpu = /** @type {CpuOutput} */ (
    runPython(py.cmd, 'bench/python/cpu.py', ['--repeat', String(reps), '--seconds', String(CPU_TASK_S)], 300_000)
  );
  const examplesOf = (/** @type {ChapterOutput} */ data) => {
    /** @type {Record<string, CPythonExample>} */
    const out = {};
    for (const [id, e] of Object.entries(data.examples)) {
      const wall = summary(e.wallS);
      out[id] = {
        idealS: e.idealS,
        wallS: e.wallS,
        wall,
        overheadMs: (wall.median - e.idealS) * 1000,
        completionOrder: e.completionOrder,
      };
    }
    return out;
  };
  const examples = examplesOf(chapter);
  const spawnExamples = examplesOf(spawned);
  const seq = cpu.wallS.sequential;
  /** @param {number[]} xs @param {(x: number, sequential: number) => number} f */
  const pairs = (xs, f) => xs.map((x, i) => f(x, seq[i] ?? NaN));
  return {
    version: py.version,
    startMethod: chapter.startMethod,
    cpuCount: chapter.cpuCount,
    examples,
    spawn: { startMethod: spawned.startMethod, examples: spawnExamples },
    cpu: {
      taskS: cpu.taskSeconds,
      tasks: cpu.tasks,
      wallS: cpu.wallS,
      sequential: summary(seq),
      processes: summary(cpu.wallS.processes),
      threads: summary(cpu.wallS.threads),
      processesSpeedup: median(pairs(cpu.wallS.processes, (p, s) => s / p)),
      threadsVsSequential: median(pairs(cpu.wallS.threads, (t, s) => t / s)),
    },
  };
}
