import { useEffect, useRef, useState } from 'react';
import { pythonFor } from '../engine/python';
import type { Preset } from '../engine/presets';
import type { RunConfig } from '../engine/types';
import { linesOf, type CodeMoment } from './codeHighlight';
import { typescriptFor } from './codeSource';

export function CopyButton({ text, what }: { readonly text: string; readonly what: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = (): void => {
    navigator.clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <>
      <button type="button" className="copy" onClick={copy}>
        {state === 'copied' ? `Copied ${what}` : `Copy ${what}`}
      </button>
      {state === 'failed' && (
        <span className="hint" role="status">
          The browser refused the clipboard: select the code and press Ctrl+C.
        </span>
      )}
    </>
  );
}

/**
 * Code as lines, those of `marked` in a `<mark>` (the moment a replay shows, or the pointed bar's
 * task); the text stays exactly the code, so copying it gives the code. The first mark is scrolled
 * into view inside its box.
 */
function MarkedCode({ code, marked, label }: { code: string; marked: readonly number[]; label: string }) {
  const pre = useRef<HTMLPreElement>(null);
  const first = marked[0];
  useEffect(() => {
    const box = pre.current;
    const mark = box?.querySelector('mark');
    if (box && mark instanceof HTMLElement) box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
  }, [first, code]);
  const set = new Set(marked);
  const lines = code.split('\n');
  return (
    <pre ref={pre} tabIndex={0} aria-label={label}>
      <code>
        {lines.map((line, i) => {
          const end = i < lines.length - 1 ? '\n' : '';
          return set.has(i) ? (
            <span key={i}>
              <mark className="code-now">{line}</mark>
              {end}
            </span>
          ) : (
            `${line}${end}`
          );
        })}
      </code>
    </pre>
  );
}

/** The chapter's Python beside the TypeScript that really runs, each with a copy button. */
export function CodePane({
  config,
  preset,
  moments = [],
}: {
  readonly config: RunConfig | null;
  readonly preset: Preset | undefined;
  /** What to highlight in both languages (codeHighlight.ts): a replay's moment, or a pointed bar's task. */
  readonly moments?: readonly CodeMoment[];
}) {
  if (!config) return null;
  const py = pythonFor(config, preset);
  const ts = typescriptFor(config.strategies, config.kind);
  return (
    <section className="code-pane" aria-labelledby="code-title">
      <h2 id="code-title">Code beside the picture</h2>
      <div className="code-columns">
        <figure className="code" aria-labelledby="py-title">
          <figcaption>
            <span id="py-title">
              {preset && py.startsWith('# The chapter')
                ? 'Python: the chapter’s code'
                : 'Python: an equivalent program'}
            </span>
            <CopyButton text={py} what="Python" />
          </figcaption>
          <MarkedCode code={py} marked={linesOf(py, 'python', moments)} label="Python code" />
        </figure>
        <figure className="code" aria-labelledby="ts-title">
          <figcaption>
            <span id="ts-title">TypeScript: what runs here</span>
            <CopyButton text={ts} what="TypeScript" />
          </figcaption>
          <MarkedCode code={ts} marked={linesOf(ts, 'typescript', moments)} label="TypeScript code" />
        </figure>
      </div>
    </section>
  );
}
