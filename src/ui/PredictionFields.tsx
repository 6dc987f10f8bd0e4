import { FIELD_LABELS, type FieldError } from '../engine/config';
import { STRATEGY_LABELS, STRATEGY_NAMES, type StrategyName } from '../engine/types';
import { describedBy } from './fieldErrors';

/** Reads `sequential:2,pool:1.5` leniently, to fill the prediction boxes. */
function predictionTexts(raw: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of (raw ?? '').split(',')) {
    const [name, value] = part.split(':').map((x) => x.trim());
    if (name && value !== undefined) map.set(name, value);
  }
  return map;
}

interface Props {
  /** The `predict` field's raw text. */
  readonly predict: string | undefined;
  /** Strategies ticked: one box each. */
  readonly checked: ReadonlySet<string>;
  readonly errors: readonly FieldError[];
  readonly onChange: (predict: string | undefined) => void;
}

/** "Your prediction (s)": a box per chosen strategy, kept in the `predict` field. */
export function PredictionFields({ predict, checked, errors, onChange }: Props) {
  const predictions = predictionTexts(predict);
  const setPrediction = (name: StrategyName, value: string): void => {
    const next = new Map(predictions);
    if (value.trim() === '') next.delete(name);
    else next.set(name, value.trim());
    const text = STRATEGY_NAMES.filter((s) => next.has(s))
      .map((s) => `${s}:${next.get(s) ?? ''}`)
      .join(',');
    onChange(text === '' ? undefined : text);
  };
  return (
    <fieldset className="predictions" {...describedBy(errors, 'predict')}>
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
  );
}
