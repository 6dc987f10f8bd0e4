import type { FormEvent } from 'react';
import { FIELD_LABELS, LIMITS, type FieldError, type FieldName } from '../engine/config';
import { PRESETS, type Preset } from '../engine/presets';
import { isTaskKind, TASK_KINDS, taskKind } from '../engine/taskKinds';
import { STRATEGY_LABELS, STRATEGY_NAMES, type StrategyName } from '../engine/types';

/** The raw text of every control; `workers: undefined` means the default (the core count). */
export interface Fields {
  readonly tasks: string;
  readonly kind: string;
  readonly workers: string | undefined;
  readonly strategies: string;
  readonly order?: string | undefined;
  readonly repeat?: string | undefined;
  readonly fail?: string | undefined;
  readonly predict?: string | undefined;
}

/** Reads `sequential:2,pool:1.5` leniently, to fill the prediction boxes. */
function predictionTexts(raw: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of (raw ?? '').split(',')) {
    const [name, value] = part.split(':').map((x) => x.trim());
    if (name && value !== undefined) map.set(name, value);
  }
  return map;
}

const STRATEGY_HINTS: Record<StrategyName, string> = {
  sequential: 'task(1); task(2) on one warm Worker',
  processes: 'one new Worker per task, start() then join()',
  pool: 'ProcessPoolExecutor: N Workers, a queue, as_completed',
  threads: 'all tasks on ONE Worker’s event loop (the GIL)',
};

interface Props {
  readonly fields: Fields;
  readonly errors: readonly FieldError[];
  readonly cores: number;
  readonly canRun: boolean;
  readonly running: boolean;
  readonly activePreset: Preset | undefined;
  readonly onChange: (fields: Fields) => void;
  readonly onRun: () => void;
  readonly onStop: () => void;
  readonly onSweep: () => void;
  readonly onCrash: () => void;
  /** Why a `run=1` link did not start by itself (shown next to Run until a run starts), if it did not. */
  readonly runNote?: string | undefined;
}

function checkedStrategies(raw: string): Set<string> {
  return new Set(raw.split(',').map((s) => s.trim()));
}

