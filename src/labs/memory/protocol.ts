// Messages between the memory lab's page and its Workers (counter.worker.ts).
import type { Variant } from './model';

/** Page → Worker, once: what to count. */
export interface CounterStart {
  readonly type: 'start';
  readonly variant: Variant;
  readonly increments: number;
  /** Separate memory: the page's counter's value, copied into the message (the page keeps its own). */
  readonly counter: number;
  /** The shared counter and lock (shared variants), else null. */
  readonly shared: SharedArrayBuffer | null;
  /** Holds the go slot the Workers wait on (when SharedArrayBuffer exists), else null: `go` is posted. */
  readonly barrier: SharedArrayBuffer | null;
}

/** Worker → page. Times are `performance.timeOrigin + performance.now()`, one basis for all. */
export type CounterReply =
  | { readonly type: 'ready' }
  | {
      readonly type: 'done';
      readonly startedAt: number;
      readonly endedAt: number;
      /** Separate memory: this Worker's own copy at the end; null for the shared variants. */
      readonly own: number | null;
    };
