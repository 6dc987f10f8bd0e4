// Lab `mandelbrot`: the three ways to hand out the tiles.

export const STRATEGIES = ['sequential', 'static', 'dynamic'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** Names shown in the controls, table, progress and Gantt headings. */
export const STRATEGY_NAMES: Record<Strategy, string> = {
  sequential: 'Sequential',
  static: 'Pool, static chunks',
  dynamic: 'Pool, dynamic',
};
