// Lab `transfer`, page side: one Worker per Run, and one measured round trip at a time.
import { fillSamples, sampleCount, sampleSum, type EchoReply, type EchoRequest } from './data';
import { MB, type Method, type Trip } from './model';

/** The clock page and Worker share (performance.timeOrigin + performance.now()), ms. */
const now = (): number => performance.timeOrigin + performance.now();

/** Whether this page may use SharedArrayBuffer (it needs cross-origin isolation: COOP + COEP). */
export function sharedMemoryAvailable(): boolean {
  return typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated === true;
}

/**
 * Waits until the page has painted and run what was queued (a frame, then a task; at most 100 ms,
 * as a hidden tab gets no frames), so rendering and the collector's work after allocating the
 * buffer happen before the timing, not inside a trip.
 */
export function settle(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      resolve();
    };
    requestAnimationFrame(() => setTimeout(finish, 0));
    setTimeout(finish, 100);
  });
}

/** Thrown into a trip in flight when Stop terminates the Worker. */
export class StoppedError extends Error {
  constructor() {
    super('Stopped');
    this.name = 'StoppedError';
  }
}

type Buffer = ArrayBuffer | SharedArrayBuffer;

export interface TripResult {
  readonly trip: Trip;
  /** What the page holds after the trip: the buffer that came back (clone, transfer) or the shared one. */
  readonly buffer: Buffer;
}

interface Pending {
  readonly resolve: (reply: { readonly reply: EchoReply; readonly backMs: number }) => void;
  readonly reject: (error: Error) => void;
}

export class EchoWorker {
  private readonly worker = new Worker(new URL('./echo.worker.ts', import.meta.url), { type: 'module' });
  private pending: Pending | null = null;
  private nextId = 1;
  private ended = false;

  constructor() {
    this.worker.addEventListener('message', (event: MessageEvent<EchoReply>) => {
      // `data` first: the copy back (clone) is made on first access, part of the trip back.
      const reply = event.data;
      const backMs = now();
      const pending = this.pending;
      this.pending = null;
      pending?.resolve({ reply, backMs });
    });
    this.worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.fail(new Error(`the lab's Worker failed: ${event.message || 'it could not start'}`));
    });
    this.worker.addEventListener('messageerror', () => this.fail(new Error('the Worker’s reply could not be read')));
  }

  /**
   * Sends `sizeMb` MB by `method` and waits for it to come back. The buffer is `reuse` (what came
   * back from the measurement's previous trip) or made now, before the timing (the page settles
   * after it); what came back is checked (the Worker read the data and touched every
   * sample) outside the timed part.
   */
  async trip(method: Method, sizeMb: number, seed: number, reuse: Buffer | null = null): Promise<TripResult> {
    if (this.ended) throw new StoppedError();
    const bytes = sizeMb * MB;
    const buffer: Buffer =
      reuse?.byteLength === bytes ? reuse : method === 'shared' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
    const expected = fillSamples(new Uint32Array(buffer), seed);
    await settle();
    if (this.ended) throw new StoppedError();
    const id = this.nextId++;
    const request: EchoRequest = { id, method, buffer };
    const answer = new Promise<{ readonly reply: EchoReply; readonly backMs: number }>((resolve, reject) => {
      this.pending = { resolve, reject };
    });
    const sentMs = now();
    if (method === 'transfer') this.worker.postMessage(request, [buffer as ArrayBuffer]);
    else this.worker.postMessage(request);
    // Measured, not assumed: a transferred buffer is detached here (byteLength 0).
    const senderBytesAfterSend = buffer.byteLength;
    const { reply, backMs } = await answer;

    const samples = sampleCount(bytes);
    if (reply.id !== id) throw new Error(`the Worker answered trip ${reply.id}, not ${id}`);
    if (reply.sum !== expected) throw new Error(`the Worker read different data (sum ${reply.sum}, sent ${expected})`);
    const after = method === 'shared' ? buffer : reply.buffer;
    if (!after || after.byteLength !== bytes)
      throw new Error(`${method}: ${after?.byteLength ?? 0} bytes came back, ${bytes} went`);
    if (sampleSum(new Uint32Array(after)) !== expected + samples)
      throw new Error(`${method}: the data that came back was not the Worker's`);
    // A copy went: the Worker's +1 reached its copy only, never the page's buffer.
    if (method === 'clone' && sampleSum(new Uint32Array(buffer)) !== expected)
      throw new Error('clone: the Worker changed the page’s own buffer');
    return {
      trip: { sentMs, receivedMs: reply.receivedMs, repliedMs: reply.repliedMs, backMs, senderBytesAfterSend },
      buffer: after,
    };
  }

  /** Ends the Worker at once (Stop, or the run is over); a trip in flight fails with StoppedError. */
  terminate(): void {
    this.ended = true;
    this.worker.terminate();
    this.fail(new StoppedError());
  }

  private fail(error: Error): void {
    const pending = this.pending;
    this.pending = null;
    pending?.reject(error);
  }
}
