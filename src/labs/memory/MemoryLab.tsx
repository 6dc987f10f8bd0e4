import { useEffect, useRef, useState, type FormEvent } from 'react';
import { LabLayout } from '../LabLayout';
import { LabActions } from '../LabActions';
import { CounterBars, type LiveCounter } from './CounterBars';
import { CounterTable } from './CounterTable';
import { LostHistogram } from './LostHistogram';
import {
  INCREMENTS,
  lostUpdates,
  needsSharedMemory,
  parseField,
  VARIANT_HINTS,
  VARIANT_NAMES,
  VARIANTS,
  whatHappened,
  WORKERS,
  type Outcome,
  type Repeats,
  type Variant,
} from './model';
import { memoryPython } from './python';
import { rowStates, type RunPlan } from './rows';
import { MemoryRunner, sharedMemoryAvailable } from './runner';

const REPEATS = 10;

/** Why the shared variants cannot run here, and what would let them. */
function IsolationNotice() {
  return (
    <div className="memory-notice" role="note" aria-label="Shared memory unavailable">
      <p>
        <strong>Shared memory is off on this page:</strong> it is not cross-origin isolated, so the browser gives it no{' '}
        <code>SharedArrayBuffer</code> (a defence against Spectre-style timing attacks). Only Separate memory can run.
      </p>
      <p>
        Shared memory needs the page served with <code>Cross-Origin-Opener-Policy: same-origin</code> and{' '}
        <code>Cross-Origin-Embedder-Policy: require-corp</code>. <code>npm run preview</code> sends them; on a plain
        static host the app’s service worker adds them after one reload — reload this page once.
      </p>
    </div>
  );
}

type Running = {
  readonly mode: 'run' | 'repeat';
  readonly variant: Variant;
  readonly step: number;
  readonly of: number;
};

