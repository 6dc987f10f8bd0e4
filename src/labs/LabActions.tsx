/** Every lab's `Run` (submits the lab's form) and `Stop` (ends the run, keeping what finished). */
export function LabActions({
  canRun,
  running,
  onStop,
}: {
  readonly canRun: boolean;
  readonly running: boolean;
  readonly onStop: () => void;
}) {
  return (
    <div className="actions">
      <button type="submit" className="run" disabled={!canRun}>
        Run
      </button>
      <button type="button" className="stop" disabled={!running} onClick={onStop}>
        Stop
      </button>
    </div>
  );
}
