import { useEffect, useLayoutEffect, useRef } from 'react';
import { isTypingTarget, shortcutFor, type ShortcutAction } from '../shortcuts';

/** What each shortcut does on this page. */
export interface ShortcutHandlers {
  readonly run: () => void;
  readonly stop: () => void;
  readonly preset: (index: number) => void;
  readonly presentation: () => void;
  readonly help: () => void;
}

function perform(handlers: ShortcutHandlers, action: ShortcutAction): void {
  switch (action.type) {
    case 'run':
      return handlers.run();
    case 'stop':
      return handlers.stop();
    case 'preset':
      return handlers.preset(action.index);
    case 'presentation':
      return handlers.presentation();
    case 'help':
      return handlers.help();
  }
}

/**
 * Listens for the classroom's keys on the whole page (src/ui/shortcuts.ts) and runs the handler
 * of each. Keys typed into a field stay the field's; a key whose default the page already used
 * (a button's Space, a dialog's Escape) is left alone.
 */
export function useShortcuts(handlers: ShortcutHandlers): void {
  // The latest handler, without re-adding the listener on every render.
  const latest = useRef(handlers);
  // A layout effect, not an effect: it runs before the browser handles the next key, so a key
  // pressed right after a render (say, s just after Run started) never meets the previous handlers.
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.repeat) return;
      const action = shortcutFor({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        inField: isTypingTarget(event.target),
      });
      if (!action) return;
      // Inside an open dialog only its own keys count (Escape closes it; the browser does that).
      if (event.target instanceof Element && event.target.closest('dialog[open]')) return;
      event.preventDefault();
      perform(latest.current, action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
