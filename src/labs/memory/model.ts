// The memory lab's model: its variants, inputs, arithmetic (expected, lost updates, cost per
// increment, the 10-run histogram) and the "What happened" paragraph, all pure.

export const VARIANTS = ['separate', 'nolock', 'atomics', 'lock'] as const;
export type Variant = (typeof VARIANTS)[number];

/** Row names in table `Counter results` (CONTRACT: contain Separate memory, no lock, Atomics, lock). */
export const VARIANT_NAMES: Record<Variant, string> = {
  separate: 'Separate memory',
  nolock: 'Shared, no lock',
  atomics: 'Shared with Atomics',
  lock: 'Shared with a lock',
};

/** One line under each variant's checkbox: what it does. */
export const VARIANT_HINTS: Record<Variant, string> = {
  separate: 'each Worker counts its own copy, like a process’s global',
  nolock: 'SharedArrayBuffer, counter += 1 as a read, then a write',
  atomics: 'Atomics.add: one indivisible step',
  lock: 'a mutex on Atomics.wait / notify, like multiprocessing.Lock',
};

/** Variants that need a SharedArrayBuffer (cross-origin isolation). */
export const needsSharedMemory = (variant: Variant): boolean => variant !== 'separate';

export interface FieldLimits {
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly initial: number;
}

export const WORKERS: FieldLimits = { label: 'Workers', min: 1, max: 8, initial: 2 };
export const INCREMENTS: FieldLimits = {
  label: 'Increments per worker',
  min: 1_000,
  max: 10_000_000,
  initial: 1_000_000,
};

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** `2000000` → `2,000,000`, `5.5` → `5.5` (the same in every locale, so tests and readers parse it alike). */
export const formatCount = (n: number): string => integer.format(n);

/** Reads a whole number field; an error names the field and its range, as the contract asks. */
export function parseField(
  limits: FieldLimits,
  raw: string,
): { readonly value: number; readonly error: null } | { readonly value: null; readonly error: string } {
  const range = `use a whole number from ${formatCount(limits.min)} to ${formatCount(limits.max)}`;
  const text = raw.trim().replace(/[,_\s]/g, '');
  if (text === '') return { value: null, error: `${limits.label}: empty; ${range}` };
  const n = Number(text);
  if (!/^[+]?\d+(\.\d+)?(e\+?\d+)?$/i.test(text) || !Number.isFinite(n)) {
    return { value: null, error: `${limits.label}: "${raw}" is not a number; ${range}` };
  }
  if (!Number.isInteger(n) || n < limits.min || n > limits.max) {
    return { value: null, error: `${limits.label}: ${raw} is out of range; ${range}` };
  }
  return { value: n, error: null };
}

/** A variant that ran to the end. */
export interface Finished {
  readonly kind: 'done';
  readonly variant: Variant;
  readonly workers: number;
  readonly increments: number;
  /** The page's counter at the end (Separate memory: the page's own, untouched counter). */
  readonly final: number;
  /** Each Worker's own copy at the end (Separate memory only; empty for the shared variants). */
  readonly ownCopies: readonly number[];
  /** From the start barrier's release to the last Worker's end, ms. */
  readonly timeMs: number;
}

/** A variant Stop ended: no total to trust. */
export interface Stopped {
  readonly kind: 'stopped';
  readonly variant: Variant;
  readonly workers: number;
  readonly increments: number;
  /** The shared counter when it was stopped (null for Separate memory: nothing shared to read). */
  readonly counterAtStop: number | null;
}

export type Outcome = Finished | Stopped;

export const expected = (workers: number, increments: number): number => workers * increments;

/** Updates the page's counter did not get: Expected − Final. */
export const lostUpdates = (r: Finished): number => expected(r.workers, r.increments) - r.final;

/** Wall-clock per increment of the counter, ns: Time ÷ Expected (all Workers' increments). */
export const nsPerIncrement = (r: Finished): number => (r.timeMs * 1e6) / expected(r.workers, r.increments);

