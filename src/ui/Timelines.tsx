import { useMemo } from 'react';
import { measuredSequentialS, whatHappened } from '../engine/breakdown';
import { idealSchedule } from '../engine/ideal';
import type { ComparedRun } from '../engine/compared';
import { comparedTitle, whereMeasured } from '../engine/runFile';
import { TASK_KINDS } from '../engine/taskKinds';
import type { RunState } from '../engine/reducer';
import { resultRows, shownRun } from '../engine/selectors';
import type { Clock, RunConfig } from '../engine/types';
import { axisEnd } from './format';
import { useNow } from './hooks/useNow';
import { redrawEveryMs } from './redraw';
import { Timeline } from './Timeline';
import { comparedSubtitle } from './timelineText';

interface Props {
  /** The run being shown, or null before the first Run. */
  readonly state: RunState | null;
  /** What the timelines show: the run's config, else the controls' (valid) config as a preview. */
  readonly config: RunConfig | null;
  readonly running: boolean;
  readonly clock: Clock;
  readonly cores: number;
  /** Replaying: the clock instant shown (`state` is then the run cut there) and the whole run, for the axis. */
  readonly replay?: { readonly atMs: number; readonly full: RunState } | undefined;
  /** Runs drawn below the current one on the same axis (imported, or picked in History). */
  readonly compared?: readonly ComparedRun[];
  readonly onRemoveCompared?: (id: string) => void;
}

/** Before there is a config: the default kind (the registry's first). */
const DEFAULT_KIND = TASK_KINDS[0];

/** All strategies' timelines on one shared time axis; the only part that redraws every frame. */
export function Timelines({ state, config, running, clock, cores, replay, compared = [], onRemoveCompared }: Props) {
  // CPU tasks need every core, and large runs need the main thread: redraw rarely then, so
  // drawing does not slow what it measures.
  const live = useNow(clock, running, redrawEveryMs(config?.durationsS.length ?? 0, config?.kind ?? DEFAULT_KIND));
  const now = replay?.atMs ?? live;
  const ideals = useMemo(
    () => (config ? config.strategies.map((name) => ({ name, ideal: idealSchedule(name, config, cores) })) : []),
    [config, cores],
  );
  const comparedMaxS = Math.max(0, ...compared.flatMap((c) => c.state.strategies.map((r) => r.wallS ?? 0)));
  if (!config || ideals.length === 0) {
    return (
      <div className="timelines">
        <p className="empty">Fix the inputs on the left to see the timelines.</p>
        <ComparedRuns compared={compared} axisS={axisEnd(comparedMaxS * 1.02)} onRemove={onRemoveCompared} />
      </div>
    );
  }
  const elapsedS = (t0Ms: number): number => (now - t0Ms) / 1000;
  // A replay keeps the whole run's axis, so nothing moves but the bars.
  const axisRuns = (replay?.full ?? state)?.strategies ?? [];
  const measuredMax = Math.max(0, ...axisRuns.map((r) => r.wallS ?? (running ? elapsedS(r.t0Ms) : 0)));
  const axisS = axisEnd(Math.max(measuredMax, comparedMaxS, ...ideals.map((i) => i.ideal.totalS)) * 1.02);
  const finished = state !== null && state.strategies.some((r) => r.wallS !== null);
  // Speedup in "What happened": against the sequential run measured in this Run, as Results show it.
  const compare = finished
    ? { sequentialS: measuredSequentialS(resultRows(state)), sumS: config.durationsS.reduce((a, b) => a + b, 0) }
    : undefined;
  return (
    <div className="timelines">
      {ideals.map(({ name, ideal }) => {
        const run = state ? shownRun(state, name) : undefined;
        return (
          <Timeline
            key={name}
            name={name}
            run={run}
            ideal={ideal}
            axisS={axisS}
            nowS={run && run.status === 'running' ? elapsedS(run.t0Ms) : null}
            kind={config.kind}
            cores={cores}
            workers={config.workers}
            order={config.order ?? 'completed'}
            start={config.start}
          />
        );
      })}
      <ComparedRuns compared={compared} axisS={axisS} onRemove={onRemoveCompared} />
      {state && finished && (
        <section className="what-happened" aria-labelledby="what-title">
          <h2 id="what-title">What happened</h2>
          {[...new Set(state.strategies.map((r) => r.name))].map((name) => {
            const run = shownRun(state, name);
            return run && run.wallS !== null ? (
              <p key={name}>{whatHappened(run, config.kind, cores, config.workers, compare)}</p>
            ) : null;
          })}
        </section>
      )}
    </div>
  );
}

/** Each compared run's timelines, on the page's axis, under a heading that says where it came from. */
function ComparedRuns({
  compared,
  axisS,
  onRemove,
}: {
  readonly compared: readonly ComparedRun[];
  readonly axisS: number;
  readonly onRemove: ((id: string) => void) | undefined;
}) {
  return compared.map((run) => {
    const { config, cores } = run.state;
    const when = new Date(run.file.source.createdAt);
    return (
      <section key={run.id} className="compared-run" aria-label={`Compared run: ${run.label}`}>
        <header className="compared-head">
          <h3>{run.label}</h3>
          <p className="compared-where">
            {whereMeasured(run.file)}
            {Number.isNaN(when.getTime()) ? '' : ` · measured ${when.toLocaleString()}`}
          </p>
          {onRemove && (
            <button type="button" className="link-button" onClick={() => onRemove(run.id)}>
              Remove {run.label}
            </button>
          )}
        </header>
        {[...new Set(run.state.strategies.map((r) => r.name))].map((name) => (
          <Timeline
            key={name}
            name={name}
            run={shownRun(run.state, name)}
            ideal={idealSchedule(name, config, cores)}
            axisS={axisS}
            nowS={null}
            kind={config.kind}
            cores={cores}
            workers={config.workers}
            order={config.order ?? 'completed'}
            title={{
              name: comparedTitle(run.label, name),
              subtitle: comparedSubtitle(
                run.file.source.kind,
                name,
                config.workers,
                config.durationsS.length,
                config.start,
              ),
            }}
          />
        ))}
      </section>
    );
  });
}