export function Controls({
  fields,
  errors,
  cores,
  canRun,
  running,
  activePreset,
  onChange,
  onRun,
  onStop,
  onSweep,
  onCrash,
  runNote,
}: Props) {
  const errorOf = (field: FieldName): FieldError | undefined => errors.find((e) => e.field === field);
  const describedBy = (field: FieldName): { 'aria-invalid'?: true; 'aria-describedby'?: string } =>
    errorOf(field) ? { 'aria-invalid': true, 'aria-describedby': `error-${field}` } : {};
  const checked = checkedStrategies(fields.strategies);
  const kindIsKnown = isTaskKind(fields.kind);

  const toggle = (name: StrategyName, on: boolean): void => {
    const next = STRATEGY_NAMES.filter((s) => (s === name ? on : checked.has(s)));
    onChange({ ...fields, strategies: next.join(',') });
  };

  const predictions = predictionTexts(fields.predict);
  const setPrediction = (name: StrategyName, value: string): void => {
    const next = new Map(predictions);
    if (value.trim() === '') next.delete(name);
    else next.set(name, value.trim());
    const text = STRATEGY_NAMES.filter((s) => next.has(s))
      .map((s) => `${s}:${next.get(s) ?? ''}`)
      .join(',');
    onChange({ ...fields, predict: text === '' ? undefined : text });
  };
  const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (canRun) onRun();
  };

  return (
    <form className="controls" onSubmit={submit} noValidate>
      <section aria-labelledby="presets-title" className="presets">
        <h2 id="presets-title">The chapter’s examples</h2>
        <div className="preset-buttons">
          {PRESETS.map((p) => (
            <button
              key={p.id}
              type="button"
              className="preset"
              aria-pressed={activePreset?.id === p.id}
              disabled={running}
              onClick={() => onChange({ ...p.fields })}
            >
              {p.label}
            </button>
          ))}
        </div>
      </section>

      <div className="field">
        <label htmlFor="tasks">{FIELD_LABELS.tasks}</label>
        <input
          id="tasks"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={fields.tasks}
          disabled={running}
          onChange={(e) => onChange({ ...fields, tasks: e.target.value })}
          {...describedBy('tasks')}
        />
        <p className="hint">
          Seconds, comma-separated: 3,2,1. Up to {LIMITS.maxTasks} tasks of at most {LIMITS.maxDurationS} s.
        </p>
      </div>

      <div className="field-row">
        <div className="field">
          <label htmlFor="kind">{FIELD_LABELS.kind}</label>
          <select
            id="kind"
            value={fields.kind}
            disabled={running}
            onChange={(e) => onChange({ ...fields, kind: e.target.value })}
            {...describedBy('kind')}
          >
            {!kindIsKnown && (
              <option value={fields.kind} disabled>
                {fields.kind} (not a task kind)
              </option>
            )}
            {TASK_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {taskKind(kind).label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="workers">{FIELD_LABELS.workers}</label>
          <input
            id="workers"
            type="number"
            min={LIMITS.minWorkers}
            max={LIMITS.maxWorkers}
            step={1}
            value={fields.workers ?? String(cores)}
            disabled={running}
            onChange={(e) => onChange({ ...fields, workers: e.target.value })}
            {...describedBy('workers')}
          />
          <p className="hint">This machine: {cores} cores.</p>
        </div>
      </div>

      <fieldset className="strategies" disabled={running} {...describedBy('strategies')}>
        <legend>{FIELD_LABELS.strategies}</legend>
        {STRATEGY_NAMES.map((name) => (
          <div key={name} className="check">
            <input
              id={`strategy-${name}`}
              type="checkbox"
              checked={checked.has(name)}
              onChange={(e) => toggle(name, e.target.checked)}
              aria-describedby={`strategy-hint-${name}`}
            />
            <label htmlFor={`strategy-${name}`}>{STRATEGY_LABELS[name]}</label>
            <span id={`strategy-hint-${name}`} className="hint">
              {STRATEGY_HINTS[name]}
            </span>
          </div>
        ))}
      </fieldset>

      <fieldset className="experiment" disabled={running}>
        <legend>Experiment</legend>
        <div className="field-row">
          <div className="field">
            <label htmlFor="order">{FIELD_LABELS.order}</label>
            <select
              id="order"
              value={fields.order ?? 'completed'}
              onChange={(e) =>
                onChange({ ...fields, order: e.target.value === 'completed' ? undefined : e.target.value })
              }
              aria-describedby={errorOf('order') ? 'error-order order-hint' : 'order-hint'}
              {...(errorOf('order') ? { 'aria-invalid': true } : {})}
            >
              {fields.order !== undefined && fields.order !== 'completed' && fields.order !== 'submitted' && (
                <option value={fields.order} disabled>
                  {fields.order} (not an order)
                </option>
              )}
              <option value="completed">as_completed</option>
              <option value="submitted">executor.map</option>
            </select>
            <p className="hint" id="order-hint">
              Pool: results as they finish, or in the order submitted.
            </p>
          </div>
          <div className="field">
            <label htmlFor="repeat">{FIELD_LABELS.repeat}</label>
            <input
              id="repeat"
              type="number"
              min={1}
              max={LIMITS.maxRepeat}
              step={1}
              value={fields.repeat ?? '1'}
              onChange={(e) => onChange({ ...fields, repeat: e.target.value === '1' ? undefined : e.target.value })}
              {...describedBy('repeat')}
            />
            <p className="hint">Runs per strategy; timelines show the median.</p>
          </div>
        </div>
        <div className="field">
          <label htmlFor="fail">{FIELD_LABELS.fail}</label>
          <input
            id="fail"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            placeholder="none"
            value={fields.fail ?? ''}
            onChange={(e) => onChange({ ...fields, fail: optional(e.target.value) })}
            {...describedBy('fail')}
          />
          <p className="hint">Task numbers that raise an error, like 2: see how each strategy copes.</p>
        </div>
        <fieldset className="predictions" {...describedBy('predict')}>
          <legend>{FIELD_LABELS.predict}</legend>
          <p className="hint">Guess each wall-clock before you press Run; a quiz link keeps the guesses.</p>
          <div className="prediction-boxes">
            {STRATEGY_NAMES.filter((s) => checked.has(s)).map((name) => (
              <label key={name} className="prediction">
                <span>{STRATEGY_LABELS[name]}</span>
                <input
                  type="number"
                  min={0}
                  step={0.1}
                  aria-label={`${FIELD_LABELS.predict} for ${STRATEGY_LABELS[name]}`}
                  value={predictions.get(name) ?? ''}
                  onChange={(e) => setPrediction(name, e.target.value)}
                />
              </label>
            ))}
          </div>
        </fieldset>
      </fieldset>

      {errors.map((e) => (
        <p key={e.field} id={`error-${e.field}`} role="alert" className="alert">
          {e.message}
        </p>
      ))}

      <div className="actions">
        <button type="submit" className="run" disabled={!canRun} aria-describedby={runNote ? 'run-note' : undefined}>
          Run
        </button>
        <button type="button" className="stop" disabled={!running} onClick={onStop}>
          Stop
        </button>
      </div>
      {runNote && (
        <p id="run-note" className="run-note">
          {runNote}
        </p>
      )}
      <div className="actions secondary">
        <button
          type="button"
          className="sweep-button"
          disabled={!canRun}
          onClick={onSweep}
          aria-describedby="sweep-hint"
        >
          Sweep workers
        </button>
        <span id="sweep-hint" className="hint">
          Pool with 1 … {Math.max(2 * cores, 8)} workers on these tasks
        </span>
      </div>
      <div className="actions secondary">
        <button type="button" className="crash" disabled={!running} onClick={onCrash} aria-describedby="crash-hint">
          Crash a worker
        </button>
        <span id="crash-hint" className="hint">
          During a run: kill a busy Worker, as if its process died
        </span>
      </div>
    </form>
  );
}
