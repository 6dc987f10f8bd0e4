// Lab `transfer` (issue 13, point 2): the arithmetic, pure. What a trip measured, the row a
// (size, method) measurement becomes, MB/s, how a bar is laid out, and the "What happened" text.

/** How the data goes to the Worker and back. */
export const METHODS = ['clone', 'transfer', 'shared'] as const;
export type Method = (typeof METHODS)[number];

/** Sizes offered, MB (1 MB = 2^20 bytes). 256 is opt-in: clone holds three copies at once. */
export const SIZES_MB = [1, 4, 16, 64, 256] as const;
export const DEFAULT_SIZES_MB: readonly number[] = [1, 4, 16, 64];
export const MB = 1024 * 1024;

/** Trips per (size, method): the first warms up and is not counted; the median of the rest is shown. */
export const WARMUP_TRIPS = 1;
export const COUNTED_TRIPS = 5;

/** One round trip, on one clock shared by page and Worker (performance.timeOrigin + now()), ms. */
export interface Trip {
  /** The page, just before postMessage. */
  readonly sentMs: number;
  /** The Worker, first thing in its message handler. */
  readonly receivedMs: number;
  /** The Worker, after checking the data, just before posting it back. */
  readonly repliedMs: number;
  /** The page, first thing in its message handler. */
  readonly backMs: number;
  /** byteLength of the page's buffer right after postMessage (0: it moved). */
  readonly senderBytesAfterSend: number;
}

export interface TripParts {
  readonly thereMs: number;
  readonly workMs: number;
  readonly backMs: number;
  readonly totalMs: number;
}

/** The parts of a trip. Total is on the page's clock alone; there/work/back cross page and Worker. */
export function tripParts(trip: Trip): TripParts {
  return {
    thereMs: trip.receivedMs - trip.sentMs,
    workMs: trip.repliedMs - trip.receivedMs,
    backMs: trip.backMs - trip.repliedMs,
    totalMs: trip.backMs - trip.sentMs,
  };
}

/** The median of numbers (the mean of the middle two for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A (size, method) measurement: its median trip. */
export interface TransferRow {
  readonly method: Method;
  readonly sizeMb: number;
  /** The median trip by total (an odd count, so a real trip: its parts add up to its total). */
  readonly parts: TripParts;
  /** Trips counted (warm-up excluded). */
  readonly trips: number;
  /** The page's buffer right after each counted send, bytes. */
  readonly senderBytes: readonly number[];
}

/**
 * The row for a measurement: drops the warm-up trips, takes the trip with the median total (the
 * lower middle one for an even count, so the bar is one real trip whose parts add up).
 */
export function summarize(method: Method, sizeMb: number, trips: readonly Trip[], warmup = WARMUP_TRIPS): TransferRow {
  const counted = trips.slice(warmup);
  if (counted.length === 0) throw new Error('summarize: no trip left after the warm-up');
  const parts = counted.map(tripParts).sort((a, b) => a.totalMs - b.totalMs);
  const mid = parts[Math.floor((parts.length - 1) / 2)] as TripParts;
  return { method, sizeMb, parts: mid, trips: counted.length, senderBytes: counted.map((t) => t.senderBytesAfterSend) };
}

/** MB/s: the size went there and back (size × 2) in the total time. Infinity for a 0 ms total. */
export function mbPerSecond(sizeMb: number, totalMs: number): number {
  return totalMs > 0 ? (sizeMb * 2) / (totalMs / 1000) : Infinity;
}

/** "64 MB", "512 KB", "0 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes === 0) return '0 bytes';
  if (bytes >= MB) return `${trimNumber(bytes / MB)} MB`;
  if (bytes >= 1024) return `${trimNumber(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** An axis tick: at most 3 significant figures, no trailing zeros (`0`, `0.25`, `75`). */
export function formatTick(ms: number): string {
  return String(Number(ms.toPrecision(3)));
}

function trimNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/**
 * What the page's buffer held right after it sent the data, as measured: `64 MB kept` (a copy
 * went), `0 bytes (moved)` (transferred: detached), `64 MB shared` (the same memory on both sides).
 * Trips that disagree are all named.
 */
export function senderLabel(method: Method, senderBytes: readonly number[]): string {
  const distinct = [...new Set(senderBytes)];
  const one = (bytes: number): string =>
    bytes === 0 ? '0 bytes (moved)' : `${formatBytes(bytes)} ${method === 'shared' ? 'shared' : 'kept'}`;
  return distinct.length === 0 ? '—' : distinct.map(one).join(' / ');
}

/** Milliseconds for people: 3 significant figures, at least 2 decimals under 1 ms. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  return ms.toFixed(2);
}

/** A rate for people: `1.1 GB/s`, `640 MB/s`; GB = 1024 MB like the sizes. */
export function formatRate(mbPerS: number): string {
  if (!Number.isFinite(mbPerS)) return '∞';
  if (mbPerS >= 1024 * 1000) return `${Math.round(mbPerS / 1024).toLocaleString('en-US')} GB/s`;
  if (mbPerS >= 1024) return `${(mbPerS / 1024).toFixed(mbPerS >= 10 * 1024 ? 0 : 1)} GB/s`;
  return `${mbPerS.toFixed(mbPerS >= 100 ? 0 : 1)} MB/s`;
}

/** `16 MB · transfer · trip 3 of 5` (or `· warm-up`). `trip` counts from 1, warm-up included. */
export function progressText(
  sizeMb: number,
  method: Method,
  trip: number,
  warmup = WARMUP_TRIPS,
  counted = COUNTED_TRIPS,
): string {
  const which = trip <= warmup ? 'warm-up' : `trip ${trip - warmup} of ${counted}`;
  return `${sizeMb} MB · ${method} · ${which}`;
}

// ------------------------------------------------------------------ the picture

export type SegmentKind = 'there' | 'work' | 'back';

export interface Segment {
  readonly kind: SegmentKind;
  readonly ms: number;
  /** Left edge and width, % of the axis. */
  readonly left: number;
  readonly width: number;
}

/**
 * A bar's three segments one after another (there | work | back) on an axis from 0 to axisMs.
 * Negative parts (clock noise between page and Worker) are drawn as 0.
 */
export function layoutBar(parts: TripParts, axisMs: number): Segment[] {
  const pct = (ms: number): number => (axisMs > 0 ? (Math.max(0, ms) / axisMs) * 100 : 0);
  let left = 0;
  return (['there', 'work', 'back'] as const).map((kind) => {
    const ms = kind === 'there' ? parts.thereMs : kind === 'work' ? parts.workMs : parts.backMs;
    const segment = { kind, ms, left, width: pct(ms) };
    left += segment.width;
    return segment;
  });
}

/**
 * An axis for values up to maxMs: a round tick step (1, 2, 2.5 or 5 × 10^k, at least a quarter of
 * maxMs) and the first multiple of it at or above maxMs as the end; ticks from 0 to the end.
 */
export function niceAxis(maxMs: number): { readonly endMs: number; readonly ticks: readonly number[] } {
  const top = maxMs > 0 && Number.isFinite(maxMs) ? maxMs : 1;
  const quarter = top / 4;
  const power = 10 ** Math.floor(Math.log10(quarter));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= quarter * (1 - 1e-9)) ?? 10 * power;
  const count = Math.max(1, Math.ceil(top / step - 1e-9));
  const ticks = Array.from({ length: count + 1 }, (_, i) => Number((step * i).toPrecision(6)));
  return { endMs: ticks[count] as number, ticks };
}

