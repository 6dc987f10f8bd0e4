import { expected, formatCount, formatPercent, lostUpdates, VARIANT_NAMES } from './model';
import type { RowState } from './rows';

export interface LiveCounter {
  readonly counter: number | null;
  readonly expected: number;
}

interface Bar {
  /** Share of the track filled by the counter, 0–1. */
  readonly fill: number;
  /** Share hatched as lost (after the fill), 0–1. */
  readonly lost: number;
  /** The bar's words: the only thing a screen reader needs, and readable without colour. */
  readonly text: string;
  readonly tone: 'exact' | 'lost' | 'separate' | 'none';
}

const clamp = (x: number) => Math.min(1, Math.max(0, x));

function bar(row: RowState, live: LiveCounter | null): Bar {
  const none = (text: string): Bar => ({ fill: 0, lost: 0, text, tone: 'none' });
  switch (row.kind) {
    case 'done': {
      const exp = expected(row.workers, row.increments);
      const lost = lostUpdates(row);
      if (row.variant === 'separate') {
        return {
          fill: 0,
          lost: 1,
          text: `page’s counter ${formatCount(row.final)} of ${formatCount(exp)} — each Worker counted in its own copy`,
          tone: 'separate',
        };
      }
      if (lost === 0)
        return { fill: 1, lost: 0, text: `${formatCount(row.final)} of ${formatCount(exp)} — exact`, tone: 'exact' };
      return {
        fill: clamp(row.final / exp),
        lost: clamp(lost / exp),
        text: `${formatCount(row.final)} of ${formatCount(exp)} — ${formatCount(lost)} lost (${formatPercent((lost / exp) * 100)})`,
        tone: 'lost',
      };
    }
    case 'running': {
      if (!live) return none('starting…');
      const value = live.counter ?? 0;
      const words =
        live.counter === null
          ? `counting… the page’s counter: 0 (the Workers count in their own copies)`
          : `counting… ${formatCount(value)} of ${formatCount(live.expected)}`;
      return { fill: clamp(value / live.expected), lost: 0, text: words, tone: 'none' };
    }
    case 'stopped':
      return {
        fill: row.counterAtStop === null ? 0 : clamp(row.counterAtStop / expected(row.workers, row.increments)),
        lost: 0,
        text: row.counterAtStop === null ? 'stopped' : `stopped at ${formatCount(row.counterAtStop)}`,
        tone: 'none',
      };
    case 'waiting':
      return none('waiting');
    case 'skipped':
      return none('not run (stopped)');
    case 'unavailable':
      return none('needs cross-origin isolation');
    case 'idle':
      return none(row.chosen ? 'not run yet' : 'not chosen');
  }
}

/**
 * The live picture: a bar per variant that fills up to Expected as the shared counter grows (read
 * by the page while the Workers count); the updates that never arrived are hatched, with words.
 */
export function CounterBars({ rows, live }: { readonly rows: readonly RowState[]; readonly live: LiveCounter | null }) {
  return (
    <figure className="memory-bars">
      <figcaption>The page’s counter for each variant, up to Expected (hatched: updates that never arrived)</figcaption>
      <ul>
        {rows.map((row) => {
          const b = bar(row, row.kind === 'running' ? live : null);
          return (
            <li key={row.variant} className={`memory-bar tone-${b.tone}`}>
              <span className="memory-bar-name">{VARIANT_NAMES[row.variant]}</span>
              <span className="memory-track" aria-hidden="true">
                <span className="memory-fill" style={{ width: `${(b.fill * 100).toFixed(2)}%` }} />
                {b.lost > 0 && <span className="memory-lost" style={{ width: `${(b.lost * 100).toFixed(2)}%` }} />}
              </span>
              <span className="memory-bar-text">{b.text}</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
