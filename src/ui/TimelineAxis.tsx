import { axisTicks, pct } from './timelineLayout';

/** The time axis under a timeline's lanes: a tick per step, in seconds. */
export function TimelineAxis({ axisS }: { readonly axisS: number }) {
  return (
    <div className="axis" aria-hidden="true">
      <div className="lane-label" />
      <div className="axis-track">
        {axisTicks(axisS).map((t) => (
          <span key={t} className="tick" style={{ left: pct(t, axisS) }}>
            {Number(t.toFixed(2))} s
          </span>
        ))}
      </div>
    </div>
  );
}
