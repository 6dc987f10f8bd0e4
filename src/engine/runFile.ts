// A run as a file (docs/run-file.md): what Export "Run (JSON)" writes, History keeps, Import run
// and python/trace_chapter.py's output are read through. The file holds the run's events, and a
// file becomes a run again by folding its events through the same reducer the live page uses, so
// an imported run is drawn by the same code, bar for bar.
import { parseConfig, type RawFields } from './config';
import { initialRunState, reduce, type RunState, type StoreEvent } from './reducer';
import { RUN_FILE_FORMAT, RUN_FILE_VERSION, runFileSchema, type RunFile, type RunFileEvent } from './runFile.schema';

export { RUN_FILE_FORMAT, RUN_FILE_VERSION, type RunFile, type RunFileEvent } from './runFile.schema';

/** Where a run was measured and with what, beside what the run state itself holds. */
export interface RunSource {
  readonly kind: 'browser' | 'cpython';
  readonly label: string;
  readonly createdAt: string;
  readonly userAgent?: string;
  readonly crossOriginIsolated?: boolean;
  readonly unitsPerMs?: number;
}

/**
 * Times keep every digit the clock gave (rounding to the clock's 5 µs could move a Console time
 * like 0.305 s across its 2-decimal boundary after a round trip).
 */
const round = (ms: number): number => ms;

/**
 * The events a finished (or stopped) run state was made of, times relative to the run's start, in
 * the order they happened: the Console's order (one line per task start, end, error, result and
 * strategy end), with each strategy's start first and its Worker spawns placed by time.
 */
function eventsOf(state: RunState): RunFileEvent[] {
  const runStart = state.strategies[0]?.t0Ms ?? 0;
  const events: RunFileEvent[] = [];
  let line = 0;
  for (const run of state.strategies) {
    const { name: strategy } = run;
    const at = (s: number): number => round(run.t0Ms - runStart + s * 1000);
    const bars = new Map(run.bars.map((bar) => [bar.task, bar]));
    const spawns = [...run.spawns].sort((a, b) => a.atS - b.atS);
    let spawned = 0;
    events.push({ type: 'strategy-start', strategy, tMs: at(0) });
    const push = (event: RunFileEvent): void => {
      for (; spawned < spawns.length && (spawns[spawned]?.atS ?? 0) * 1000 <= event.tMs - at(0) + 1e-9; spawned++) {
        const spawn = spawns[spawned];
        if (spawn) events.push({ type: 'worker-spawn', strategy, worker: spawn.worker, tMs: at(spawn.atS) });
      }
      events.push(event);
    };
    // This strategy run's lines: the next ones of its strategy, up to its last (time or stopped).
    for (; line < state.console.length; line++) {
      const printed = state.console[line];
      if (!printed || printed.strategy !== strategy) break;
      const bar = printed.task === undefined ? undefined : bars.get(printed.task);
      const ids = bar && { strategy, task: bar.task + 1, worker: bar.worker };
      if (printed.kind === 'started' && bar && ids) {
        push({
          type: 'task-start',
          ...ids,
          tMs: at(bar.startS),
          ...(bar.submittedS === undefined ? {} : { submittedMs: at(bar.submittedS) }),
          ...(bar.readyS === undefined ? {} : { readyMs: at(bar.readyS) }),
        });
      } else if (printed.kind === 'completed' && bar?.endS != null && ids) {
        push({
          type: 'task-end',
          ...ids,
          tMs: at(bar.endS),
          ...(bar.cpuMs === undefined ? {} : { cpuMs: round(bar.cpuMs) }),
          ...(bar.returnMs === undefined ? {} : { returnMs: round(bar.returnMs) }),
        });
      } else if (printed.kind === 'raised' && bar?.endS != null && ids) {
        push({ type: 'task-error', ...ids, tMs: at(bar.endS), message: bar.message ?? 'Error' });
      } else if (printed.kind === 'raised' && printed.task !== undefined) {
        // A task that never started raised (a broken pool fails its pending tasks): no bar, a line.
        const message = printed.text.slice(printed.text.indexOf(' raised ') + ' raised '.length);
        push({ type: 'task-error', strategy, task: printed.task + 1, worker: 1, tMs: printed.tMs - runStart, message });
      } else if (printed.kind === 'result' && printed.task !== undefined) {
        const result = run.results.find((r) => r.task === printed.task);
        if (result) push({ type: 'task-result', strategy, task: result.task + 1, tMs: at(result.atS) });
      } else if ((printed.kind === 'time' || printed.kind === 'stopped') && run.wallS !== null) {
        if (run.status !== 'running') push({ type: 'strategy-end', strategy, tMs: at(run.wallS), status: run.status });
        line++;
        break;
      }
    }
    // Spawns after the last printed event (a Worker started just before a Stop).
    for (const spawn of spawns.slice(spawned)) {
      events.splice(events.length - (events.at(-1)?.type === 'strategy-end' ? 1 : 0), 0, {
        type: 'worker-spawn',
        strategy,
        worker: spawn.worker,
        tMs: at(spawn.atS),
      });
    }
  }
  return events;
}