/** `0.0123` → `0.012`, `12.34` → `12.3`, `1234.5` → `1,235` (ms in the table). */
export function formatMs(ms: number): string {
  if (ms < 1) return ms.toFixed(3);
  if (ms < 100) return ms.toFixed(1);
  return formatCount(Math.round(ms));
}

/** `0.83` → `0.83`, `4.13` → `4.1`, `45.2` → `45` (ns per increment). */
export function formatNs(ns: number): string {
  if (ns < 1) return ns.toFixed(2);
  if (ns < 10) return ns.toFixed(1);
  return formatCount(Math.round(ns));
}

/** `31.4` → `31%`, `0.04` → `0.04%`, `2.5` → `2.5%`. */
export function formatPercent(p: number): string {
  if (p === 0) return '0%';
  if (p < 0.1) return `${Number(p.toPrecision(1))}%`;
  if (p < 10) return `${Number(p.toFixed(1))}%`;
  return `${Math.round(p)}%`;
}

/** `612345` → `612k`, `1500000` → `1.5M`, `999` → `999` (the histogram's axis). */
export function formatCompact(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e6) return `${Number((n / 1e6).toPrecision(3))}M`;
  if (abs >= 1e3) return `${Number((n / 1e3).toPrecision(3))}k`;
  return String(n);
}

export interface Summary {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

/** Min, median (mean of the middle two for an even count) and max; null for no values. */
export function summarize(values: readonly number[]): Summary | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: sorted[0]!, median, max: sorted.at(-1)! };
}

export interface Bin {
  /** Smallest value the bin holds. */
  readonly from: number;
  /** Largest value the bin holds. */
  readonly to: number;
  readonly count: number;
}

/**
 * Whole-number values in `bins` bins of equal width from the smallest to the largest value (each
 * bin `from`–`to` inclusive, the last one ending at the largest); one bin when all are equal.
 */
export function histogram(values: readonly number[], bins = 5): Bin[] {
  const s = summarize(values);
  if (!s) return [];
  const span = s.max - s.min + 1;
  const count = Math.max(1, Math.min(bins, span));
  const width = Math.ceil(span / count);
  const out = Array.from({ length: count }, (_, i) => ({
    from: s.min + i * width,
    to: Math.min(s.max, s.min + (i + 1) * width - 1),
    count: 0,
  }));
  for (const v of values) {
    const bin = out[Math.min(count - 1, Math.floor((v - s.min) / width))]!;
    bin.count += 1;
  }
  return out.filter((b) => b.from <= s.max);
}

/** The no-lock variant run again and again (`Run 10 times`): each run's lost updates. */
export interface Repeats {
  readonly workers: number;
  readonly increments: number;
  readonly lost: readonly number[];
  /** Each run's time, ms. */
  readonly timesMs: readonly number[];
  readonly stopped: boolean;
}

/** The text alternative of the histogram: every value, then min / median / max. */
export function repeatsText(r: Repeats): string {
  const s = summarize(r.lost);
  if (!s) return r.stopped ? 'Stopped before the first run finished.' : 'No runs yet.';
  const runs = r.lost.length === 1 ? '1 run' : `${r.lost.length} runs`;
  return (
    `Lost updates in ${runs} of ${formatCount(expected(r.workers, r.increments))}: ${r.lost.map(formatCount).join(', ')}. ` +
    `Min ${formatCount(s.min)}, median ${formatCount(s.median)}, max ${formatCount(s.max)}.` +
    (r.stopped ? ' Stopped before all 10 runs finished.' : '')
  );
}

const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

function separateSentence(r: Finished): string {
  const copies = new Set(r.ownCopies);
  const copy = copies.size === 1 ? formatCount([...copies][0]!) : r.ownCopies.map(formatCount).join(', ');
  const who = r.workers === 1 ? 'the 1 Worker' : `each of the ${formatCount(r.workers)} Workers`;
  return (
    `Separate memory: ${who} counted to ${copy} in its own copy; the page’s counter stayed ${formatCount(r.final)}` +
    ` — Workers, like processes, don’t share variables.`
  );
}

