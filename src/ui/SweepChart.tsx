import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { amdahl, type SweepPoint } from '../engine/sweep';

interface Props {
  readonly points: readonly SweepPoint[];
  readonly counts: readonly number[];
  readonly cores: number;
  readonly serialFraction: number | null;
}

/** Measured speedup per pool size, with the ideal model, the core count and the fitted Amdahl curve. */
export default function SweepChart({ points, counts, cores, serialFraction }: Props) {
  const top = Math.max(...counts);
  const data = counts.map((workers) => {
    const p = points.find((x) => x.workers === workers);
    return {
      workers,
      measured: p ? Number(p.speedup.toFixed(3)) : null,
      ideal: p ? Number(p.idealSpeedup.toFixed(3)) : null,
      amdahl: serialFraction === null ? null : Number(amdahl(serialFraction, workers).toFixed(3)),
    };
  });
  return (
    <ResponsiveContainer width="100%" height={300}>
      <ComposedChart data={data} margin={{ top: 16, right: 24, bottom: 24, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="workers"
          type="number"
          domain={[1, top]}
          ticks={counts as number[]}
          tick={{ fontSize: 15 }}
          label={{ value: 'pool workers', position: 'insideBottom', offset: -12, fontSize: 15 }}
        />
        <YAxis
          tick={{ fontSize: 15 }}
          width={48}
          label={{ value: 'speedup', angle: -90, position: 'insideLeft', fontSize: 15 }}
        />
        <Tooltip
          formatter={(v) => (v === null ? '–' : `${Number(v).toFixed(2)}×`)}
          labelFormatter={(w) => `${String(w)} workers`}
        />
        <Legend
          wrapperStyle={{ fontSize: 15 }}
          verticalAlign="top"
          formatter={(value) => <span className="chart-legend">{value}</span>}
        />
        <ReferenceLine
          x={cores}
          stroke="var(--error)"
          strokeWidth={2}
          label={{ value: `${cores} cores`, position: 'top', fill: '#b91c1c', fontSize: 15 }}
        />
        <Line
          dataKey="ideal"
          name="Ideal (model)"
          stroke="var(--muted)"
          strokeDasharray="6 4"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
          connectNulls
        />
        {serialFraction !== null && (
          <Line
            dataKey="amdahl"
            name={`Amdahl fit (serial ${(serialFraction * 100).toFixed(1)} %)`}
            stroke="#e69f00"
            strokeDasharray="2 3"
            strokeWidth={3}
            dot={false}
            isAnimationActive={false}
          />
        )}
        <Line
          dataKey="measured"
          name="Measured"
          stroke="var(--accent)"
          strokeWidth={3}
          dot={{ r: 5 }}
          isAnimationActive={false}
          connectNulls
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
