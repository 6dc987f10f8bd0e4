import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { LabLayout } from '../LabLayout';
import { LabActions } from '../LabActions';
import { MandelbrotGantts } from './MandelbrotGantts';
import { MandelbrotImage } from './MandelbrotImage';
import { MandelbrotTable } from './MandelbrotTable';
import { summarize, whatHappened, type StrategySummary } from './measure';
import { workerColour } from './palette';
import { mandelbrotPython } from './python';
import { FIELDS, LABELS, LIMITS, parseSettings, readUrl, type Field, type Raw } from './settings';
import { STRATEGIES, STRATEGY_NAMES, type Strategy } from './strategies';
import {
  outcomeOf,
  progressText,
  sharedQueueAvailable,
  useMandelbrotRun,
  type LiveRun,
  type RunStatus,
} from './useMandelbrotRun';

const STRATEGY_HINTS: Record<Strategy, string> = {
  sequential: 'one Worker computes every tile in order (a plain loop)',
  static: 'Pool.map, chunksize ⌈tiles ÷ workers⌉: one contiguous block per worker, up front',
  dynamic: 'imap_unordered: each free worker takes the next chunk from the queue',
};

const FIELD_HINTS: Record<(typeof FIELDS)[number], string> = {
  size: `width×height in pixels, e.g. 1200x800 (${LIMITS.minSide}–${LIMITS.maxSide} a side)`,
  iter: `${LIMITS.minIter}–${LIMITS.maxIter}: the cost of a point inside the set`,
  tiles: 'columns×rows, numbered column by column: 8x8 tiles, 16x1 column strips, 1x16 row bands',
  workers: `1–${LIMITS.maxWorkers}; default: this machine’s logical cores`,
  chunk: 'Pool, dynamic: tiles per hand-out (imap_unordered’s chunksize)',
};

