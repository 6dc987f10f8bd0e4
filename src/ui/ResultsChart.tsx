import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ResultRow } from '../engine/selectors';

/** Measured wall-clock vs the ideal model, per strategy (loaded lazily: recharts is large). */
export default function ResultsChart({ rows }: { readonly rows: readonly ResultRow[] }) {
  const data = rows.map((r) => ({
    name: r.label,
    measured: Number(r.wallS.toFixed(3)),
    ideal: Number(r.idealS.toFixed(3)),
  }));
  return (
    <figure className="chart" aria-label="Measured vs ideal chart">
      <figcaption>Wall-clock per strategy: measured vs ideal (model), seconds</figcaption>
      <div className="chart-box" aria-hidden="true">
        <ResponsiveContainer width="100%" height={260}>
          {/* Hidden from assistive technology (the Results table says the same), so not focusable either. */}
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={{ fontSize: 16 }} />
            <YAxis unit=" s" tick={{ fontSize: 16 }} width={64} />
            <Tooltip formatter={(v) => `${Number(v).toFixed(2)} s`} />
            <Legend
              wrapperStyle={{ fontSize: 16 }}
              formatter={(value) => <span className="chart-legend">{value}</span>}
            />
            <Bar
              dataKey="measured"
              name="Measured"
              fill="var(--accent)"
              isAnimationActive={false}
              label={{ position: 'top', fontSize: 15, formatter: (v: unknown) => Number(v).toFixed(2) }}
            />
            <Bar
              dataKey="ideal"
              name="Ideal (model)"
              fill="var(--pressed)"
              stroke="var(--accent)"
              strokeDasharray="5 3"
              strokeWidth={2}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
