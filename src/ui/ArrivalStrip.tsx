import type { ResultOrder } from '../engine/types';
import { sec, taskColour } from './format';
import { chipOffsets, pct } from './timelineLayout';

/** The "Results arrive" strip: the order in which the program received the pool's results, on the same time axis. */
export function ArrivalStrip({
  items,
  order,
  axisS,
}: {
  readonly items: readonly { readonly task: number; readonly atS: number }[];
  readonly order: ResultOrder;
  readonly axisS: number;
}) {
  const how = order === 'submitted' ? 'executor.map: in submission order' : 'as_completed: as they finish';
  const offsets = chipOffsets(items, axisS);
  return (
    <div className="arrivals">
      <div className="lane-label">Results arrive</div>
      <ol className="arrivals-list" aria-label={`Pool results arrive (${how})`}>
        {items.map((item, i) => (
          <li
            key={item.task}
            style={{
              left: pct(item.atS, axisS),
              // Results arriving together would hide each other: line them up side by side.
              transform: `translateX(calc(-50% + ${(offsets[i] ?? 0) * 1.9}rem))`,
            }}
          >
            <span className="chip" style={{ background: taskColour(item.task) }}>
              {item.task + 1}
            </span>
            <span className="visually-hidden">
              {` ${i + 1}: result of task ${item.task + 1} at ${sec(item.atS)} s`}
            </span>
          </li>
        ))}
      </ol>
      <p className="arrivals-note">{how}</p>
    </div>
  );
}
