import { useEffect, useId, useRef, useState } from 'react';
import { shareUrl } from '../engine/shareLink';

/** How long `Link copied` stays next to the button. */
const COPIED_MS = 4000;

type Shown =
  { readonly state: 'idle' } | { readonly state: 'copied' } | { readonly state: 'manual'; readonly url: string };

/** The link to this setup, from the address bar (the page keeps it in step with the controls). */
const currentLink = (): string => shareUrl(window.location.href);

/**
 * Button `Copy link` (issue 12): copies a link that reproduces the whole setup (engine/shareLink.ts:
 * every parameter but `run`, the task list shortened). Says `Link copied` in a status next to it;
 * where the clipboard is missing or refused (plain http on a LAN address, a denied permission), shows
 * the link in a read-only, selected text box `Link to this setup` to copy by hand.
 */
export function CopyLinkButton() {
  const [shown, setShown] = useState<Shown>({ state: 'idle' });
  const box = useRef<HTMLInputElement>(null);
  const id = useId();

  // `Link copied` fades after a few seconds; a new click starts the count again.
  useEffect(() => {
    if (shown.state !== 'copied') return;
    const timer = window.setTimeout(() => setShown({ state: 'idle' }), COPIED_MS);
    return () => window.clearTimeout(timer);
  }, [shown]);

  // The box appears focused with the link selected, ready for Ctrl+C.
  useEffect(() => {
    if (shown.state !== 'manual') return;
    box.current?.focus();
    box.current?.select();
  }, [shown]);

  const copy = (): void => {
    const url = currentLink();
    const manual = (): void => setShown({ state: 'manual', url });
    // Undefined outside a secure context (http on a LAN address), whatever the types say.
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (typeof clipboard?.writeText !== 'function') {
      manual();
      return;
    }
    // Called at once inside the click, so the browser sees the user's gesture.
    try {
      void clipboard.writeText(url).then(() => setShown({ state: 'copied' }), manual);
    } catch {
      manual();
    }
  };

  return (
    <span className="copy-link">
      <button type="button" onClick={copy}>
        Copy link
      </button>
      <span id={`${id}-status`} role="status" className="copy-link-status">
        {shown.state === 'copied' ? 'Link copied' : ''}
      </span>
      {shown.state === 'manual' && (
        <span className="copy-link-manual">
          <label htmlFor={`${id}-box`}>Link to this setup</label>
          <input
            ref={box}
            id={`${id}-box`}
            type="text"
            readOnly
            value={shown.url}
            aria-describedby={`${id}-hint`}
            spellCheck={false}
            onFocus={(e) => {
              // The setup may have changed since the click: show the link as it is now.
              const url = currentLink();
              if (url !== shown.url) setShown({ state: 'manual', url });
              e.currentTarget.select();
            }}
          />
          <span id={`${id}-hint`} className="hint">
            Could not copy by itself here: press Ctrl+C (⌘C on a Mac) to copy the selected link.
          </span>
          <button type="button" className="link-button" onClick={() => setShown({ state: 'idle' })}>
            Hide link
          </button>
        </span>
      )}
    </span>
  );
}
