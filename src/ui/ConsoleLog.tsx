import { useLayoutEffect, useRef } from 'react';
import type { ConsoleLine } from '../engine/store';

/** What the chapter's print() calls would print, in the real order of events. */
export function ConsoleLog({ lines }: { readonly lines: readonly ConsoleLine[] }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lines.length]);
  return (
    <section className="console-panel" aria-labelledby="console-title">
      <h2 id="console-title">Console</h2>
      <div className="console-wrap">
        <div ref={box} className="console" role="log" aria-label="Console" tabIndex={0}>
          {lines.map((line) => (
            <div key={line.id} className={`line line-${line.text.slice(1, line.text.indexOf(']'))}`}>
              {line.text}
            </div>
          ))}
        </div>
        {lines.length === 0 && <p className="console-empty">Press Run: the chapter’s print() lines appear here.</p>}
      </div>
    </section>
  );
}
