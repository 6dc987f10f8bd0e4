import { lazy, Suspense } from 'react';
import { fitAmdahl } from '../engine/sweep';
import { taskKind, type TaskKind } from '../engine/taskKinds';
import { ChartBoundary } from './ChartBoundary';
import { sec } from './format';
import type { SweepState } from './hooks/useRunSession';

const SweepChart = lazy(() => import('./SweepChart'));

/** Why the measured points bend where they do: tasks that need a core stop at the cores. */
function scalingSentence(kind: TaskKind, cores: number): string {
  const spec = taskKind(kind);
  const tasks = `${spec.adjective.charAt(0).toUpperCase()}${spec.adjective.slice(1)} tasks`;
  return spec.needsCore
    ? `${tasks} stop scaling at ${cores} cores: more workers only share them.`
    : `${tasks} need no core, so they keep scaling past the core count until every task has a worker.`;
}

/** The scaling sweep: progress, the "Speedup vs workers" chart and its points as a table. */
export function SweepPanel({ sweep, cores }: { readonly sweep: SweepState; readonly cores: number }) {
  const fit = sweep.points.length >= 2 ? fitAmdahl(sweep.points) : null;
  const total = sweep.counts.length;
  const progress = sweep.running
    ? `Sweeping: ${sweep.points.length} of ${total} pool sizes measured…`
    : sweep.stopped
      ? `Stopped after ${sweep.points.length} of ${total} pool sizes.`
      : `Measured ${total} pool sizes.`;
  return (
    <section className="sweep" aria-labelledby="sweep-title">
      <h2 id="sweep-title">Speedup vs workers</h2>
      <p className="sweep-progress" aria-live="polite">
        {progress} {sweep.kind} tasks {sweep.tasksS.join(', ')} s; speedup = time on 1 worker ÷ time on n.
      </p>
      <figure className="chart" aria-label="Speedup vs workers">
        <ChartBoundary>
          <Suspense fallback={<p className="hint">Loading chart…</p>}>
            <SweepChart
              points={sweep.points}
              counts={sweep.counts}
              cores={cores}
              serialFraction={fit?.serialFraction ?? null}
            />
          </Suspense>
        </ChartBoundary>
      </figure>
      {fit && (
        <p>
          <strong>Amdahl’s law</strong> (a model fitted to these points): serial fraction{' '}
          <strong>{(fit.serialFraction * 100).toFixed(1)} %</strong>, so no pool size can beat{' '}
          {fit.serialFraction > 0 ? `${(1 / fit.serialFraction).toFixed(1)}×` : 'the task count'}.{' '}
          {scalingSentence(sweep.kind, cores)}
        </p>
      )}
      <table className="sweep-table">
        <caption>Sweep points</caption>
        <thead>
          <tr>
            <th scope="col">Pool workers</th>
            <th scope="col">Wall-clock (s)</th>
            <th scope="col">Speedup</th>
            <th scope="col">Ideal speedup</th>
          </tr>
        </thead>
        <tbody>
          {sweep.points.map((p) => (
            <tr key={p.workers}>
              <th scope="row">{p.workers}</th>
              <td>{sec(p.wallS)}</td>
              <td>{p.speedup.toFixed(2)}×</td>
              <td>{p.idealSpeedup.toFixed(2)}×</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
