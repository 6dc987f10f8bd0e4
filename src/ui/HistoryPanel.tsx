import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ComparedRun } from '../engine/compared';
import { readRunFile, type RunFile } from '../engine/runFile';
import { openHistory, type HistoryStore, type KeptRun } from './historyStore';
import { HISTORY_LIMIT, MAX_PICKS, pickRun, runNames, shortTime, wallsText, whenText } from './historyText';

export interface HistoryProps {
  /** The run that just ended, as its file (null before the first run and while one runs); saved once. */
  readonly latest: RunFile | null;
  /** Draws these past runs beside the current one (an empty list removes them). */
  readonly onShow: (runs: readonly ComparedRun[]) => void;
  /**
   * Optional: the runs drawn beside the current one now (App's compared runs). A History pick that
   * is no longer among them (its `Remove` button was used) is unchecked here too.
   */
  readonly shown?: readonly ComparedRun[];
}

/** One database for the page's lifetime (opened on first use, never closed). */
let opening: Promise<HistoryStore> | null = null;
const history = (): Promise<HistoryStore> => (opening ??= openHistory());

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

type Availability = { readonly state: 'opening' | 'ready' } | { readonly state: 'unavailable'; readonly why: string };

/**
 * Region `History` (issue 12, point 5): the last 50 runs, kept in IndexedDB, newest first; any two
 * drawn beside the current run (`Compare`), one or all deleted. Collapsed until opened.
 */
