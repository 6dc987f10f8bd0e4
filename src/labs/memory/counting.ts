// The counting loops each Worker of the memory lab runs, one per variant, and the mutex the lock
// variant uses. Pure functions of an Int32Array: the same code runs in the browser's Workers
// (counter.worker.ts) and in Node's worker_threads (counting.test.ts). Each function is
// self-contained (no module-level names inside), so the tests can ship its source to a thread.

/** Int32 slots of the lab's SharedArrayBuffer, a cache line (64 bytes) apart. */
export const SLOT = { counter: 0, lock: 16, go: 32 } as const;
/** Bytes of the lab's SharedArrayBuffer: the three slots above. */
export const SHARED_BYTES = 33 * 4;

/**
 * Separate memory: the Worker's own counter, like a process's copy of a global. `start` is the
 * value the page posted (a copy: structured clone, like the copy a child process gets); the
 * page's own counter is never touched. Returns this Worker's copy at the end.
 */
export function countOwn(start: number, m: number): number {
  let counter = start;
  for (let i = 0; i < m; i += 1) counter += 1;
  return counter;
}

/**
 * Shared, no lock: `counter += 1` as three steps — read, add, write — with nothing holding the
 * other Workers off between this Worker's read and its write; a write that lands in between is
 * overwritten, i.e. lost. Exactly what CPython does for `shared.value += 1`: a get and a set, each
 * indivisible on its own (Value's lock is taken for each), the pair not.
 *
 * Why Atomics.load / Atomics.store and not a plain `view[0] = view[0] + 1`: plain accesses to
 * shared memory are unsynchronised, and the ECMAScript memory model lets the JIT keep the value in
 * a register. Chromium 156 does (measured on the development machine, 2 cores): once the plain
 * loop is optimised it no longer re-reads the slot — a Worker counting to 50,000,000 ignored all of
 * another Worker's 1,000,000 `Atomics.add`s — so the updates it loses come from "read once, write
 * your own count", not from interleaving (lost counts of 2 × 1,000,000 cluster at ≈1,000,000 or 0).
 * The atomic load and store cannot be merged or skipped: each iteration really reads the shared
 * counter and really writes it, and the race between the two steps is the only thing that loses
 * updates — on this machine and any other (measured: lost in 10 of 10 runs, 240,000–870,000).
 * Honest about cost too: really reading and writing a counter another core is writing costs about
 * what Atomics.add costs (the cache line travels between the cores either way); the plain loop
 * looked faster only because it had stopped reading shared memory.
 */
export function countNoLock(view: Int32Array, m: number): void {
  for (let i = 0; i < m; i += 1) {
    const read = Atomics.load(view, 0);
    Atomics.store(view, 0, read + 1);
  }
}

/** Shared with Atomics: one indivisible read-add-write per increment (a `lock add` on x86). */
export function countAtomics(view: Int32Array, m: number): void {
  for (let i = 0; i < m; i += 1) Atomics.add(view, 0, 1);
}

/**
 * Takes the mutex in slot `at`: 0 unlocked, 1 locked, 2 locked with (maybe) waiters — the
 * three-state futex mutex of Drepper's "Futexes Are Tricky" (mutex 3). Uncontended it is one
 * compareExchange; contended, the Worker sleeps in Atomics.wait until unlock() notifies it.
 * Atomics.wait blocks, so only Workers may take it (the page's main thread may not wait).
 */
export function lock(view: Int32Array, at: number): void {
  let c = Atomics.compareExchange(view, at, 0, 1);
  if (c === 0) return;
  if (c !== 2) c = Atomics.exchange(view, at, 2);
  while (c !== 0) {
    Atomics.wait(view, at, 2);
    c = Atomics.exchange(view, at, 2);
  }
}

/** Releases the mutex in slot `at`, waking one waiter if any may be sleeping. */
export function unlock(view: Int32Array, at: number): void {
  if (Atomics.sub(view, at, 1) !== 1) {
    Atomics.store(view, at, 0);
    Atomics.notify(view, at, 1);
  }
}

/**
 * Shared with a lock, like `with counter.get_lock(): counter.value += 1`: the plain read-add-write
 * happens while holding the mutex in slot `at`, so no other Worker's write can come between.
 */
export function countLocked(
  view: Int32Array,
  at: number,
  m: number,
  take: (view: Int32Array, at: number) => void,
  give: (view: Int32Array, at: number) => void,
): void {
  for (let i = 0; i < m; i += 1) {
    take(view, at);
    view[0] = (view[0] ?? 0) + 1;
    give(view, at);
  }
}
