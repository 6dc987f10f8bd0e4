import { lazy, Suspense, useId, useMemo, useState, type FormEvent } from 'react';
import { ChartBoundary } from '../../ui/ChartBoundary';
import { LabLayout } from '../LabLayout';
import { LabActions } from '../LabActions';
import { ChunksPicture } from './ChunksPicture';
import { ChunksTable } from './ChunksTable';
import {
  autoChunksize,
  messageCount,
  perMessageUs,
  speedup,
  TASK_MS_MAX,
  TASK_MS_MIN,
  TASKS_MAX,
  TASKS_MIN,
  whatHappened,
  WORKERS_MAX,
  WORKERS_MIN,
  type StrategyResult,
} from './model';
import { chunksPython } from './python';
import { useChunksRun, type Settings, type Status, type SweepView } from './useChunksRun';

const SweepPlot = lazy(() => import('./SweepPlot'));

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const cores = Math.min(WORKERS_MAX, Math.max(WORKERS_MIN, navigator.hardwareConcurrency || 1));

interface Field {
  readonly label: string;
  readonly raw: string;
}

/** A number in [min, max] (integers when `integer`), or the alert text naming the field and the range. */
function parseField(f: Field, min: number, max: number, integer: boolean): number | string {
  const t = f.raw.trim().replace(/,/g, '');
  const n = Number(t);
  const range = `use ${min.toLocaleString('en-US')}–${max.toLocaleString('en-US')}`;
  if (t === '' || !Number.isFinite(n)) return `${f.label}: "${f.raw}" is not a number; ${range}`;
  if (integer && !Number.isInteger(n)) return `${f.label}: "${f.raw}" is not a whole number; ${range}`;
  if (n < min || n > max) return `${f.label}: ${f.raw} is out of range; ${range}`;
  return n;
}