/** Lab `memory` (issue 13): separate vs shared memory, a counter N Workers add to M times each. */
export default function MemoryLab() {
  const [shared] = useState(sharedMemoryAvailable);
  const runner = useRef<MemoryRunner | null>(null);
  runner.current ??= new MemoryRunner();
  const stopRequested = useRef(false);

  const [workersText, setWorkersText] = useState(String(WORKERS.initial));
  const [incrementsText, setIncrementsText] = useState(String(INCREMENTS.initial));
  const [chosen, setChosen] = useState<Record<Variant, boolean>>({
    separate: true,
    nolock: shared,
    atomics: shared,
    lock: shared,
  });
  const [plan, setPlan] = useState<RunPlan | null>(null);
  const [outcomes, setOutcomes] = useState<readonly Outcome[]>([]);
  const [repeats, setRepeats] = useState<Repeats | null>(null);
  const [running, setRunning] = useState<Running | null>(null);
  const [live, setLive] = useState<LiveCounter | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [finishedText, setFinishedText] = useState('Ready.');

  const workers = parseField(WORKERS, workersText);
  const increments = parseField(INCREMENTS, incrementsText);
  const picked = VARIANTS.filter((v) => chosen[v] && (shared || !needsSharedMemory(v)));
  const fieldErrors = [workers.error, increments.error].filter((e): e is string => e !== null);
  const variantsError = picked.length === 0 ? 'Variants: none chosen; choose at least one' : null;

  // Whoever creates Workers terminates them: the lab's go when it closes.
  useEffect(() => {
    const r = runner.current;
    return () => r?.stop();
  }, []);

  // While a variant runs, the page reads the shared counter every frame: the picture fills live.
  useEffect(() => {
    if (!running) return;
    let frame = 0;
    const tick = () => {
      const now = runner.current?.peek();
      if (now) setLive({ counter: now.counter, expected: now.expected });
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [running]);

  async function run(event?: FormEvent) {
    event?.preventDefault();
    const r = runner.current;
    if (!r || running || workers.value === null || increments.value === null || picked.length === 0) return;
    const n = workers.value;
    const m = increments.value;
    stopRequested.current = false;
    setFailure(null);
    setOutcomes([]);
    setLive(null);
    const done: Outcome[] = [];
    setPlan({ variants: picked, workers: n, increments: m, stopped: false });
    try {
      for (const [i, variant] of picked.entries()) {
        if (stopRequested.current) break;
        setRunning({ mode: 'run', variant, step: i + 1, of: picked.length });
        const outcome = await r.run(variant, n, m);
        done.push(outcome);
        setOutcomes([...done]);
        if (outcome.kind === 'stopped') break;
      }
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setRunning(null);
      setLive(null);
      setPlan((p) => (p ? { ...p, stopped: stopRequested.current } : p));
      setFinishedText(stopRequested.current ? 'Stopped.' : 'Done.');
    }
  }

  async function runRepeats() {
    const r = runner.current;
    if (!r || running || !shared || workers.value === null || increments.value === null) return;
    const n = workers.value;
    const m = increments.value;
    stopRequested.current = false;
    setFailure(null);
    const lost: number[] = [];
    const timesMs: number[] = [];
    setRepeats({ workers: n, increments: m, lost, timesMs, stopped: false });
    try {
      for (let k = 1; k <= REPEATS && !stopRequested.current; k += 1) {
        setRunning({ mode: 'repeat', variant: 'nolock', step: k, of: REPEATS });
        const outcome = await r.run('nolock', n, m);
        if (outcome.kind === 'stopped') break;
        lost.push(lostUpdates(outcome));
        timesMs.push(outcome.timeMs);
        setRepeats({ workers: n, increments: m, lost: [...lost], timesMs: [...timesMs], stopped: false });
      }
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      const stopped = stopRequested.current;
      setRepeats({ workers: n, increments: m, lost: [...lost], timesMs: [...timesMs], stopped });
      setRunning(null);
      setLive(null);
      setFinishedText(stopped ? 'Stopped.' : 'Done.');
    }
  }

  function stop() {
    stopRequested.current = true;
    runner.current?.stop();
  }

  const rows = rowStates(plan, outcomes, running?.mode === 'run' ? running.variant : null, chosen, shared);
  const status = running
    ? running.mode === 'run'
      ? `Running ${VARIANT_NAMES[running.variant]} (${running.step} of ${running.of})…`
      : `Running ${VARIANT_NAMES.nolock}: run ${running.step} of ${running.of}…`
    : finishedText;
  const busy = running !== null;
  const invalid = fieldErrors.length > 0;

  const controls = (
    <form className="memory-controls" onSubmit={(e) => void run(e)} noValidate>
      <div className="field-row">
        <div className="field">
          <label htmlFor="memory-workers">{WORKERS.label}</label>
          <input
            id="memory-workers"
            type="number"
            inputMode="numeric"
            min={WORKERS.min}
            max={WORKERS.max}
            step={1}
            value={workersText}
            disabled={busy}
            aria-invalid={workers.error !== null}
            aria-describedby={workers.error ? 'memory-workers-error' : undefined}
            onChange={(e) => setWorkersText(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="memory-increments">{INCREMENTS.label}</label>
          <input
            id="memory-increments"
            type="number"
            inputMode="numeric"
            min={INCREMENTS.min}
            max={INCREMENTS.max}
            step={1000}
            value={incrementsText}
            disabled={busy}
            aria-invalid={increments.error !== null}
            aria-describedby={increments.error ? 'memory-increments-error' : undefined}
            onChange={(e) => setIncrementsText(e.target.value)}
          />
        </div>
      </div>
      <p className="hint">1–8 Workers; 1,000 to 10,000,000 increments each.</p>
      <fieldset className="strategies" disabled={busy}>
        <legend>Variants</legend>
        {VARIANTS.map((v) => {
          const off = !shared && needsSharedMemory(v);
          return (
            <div key={v} className="check">
              <input
                id={`memory-variant-${v}`}
                type="checkbox"
                checked={chosen[v] && !off}
                disabled={off}
                aria-describedby={`memory-variant-hint-${v}`}
                onChange={(e) => setChosen((c) => ({ ...c, [v]: e.target.checked }))}
              />
              <label htmlFor={`memory-variant-${v}`}>{VARIANT_NAMES[v]}</label>
              <span id={`memory-variant-hint-${v}`} className="hint">
                {off ? 'needs cross-origin isolation (see above)' : VARIANT_HINTS[v]}
              </span>
            </div>
          );
        })}
      </fieldset>
      {workers.error && (
        <p id="memory-workers-error" role="alert" className="alert">
          {workers.error}
        </p>
      )}
      {increments.error && (
        <p id="memory-increments-error" role="alert" className="alert">
          {increments.error}
        </p>
      )}
      {variantsError && (
        <p role="alert" className="alert">
          {variantsError}
        </p>
      )}
      <LabActions canRun={!(busy || invalid || variantsError !== null)} running={busy} onStop={stop} />
      <button
        type="button"
        className="memory-repeat"
        disabled={busy || invalid || !shared}
        aria-describedby="memory-repeat-hint"
        onClick={() => void runRepeats()}
      >
        Run 10 times
      </button>
      <p id="memory-repeat-hint" className="hint">
        {shared
          ? 'Runs Shared, no lock 10 times and draws how many updates each run lost.'
          : 'Needs shared memory, which this page does not have.'}
      </p>
      <p role="status" aria-label="Lab status" className={busy ? 'memory-status running' : 'memory-status'}>
        {status}
      </p>
      {failure && (
        <p role="alert" className="alert">
          {failure}
        </p>
      )}
      <p className="hint">
        Workers are started and loaded before the clock starts: all wait at a start barrier and are released at once;
        Time runs from that release to the last Worker’s end.
      </p>
    </form>
  );

  const picture = (
    <>
      <CounterBars rows={rows} live={live} />
      {repeats && <LostHistogram repeats={repeats} />}
    </>
  );

  return (
    <LabLayout
      lab="memory"
      notice={shared ? undefined : <IsolationNotice />}
      controls={controls}
      picture={picture}
      results={<CounterTable rows={rows} workers={workers.value} increments={increments.value} />}
      whatHappened={whatHappened(outcomes, repeats)}
      python={memoryPython(workers.value ?? WORKERS.initial, increments.value ?? INCREMENTS.initial)}
    />
  );
}
