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

export interface SweepDatum {
  readonly chunksize: number;
  readonly wallMs: number;
}

interface Props {
  readonly data: readonly SweepDatum[];
  readonly sequentialMs: number | null;
  readonly chunksizes: readonly number[];
}

/** Wall-clock per chunksize (log axis), with the loop's wall-clock as a reference line. */
export default function SweepPlot({ data, sequentialMs, chunksizes }: Props) {
  const top = Math.max(sequentialMs ?? 0, ...data.map((d) => d.wallMs)) * 1.1 || 1;
  return (
    <ResponsiveContainer width="100%" height={300}>
      <ComposedChart
        accessibilityLayer={false}
        data={data as SweepDatum[]}
        margin={{ top: 16, right: 24, bottom: 24, left: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="chunksize"
          type="number"
          scale="log"
          domain={[Math.min(...chunksizes), Math.max(...chunksizes)]}
          ticks={chunksizes as number[]}
          tick={{ fontSize: 14 }}
          label={{ value: 'chunksize (log scale)', position: 'insideBottom', offset: -12, fontSize: 15 }}
        />
        <YAxis
          tick={{ fontSize: 14 }}
          width={64}
          domain={[0, Math.ceil(top)]}
          label={{ value: 'wall-clock (ms)', angle: -90, position: 'insideLeft', fontSize: 15 }}
        />
        <Tooltip formatter={(v) => `${Number(v).toFixed(0)} ms`} labelFormatter={(c) => `chunksize ${String(c)}`} />
        <Legend
          wrapperStyle={{ fontSize: 15 }}
          verticalAlign="top"
          formatter={(value) => <span className="chart-legend">{value}</span>}
        />
        {sequentialMs !== null && (
          <ReferenceLine
            y={sequentialMs}
            stroke="var(--error)"
            strokeWidth={2}
            strokeDasharray="6 4"
            label={{
              value: `loop: ${sequentialMs.toFixed(0)} ms`,
              position: 'insideTopRight',
              fill: '#b91c1c',
              fontSize: 15,
            }}
          />
        )}
        <Line
          dataKey="wallMs"
          name="Pool wall-clock"
          stroke="var(--accent)"
          strokeWidth={3}
          dot={{ r: 5 }}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
