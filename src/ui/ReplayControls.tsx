import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RunState } from '../engine/reducer';
import { replayEvents, replaySpan, stepFrom } from '../engine/replay';

/** Where a replay stands: the clock instant shown, and whether it plays. */
export interface ReplayState {
  readonly atMs: number;
  readonly playing: boolean;
  readonly speed: number;
}

export const REPLAY_SPEEDS = [0.1, 0.25, 0.5, 1, 2] as const;
const DEFAULT_SPEED = 0.25;

interface Props {
  /** The finished run. */
  readonly state: RunState;
  /** null: not replaying. */
  readonly replay: ReplayState | null;
  readonly onReplay: (replay: ReplayState | null) => void;
  /** A run in progress cannot be replayed until it ends. */
  readonly disabled: boolean;
}

const sec = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/**
 * Replay of the recorded run (engine/replay.ts): the Replay button, then a position slider (seconds
 * from the run's start), a speed, Play/Pause, Step back/forward to the previous/next event, and
 * Leave replay. Stepping says what happened at that instant, for screen readers.
 */
export function ReplayControls({ state, replay, onReplay, disabled }: Props) {
  const { startMs, endMs } = useMemo(() => replaySpan(state), [state]);
  const events = useMemo(() => replayEvents(state), [state]);
  const [said, setSaid] = useState('');

  // Playing: advance with the wall clock × speed, one step per animation frame, up to the end.
  const latest = useRef(replay);
  // Before the next frame: a Pause must never be undone by a frame that still saw it playing.
  useLayoutEffect(() => {
    latest.current = replay;
  });
  const playing = replay?.playing ?? false;
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    const tick = (now: number): void => {
      const r = latest.current;
      if (!r?.playing) return;
      const atMs = Math.min(endMs, r.atMs + (now - last) * r.speed);
      last = now;
      onReplay({ ...r, atMs, playing: atMs < endMs });
      if (atMs < endMs) frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, endMs, onReplay]);

  if (!replay) {
    return (
      <div className="replay">
        <button
          type="button"
          disabled={disabled || endMs <= startMs}
          onClick={() => {
            setSaid('');
            onReplay({ atMs: startMs, playing: true, speed: DEFAULT_SPEED });
          }}
        >
          Replay
        </button>
      </div>
    );
  }

  const step = (direction: 'next' | 'previous'): void => {
    const event = stepFrom(events, replay.atMs, direction);
    if (!event) return;
    const together = events.filter((e) => e.tMs === event.tMs).map((e) => e.says);
    setSaid(`${sec(event.tMs - startMs)}: ${together.join('; ')}`);
    onReplay({ ...replay, atMs: event.tMs, playing: false });
  };
  const atEnd = replay.atMs >= endMs;
  return (
    <div className="replay replaying" role="group" aria-label="Replay">
      <button
        type="button"
        onClick={() =>
          onReplay({ ...replay, atMs: atEnd && !replay.playing ? startMs : replay.atMs, playing: !replay.playing })
        }
      >
        {replay.playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={() => step('previous')}>
        Step back
      </button>
      <button type="button" onClick={() => step('next')}>
        Step forward
      </button>
      <input
        type="range"
        className="replay-position"
        aria-label="Replay position"
        min={0}
        max={((endMs - startMs) / 1000).toFixed(3)}
        step={0.01}
        value={((replay.atMs - startMs) / 1000).toFixed(3)}
        aria-valuetext={sec(replay.atMs - startMs)}
        onChange={(e) => onReplay({ ...replay, atMs: startMs + Number(e.target.value) * 1000, playing: false })}
      />
      <output className="replay-time">
        {sec(replay.atMs - startMs)} of {sec(endMs - startMs)}
      </output>
      <label htmlFor="replay-speed">Replay speed</label>
      <select
        id="replay-speed"
        value={replay.speed}
        onChange={(e) => onReplay({ ...replay, speed: Number(e.target.value) })}
      >
        {REPLAY_SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
      <button type="button" className="link-button" onClick={() => onReplay(null)}>
        Leave replay
      </button>
      <p role="status" aria-label="Replay event" className="visually-hidden">
        {said}
      </p>
    </div>
  );
}
