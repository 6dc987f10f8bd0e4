// Lab `transfer`: a Run measures each chosen (size, method) in turn on one new Worker; Stop
// terminates it at once and keeps the rows already finished.
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { EchoWorker, StoppedError } from './echo';
import {
  COUNTED_TRIPS,
  METHODS,
  progressText,
  summarize,
  WARMUP_TRIPS,
  type Method,
  type TransferRow,
  type Trip,
} from './model';

export type RunStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly progress: string }
  | { readonly kind: 'done' }
  | { readonly kind: 'stopped' }
  | { readonly kind: 'failed'; readonly message: string };

export interface TransferRun {
  readonly rows: readonly TransferRow[];
  readonly status: RunStatus;
  /** Measurements the last Run asked for (sizes × methods). */
  readonly planned: number;
  readonly run: (sizesMb: readonly number[], methods: readonly Method[]) => void;
  readonly stop: () => void;
}

export function useTransferRun(): TransferRun {
  const [rows, setRows] = useState<readonly TransferRow[]>([]);
  const [status, setStatus] = useState<RunStatus>({ kind: 'idle' });
  const [planned, setPlanned] = useState(0);
  const current = useRef<EchoWorker | null>(null);

  const stop = useCallback(() => current.current?.terminate(), []);
  useEffect(() => stop, [stop]);

  const run = useCallback((sizesMb: readonly number[], methods: readonly Method[]) => {
    if (current.current) return;
    const echo = new EchoWorker();
    current.current = echo;
    const sizes = [...sizesMb].sort((a, b) => a - b);
    const order = METHODS.filter((m) => methods.includes(m));
    setRows([]);
    setPlanned(sizes.length * order.length);
    void (async () => {
      let seed = 1;
      try {
        for (const sizeMb of sizes) {
          for (const method of order) {
            const trips: Trip[] = [];
            // One buffer per measurement: each trip sends what came back from the last one (for
            // clone a new copy every time, as copying makes), and it is dropped with the measurement.
            let carried: ArrayBuffer | SharedArrayBuffer | null = null;
            for (let trip = 1; trip <= WARMUP_TRIPS + COUNTED_TRIPS; trip += 1) {
              // Rendered now, so React's work does not land inside the trip (the trip settles the page too).
              flushSync(() => setStatus({ kind: 'running', progress: progressText(sizeMb, method, trip) }));
              const result = await echo.trip(method, sizeMb, seed++, carried);
              trips.push(result.trip);
              carried = result.buffer;
            }
            const row = summarize(method, sizeMb, trips);
            flushSync(() => setRows((before) => [...before, row]));
          }
        }
        setStatus({ kind: 'done' });
      } catch (error) {
        if (error instanceof StoppedError) setStatus({ kind: 'stopped' });
        else setStatus({ kind: 'failed', message: failure(error) });
      } finally {
        echo.terminate();
        current.current = null;
      }
    })();
  }, []);

  return { rows, status, planned, run, stop };
}

function failure(error: unknown): string {
  if (error instanceof RangeError)
    return `The browser could not allocate the buffer (${error.message}): choose smaller sizes.`;
  return error instanceof Error ? error.message : String(error);
}