export function HistoryPanel({ latest, onShow, shown: drawn }: HistoryProps) {
  const id = useId();
  const [availability, setAvailability] = useState<Availability>({ state: 'opening' });
  const [runs, setRuns] = useState<readonly KeptRun[]>([]);
  /** Picked run ids, earliest pick first. */
  const [picked, setPicked] = useState<readonly number[]>([]);
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState('');
  const listing = useRef(0);
  const showing = useRef(0);
  /** Kept runs read back (file checked and folded into a run state), by id. */
  const cache = useRef(new Map<number, Pick<ComparedRun, 'file' | 'state'>>());
  /** The ids last handed to onShow. */
  const requested = useRef<readonly number[]>([]);
  const saved = useRef<RunFile | null>(null);
  const panel = useRef<HTMLElement>(null);
  /** What gets focus once the list is redrawn after a delete: a run's Delete button, or the toggle. */
  const focusNext = useRef<number | 'toggle' | 'delete-all' | 'cancel' | null>(null);

  const unavailable = useCallback(
    (error: unknown) => setAvailability({ state: 'unavailable', why: reason(error) }),
    [],
  );
  /** Lists the kept runs again (the newest listing wins). */
  const refresh = useCallback(async () => {
    const ticket = ++listing.current;
    const listed = await (await history()).list();
    if (ticket === listing.current) {
      setRuns(listed);
      setAvailability({ state: 'ready' });
    }
    return listed;
  }, []);

  useEffect(() => {
    refresh().catch(unavailable);
  }, [refresh, unavailable]);

  // Keep each run once it is over (the store ignores a run it already has).
  useEffect(() => {
    if (!latest || saved.current === latest) return;
    saved.current = latest;
    // A History that cannot open says so itself; a save that fails (storage full) gets a note.
    history().then(
      (store) =>
        store
          .save(latest)
          .then(refresh)
          .catch((error: unknown) => setNote(`This run could not be kept in History: ${reason(error)}.`)),
      () => undefined,
    );
  }, [latest, refresh]);

  // A pick removed from the page elsewhere (the compared run's Remove button) is unchecked.
  useEffect(() => {
    if (!drawn) return;
    const onPage = new Set(drawn.map((run) => run.id));
    const gone = requested.current.filter((p) => !onPage.has(`history-${p}`));
    if (gone.length === 0) return;
    requested.current = requested.current.filter((p) => !gone.includes(p));
    setPicked((before) => before.filter((p) => !gone.includes(p)));
  }, [drawn]);

  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    const selector = typeof target === 'number' ? `[data-delete="${target}"]` : `[data-focus="${target}"]`;
    panel.current?.querySelector<HTMLElement>(selector)?.focus();
  });

  const now = new Date();
  const names = runNames(runs, now);
  const nameOf = new Map(runs.map((run, i) => [run.id, names[i] ?? '']));

  /** Draws the picked runs (oldest first) beside the current one; a run that cannot be read is unpicked. */
  const show = useCallback(
    async (ids: readonly number[], kept: readonly KeptRun[]) => {
      const ticket = ++showing.current;
      const store = await history();
      const chosen = kept.filter((run) => ids.includes(run.id)).sort((a, b) => a.id - b.id);
      // Labelled with the run's name in the list (`Chromium 156 · 10:42:07`), unique among kept runs.
      const names = runNames(kept, new Date());
      const nameOf = (run: KeptRun): string => names[kept.indexOf(run)] ?? shortTime(run.createdAt, new Date());
      const result: ComparedRun[] = [];
      const resultIds: number[] = [];
      for (const run of chosen) {
        let drawn = cache.current.get(run.id);
        if (!drawn) {
          const file = await store.get(run.id);
          const read = file
            ? readRunFile(JSON.stringify(file))
            : ({ ok: false, error: 'it is no longer kept' } as const);
          if (!read.ok) {
            setNote(`The run of ${nameOf(run)} could not be drawn: ${read.error}.`);
            setPicked((before) => before.filter((p) => p !== run.id));
            continue;
          }
          drawn = { file: read.file, state: read.state };
          cache.current.set(run.id, drawn);
        }
        result.push({ id: `history-${run.id}`, label: `${run.label} · ${nameOf(run)}`, ...drawn });
        resultIds.push(run.id);
      }
      if (ticket !== showing.current) return;
      requested.current = resultIds;
      onShow(result);
    },
    [onShow],
  );
  const showPicks = (ids: readonly number[], kept: readonly KeptRun[]): void => {
    setPicked(ids);
    show(ids, kept).catch((error: unknown) => setNote(`History could not draw those runs: ${reason(error)}.`));
  };

  const toggle = (run: KeptRun, checked: boolean): void => {
    if (!checked) {
      setNote('');
      showPicks(
        picked.filter((p) => p !== run.id),
        runs,
      );
      return;
    }
    const { picks: next, dropped } = pickRun(picked, run.id);
    setNote(
      dropped.length > 0
        ? `Compare draws ${MAX_PICKS} runs at most: unchecked the run of ${dropped.map((d) => nameOf.get(d)).join(', ')}.`
        : '',
    );
    showPicks(next, runs);
  };

  const remove = async (run: KeptRun): Promise<void> => {
    const at = runs.findIndex((r) => r.id === run.id);
    const neighbour = runs[at + 1] ?? runs[at - 1];
    await (await history()).remove(run.id);
    cache.current.delete(run.id);
    focusNext.current = neighbour ? neighbour.id : 'toggle';
    setNote(`Deleted the run of ${nameOf.get(run.id) ?? ''}.`);
    const listed = await refresh();
    if (picked.includes(run.id)) {
      showPicks(
        picked.filter((p) => p !== run.id),
        listed,
      );
    }
  };

  const removeAll = async (): Promise<void> => {
    await (await history()).clear();
    cache.current.clear();
    setConfirming(false);
    focusNext.current = 'toggle';
    setNote('Deleted every kept run.');
    if (picked.length > 0) showPicks([], []);
    await refresh();
  };

  const failed =
    (what: string) =>
    (error: unknown): void =>
      setNote(`History could not ${what}: ${reason(error)}.`);

  const cancelConfirm = (): void => {
    focusNext.current = 'delete-all';
    setConfirming(false);
  };
  const onConfirmKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      cancelConfirm();
    }
  };

  const count =
    availability.state === 'unavailable'
      ? 'not available'
      : runs.length === 0
        ? availability.state === 'opening'
          ? ''
          : 'no runs kept yet'
        : `${runs.length} run${runs.length === 1 ? '' : 's'} kept (at most ${HISTORY_LIMIT})${
            picked.length > 0 ? `, ${picked.length} compared` : ''
          }`;

  return (
    <section className="history-panel" aria-labelledby={`${id}-title`} ref={panel}>
      <div className="history-head">
        <h2 id={`${id}-title`}>History</h2>
        <button
          type="button"
          className="history-toggle"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          data-focus="toggle"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Hide past runs' : 'Show past runs'}
        </button>
        <span className="history-count">{count}</span>
      </div>
      <p role="status" className="history-note">
        {note}
      </p>
      <div id={`${id}-body`} hidden={!open}>
        {availability.state === 'unavailable' ? (
          <p className="history-unavailable">
            History is not available here: the browser does not let this page use IndexedDB ({availability.why}), so
            runs are not kept after a reload; everything else works.
          </p>
        ) : runs.length === 0 ? (
          <p className="history-empty">
            {availability.state === 'opening' ? 'Reading History…' : 'Every run you make here is kept in this list.'}
          </p>
        ) : (
          <>
            <p className="history-hint">
              Check one or two runs to draw them under the current run, on the same time axis. The last {HISTORY_LIMIT}{' '}
              runs are kept in this browser.
            </p>
            <ol className="history-list" role="list">
              {runs.map((run) => {
                const name = nameOf.get(run.id) ?? '';
                const checkbox = `${id}-compare-${run.id}`;
                return (
                  <li key={run.id} className={picked.includes(run.id) ? 'history-run picked' : 'history-run'}>
                    <input
                      type="checkbox"
                      id={checkbox}
                      checked={picked.includes(run.id)}
                      onChange={(event) => toggle(run, event.currentTarget.checked)}
                    />
                    <label htmlFor={checkbox} className="history-compare">
                      Compare<span className="visually-hidden"> run of {name}</span>
                    </label>
                    <div className="history-what">
                      <p className="history-when">
                        <strong>{whenText(run.createdAt, now)}</strong> · {run.label}
                        {run.status === 'stopped' && (
                          <>
                            {' · '}
                            <span className="history-stopped">stopped</span>
                          </>
                        )}
                      </p>
                      <p className="history-config">{run.config}</p>
                      <p className="history-walls">{wallsText(run.walls)}</p>
                    </div>
                    <button
                      type="button"
                      className="history-delete"
                      data-delete={run.id}
                      onClick={() => void remove(run).catch(failed('delete that run'))}
                    >
                      Delete<span className="visually-hidden"> run of {name}</span>
                    </button>
                  </li>
                );
              })}
            </ol>
            <div className="history-foot">
              {confirming ? (
                <div
                  role="group"
                  aria-labelledby={`${id}-confirm`}
                  className="history-confirm"
                  onKeyDown={onConfirmKey}
                >
                  <span id={`${id}-confirm`}>
                    Delete all {runs.length} kept run{runs.length === 1 ? '' : 's'}? This cannot be undone.
                  </span>
                  <button type="button" data-focus="cancel" onClick={cancelConfirm}>
                    Cancel
                  </button>
                  <button
                    type="button"
                    className="history-delete"
                    onClick={() => void removeAll().catch(failed('delete the runs'))}
                  >
                    Yes, delete all
                  </button>
                </div>
              ) : (
                <button
                  type="button"
                  className="history-delete"
                  data-focus="delete-all"
                  onClick={() => {
                    focusNext.current = 'cancel';
                    setConfirming(true);
                  }}
                >
                  Delete all
                </button>
              )}
            </div>
          </>
        )}
      </div>
    </section>
  );
}
