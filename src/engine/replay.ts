// Replay: a finished run re-enacted from what was measured, at any instant. Nothing runs again:
// the run state at time T is the recorded state cut at T (bars drawn up to T, the Console's lines
// printed by T), so a class can watch the interesting moment again, slowly, or event by event.
import type { Bar, RunState, StrategyRun } from './reducer';
import { STRATEGY_LABELS } from './types';

/** One moment worth stopping at: a strategy starting or ending, a task starting or completing. */
export interface ReplayEvent {
  /** Clock ms. */
  readonly tMs: number;
  readonly kind: 'strategy-start' | 'task-start' | 'task-end' | 'strategy-end';
  /** What happened, for a screen reader: "task 3 completed on worker 2 (Pool)". */
  readonly says: string;
}

/** The span a replay covers, clock ms: from the first strategy's start to the last one's end. */
export function replaySpan(state: RunState): { readonly startMs: number; readonly endMs: number } {
  const runs = state.strategies;
  const startMs = Math.min(...runs.map((r) => r.t0Ms));
  const endMs = Math.max(...runs.map((r) => r.t0Ms + (r.wallS ?? 0) * 1000));
  return runs.length === 0 ? { startMs: 0, endMs: 0 } : { startMs, endMs };
}

/** Every event of the run in time order (ties keep the order they happened in). */
export function replayEvents(state: RunState): ReplayEvent[] {
  const events: ReplayEvent[] = [];
  for (const run of state.strategies) {
    const label = STRATEGY_LABELS[run.name];
    const at = (s: number): number => run.t0Ms + s * 1000;
    events.push({ tMs: run.t0Ms, kind: 'strategy-start', says: `${label} started` });
    for (const bar of run.bars) {
      const on = `on worker ${bar.worker} (${label})`;
      events.push({ tMs: at(bar.startS), kind: 'task-start', says: `task ${bar.task + 1} started ${on}` });
      if (bar.endS !== null)
        events.push({ tMs: at(bar.endS), kind: 'task-end', says: `task ${bar.task + 1} ${ended(bar)} ${on}` });
    }
    if (run.wallS !== null) {
      const says = `${label} ${run.status === 'done' ? 'finished' : run.status}`;
      events.push({ tMs: at(run.wallS), kind: 'strategy-end', says });
    }
  }
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.tMs - b.e.tMs || a.i - b.i)
    .map(({ e }) => e);
}

function ended(bar: Bar): string {
  switch (bar.status) {
    case 'done':
      return 'completed';
    case 'error':
      return 'raised';
    case 'stopped':
      return 'was stopped';
    case 'running':
      return 'ran';
  }
}

/** A strategy run as it stood at clock time `tMs` (it had started by then). */
function runAt(run: StrategyRun, tMs: number): StrategyRun {
  const tS = (tMs - run.t0Ms) / 1000;
  if (run.wallS !== null && run.wallS <= tS) return run;
  const bars = run.bars
    .filter((bar) => bar.startS <= tS)
    .map((bar): Bar => (bar.endS !== null && bar.endS <= tS ? bar : { ...bar, endS: null, status: 'running' }));
  return {
    ...run,
    bars,
    spawns: run.spawns.filter((s) => s.atS <= tS),
    results: run.results.filter((r) => r.atS <= tS),
    status: 'running',
    wallS: null,
  };
}

/**
 * The run state at clock time `tMs`: strategies that had started, each cut at `tMs`, and the
 * Console lines whose event had happened by then, in the order they were printed.
 */
export function replayStateAt(state: RunState, tMs: number): RunState {
  const { endMs } = replaySpan(state);
  return {
    ...state,
    phase: tMs >= endMs ? state.phase : 'running',
    strategies: state.strategies.filter((r) => r.t0Ms <= tMs).map((r) => runAt(r, tMs)),
    console: state.console.filter((line) => line.tMs <= tMs),
  };
}

/** The next event strictly after `tMs` (or null at the end); `previous` the last one strictly before. */
export function stepFrom(
  events: readonly ReplayEvent[],
  tMs: number,
  direction: 'next' | 'previous',
): ReplayEvent | null {
  // A hundredth of a millisecond apart counts as the same instant (positions are rounded on screen).
  const epsilon = 0.01;
  if (direction === 'next') return events.find((e) => e.tMs > tMs + epsilon) ?? null;
  return events.findLast((e) => e.tMs < tMs - epsilon) ?? null;
}
