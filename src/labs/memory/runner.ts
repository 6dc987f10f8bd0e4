// The page side of the memory lab: starts N Workers for one variant, releases them together,
// measures, and terminates them (at the end, on Stop, when the lab closes).
import type { Finished, Outcome, Variant } from './model';
import { needsSharedMemory } from './model';
import { SHARED_BYTES, SLOT } from './counting';
import type { CounterReply, CounterStart } from './protocol';

/** Every Worker the lab has started and not yet terminated (read by window.__memoryLab). */
const live = new Set<Worker>();

if (typeof window !== 'undefined' && !('__memoryLab' in window)) {
  // Read-only hook for the e2e tests: how many of the lab's Workers are alive.
  Object.defineProperty(window, '__memoryLab', { value: Object.freeze({ liveWorkers: () => live.size }) });
}

const now = () => performance.timeOrigin + performance.now();

/** Whether this page may use shared memory (cross-origin isolated, SharedArrayBuffer present). */
export function sharedMemoryAvailable(): boolean {
  return (
    typeof SharedArrayBuffer !== 'undefined' && (typeof crossOriginIsolated === 'undefined' || crossOriginIsolated)
  );
}

interface Current {
  readonly variant: Variant;
  readonly expected: number;
  readonly view: Int32Array | null;
  readonly stop: () => void;
}

export class MemoryRunner {
  private current: Current | null = null;

  /** The running variant and its shared counter right now (null between runs). */
  peek(): { readonly variant: Variant; readonly counter: number | null; readonly expected: number } | null {
    const c = this.current;
    if (!c) return null;
    return { variant: c.variant, counter: c.view ? Atomics.load(c.view, SLOT.counter) : null, expected: c.expected };
  }

  /**
   * Runs one variant: `workers` Workers each add 1 to the counter `increments` times. Spawning
   * and loading happen before the clock starts: every Worker says it is ready, then all are
   * released at once (the start barrier); the time runs from that release to the last Worker's
   * end. Resolves `stopped` if stop() comes first; rejects if a Worker fails.
   */
  run(variant: Variant, workers: number, increments: number): Promise<Outcome> {
    this.stop();
    const canShare = sharedMemoryAvailable();
    if (needsSharedMemory(variant) && !canShare) {
      return Promise.reject(new Error('This variant needs shared memory, which this page does not have.'));
    }
    const memory = canShare ? new SharedArrayBuffer(SHARED_BYTES) : null;
    const view = memory && needsSharedMemory(variant) ? new Int32Array(memory) : null;
    // Separate memory: the page's own counter, a plain variable; each Worker gets a copy of its value.
    const pageCounter = { value: 0 };
    const started: Worker[] = [];
    const endTimes: number[] = [];
    const own: number[] = [];
    let ready = 0;
    let goAt = 0;

    return new Promise<Outcome>((resolve, reject) => {
      let settled = false;
      const end = (): void => {
        settled = true;
        for (const w of started) {
          w.terminate();
          live.delete(w);
        }
        if (this.current?.stop === stop) this.current = null;
      };
      const stop = (): void => {
        if (settled) return;
        const counterAtStop = view ? Atomics.load(view, SLOT.counter) : null;
        end();
        resolve({ kind: 'stopped', variant, workers, increments, counterAtStop });
      };
      const fail = (message: string): void => {
        if (settled) return;
        end();
        reject(new Error(message));
      };
      const go = (): void => {
        goAt = now();
        if (memory) {
          const control = new Int32Array(memory);
          Atomics.store(control, SLOT.go, 1);
          Atomics.notify(control, SLOT.go);
        } else for (const w of started) w.postMessage({ type: 'go' });
      };
      const finish = (): void => {
        const final = view ? Atomics.load(view, SLOT.counter) : pageCounter.value;
        end();
        const result: Finished = {
          kind: 'done',
          variant,
          workers,
          increments,
          final,
          ownCopies: own,
          timeMs: Math.max(0, Math.max(...endTimes) - goAt),
        };
        resolve(result);
      };
      this.current = { variant, expected: workers * increments, view, stop };

      for (let i = 0; i < workers; i += 1) {
        const worker = new Worker(new URL('./counter.worker.ts', import.meta.url), {
          type: 'module',
          name: `memory ${variant} ${i + 1}`,
        });
        started.push(worker);
        live.add(worker);
        worker.onmessage = (event: MessageEvent<CounterReply>) => {
          if (settled) return;
          const msg = event.data;
          if (msg.type === 'ready') {
            ready += 1;
            if (ready === workers) go();
            return;
          }
          endTimes.push(msg.endedAt);
          if (msg.own !== null) own.push(msg.own);
          if (endTimes.length === workers) finish();
        };
        worker.onerror = (event: ErrorEvent) => {
          event.preventDefault();
          fail(`A counting Worker failed: ${event.message || 'it could not start'}`);
        };
        const start: CounterStart = {
          type: 'start',
          variant,
          increments,
          counter: pageCounter.value,
          shared: view ? memory : null,
          barrier: memory,
        };
        worker.postMessage(start);
      }
    });
  }

  /** Terminates the running variant's Workers (it resolves as stopped). */
  stop(): void {
    this.current?.stop();
  }
}

/** How many of the lab's Workers are alive (all runners). */
export const liveCounterWorkers = (): number => live.size;
