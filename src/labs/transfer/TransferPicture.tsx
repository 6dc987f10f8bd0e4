import {
  formatMs,
  formatTick,
  groupBySize,
  layoutBar,
  niceAxis,
  senderLabel,
  type SegmentKind,
  type TransferRow,
} from './model';

const SEGMENT_WORDS: Record<SegmentKind, string> = {
  there: 'there (page → Worker)',
  work: 'work (the Worker reads the data)',
  back: 'back (Worker → page)',
};

/**
 * A bar per (size, method): there | work | back one after another on a time axis, the trips
 * drawn as segments of their own (hatched one way there, the other way back). One axis per size,
 * so each size's methods compare on the same scale; bars appear as measurements finish.
 */
export function TransferPicture({
  rows,
  progress,
}: {
  readonly rows: readonly TransferRow[];
  readonly progress: string | null;
}) {
  const groups = groupBySize(rows);
  return (
    <figure className="transfer-picture" aria-labelledby="transfer-picture-title">
      <figcaption id="transfer-picture-title">
        Round trips: there | work | back <span className="hint">(one time axis per size)</span>
      </figcaption>
      <ul className="transfer-legend" aria-label="Legend">
        {(['there', 'work', 'back'] as const).map((kind) => (
          <li key={kind}>
            <span className={`swatch seg-${kind}`} aria-hidden="true" /> {SEGMENT_WORDS[kind]}
          </li>
        ))}
      </ul>
      {groups.length === 0 && (
        <p className="hint">
          {progress ? `Measuring ${progress}…` : 'Press Run: bars appear as each measurement finishes.'}
        </p>
      )}
      {groups.map(({ sizeMb, rows: sized }) => {
        const axis = niceAxis(Math.max(...sized.map((r) => r.parts.totalMs)));
        return (
          <section key={sizeMb} className="transfer-group" aria-label={`${sizeMb} MB`}>
            <h3>{sizeMb} MB</h3>
            <div className="transfer-bar-row transfer-axis-row" aria-hidden="true">
              <span />
              <span className="transfer-axis">
                {axis.ticks.map((t) => (
                  <span key={t} style={{ left: `${(t / axis.endMs) * 100}%` }}>
                    {formatTick(t)}
                    {t === axis.endMs ? ' ms' : ''}
                  </span>
                ))}
              </span>
              <span />
            </div>
            {sized.map((row) => {
              const sender = senderLabel(row.method, row.senderBytes);
              const { thereMs, workMs, backMs, totalMs } = row.parts;
              const name =
                `${sizeMb} MB ${row.method}: there ${formatMs(thereMs)} ms, work ${formatMs(workMs)} ms, ` +
                `back ${formatMs(backMs)} ms, total ${formatMs(totalMs)} ms; page’s buffer after sending: ${sender}`;
              return (
                <div key={row.method} className={`transfer-bar-row method-${row.method}`} role="img" aria-label={name}>
                  <span className="transfer-method">{row.method}</span>
                  <span className="transfer-track">
                    {layoutBar(row.parts, axis.endMs).map((s) => (
                      <span
                        key={s.kind}
                        className={`seg seg-${s.kind}`}
                        style={{ left: `${s.left}%`, width: `${s.width}%` }}
                        title={`${s.kind} ${formatMs(s.ms)} ms`}
                      />
                    ))}
                  </span>
                  <span className="transfer-value">
                    <strong>{formatMs(totalMs)} ms</strong>
                    <span className="transfer-sender">page’s buffer: {sender}</span>
                  </span>
                </div>
              );
            })}
          </section>
        );
      })}
    </figure>
  );
}