/** Rows grouped by size (ascending), methods in METHODS order: one axis per size group. */
export function groupBySize(rows: readonly TransferRow[]): { sizeMb: number; rows: TransferRow[] }[] {
  const sizes = [...new Set(rows.map((r) => r.sizeMb))].sort((a, b) => a - b);
  return sizes.map((sizeMb) => ({
    sizeMb,
    rows: rows.filter((r) => r.sizeMb === sizeMb).sort((a, b) => METHODS.indexOf(a.method) - METHODS.indexOf(b.method)),
  }));
}

// ------------------------------------------------------------------ what happened

/**
 * One paragraph from the measurements: at the largest size measured, what each method cost and
 * why; how clone grew with the size; a stopped run says so. Null before any row.
 */
export function whatHappened(rows: readonly TransferRow[], stopped = false): string | null {
  if (rows.length === 0) return stopped ? 'The run was stopped before any measurement finished.' : null;
  const largest = Math.max(...rows.map((r) => r.sizeMb));
  const at = (method: Method, sizeMb = largest) => rows.find((r) => r.method === method && r.sizeMb === sizeMb);
  const clone = at('clone');
  const transfer = at('transfer');
  const shared = at('shared');
  const sentences: string[] = [];
  const lead = `At ${largest} MB`;

  if (clone) {
    const { thereMs, backMs, totalMs } = clone.parts;
    sentences.push(
      `${lead}, clone took ${formatMs(thereMs)} ms there and ${formatMs(backMs)} ms back ` +
        `(${formatRate(mbPerSecond(largest, totalMs))}): the data is copied each way, like pickling an argument and its result.`,
    );
  }
  if (transfer) {
    const moved = transfer.senderBytes.every((b) => b === 0);
    const first = clone ? 'Transfer' : `${lead}, transfer`;
    sentences.push(
      `${first} took ${formatMs(transfer.parts.totalMs)} ms in all: nothing is copied, the buffer moves` +
        (moved
          ? ' and the page’s buffer is empty (0 bytes) until it comes back.'
          : `, yet the page’s buffer still held ${formatBytes(Math.max(...transfer.senderBytes))} after sending.`),
    );
  }
  if (shared) {
    const first = clone || transfer ? 'Shared' : `${lead}, shared`;
    sentences.push(
      `${first} took ${formatMs(shared.parts.totalMs)} ms: both sides see the same memory, so only a tiny message ` +
        `goes — but now they must coordinate (see the memory lab).`,
    );
  }
  const fastest = transfer ?? shared;
  if (clone && fastest && fastest.parts.totalMs > 0) {
    const ratio = clone.parts.totalMs / fastest.parts.totalMs;
    if (ratio >= 1.5) sentences.push(`Clone was ${formatRatio(ratio)}× slower than ${fastest.method} at this size.`);
    else
      sentences.push(
        `At this size clone was about as fast as ${fastest.method} (${formatRatio(ratio)}×): the copy is small next to the cost of any message.`,
      );
  }
  const smallest = Math.min(...rows.map((r) => r.sizeMb));
  const smallClone = at('clone', smallest);
  if (clone && smallClone && smallest < largest && smallClone.parts.totalMs > 0) {
    const data = largest / smallest;
    const grew = clone.parts.totalMs / smallClone.parts.totalMs;
    const how =
      grew > data * 2
        ? 'more than the data: a big copy also needs fresh memory on each side'
        : grew < data / 2
          ? 'less than the data: every message also has a fixed cost, which small copies do not hide'
          : 'roughly in proportion: copying costs time per byte';
    sentences.push(
      `From ${smallest} MB to ${largest} MB (${formatRatio(data)}× the data) clone’s trip grew ${formatRatio(grew)}×, ${how}.`,
    );
  }
  if (stopped) sentences.push('The run was stopped; these are the measurements finished before Stop.');
  return sentences.join(' ');
}

function formatRatio(r: number): string {
  if (r >= 100) return Math.round(r).toLocaleString('en-US');
  if (r >= 10) return r.toFixed(0);
  return r.toFixed(1);
}
