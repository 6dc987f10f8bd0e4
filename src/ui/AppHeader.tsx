import type { Readiness } from './hooks/useReadiness';

interface Props {
  readonly cores: number;
  readonly readiness: Readiness;
  readonly running: boolean;
  readonly onRecalibrate: () => void;
}

/** The page's title and the machine: cores, CPU calibration (with Recalibrate) and clock resolution. */
export function AppHeader({ cores, readiness, running, onRecalibrate }: Props) {
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
    </header>
  );
}
