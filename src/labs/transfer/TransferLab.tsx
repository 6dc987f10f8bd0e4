import { useState, type FormEvent } from 'react';
import { LabLayout } from '../LabLayout';
import { LabActions } from '../LabActions';
import { sharedMemoryAvailable } from './echo';
import { COUNTED_TRIPS, DEFAULT_SIZES_MB, METHODS, SIZES_MB, whatHappened, type Method } from './model';
import { TRANSFER_PYTHON } from './python';
import { TransferPicture } from './TransferPicture';
import { TransferTable } from './TransferTable';
import { useTransferRun, type RunStatus } from './useTransferRun';

const METHOD_HINTS: Record<Method, string> = {
  clone: 'structured clone: copied there and copied back',
  transfer: 'transfer list: the buffer moves; the page’s becomes empty',
  shared: 'SharedArrayBuffer: nothing moves; a tiny message says “go”',
};

/** Lab `transfer` (issue 13, point 2): what sending data to a Worker costs — copy, move or share. */
export default function TransferLab() {
  const [canShare] = useState(sharedMemoryAvailable);
  const [sizes, setSizes] = useState<readonly number[]>(DEFAULT_SIZES_MB);
  const [methods, setMethods] = useState<readonly Method[]>(() => METHODS.filter((m) => m !== 'shared' || canShare));
  const { rows, status, planned, run, stop } = useTransferRun();
  const running = status.kind === 'running';
  const canRun = !running && sizes.length > 0 && methods.length > 0;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (canRun) run(sizes, methods);
  };
  const toggle = <T,>(list: readonly T[], item: T, on: boolean): readonly T[] =>
    on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);

  const notice = canShare ? null : (
    <p className="alert transfer-notice" role="note">
      Shared can’t run here: this page is not cross-origin isolated (it was served without the COOP/COEP headers), so
      the browser hides SharedArrayBuffer. Clone and transfer still run.
    </p>
  );

  const controls = (
    <form className="transfer-controls" onSubmit={onSubmit} aria-label="Transfer controls">
      <fieldset className="strategies">
        <legend>Sizes</legend>
        {SIZES_MB.map((mb) => (
          <div key={mb} className="check">
            <input
              id={`transfer-size-${mb}`}
              type="checkbox"
              checked={sizes.includes(mb)}
              disabled={running}
              onChange={(e) => setSizes(toggle(sizes, mb, e.target.checked))}
              aria-describedby={mb === 256 ? 'transfer-size-256-hint' : undefined}
            />
            <label htmlFor={`transfer-size-${mb}`}>{mb} MB</label>
            {mb === 256 && (
              <span id="transfer-size-256-hint" className="hint">
                Opt-in: clone holds about 768 MB at once (the page’s buffer, the Worker’s copy, the copy back)
              </span>
            )}
          </div>
        ))}
      </fieldset>
      <fieldset className="strategies">
        <legend>Methods</legend>
        {METHODS.map((m) => {
          const off = m === 'shared' && !canShare;
          return (
            <div key={m} className="check">
              <input
                id={`transfer-method-${m}`}
                type="checkbox"
                checked={methods.includes(m)}
                disabled={running || off}
                onChange={(e) => setMethods(toggle(methods, m, e.target.checked))}
                aria-describedby={`transfer-method-${m}-hint`}
              />
              <label htmlFor={`transfer-method-${m}`}>{m}</label>
              <span id={`transfer-method-${m}-hint`} className="hint">
                {off ? 'needs cross-origin isolation, which this page lacks' : METHOD_HINTS[m]}
              </span>
            </div>
          );
        })}
      </fieldset>
      <LabActions canRun={canRun} running={running} onStop={stop} />
      <p role="status" aria-label="Transfer status" className={`status status-${statusClass(status)}`}>
        {statusText(status, rows.length, planned)}
      </p>
      <p className="transfer-progress" aria-hidden={!running}>
        {status.kind === 'running' ? status.progress : '\u00a0'}
      </p>
      {status.kind === 'failed' && (
        <p role="alert" className="alert">
          {status.message}
        </p>
      )}
      <p className="hint">
        Each (size, method) goes to the lab’s Worker (a new one per Run) and back {COUNTED_TRIPS + 1} times: the first
        trip warms up and is not counted. Page and Worker read the same clock, performance.timeOrigin +
        performance.now() (comparable across the page and its dedicated Workers), so there and back are measured
        separately; the total is the page’s own.
      </p>
    </form>
  );

  return (
    <LabLayout
      lab="transfer"
      notice={notice}
      controls={controls}
      picture={<TransferPicture rows={rows} progress={status.kind === 'running' ? status.progress : null} />}
      results={<TransferTable rows={rows} />}
      whatHappened={whatHappened(rows, status.kind === 'stopped')}
      python={TRANSFER_PYTHON}
    />
  );
}

function statusText(status: RunStatus, done: number, planned: number): string {
  switch (status.kind) {
    case 'idle':
      return 'Ready';
    case 'running':
      return `Running… ${done} of ${planned} measured`;
    case 'done':
      return `Done: ${done} of ${planned} measured`;
    case 'stopped':
      return `Stopped: ${done} of ${planned} measured`;
    case 'failed':
      return `Failed: ${done} of ${planned} measured`;
  }
}

function statusClass(status: RunStatus): string {
  return status.kind === 'running'
    ? 'running'
    : status.kind === 'done'
      ? 'done'
      : status.kind === 'idle'
        ? 'idle'
        : 'stopped';
}
