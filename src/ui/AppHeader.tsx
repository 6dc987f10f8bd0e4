import type { Theme, ViewState } from '../engine/url';
import type { Readiness } from './hooks/useReadiness';
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

/** The page's title, the machine (cores, CPU calibration with Recalibrate, clock resolution), theme and presentation mode. */
export function AppHeader({ view, onTheme, onTogglePresentation, cores, readiness, running, onRecalibrate }: Props) {
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
        <div>
          <dt>Clock</dt>
          <dd>{window.crossOriginIsolated ? '5 µs resolution' : '0.1 ms resolution'}</dd>
        </div>
      </dl>
      <ViewControls view={view} onTheme={onTheme} onTogglePresentation={onTogglePresentation} />
    </header>
  );
}
