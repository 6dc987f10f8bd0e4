import { cpuRates, RATE_TOLERANCE } from '../engine/selfCheck';
import type { RunState } from '../engine/reducer';

const pct = (rate: number): string => `${Math.round(rate * 100)} %`;

/**
 * The CPU self-check after a cpu run: the rate each strategy's tasks really computed at, against
 * the calibration, and a warning with a Recalibrate button when it strayed (selfCheck.ts).
 */
export function CpuCheck({
  state,
  cores,
  canRecalibrate,
  onRecalibrate,
}: {
  readonly state: RunState;
  readonly cores: number;
  readonly canRecalibrate: boolean;
  readonly onRecalibrate: () => void;
}) {
  const rates = cpuRates(state);
  if (rates.length === 0) return null;
  const off = rates.filter((r) => r.off);
  return (
    <section className="cpu-check" aria-labelledby="cpu-check-title">
      <h3 id="cpu-check-title">CPU self-check</h3>
      <p className="hint">
        Each cpu task measures how fast it really computed, against the calibration (100 % = one task of <i>d</i> s
        computes for <i>d</i> s of one core).
      </p>
      <ul className="cpu-rates">
        {rates.map((r) => (
          <li key={r.strategy} className={r.off ? 'rate-off' : undefined}>
            <b>{r.label}</b>: {pct(r.rate)} of the calibrated rate
            {r.tasks > 1 && pct(r.minRate) !== pct(r.maxRate) && ` (tasks ${pct(r.minRate)}–${pct(r.maxRate)})`}
            {r.sharesCores &&
              ` — ${r.concurrent} tasks computed at once on ${cores} cores, so each got only part of one: expected`}
            {r.off && ' ⚠'}
          </li>
        ))}
      </ul>
      {off.length > 0 && (
        <div className="warning cpu-warning" aria-live="polite">
          <p>
            ⚠ {off.map((r) => `${r.label} computed at ${pct(r.rate)}`).join(', ')} of the calibrated rate — more than{' '}
            {pct(RATE_TOLERANCE)} off. The times are real, but they may not show the lesson: another program may be
            using the cores, the machine may be slowing down (heat, power saving), or the tab was in the background.
            Close other programs, recalibrate, and run again.
          </p>
          <button type="button" onClick={() => canRecalibrate && onRecalibrate()} aria-disabled={!canRecalibrate}>
            Recalibrate
          </button>
        </div>
      )}
    </section>
  );
}
