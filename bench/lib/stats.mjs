// @ts-check
// Small statistics helpers for the bench (no dependencies).

/** Sorted copy of the finite numbers in `values`. @param {readonly number[]} values */
export function sorted(values) {
  return values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
}

/** @param {readonly number[]} values */
export function median(values) {
  const s = sorted(values);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  const at = (/** @type {number} */ i) => s[i] ?? NaN;
  return s.length % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

/**
 * `{ n, min, median, max }` of the values (NaN when there are none).
 * @param {readonly number[]} values
 * @returns {import('./types').Summary}
 */
export function summary(values) {
  const s = sorted(values);
  return {
    n: s.length,
    min: s[0] ?? NaN,
    median: median(s),
    max: s.at(-1) ?? NaN,
  };
}

/**
 * Medians of the app's overhead breakdown (Worker start-up / dispatch / other) over Results rows.
 * @param {readonly import('./types').StrategyFigures[]} rows
 * @returns {import('./types').Breakdown}
 */
export function breakdownMedian(rows) {
  return {
    startup: median(rows.map((r) => r.startupMs)),
    dispatch: median(rows.map((r) => r.dispatchMs)),
    other: median(rows.map((r) => r.otherMs)),
  };
}

/** Fixed decimals, or `–` for a missing value. @param {number | null | undefined} value */
export function fmt(value, decimals = 0) {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(decimals) : '–';
}

/** `+12` / `-3` (a signed whole number), or `–`. @param {number} value */
export function signed(value, decimals = 0) {
  if (!Number.isFinite(value)) return '–';
  const text = value.toFixed(decimals);
  return value >= 0 ? `+${text}` : text;
}
