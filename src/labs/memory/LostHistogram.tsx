import { formatCompact, formatCount, histogram, repeatsText, type Repeats } from './model';

const W = 420;
const H = 170;
const PAD = { left: 34, right: 10, top: 18, bottom: 40 };

/** `Run 10 times`: the no-lock variant's lost updates per run as a histogram, with its words. */
export function LostHistogram({ repeats }: { readonly repeats: Repeats }) {
  const bins = histogram(repeats.lost);
  const most = Math.max(1, ...bins.map((b) => b.count));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = bins.length ? plotW / bins.length : plotW;
  const y = (count: number) => PAD.top + plotH - (count / most) * plotH;
  return (
    <figure className="memory-histogram">
      <p className="memory-hist-title">Shared, no lock: lost updates in each of 10 runs</p>
      <svg
        role="img"
        aria-label="Lost updates in 10 runs"
        aria-describedby="memory-histogram-text"
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
      >
        <defs>
          <pattern
            id="memory-hist-hatch"
            width="8"
            height="8"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="8" height="8" className="memory-hist-bg" />
            <line x1="0" y1="0" x2="0" y2="8" className="memory-hist-line" />
          </pattern>
        </defs>
        <line x1={PAD.left} x2={W - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} className="memory-axis" />
        <text x={4} y={PAD.top + 4} className="memory-axis-text">
          runs
        </text>
        {bins.map((b, i) => {
          const x = PAD.left + i * slot + 4;
          const top = y(b.count);
          return (
            <g key={b.from}>
              {b.count > 0 && (
                <rect
                  x={x}
                  y={top}
                  width={Math.max(2, slot - 8)}
                  height={PAD.top + plotH - top}
                  fill="url(#memory-hist-hatch)"
                  className="memory-hist-bar"
                />
              )}
              <text x={x + (slot - 8) / 2} y={top - 4} textAnchor="middle" className="memory-hist-count">
                {b.count}
              </text>
              <text x={x + (slot - 8) / 2} y={PAD.top + plotH + 16} textAnchor="middle" className="memory-axis-text">
                {b.from === b.to ? formatCompact(b.from) : `${formatCompact(b.from)}–`}
              </text>
              {b.from !== b.to && (
                <text x={x + (slot - 8) / 2} y={PAD.top + plotH + 32} textAnchor="middle" className="memory-axis-text">
                  {formatCompact(b.to)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption id="memory-histogram-text">
        {repeatsText(repeats)}{' '}
        <span className="hint">
          (Shared, no lock, {formatCount(repeats.workers)} Workers × {formatCount(repeats.increments)}; bars: how many
          runs lost that many updates.)
        </span>
      </figcaption>
    </figure>
  );
}