function noLockSentence(r: Finished): string {
  const lost = lostUpdates(r);
  const total = formatCount(expected(r.workers, r.increments));
  if (r.workers === 1) {
    return `No lock: 1 Worker alone lost nothing (${total} of ${total}): with nobody to interleave with, there is no race — try 2 Workers.`;
  }
  if (lost === 0) {
    return (
      `No lock: this time no update was lost — the Workers happened not to overlap; the race is still there ` +
      `(Run 10 times).`
    );
  }
  const pct = formatPercent((lost / expected(r.workers, r.increments)) * 100);
  return (
    `No lock: ${formatCount(r.workers)} Workers lost ${formatCount(lost)} of ${total} updates (${pct}): ` +
    `counter += 1 is read, add, write, and the Workers interleave — one’s write overwrites another’s.`
  );
}

/** `3.24` → `3.2×`, `12.6` → `13×`. */
const times = (x: number): string => `${x < 10 ? x.toFixed(1) : formatCount(Math.round(x))}×`;

/** The variants a time is compared with, nearest first: `[run, its name in "the … time"]`. */
type Comparison = readonly [Finished | undefined, string];

function exactSentence(r: Finished, name: string, comparisons: readonly Comparison[]): string {
  const lost = lostUpdates(r);
  const head =
    lost === 0
      ? `${name}: exact (${formatCount(r.final)}), ${formatNs(nsPerIncrement(r))} ns per increment`
      : `${name}: ${formatCount(lost)} updates lost — this should never happen; please report it`;
  const ratios = comparisons
    .filter((c): c is readonly [Finished, string] => c[0] !== undefined && c[0].timeMs > 0)
    .map(([than, thanName]) => `${times(r.timeMs / than.timeMs)} the ${thanName} time`);
  const tail = ratios.length === 0 ? '' : `, ${ratios.join(' and ')}`;
  return `${head}${tail}.`;
}

/**
 * One paragraph from the measurements, a sentence per variant that ran (and one for Run 10 times);
 * null before anything ran.
 */
export function whatHappened(outcomes: readonly Outcome[], repeats: Repeats | null): string | null {
  const done = new Map<Variant, Finished>();
  for (const o of outcomes) if (o.kind === 'done') done.set(o.variant, o);
  const sentences: string[] = [];
  for (const o of outcomes) {
    if (o.kind === 'stopped') {
      sentences.push(`${VARIANT_NAMES[o.variant]}: stopped before it finished, so there is no total to compare.`);
      continue;
    }
    if (o.variant === 'separate') sentences.push(separateSentence(o));
    else if (o.variant === 'nolock') sentences.push(noLockSentence(o));
    else if (o.variant === 'atomics') {
      sentences.push(
        exactSentence(o, 'Atomics', [
          [done.get('separate'), 'separate-memory'],
          [done.get('nolock'), 'no-lock'],
        ]),
      );
    } else {
      const than = done.get('atomics');
      sentences.push(exactSentence(o, 'Lock', [than ? [than, 'Atomics'] : [done.get('nolock'), 'no-lock']]));
    }
  }
  const s = repeats ? summarize(repeats.lost) : null;
  if (repeats && s) {
    const distinct = new Set(repeats.lost).size;
    const n = repeats.lost.length;
    const spread =
      distinct === n
        ? 'a different total every time'
        : distinct === 1
          ? 'the same total every time'
          : `${plural(distinct, 'different total')} in ${formatCount(n)} runs`;
    sentences.push(
      `${n === 1 ? 'One run' : `${formatCount(n)} runs`} of no lock lost ${formatCount(s.min)} to ${formatCount(s.max)} ` +
        `updates (median ${formatCount(s.median)}): ${spread} — which Worker’s write wins depends on timing.`,
    );
  }
  return sentences.length ? sentences.join(' ') : null;
}
