import { reduce, type RunState, type StoreEvent } from './reducer';

// What the run state is and how events fold into it live in reducer.ts, what views derive from
// it in selectors.ts; they are re-exported here so that `./store` keeps offering all of it.
export {
  initialRunState,
  latestRun,
  reduce,
  type Bar,
  type BarStatus,
  type ConsoleKind,
  type ConsoleLine,
  type RunPhase,
  type RunState,
  type StoreEvent,
  type StrategyRun,
} from './reducer';
export { arrivals, finishedRuns, medianRun, resultRows, shownRun, type ResultRow } from './selectors';

export type Listener = () => void;

/** A tiny framework-free store (zustand-style): state, dispatch, subscribe. */
export interface RunStore {
  getState(): RunState;
  dispatch(event: StoreEvent): void;
  subscribe(listener: Listener): () => void;
}

export function createRunStore(initial: RunState): RunStore {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    getState: () => state,
    dispatch(event) {
      state = reduce(state, event);
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
