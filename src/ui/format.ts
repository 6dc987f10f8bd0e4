/** Seconds with 2 decimals, as the chapter prints them. */
export const sec = (s: number): string => Math.max(0, s).toFixed(2);

/** Task colours: Okabe–Ito plus a few, each task the same colour in every strategy. */
export const TASK_COLOURS = [
  '#e69f00',
  '#56b4e9',
  '#009e73',
  '#f0e442',
  '#cc79a7',
  '#d55e00',
  '#0072b2',
  '#a6d854',
  '#bbbbbb',
  '#ff9da7',
];

export function taskColour(task: number): string {
  return TASK_COLOURS[task % TASK_COLOURS.length] ?? '#999';
}

/** A tick step giving at most ~10 ticks across `maxS`. */
export function tickStep(maxS: number): number {
  const steps = [0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600];
  return steps.find((s) => maxS / s <= 10) ?? 600;
}

/** Rounds an axis end up to a whole number of ticks. */
export function axisEnd(maxS: number): number {
  const step = tickStep(maxS);
  return Math.max(step, Math.ceil((maxS - 1e-9) / step) * step);
}