/** Lab `mandelbrot` (issue 13, point 3): a real picture that doesn't split evenly. */
export default function MandelbrotLab() {
  const [raw, setRaw] = useState<Raw>(() => readUrl(window.location.search, navigator.hardwareConcurrency));
  const [tint, setTint] = useState(true);
  const [picked, setPicked] = useState<Strategy | null>(null);
  const { runs, status, version, run, stop } = useMandelbrotRun();
  const parsed = parseSettings(raw);
  const errors = new Map<Field, string>(parsed.errors.map((e) => [e.field, e.message]));
  const busy = status.kind === 'starting' || status.kind === 'running';
  const canRun = !busy && parsed.settings !== null;

  const start = () => {
    if (!parsed.settings || busy) return;
    setPicked(null);
    run(parsed.settings);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    start();
  };
  // `run=1` in the URL: run once on arrival when the settings are valid (a timer, so StrictMode's
  // second mount cancels the first's).
  useEffect(() => {
    if (new URLSearchParams(window.location.search).get('run') !== '1') return;
    const timer = setTimeout(start, 0);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on arrival, with the URL's settings
  }, []);

  // eslint-disable-next-line react-hooks/exhaustive-deps -- runs are filled in place; version says they changed
  const rows: StrategySummary[] = useMemo(() => summaries(runs), [runs, version]);
  const shown: LiveRun | undefined = runs.find((r) => r.strategy === picked) ?? runs.at(-1);
  const live = runs.at(-1);

  const field = (name: (typeof FIELDS)[number], type: 'text' | 'number', extra: Record<string, number> = {}) => {
    const error = errors.get(name);
    return (
      <div className="field" key={name}>
        <label htmlFor={`mandel-${name}`}>{LABELS[name]}</label>
        <input
          id={`mandel-${name}`}
          type={type}
          inputMode={type === 'text' ? 'text' : 'numeric'}
          autoComplete="off"
          value={raw[name]}
          disabled={busy}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${error ? `mandel-${name}-error ` : ''}mandel-${name}-hint`}
          onChange={(e) => setRaw({ ...raw, [name]: e.target.value })}
          {...extra}
        />
        <p id={`mandel-${name}-hint`} className="hint">
          {FIELD_HINTS[name]}
        </p>
        {error && (
          <p id={`mandel-${name}-error`} role="alert" className="alert">
            {error}
          </p>
        )}
      </div>
    );
  };

  const controls = (
    <form className="mandel-controls" onSubmit={onSubmit} aria-label="Mandelbrot controls" noValidate>
      {field('size', 'text')}
      {field('iter', 'number', { min: LIMITS.minIter, max: LIMITS.maxIter, step: 100 })}
      {field('tiles', 'text')}
      <div className="field-row">
        {field('workers', 'number', { min: 1, max: LIMITS.maxWorkers })}
        {field('chunk', 'number', { min: 1 })}
      </div>
      <fieldset className="strategies" aria-invalid={errors.has('strategies') ? true : undefined}>
        <legend>{LABELS.strategies}</legend>
        {STRATEGIES.map((s) => (
          <div key={s} className="check">
            <input
              id={`mandel-strategy-${s}`}
              type="checkbox"
              checked={raw.strategies.includes(s)}
              disabled={busy}
              aria-describedby={`mandel-strategy-${s}-hint`}
              onChange={(e) =>
                setRaw({
                  ...raw,
                  strategies: e.target.checked
                    ? STRATEGIES.filter((x) => x === s || raw.strategies.includes(x))
                    : raw.strategies.filter((x) => x !== s),
                })
              }
            />
            <label htmlFor={`mandel-strategy-${s}`}>{STRATEGY_NAMES[s]}</label>
            <span id={`mandel-strategy-${s}-hint`} className="hint">
              {STRATEGY_HINTS[s]}
            </span>
          </div>
        ))}
        {errors.has('strategies') && (
          <p role="alert" className="alert">
            {errors.get('strategies')}
          </p>
        )}
      </fieldset>
      <LabActions canRun={canRun} running={busy} onStop={stop} />
      <p role="status" aria-label="Mandelbrot status" className={`status status-${statusClass(status)}`}>
        {statusText(status)}
      </p>
      <p className="mandel-progress">{live ? progressText(live) : '\u00a0'}</p>
      {status.kind === 'failed' && (
        <p role="alert" className="alert">
          {status.message}
        </p>
      )}
      <p className="hint">
        Each strategy gets a new pool of Workers. Starting them (and compiling the loop on a few pixels) happens before
        the timed block: wall-clock runs from handing out the first tile to the last tile’s arrival. Tiles come back as
        transferred buffers of iteration counts.{' '}
        {sharedQueueAvailable()
          ? 'Pool, dynamic: the queue is a counter in shared memory that a free worker advances itself (Atomics.add), like the pipe Pool’s workers read tasks from.'
          : 'Pool, dynamic: this page is not cross-origin isolated, so it hands each chunk to the worker that just finished one (a round trip through the page per chunk).'}{' '}
        URL: size, iter, tiles, workers, chunk, strategies, run=1.
      </p>
    </form>
  );

  const picture = (
    <figure className="mandel-figure">
      <div className="mandel-view-controls">
        {runs.length > 1 && (
          <fieldset className="mandel-shown">
            <legend>Image shown</legend>
            {runs.map((r) => (
              <label key={r.strategy} className="mandel-radio">
                <input
                  type="radio"
                  name="mandel-shown"
                  value={r.strategy}
                  checked={shown?.strategy === r.strategy}
                  onChange={() => setPicked(r.strategy)}
                />
                {STRATEGY_NAMES[r.strategy]}
              </label>
            ))}
          </fieldset>
        )}
        <label className="mandel-tint">
          <input type="checkbox" checked={tint} onChange={(e) => setTint(e.target.checked)} />
          Tint by worker
        </label>
      </div>
      <MandelbrotImage
        run={shown}
        version={version}
        tint={tint}
        width={parsed.settings?.width ?? 1200}
        height={parsed.settings?.height ?? 800}
        describedBy="mandel-image-caption"
      />
      <figcaption id="mandel-image-caption">{caption(shown, tint)}</figcaption>
      {tint && shown && (
        <ul className="mandel-legend" aria-label="Workers">
          {Array.from({ length: shown.workers }, (_, w) => (
            <li key={w}>
              <span className="mandel-swatch" style={{ background: workerColour(w) }} aria-hidden="true" />
              Worker {w + 1}: {shown.records.filter((r) => r.worker === w).length} tiles
            </li>
          ))}
        </ul>
      )}
      <MandelbrotGantts runs={runs} version={version} />
    </figure>
  );

  return (
    <LabLayout
      lab="mandelbrot"
      controls={controls}
      picture={picture}
      results={<MandelbrotTable rows={rows} />}
      whatHappened={whatHappened(rows)}
      python={mandelbrotPython(parsed.settings ?? { width: 1200, height: 800, maxIter: 500, cols: 8, rows: 8 })}
    />
  );
}

function summaries(runs: readonly LiveRun[]): StrategySummary[] {
  return runs.flatMap((r) => {
    const outcome = outcomeOf(r);
    return outcome ? [summarize(outcome)] : [];
  });
}

function caption(run: LiveRun | undefined, tint: boolean): string {
  if (!run) return 'Run to draw the image: the classic view of the whole set.';
  const done = `${run.records.length} of ${run.tiles.length} tiles`;
  const how = tint
    ? 'each tile tinted by the worker that computed it, its number in the corner'
    : 'coloured by iterations (black: inside the set, where points iterate longest)';
  return `${STRATEGY_NAMES[run.strategy]}: ${done}, ${run.width}×${run.height}, ${run.maxIter} iterations max; ${how}.`;
}

function statusText(status: RunStatus): string {
  switch (status.kind) {
    case 'idle':
      return 'Ready';
    case 'starting':
      return `Starting workers for ${STRATEGY_NAMES[status.strategy]}…`;
    case 'running':
      return `Running ${STRATEGY_NAMES[status.strategy]}…`;
    case 'done':
      return 'Done';
    case 'stopped':
      return 'Stopped';
    case 'failed':
      return 'Failed';
  }
}

function statusClass(status: RunStatus): string {
  if (status.kind === 'starting' || status.kind === 'running') return 'running';
  if (status.kind === 'failed') return 'stopped';
  return status.kind;
}
