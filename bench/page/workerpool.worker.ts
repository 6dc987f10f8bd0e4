/// <reference lib="webworker" />
// workerpool's side of the dispatch comparison: one no-op method. workerpool's own browser build
// (the UMD file its README loads with importScripts) is loaded as a script and sets
// `globalThis.workerpool`; importing its package entry instead would make Vite bundle its Node.js
// branches.
import workerpoolScript from 'workerpool/dist/workerpool.min.js?url';

interface WorkerpoolGlobal {
  worker(methods: Record<string, () => unknown>): void;
}

await import(/* @vite-ignore */ workerpoolScript);
(globalThis as unknown as { workerpool: WorkerpoolGlobal }).workerpool.worker({ noop: () => 0 });
