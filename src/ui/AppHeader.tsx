import type { Theme, ViewState } from '../engine/url';
import type { Readiness } from './hooks/useReadiness';
import { isolationText, measureTickMs, type IsolationText } from './isolationText';
import { ViewControls } from './ViewControls';

interface Props {
  readonly view: ViewState;
  readonly onTheme: (theme: Theme | undefined) => void;
  readonly onTogglePresentation: () => void;
  readonly cores: number;
  readonly readiness: Readiness;
  readonly running: boolean;
  readonly onRecalibrate: () => void;
}

/** Measured once per page: isolation cannot change without a reload. */
let isolation: IsolationText | undefined;
function pageIsolation(): IsolationText {
  isolation ??= isolationText({
    isolated: window.crossOriginIsolated,
    sharedMemory: typeof SharedArrayBuffer === 'function',
    tickMs: measureTickMs(() => performance.now()),
  });
  return isolation;
}

/** The page's title, the machine (cores, CPU calibration with Recalibrate, cross-origin isolation and what it changes: clock resolution, shared memory), theme and presentation mode. */
export function AppHeader({ view, onTheme, onTogglePresentation, cores, readiness, running, onRecalibrate }: Props) {
  const coi = pageIsolation();
  return (
    <header className="top">
      <div>
        <h1>Parallel Playground</h1>
        <p className="tagline">Sequential vs parallel, measured for real in your browser with Web Workers.</p>
      </div>
      <dl className="machine">
        <div>
          <dt>CPU cores</dt>
          <dd>{cores}</dd>
        </div>
        <div>
          <dt>CPU calibration</dt>
          <dd>
            {readiness.state === 'ready'
              ? `${(readiness.unitsPerMs / 1000).toFixed(0)}k steps per ms`
              : readiness.state === 'error'
                ? 'failed'
                : 'measuring…'}{' '}
            <button
              type="button"
              className="link-button"
              onClick={onRecalibrate}
              // aria-disabled, not disabled: the button keeps keyboard focus while it works.
              aria-disabled={readiness.state !== 'ready' || running}
              title="Measure again how much CPU work one millisecond holds on this machine (never during a run)"
            >
              Recalibrate
            </button>
          </dd>
        </div>
        <div className="isolation" title={coi.detail}>
          <dt>Cross-origin isolated</dt>
          <dd>
            <span className={`isolation-answer ${coi.answer}`}>{coi.answer}</span> — {coi.effects}
            {coi.hint ? <small className="isolation-hint">{coi.hint}</small> : null}
          </dd>
        </div>
      </dl>
      <ViewControls view={view} onTheme={onTheme} onTogglePresentation={onTogglePresentation} />
    </header>
  );
}