/** The Run JSON of a run that is over (done or stopped). */
export function toRunFile(state: RunState, source: RunSource): RunFile {
  const { config } = state;
  return {
    format: RUN_FILE_FORMAT,
    version: RUN_FILE_VERSION,
    source: { kind: source.kind, label: source.label, createdAt: source.createdAt, tool: 'Parallel Playground' },
    config: {
      kind: config.kind,
      tasks: [...config.durationsS],
      strategies: [...config.strategies],
      workers: config.workers,
      order: config.order ?? 'completed',
      repeat: config.repeat ?? 1,
      fail: (config.failing ?? []).map((i) => i + 1),
      predict: { ...config.predictionsS },
      ...(config.start ? { start: config.start } : {}),
    },
    environment: {
      cores: state.cores,
      ...(source.userAgent === undefined ? {} : { userAgent: source.userAgent }),
      ...(source.crossOriginIsolated === undefined ? {} : { crossOriginIsolated: source.crossOriginIsolated }),
      ...(source.unitsPerMs === undefined ? {} : { unitsPerMs: source.unitsPerMs }),
    },
    status: state.phase === 'stopped' ? 'stopped' : 'done',
    events: eventsOf(state),
  };
}

/** `Chromium 156`, `Firefox 153`, or `Browser` when the user agent says neither. */
export function browserLabel(userAgent: string): string {
  const firefox = /Firefox\/(\d+)/.exec(userAgent);
  if (firefox) return `Firefox ${firefox[1]}`;
  const chrome = /(?:Chrome|Chromium)\/(\d+)/.exec(userAgent);
  if (chrome) return `${/Edg\//.test(userAgent) ? 'Edge' : 'Chromium'} ${chrome[1]}`;
  const safari = /Version\/(\d+)[^ ]* Safari/.exec(userAgent);
  return safari ? `Safari ${safari[1]}` : 'Browser';
}

export type ReadResult =
  | { readonly ok: true; readonly file: RunFile; readonly state: RunState }
  | { readonly ok: false; readonly error: string };

/** `events[3].tMs` from a zod issue path. */
function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    '',
  );
}

/** The file's config as the page's own fields, so it is checked by the page's one validator. */
function fieldsOf(config: RunFile['config']): RawFields {
  const predict = Object.entries(config.predict ?? {}).map(([name, s]) => `${name}:${s}`);
  return {
    kind: config.kind,
    tasks: config.tasks.join(','),
    strategies: config.strategies.join(','),
    workers: String(config.workers),
    order: config.order ?? 'completed',
    repeat: String(config.repeat ?? 1),
    fail: (config.fail ?? []).join(','),
    predict: predict.join(','),
    ...(config.start ? { start: config.start } : {}),
  };
}

