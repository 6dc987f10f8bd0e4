// Small statistics helpers for the bench (no dependencies).

/** Sorted copy of the finite numbers in `values`. */
export function sorted(values) {
  return values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
}

export function median(values) {
  const s = sorted(values);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** `{ n, min, median, max }` of the values (NaN when there are none). */
export function summary(values) {
  const s = sorted(values);
  return {
    n: s.length,
    min: s.length ? s[0] : NaN,
    median: median(s),
    max: s.length ? s[s.length - 1] : NaN,
  };
}

/** Fixed decimals, or `–` for a missing value. */
export function fmt(value, decimals = 0) {
  return Number.isFinite(value) ? value.toFixed(decimals) : '–';
}

/** `+12` / `-3` (a signed whole number), or `–`. */
export function signed(value, decimals = 0) {
  if (!Number.isFinite(value)) return '–';
  const text = value.toFixed(decimals);
  return value >= 0 ? `+${text}` : text;
}
