import type { FormEvent } from 'react';
import { FIELD_LABELS, LIMITS, type FieldError, type FieldName } from '../engine/config';
import { PRESETS, type Preset } from '../engine/presets';
import { isTaskKind, TASK_KINDS, taskKind } from '../engine/taskKinds';
import { STRATEGY_LABELS, STRATEGY_NAMES, type StrategyName } from '../engine/types';
import { ExperimentFields } from './ExperimentFields';
import { describedBy } from './fieldErrors';
import { RunActions } from './RunActions';

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
  readonly start?: string | undefined;
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
  const checked = checkedStrategies(fields.strategies);
  const kindIsKnown = isTaskKind(fields.kind);
  const invalid = (field: FieldName): ReturnType<typeof describedBy> => describedBy(errors, field);

  const toggle = (name: StrategyName, on: boolean): void => {
    const next = STRATEGY_NAMES.filter((s) => (s === name ? on : checked.has(s)));
    onChange({ ...fields, strategies: next.join(',') });
  };

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
          inputMode="text"
          autoComplete="off"
          spellCheck={false}
          value={fields.tasks}
          disabled={running}
          onChange={(e) => onChange({ ...fields, tasks: e.target.value })}
          {...invalid('tasks')}
        />
        <p className="hint">
          Seconds, comma-separated: 3,2,1, or 0.5*4 for four tasks of 0.5 s. Up to {LIMITS.maxTasks} tasks of at most{' '}
          {LIMITS.maxDurationS} s.
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
            {...invalid('kind')}
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
            {...invalid('workers')}
          />
          <p className="hint">This machine: {cores} cores.</p>
        </div>
      </div>

      <fieldset className="strategies" disabled={running} {...invalid('strategies')}>
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

      <ExperimentFields fields={fields} errors={errors} checked={checked} running={running} onChange={onChange} />

      {errors.map((e) => (
        <p key={e.field} id={`error-${e.field}`} role="alert" className="alert">
          {e.message}
        </p>
      ))}

      <RunActions
        cores={cores}
        canRun={canRun}
        running={running}
        onStop={onStop}
        onSweep={onSweep}
        onCrash={onCrash}
        runNote={runNote}
      />
    </form>
  );
}
