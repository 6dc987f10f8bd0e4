import { useState } from 'react';
import type { ConsoleLine } from '../engine/consoleLines';

/** Lines drawn at once; a large run's earlier lines stay one click away. */
const TAIL_LINES = 300;

/** What the chapter's print() calls would print, in the real order of events. */
export function ConsoleLog({ lines }: { readonly lines: readonly ConsoleLine[] }) {
  const [showAll, setShowAll] = useState(false);
  const hidden = showAll ? 0 : Math.max(0, lines.length - TAIL_LINES);
  const shown = hidden > 0 ? lines.slice(hidden) : lines;
  return (
    <section className="console-panel" aria-labelledby="console-title">
      <h2 id="console-title">Console</h2>
      {hidden > 0 && (
        <p className="hint">
          {hidden} earlier lines are not drawn, to keep the page quick.{' '}
          <button type="button" className="copy" onClick={() => setShowAll(true)}>
            Show all {lines.length} lines
          </button>
        </p>
      )}
      <div className="console-wrap">
        {/* column-reverse keeps the newest line in view without reading the layout on every line. */}
        <div className="console-scroll">
          <div className="console" role="log" aria-label="Console" tabIndex={0}>
            {shown.map((line) => (
              <div key={line.id} className={`line line-${line.strategy}`}>
                {line.text}
              </div>
            ))}
          </div>
        </div>
        {lines.length === 0 && <p className="console-empty">Press Run: the chapter’s print() lines appear here.</p>}
      </div>
    </section>
  );
}
