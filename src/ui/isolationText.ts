// What cross-origin isolation changes on this page, in words for the header's machine list:
// the clock's measured resolution and whether shared memory (SharedArrayBuffer) exists.

/** The next value of `now()` that differs from `from` (gives up after many equal reads). */
function nextTick(now: () => number, from: number): number {
  let t = now();
  for (let spins = 0; t === from && spins < 1_000_000; spins += 1) t = now();
  return t;
}

/**
 * The clock's resolution, measured: the smallest step between successive distinct readings of
 * `now()`, over `ticks` steps that start on a tick boundary. NaN when the clock does not move.
 * (A 5 µs clock takes ~25 µs to measure; a 0.1 ms one ~0.5 ms.)
 */
export function measureTickMs(now: () => number, ticks = 4): number {
  let last = nextTick(now, now());
  let best = Infinity;
  for (let i = 0; i < ticks; i += 1) {
    const t = nextTick(now, last);
    best = Math.min(best, t - last);
    last = t;
  }
  return best > 0 && Number.isFinite(best) ? best : NaN;
}

/** `0.005` → `5 µs`, `0.1` → `0.1 ms`, `1` → `1 ms`, `0.0004` → `< 1 µs`. */
export function formatTick(ms: number): string {
  if (!Number.isFinite(ms)) return 'unknown';
  const us = Math.round(ms * 1000); // readings differ by e.g. 0.09999999999990905
  if (us < 1) return '< 1 µs';
  if (us < 100) return `${us} µs`;
  return `${Number((us / 1000).toPrecision(2))} ms`;
}

export interface Isolation {
  /** `window.crossOriginIsolated` */
  readonly isolated: boolean;
  /** `SharedArrayBuffer` exists */
  readonly sharedMemory: boolean;
  /** measured clock resolution, ms */
  readonly tickMs: number;
}

export interface IsolationText {
  /** `yes` / `no`: the answer to "Cross-origin isolated". */
  readonly answer: 'yes' | 'no';
  /** What it changes, short: `5 µs clock, shared memory`. */
  readonly effects: string;
  /** One or two sentences of detail (the entry's tooltip). */
  readonly detail: string;
  /** For a page that is not isolated: how to get isolation. */
  readonly hint?: string;
}

export function isolationText({ isolated, sharedMemory, tickMs }: Isolation): IsolationText {
  const clock = `${formatTick(tickMs)} clock`;
  const memory = sharedMemory ? 'shared memory' : 'no shared memory';
  const measured = `performance.now() was measured to tick every ${formatTick(tickMs)}`;
  const sab = sharedMemory ? 'SharedArrayBuffer is available' : 'SharedArrayBuffer is not available';
  if (isolated) {
    return {
      answer: 'yes',
      effects: `${clock}, ${memory}`,
      detail: `The page is served with COOP/COEP headers (by the host, or added by this app's service worker): ${measured}, and ${sab}.`,
    };
  }
  return {
    answer: 'no',
    effects: `${clock}, ${memory}`,
    detail: `The page is not cross-origin isolated, so the browser coarsens its clock: ${measured}, and ${sab}. Times are still right, to about one tick.`,
    hint: 'Needs COOP/COEP headers, or one reload by the service worker.',
  };
}
