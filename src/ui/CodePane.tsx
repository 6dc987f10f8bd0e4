import { useRef, useState } from 'react';
import { pythonFor } from '../engine/python';
import type { Preset } from '../engine/presets';
import type { RunConfig } from '../engine/types';
import { typescriptFor } from './codeSource';

function CopyButton({ text, what }: { readonly text: string; readonly what: string }) {
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

/** The chapter's Python beside the TypeScript that really runs, each with a copy button. */
export function CodePane({
  config,
  preset,
}: {
  readonly config: RunConfig | null;
  readonly preset: Preset | undefined;
}) {
  const python = useRef<HTMLPreElement>(null);
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
          <pre ref={python} tabIndex={0} aria-label="Python code">
            <code>{py}</code>
          </pre>
        </figure>
        <figure className="code" aria-labelledby="ts-title">
          <figcaption>
            <span id="ts-title">TypeScript: what runs here</span>
            <CopyButton text={ts} what="TypeScript" />
          </figcaption>
          <pre tabIndex={0} aria-label="TypeScript code">
            <code>{ts}</code>
          </pre>
        </figure>
      </div>
    </section>
  );
}
