import { lazy, Suspense, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { autoRunDecision } from '../engine/autoRun';
import { parseConfig } from '../engine/config';
import { writeUrl } from '../engine/url';
import { matchPreset, PRESETS } from '../engine/presets';
import { breakdown } from '../engine/breakdown';
import { predictionSentence } from '../engine/predict';
import { resultRows } from '../engine/selectors';
import { runSummary } from '../engine/summary';
import { LabApp } from '../labs/LabApp';
import { readLab } from '../labs/registry';
import type { Backend } from './backend';
import { ChartBoundary } from './ChartBoundary';
import { AppHeader } from './AppHeader';
import { TASK_MOMENTS } from './codeHighlight';
import { CodePane } from './CodePane';
import { ConsoleLog } from './ConsoleLog';
import { CpuCheck } from './CpuCheck';
import { Controls, type Fields } from './Controls';
import { fieldsFromUrl, runStatusText } from './pageState';
import { useRunSession } from './hooks/useRunSession';
import { useCompared } from './hooks/useCompared';
import { useFileDrop } from './hooks/useFileDrop';
import { useFinishedRun } from './hooks/useFinishedRun';
import { useReplay } from './hooks/useReplay';
import { useRunState } from './hooks/useRunState';
import { useShortcuts } from './hooks/useShortcuts';
import { useView } from './hooks/useView';
import { MappingNote } from './MappingNote';
import { PointTaskContext } from './pointedTask';
import { ReplayControls } from './ReplayControls';
import { replaceSearch } from './replaceSearch';
import { comparedResultGroup, ResultsTable } from './ResultsTable';
import { SweepPanel } from './SweepPanel';
import { HistoryPanel } from './HistoryPanel';
import { ShareBar } from './ShareBar';
import { ShortcutsDialog, type ShortcutsDialogHandle } from './ShortcutsDialog';
import { Timelines } from './Timelines';

const loadChart = () => import('./ResultsChart');
const ResultsChart = lazy(loadChart);

/** The page: a lab when the URL names one (`lab=memory`…), else the chapter's page. */
export function App({ backend }: { readonly backend: Backend }) {
  const lab = useMemo(() => readLab(window.location.search), []);
  return lab.kind === 'none' ? <MainPage backend={backend} /> : <LabApp choice={lab} />;
}

function MainPage({ backend }: { readonly backend: Backend }) {
  const initial = useMemo(() => fieldsFromUrl(window.location.search), []);
  // A link with a bad value never runs by itself, even once the value is corrected.
  const initialOk = useMemo(() => parseConfig(initial.fields, backend.cores).ok, [initial, backend.cores]);
  // `run=1` starts by itself only a light run (ideal ≤ 60 s, ≤ 64 Workers at once); a heavier link waits for Run.
  const autoRun = useMemo(() => {
    const p = initial.run ? parseConfig(initial.fields, backend.cores) : null;
    return p?.ok ? autoRunDecision(p.config, backend.cores) : null;
  }, [initial, backend.cores]);
  const [fields, setFields] = useState<Fields>(initial.fields);
  const session = useRunSession(backend);
  const state = useRunState(session.store);
  const parsed = useMemo(() => parseConfig(fields, backend.cores), [fields, backend.cores]);
  const ready = session.readiness.state === 'ready';
  // After a failed start Run stays usable: it tries to start the Worker again.
  const canRun = (ready || session.readiness.state === 'error') && !session.running && parsed.ok;

  // Keep the URL in step with the controls (invalid values too, so a link shows what was typed).
  useEffect(() => replaceSearch(writeUrl(window.location.search, fields)), [fields]);
  const { view, togglePresentation, setTheme } = useView();

  // Fetch the chart code while idle (after a `run=1` run, not beside it), so it is never parsed
  // in the middle of a measured run.
  const idle = ready && !session.running && (!initial.run || state !== null || autoRun?.ok === false);
  useEffect(() => {
    if (idle) loadChart().catch(() => undefined); // a failure shows where the chart would be
  }, [idle]);

  // `run=1`: start once the page is ready, if the URL's config is valid and light enough (autoRun.ts).
  const autoRan = useRef(false);
  const { start } = session;
  useEffect(() => {
    if (!initial.run || autoRan.current || !ready) return;
    autoRan.current = true;
    if (initialOk && parsed.ok && autoRunDecision(parsed.config, backend.cores).ok) void start(parsed.config);
  }, [initial.run, initialOk, ready, parsed, start, backend.cores]);
  // Why the link waits, next to Run, until a run starts or the settings change.
  const runNote =
    autoRun && !autoRun.ok && state === null && !session.running && fields === initial.fields
      ? autoRun.reason
      : undefined;

  const rows = state
    ? resultRows(state).map((row) => ({
        ...row,
        breakdown: breakdown(row.run),
        predictedS: state.config.predictionsS?.[row.name],
      }))
    : [];
  const compared = useCompared();
  const dragging = useFileDrop(compared.importFiles);
  const comparedRows = compared.runs.map(comparedResultGroup);
  const finished = useFinishedRun(state, session.running, session.readiness);
  // The chart appears once a run is over, drawn in the background so it never blocks the page.
  const showChart = useDeferredValue(rows.length > 0 && !session.running);
  const predictionSentences = state
    ? rows.flatMap((row) =>
        row.predictedS === undefined || row.status !== 'done'
          ? []
          : [predictionSentence(row, row.predictedS, state.config, backend.cores)],
      )
    : [];
  const preset = matchPreset(fields);

  const { replay, setReplay, shown, moment } = useReplay(state, session.store, session.running);
  // The code pane highlights the pointed bar's task, else the moment a replay shows (codeHighlight.ts).
  const [pointedTask, setPointedTask] = useState<number | null>(null);
  const codeMoments = pointedTask !== null ? TASK_MOMENTS : moment ? [moment] : [];

  // Keyboard shortcuts (src/ui/shortcuts.ts): the same actions as the buttons, under the same conditions.
  const shortcutsDialog = useRef<ShortcutsDialogHandle>(null);
  useShortcuts({
    run: () => canRun && parsed.ok && void start(parsed.config),
    stop: () => session.running && session.stop(),
    preset: (index) => {
      const chosen = PRESETS[index];
      if (chosen && !session.running) setFields({ ...chosen.fields });
    },
    presentation: togglePresentation,
    help: () => shortcutsDialog.current?.open(),
  });

  const statusText = runStatusText(session, state);

  return (
    <div className={view.present ? 'app presenting' : 'app'}>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop a Run JSON file to draw it beside this run
        </div>
      )}
      <AppHeader
        view={view}
        onTheme={setTheme}
        onTogglePresentation={togglePresentation}
        cores={backend.cores}
        readiness={session.readiness}
        running={session.running}
        onRecalibrate={() => void session.recalibrate()}
      />
      <ShortcutsDialog ref={shortcutsDialog} />

      <main className="layout">
        <aside className="side">
          <Controls
            fields={fields}
            errors={parsed.ok ? [] : parsed.errors}
            cores={backend.cores}
            canRun={canRun}
            running={session.running}
            activePreset={preset}
            onChange={setFields}
            onRun={() => parsed.ok && void start(parsed.config)}
            onStop={session.stop}
            onSweep={() => parsed.ok && void session.sweep(parsed.config)}
            onCrash={() => backend.crashOne()}
            runNote={runNote}
          />
          {preset && (
            <p className="lesson">
              <strong>{preset.label}.</strong> {preset.lesson}{' '}
              <span className="chapter">Chapter: “{preset.chapterTime}”.</span>
            </p>
          )}
          <MappingNote cores={backend.cores} />
        </aside>

        <div className="output">
          <div className="status-row">
            <p
              role="status"
              aria-label="Run status"
              className={`status status-${statusText === 'Stopped' ? 'stopped' : (state?.phase ?? 'idle')}`}
            >
              {statusText}
            </p>
            {runNote && (
              <p className="held-back">
                This link waits for a click: it is heavier than a link may start by itself (see the note under Run).
              </p>
            )}
            <p className="legend" aria-hidden="true">
              <span className="key key-bar" /> measured <span className="key key-ghost" /> ideal (model)
              <span className="key key-spawn" /> Worker start-up <span className="key key-now" /> now
            </p>
          </div>
          {/* Announced once a run is over: a sentence per strategy (engine/summary.ts). */}
          <p role="status" aria-label="Run summary" className="visually-hidden">
            {state && !session.running && state.phase !== 'running' ? runSummary(rows, state.config).join(' ') : ''}
          </p>
          {session.readiness.state === 'error' && (
            <p role="alert" className="alert">
              Could not start: {session.readiness.message}. Press Run to try again.
            </p>
          )}
          {session.hiddenDuringRun && (
            <p className="warning">
              ⚠ Measured while the tab was hidden — timings unreliable: browsers slow down timers in hidden tabs. Keep
              this tab in front and run again.
            </p>
          )}
          {session.failure && (
            <p role="alert" className="alert">
              The run broke off: {session.failure}. Reload the page and run again.
            </p>
          )}
          <ShareBar
            input={{ state, running: session.running, source: finished.source, compared: compared.runs }}
            onImport={compared.importFiles}
          />
          {compared.error && (
            <div role="alert" className="alert import-error">
              {compared.error}{' '}
              <button type="button" className="link-button" onClick={compared.dismissError}>
                Dismiss
              </button>
            </div>
          )}
          {session.sweepState && <SweepPanel sweep={session.sweepState} cores={backend.cores} />}
          {state && <ReplayControls state={state} replay={replay} onReplay={setReplay} disabled={session.running} />}
          <PointTaskContext value={setPointedTask}>
            <Timelines
              state={shown}
              replay={state && replay ? { atMs: replay.atMs, full: state } : undefined}
              config={state?.config ?? (parsed.ok ? parsed.config : null)}
              running={session.running}
              clock={backend.clock}
              cores={backend.cores}
              compared={compared.runs}
              onRemoveCompared={compared.remove}
            />
          </PointTaskContext>
          <section className="results-panel" aria-labelledby="results-title">
            <h2 id="results-title">Results</h2>
            <ResultsTable rows={rows} compared={comparedRows} predictionSentences={predictionSentences} />
            {state && !session.running && (
              <CpuCheck
                state={state}
                cores={backend.cores}
                canRecalibrate={session.readiness.state === 'ready'}
                onRecalibrate={() => void session.recalibrate()}
              />
            )}
          </section>
          <div className="bottom">
            <ConsoleLog lines={shown?.console ?? []} />
            {showChart && (
              <section className="chart-panel" aria-labelledby="chart-title">
                <h2 id="chart-title">Measured vs ideal</h2>
                <ChartBoundary>
                  <Suspense fallback={<p className="hint">Loading chart…</p>}>
                    <ResultsChart rows={rows} />
                  </Suspense>
                </ChartBoundary>
              </section>
            )}
          </div>
          <HistoryPanel latest={finished.file} onShow={compared.showHistory} shown={compared.runs} />
          <CodePane
            config={parsed.ok ? parsed.config : (state?.config ?? null)}
            preset={preset}
            moments={codeMoments}
          />
        </div>
      </main>
    </div>
  );
}