/** Lab `chunks` (issue 13, point 4): when parallel loses — many tiny tasks, and what chunksize does. */
export default function ChunksLab() {
  const [tasksRaw, setTasksRaw] = useState('10000');
  const [taskMsRaw, setTaskMsRaw] = useState('0.1');
  const [workersRaw, setWorkersRaw] = useState(String(cores));
  const [chunkRaw, setChunkRaw] = useState('25');
  const { status, views, settings, sweep, run, runSweep, stop } = useChunksRun();
  const ids = useId();

  const tasks = parseField({ label: 'Tasks', raw: tasksRaw }, TASKS_MIN, TASKS_MAX, true);
  const taskMs = parseField({ label: 'Task length (ms)', raw: taskMsRaw }, TASK_MS_MIN, TASK_MS_MAX, false);
  const workers = parseField({ label: 'Pool workers', raw: workersRaw }, WORKERS_MIN, WORKERS_MAX, true);
  const chunkMax = typeof tasks === 'number' ? tasks : TASKS_MAX;
  const chunksize = parseField({ label: 'chunksize', raw: chunkRaw }, 1, chunkMax, true);
  const errors = [tasks, taskMs, workers, chunksize].filter((x): x is string => typeof x === 'string');
  const valid: Settings | null =
    typeof tasks === 'number' &&
    typeof taskMs === 'number' &&
    typeof workers === 'number' &&
    typeof chunksize === 'number'
      ? { tasks, taskMs, workers, chunksize }
      : null;
  const running = status.kind === 'running' || status.kind === 'preparing';
  const canRun = valid !== null && status.kind !== 'running' && status.kind !== 'preparing';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (canRun) void run(valid);
  };

  const shown = settings ?? valid ?? { tasks: 10_000, taskMs: 0.1, workers: cores, chunksize: 25 };
  const results = useMemo(() => views.flatMap((v) => (v.result ? [v.result] : [])), [views]);
  const text = whatHappened(results, shown);
  const python = chunksPython(valid ?? shown);

  const controls = (
    <form className="chunks-controls" onSubmit={onSubmit} aria-label="Chunks controls">
      <div className="field">
        <label htmlFor={`${ids}-tasks`}>Tasks</label>
        <input
          id={`${ids}-tasks`}
          type="number"
          min={TASKS_MIN}
          max={TASKS_MAX}
          step={1000}
          value={tasksRaw}
          disabled={running}
          aria-invalid={typeof tasks === 'string'}
          onChange={(e) => setTasksRaw(e.target.value)}
        />
        <span className="hint">
          {int(TASKS_MIN)}–{int(TASKS_MAX)} (this lab’s limit; the main page’s is 1,000)
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-ms`}>Task length (ms)</label>
        <input
          id={`${ids}-ms`}
          type="number"
          min={TASK_MS_MIN}
          max={TASK_MS_MAX}
          step={0.1}
          value={taskMsRaw}
          disabled={running}
          aria-invalid={typeof taskMs === 'string'}
          onChange={(e) => setTaskMsRaw(e.target.value)}
        />
        <span className="hint">real CPU work: hash steps in WebAssembly, calibrated here</span>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-workers`}>Pool workers</label>
        <input
          id={`${ids}-workers`}
          type="number"
          min={WORKERS_MIN}
          max={WORKERS_MAX}
          value={workersRaw}
          disabled={running}
          aria-invalid={typeof workers === 'string'}
          onChange={(e) => setWorkersRaw(e.target.value)}
        />
        <span className="hint">this machine has {navigator.hardwareConcurrency || 1} cores</span>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-chunk`}>chunksize</label>
        <input
          id={`${ids}-chunk`}
          type="number"
          min={1}
          max={chunkMax}
          value={chunkRaw}
          disabled={running}
          aria-invalid={typeof chunksize === 'string'}
          aria-describedby={`${ids}-chunk-hint`}
          onChange={(e) => setChunkRaw(e.target.value)}
        />
        <span className="hint" id={`${ids}-chunk-hint`}>
          {valid
            ? `${int(messageCount(valid.tasks, valid.chunksize))} messages; auto would be ${int(autoChunksize(valid.tasks, valid.workers))} (${int(messageCount(valid.tasks, autoChunksize(valid.tasks, valid.workers)))} messages)`
            : 'tasks per message, 1 to the number of tasks'}
        </span>
      </div>
      {errors.map((e) => (
        <p key={e} role="alert" className="alert">
          {e}.
        </p>
      ))}
      <LabActions canRun={canRun} running={status.kind === 'running'} onStop={stop} />
      <button type="button" disabled={!canRun} onClick={() => valid && void runSweep(valid)}>
        Sweep chunksize
      </button>
      <p role="status" aria-label="Chunks status" className={`status status-${statusClass(status)}`}>
        {statusText(status)}
      </p>
      {status.kind === 'failed' && (
        <p role="alert" className="alert">
          Chunks lab: {status.message}.
        </p>
      )}
      <p className="hint">
        Run times four strategies on the same tasks: the loop (one warm Worker, one message with every task), then a
        pool with chunksize 1, auto (CPython’s rule, ceil(n ÷ (4 × workers))) and yours. The pool’s Workers are started
        and warmed before its timed blocks (Pool creation is not this lesson); a free Worker takes the next chunk, as in
        Pool.map’s task queue. Workers report each task’s start and end once per chunk.
      </p>
    </form>
  );

  return (
    <LabLayout
      lab="chunks"
      controls={controls}
      picture={
        <>
          <ChunksPicture views={views} />
          {sweep && <SweepSection sweep={sweep} />}
        </>
      }
      results={<ChunksTable views={views} />}
      whatHappened={text}
      python={python}
    />
  );
}

function SweepSection({ sweep }: { readonly sweep: SweepView }) {
  const seq = sweep.sequential && !sweep.sequential.stopped ? sweep.sequential.wallMs : null;
  const done = sweep.points.filter((p) => !p.result.stopped);
  const best = done.reduce<(typeof done)[number] | null>(
    (b, p) => (!b || p.result.wallMs < b.result.wallMs ? p : b),
    null,
  );
  const perMsg = perMessageUs(sweep.points.map((p) => p.result));
  const { tasks, workers } = sweep.settings;
  return (
    <section className="chunks-sweep" aria-labelledby="chunks-sweep-title">
      <h3 id="chunks-sweep-title">Wall-clock vs chunksize</h3>
      {perMsg !== null && (
        <p className="chunks-dispatch">
          Dispatch: ≈ {int(perMsg)} µs per message (a Worker’s idle gap between chunks): with chunksize 1 that’s{' '}
          {int((perMsg * tasks) / 1000)} ms of Worker time for {int(tasks)} tasks (≈{' '}
          {int((perMsg * tasks) / 1000 / workers)} ms of wall-clock on {workers} worker{workers === 1 ? '' : 's'}).
          {best &&
            ` Best here: chunksize ${int(best.chunksize)}${best.auto ? ' (auto)' : ''}, ${int(best.result.wallMs)} ms.`}
        </p>
      )}
      {done.length > 0 && (
        <ChartBoundary>
          <Suspense fallback={<p className="hint">Loading the chart…</p>}>
            <div
              role="img"
              aria-label={`Wall-clock vs chunksize: ${done.length} pool runs and the loop as a reference line; the numbers are in the table Chunksize sweep`}
            >
              <SweepPlot
                data={done.map((p) => ({ chunksize: p.chunksize, wallMs: p.result.wallMs }))}
                sequentialMs={seq}
                chunksizes={sweep.chunksizes}
              />
            </div>
          </Suspense>
        </ChartBoundary>
      )}
      <div className="table-scroll">
        <table aria-label="Chunksize sweep">
          <thead>
            <tr>
              <th scope="col">chunksize</th>
              <th scope="col">Messages</th>
              <th scope="col">Wall-clock (ms)</th>
              <th scope="col">Speedup vs sequential</th>
            </tr>
          </thead>
          <tbody>
            {sweep.sequential && <SweepRow name="Sequential (the loop)" r={sweep.sequential} seq={seq} />}
            {sweep.points.map((p) => (
              <SweepRow
                key={p.chunksize}
                name={`${int(p.chunksize)}${p.auto ? ' (auto)' : ''}`}
                r={p.result}
                seq={seq}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function SweepRow({
  name,
  r,
  seq,
}: {
  readonly name: string;
  readonly r: StrategyResult;
  readonly seq: number | null;
}) {
  const s = r.stopped ? null : speedup(seq, r.wallMs);
  return (
    <tr>
      <th scope="row">
        {name}
        {r.stopped ? ' (stopped)' : ''}
      </th>
      <td>{int(r.messages)}</td>
      <td>{r.wallMs.toFixed(1)}</td>
      <td>{s === null ? '—' : `${s.toFixed(2)}×`}</td>
    </tr>
  );
}

function statusText(status: Status): string {
  switch (status.kind) {
    case 'preparing':
      return 'Starting a Worker and measuring its speed…';
    case 'idle':
      return `Ready: 1 ms of work = ${int(status.stepsPerMs)} hash steps here`;
    case 'running':
    case 'done':
    case 'stopped':
      return status.what;
    case 'failed':
      return 'Failed';
  }
}

function statusClass(status: Status): string {
  if (status.kind === 'preparing') return 'running';
  return status.kind === 'failed' ? 'stopped' : status.kind;
}
