import strategiesSource from '../engine/strategies.ts?raw';
import workerSource from '../workers/task.worker.ts?raw';
import type { StrategyName, TaskKind } from '../engine/types';

/**
 * Each task kind's workload as written (src/workers/workloads/<kind>.ts), read as text. Only the
 * workload files: their tests, the index and the shared types stay out of the app's bundle.
 */
const WORKLOAD_SOURCES: Record<string, string> = import.meta.glob(
  ['../workers/workloads/*.ts', '!**/*.test.ts', '!**/index.ts', '!**/workload.ts'],
  { query: '?raw', import: 'default', eager: true },
);

/** The workload files the code pane carries (for the test that no other file is bundled). */
export const WORKLOAD_FILES: readonly string[] = Object.keys(WORKLOAD_SOURCES);

/** The source of `kind`'s workload, from its file (one file per kind). */
export function workloadSource(kind: TaskKind): string {
  return WORKLOAD_SOURCES[`../workers/workloads/${kind}.ts`] ?? '';
}

/** Cuts one top-level function (with its doc comment) out of a source file, as written. */
export function extractFunction(source: string, header: string): string {
  const start = source.indexOf(header);
  if (start < 0) return '';
  const docStart = source.lastIndexOf('/**', start);
  const from =
    docStart >= 0 &&
    source.slice(docStart, start).indexOf('*/') >= 0 &&
    !source.slice(source.indexOf('*/', docStart) + 2, start).trim()
      ? docStart
      : start;
  const end = source.indexOf('\n}\n', start);
  return source.slice(from, end < 0 ? undefined : end + 2).trim();
}

const HEADERS: Record<StrategyName, string> = {
  sequential: 'async function sequential(',
  processes: 'async function processes(',
  pool: 'async function pool(',
  threads: 'async function threads(',
};

/**
 * The TypeScript that really runs for these strategies and this task kind: the strategies' code in
 * the engine, the Worker's task, and the kind's workload inside each Worker.
 */
export function typescriptFor(strategies: readonly StrategyName[], kind: TaskKind): string {
  const parts = strategies.map((s) => `// src/engine/strategies.ts\n${extractFunction(strategiesSource, HEADERS[s])}`);
  parts.push(
    `// src/workers/task.worker.ts (inside each Worker)\n${extractFunction(workerSource, 'async function run(')}`,
  );
  const workload = workloadSource(kind)
    .replace(/^import[^;]*;\n/gm, '')
    .trim();
  parts.push(`// src/workers/workloads/${kind}.ts (what a ${kind} task does)\n${workload}`);
  return parts.join('\n\n');
}
