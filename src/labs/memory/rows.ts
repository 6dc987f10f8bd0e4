// What each row of the memory lab (table and bars) shows, from the run's plan and outcomes.
import type { Outcome, Variant } from './model';
import { needsSharedMemory, VARIANTS } from './model';

export type RowState =
  | Outcome
  /** Running now. */
  | { readonly kind: 'running'; readonly variant: Variant }
  /** In this run's plan, not reached yet. */
  | { readonly kind: 'waiting'; readonly variant: Variant }
  /** In the plan, but Stop came first. */
  | { readonly kind: 'skipped'; readonly variant: Variant }
  /** Not in the plan (checkbox off, or no run yet). */
  | { readonly kind: 'idle'; readonly variant: Variant; readonly chosen: boolean }
  /** Needs shared memory, which this page lacks. */
  | { readonly kind: 'unavailable'; readonly variant: Variant };

export interface RunPlan {
  readonly variants: readonly Variant[];
  readonly workers: number;
  readonly increments: number;
  /** Stop was pressed during this run. */
  readonly stopped: boolean;
}

/** One state per variant, in table order. */
export function rowStates(
  plan: RunPlan | null,
  outcomes: readonly Outcome[],
  running: Variant | null,
  chosen: Readonly<Record<Variant, boolean>>,
  shared: boolean,
): RowState[] {
  return VARIANTS.map((variant): RowState => {
    if (!shared && needsSharedMemory(variant)) return { kind: 'unavailable', variant };
    const outcome = outcomes.find((o) => o.variant === variant);
    if (outcome) return outcome;
    if (running === variant) return { kind: 'running', variant };
    if (plan?.variants.includes(variant))
      return plan.stopped ? { kind: 'skipped', variant } : { kind: 'waiting', variant };
    return { kind: 'idle', variant, chosen: chosen[variant] };
  });
}
