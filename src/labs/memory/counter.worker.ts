// One Worker of the memory lab: gets its variant and the shared memory (if any), says it is ready,
// waits at the start barrier, counts, reports when it finished (the page terminates it).
import { countAtomics, countLocked, countNoLock, countOwn, lock, SLOT, unlock } from './counting';
import type { CounterReply, CounterStart } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

let job: CounterStart | null = null;

const now = () => performance.timeOrigin + performance.now();

function count(start: CounterStart): void {
  const startedAt = now();
  let own: number | null = null;
  if (start.variant === 'separate') own = countOwn(start.counter, start.increments);
  else {
    if (!start.shared) throw new Error('The shared variants need a SharedArrayBuffer.');
    const view = new Int32Array(start.shared);
    if (start.variant === 'nolock') countNoLock(view, start.increments);
    else if (start.variant === 'atomics') countAtomics(view, start.increments);
    else countLocked(view, SLOT.lock, start.increments, lock, unlock);
  }
  const reply: CounterReply = { type: 'done', startedAt, endedAt: now(), own };
  self.postMessage(reply);
}

self.onmessage = (event: MessageEvent<CounterStart | { readonly type: 'go' }>) => {
  const msg = event.data;
  if (msg.type === 'start') {
    job = msg;
    const ready: CounterReply = { type: 'ready' };
    self.postMessage(ready);
    // The start barrier: with shared memory every Worker sleeps here until the page stores 1 in
    // the go slot and notifies them all at once; without it the page posts `go` to each.
    if (msg.barrier) {
      Atomics.wait(new Int32Array(msg.barrier), SLOT.go, 0);
      count(msg);
    }
  } else if (job) {
    count(job);
  }
};
