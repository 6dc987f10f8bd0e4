import { DEFAULTS } from '../engine/config';
import type { RunState } from '../engine/reducer';
import { readUrl } from '../engine/url';
import type { Fields } from './Controls';
import type { Readiness } from './hooks/useReadiness';

/** The controls' fields as a link gives them (defaults where it says nothing), and whether it asks to run. */
export function fieldsFromUrl(search: string): { fields: Fields; run: boolean } {
  const url = readUrl(search);
  return {
    fields: {
      tasks: url.fields.tasks ?? DEFAULTS.tasks,
      kind: url.fields.kind ?? DEFAULTS.kind,
      strategies: url.fields.strategies ?? DEFAULTS.strategies,
      workers: url.fields.workers,
      order: url.fields.order,
      repeat: url.fields.repeat,
      fail: url.fields.fail,
      predict: url.fields.predict,
      start: url.fields.start,
    },
    run: url.run,
  };
}

/** The `Run status` text (CONTRACT): what the page is doing, or how the last run ended. */
export function runStatusText(
  session: {
    readonly readiness: Readiness;
    readonly running: boolean;
    readonly sweepState: { readonly stopped: boolean } | null;
  },
  state: RunState | null,
): string {
  if (session.readiness.state === 'preparing') return 'Starting a worker and calibrating the CPU…';
  if (session.readiness.state === 'calibrating') return 'Calibrating the CPU…';
  if (session.readiness.state === 'error') return 'Could not start a Web Worker';
  if (session.running) return 'Running…';
  // A sweep stopped between two pool sizes leaves its last run finished: the sweep says stopped.
  if (state?.phase === 'stopped' || session.sweepState?.stopped) return 'Stopped';
  if (state?.phase === 'done') return 'Done';
  return 'Ready';
}
