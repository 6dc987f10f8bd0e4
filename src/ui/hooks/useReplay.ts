import { useCallback, useMemo, useState } from 'react';
import type { RunState } from '../../engine/reducer';
import { replayEvents, replayStateAt } from '../../engine/replay';
import { momentAt, type CodeMoment } from '../codeHighlight';
import type { ReplayState } from '../ReplayControls';

/**
 * Replay (engine/replay.ts): the finished run cut at an instant, for the timelines and the Console,
 * and the code moment it shows. A replay belongs to the run (store) it was started on: a new run,
 * or one in progress, ends it.
 */
export function useReplay(
  state: RunState | null,
  store: unknown,
  running: boolean,
): {
  readonly replay: ReplayState | null;
  readonly setReplay: (replay: ReplayState | null) => void;
  /** The state to draw: the run cut at the replay's instant, or the whole run. */
  readonly shown: RunState | null;
  readonly moment: CodeMoment | null;
} {
  const [replayOf, setReplayOf] = useState<{ readonly store: unknown; readonly at: ReplayState } | null>(null);
  const replay = replayOf && replayOf.store === store && !running ? replayOf.at : null;
  const setReplay = useCallback((at: ReplayState | null) => setReplayOf(at ? { store, at } : null), [store]);
  const replaying = replay !== null;
  const events = useMemo(() => (state && replaying ? replayEvents(state) : []), [state, replaying]);
  const shown = state && replay ? replayStateAt(state, replay.atMs) : state;
  const moment = shown && replay ? momentAt(events, shown, replay.atMs) : null;
  return { replay, setReplay, shown, moment };
}
