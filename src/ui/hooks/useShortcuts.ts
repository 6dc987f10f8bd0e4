import { useEffect, useRef } from 'react';
import { isTypingTarget, shortcutFor, type ShortcutAction } from '../shortcuts';

/**
 * Listens for the classroom's keys on the whole page (src/ui/shortcuts.ts) and hands each action
 * to `act`. Keys typed into a field stay the field's; a key whose default the page already used
 * (a button's Space, a dialog's Escape) is left alone.
 */
export function useShortcuts(act: (action: ShortcutAction) => void): void {
  // The latest handler, without re-adding the listener on every render.
  const latest = useRef(act);
  useEffect(() => {
    latest.current = act;
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
      latest.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
