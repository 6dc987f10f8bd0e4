interface Props {
  readonly cores: number;
  readonly canRun: boolean;
  readonly running: boolean;
  readonly onStop: () => void;
  readonly onSweep: () => void;
  readonly onCrash: () => void;
  /** Why a `run=1` link did not start by itself (shown next to Run until a run starts), if it did not. */
  readonly runNote?: string | undefined;
}

/** Run (the form's submit) and Stop, then Sweep workers and Crash a worker. */
export function RunActions({ cores, canRun, running, onStop, onSweep, onCrash, runNote }: Props) {
  return (
    <>
      {/* Sticky at the bottom of the viewport while the controls run below it (styles/more.css). */}
      <div className="actions run-actions">
        <button type="submit" className="run" disabled={!canRun} aria-describedby={runNote ? 'run-note' : undefined}>
          Run
        </button>
        <button type="button" className="stop" disabled={!running} onClick={onStop}>
          Stop
        </button>
        {/* Inside the sticky bar, so the reason stays just below Run wherever the bar is. */}
        {runNote && (
          <p id="run-note" className="run-note">
            {runNote}
          </p>
        )}
      </div>
      <div className="actions secondary">
        <button
          type="button"
          className="sweep-button"
          disabled={!canRun}
          onClick={onSweep}
          aria-describedby="sweep-hint"
        >
          Sweep workers
        </button>
        <span id="sweep-hint" className="hint">
          Pool with 1 … {Math.max(2 * cores, 8)} workers on these tasks
        </span>
      </div>
      <div className="actions secondary">
        <button type="button" className="crash" disabled={!running} onClick={onCrash} aria-describedby="crash-hint">
          Crash a worker
        </button>
        <span id="crash-hint" className="hint">
          During a run: kill a busy Worker, as if its process died
        </span>
      </div>
    </>
  );
}
