import { FIELD_LABELS, LIMITS, type FieldError } from '../engine/config';
import type { Fields } from './Controls';
import { describedBy, errorOf } from './fieldErrors';
import { PredictionFields } from './PredictionFields';

interface Props {
  readonly fields: Fields;
  readonly errors: readonly FieldError[];
  /** Strategies ticked (the prediction boxes follow them). */
  readonly checked: ReadonlySet<string>;
  readonly running: boolean;
  readonly onChange: (fields: Fields) => void;
}

const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

/** "Experiment": results order, repeats, failing tasks and the class's predictions. */
export function ExperimentFields({ fields, errors, checked, running, onChange }: Props) {
  const orderError = errorOf(errors, 'order');
  const startError = errorOf(errors, 'start');
  return (
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
            aria-describedby={orderError ? 'error-order order-hint' : 'order-hint'}
            {...(orderError ? { 'aria-invalid': true } : {})}
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
            {...describedBy(errors, 'repeat')}
          />
          <p className="hint">Runs per strategy; timelines show the median.</p>
        </div>
      </div>
      <div className="field">
        <label htmlFor="start">{FIELD_LABELS.start}</label>
        <select
          id="start"
          value={fields.start ?? 'spawn'}
          onChange={(e) => onChange({ ...fields, start: e.target.value === 'spawn' ? undefined : e.target.value })}
          aria-describedby={startError ? 'error-start start-hint' : 'start-hint'}
          {...(startError ? { 'aria-invalid': true } : {})}
        >
          {fields.start !== undefined && fields.start !== 'spawn' && fields.start !== 'forkserver' && (
            <option value={fields.start} disabled>
              {fields.start} (not a start method)
            </option>
          )}
          <option value="spawn">spawn: new Workers, timed</option>
          <option value="forkserver">forkserver: pre-started</option>
        </select>
        <p className="hint" id="start-hint">
          Processes and Pool: start each Worker inside the timing (spawn), or before it and hand it out (forkserver).
        </p>
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
          {...describedBy(errors, 'fail')}
        />
        <p className="hint">Task numbers that raise an error, like 2: see how each strategy copes.</p>
      </div>
      <PredictionFields
        predict={fields.predict}
        checked={checked}
        errors={errors}
        onChange={(predict) => onChange({ ...fields, predict })}
      />
    </fieldset>
  );
}