/** Task numbers within the config, strategies chosen and started before their events. */
function checkEvents(file: RunFile): string | null {
  const started = new Set<string>();
  for (const [i, event] of file.events.entries()) {
    const where = `events[${i}]`;
    if (!file.config.strategies.includes(event.strategy)) {
      return `${where}.strategy: "${event.strategy}" is not one of config.strategies (${file.config.strategies.join(', ')})`;
    }
    if (event.type === 'strategy-start') started.add(event.strategy);
    else if (!started.has(event.strategy)) {
      return `${where}: a ${event.type} event of ${event.strategy} before its strategy-start`;
    }
    if ('task' in event && event.task > file.config.tasks.length) {
      return `${where}.task: task ${event.task}, but config.tasks has ${file.config.tasks.length} tasks`;
    }
  }
  return started.size === 0 ? 'events: no strategy-start, so there is nothing to draw' : null;
}

/** A file's events as the reducer's (0-based tasks). */
function storeEvent(event: RunFileEvent): StoreEvent {
  return 'task' in event ? { ...event, task: event.task - 1 } : event;
}

/** The run a file holds, drawn exactly as it was measured. */
export function runStateOf(file: RunFile, config: RunState['config']): RunState {
  let state = initialRunState(config, file.environment.cores);
  for (const event of file.events) state = reduce(state, storeEvent(event));
  return reduce(state, { type: 'run-end', stopped: file.status === 'stopped' });
}

/**
 * Reads a Run JSON file's text. Never throws: a bad file gives one sentence naming what is wrong
 * (the field and what it should be), for the alert Import run shows.
 */
export function readRunFile(text: string): ReadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== RUN_FILE_FORMAT) {
    return { ok: false, error: `not a Run JSON file: "format" must be "${RUN_FILE_FORMAT}"` };
  }
  const version = (json as { version?: unknown }).version;
  if (version !== RUN_FILE_VERSION) {
    return {
      ok: false,
      error: `version ${JSON.stringify(version)} is not supported; this page reads version ${RUN_FILE_VERSION}`,
    };
  }
  const parsed = runFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: issue ? `${pathText(issue.path) || 'file'}: ${issue.message}` : 'invalid file' };
  }
  const file = parsed.data;
  const config = parseConfig(fieldsOf(file.config), file.environment.cores);
  if (!config.ok) return { ok: false, error: `config: ${config.errors.map((e) => e.message).join('; ')}` };
  const eventError = checkEvents(file);
  if (eventError) return { ok: false, error: eventError };
  return { ok: true, file, state: runStateOf(file, config.config) };
}

/** What an imported strategy's timeline is called, before ` timeline`: `CPython 3.11 pool`. */
export function comparedTitle(label: string, strategy: string): string {
  return `${label} ${strategy}`;
}

/** A compared run's Results row: `CPython 3.11 pool`, `CPython 3.11 pool (stopped)`. */
export function comparedRowLabel(
  label: string,
  row: { readonly name: string; readonly status: 'done' | 'stopped' | 'failed' },
): string {
  return `${comparedTitle(label, row.name)}${row.status === 'done' ? '' : ` (${row.status})`}`;
}

/** `CPython 3.11.7 on linux (fork), 2 cores` / `Chromium 156, 2 cores, cross-origin isolated`. */
export function whereMeasured(file: RunFile): string {
  const { environment: env, source } = file;
  const cores = `${env.cores} core${env.cores === 1 ? '' : 's'}`;
  if (env.python) {
    const method = env.python.startMethod ? ` (${env.python.startMethod})` : '';
    return `CPython ${env.python.version} on ${env.python.platform}${method}, ${cores}`;
  }
  const isolated = env.crossOriginIsolated ? ', cross-origin isolated' : '';
  return `${source.label}, ${cores}${isolated}`;
}
