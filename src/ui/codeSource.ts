import strategiesSource from '../engine/strategies.ts?raw';
import workerSource from '../workers/task.worker.ts?raw';
import type { StrategyName } from '../engine/types';

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

/** The TypeScript that really runs for these strategies: their code in the engine and the Worker's task. */
export function typescriptFor(strategies: readonly StrategyName[]): string {
  const parts = strategies.map((s) => `// src/engine/strategies.ts\n${extractFunction(strategiesSource, HEADERS[s])}`);
  parts.push(
    `// src/workers/task.worker.ts (inside each Worker)\n${extractFunction(workerSource, 'async function run(')}`,
  );
  return parts.join('\n\n');
}
