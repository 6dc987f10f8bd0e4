/**
 * The classroom's keyboard shortcuts: one list, from which both the key handling (hooks/useShortcuts)
 * and the `Keyboard shortcuts` dialog are made, so the dialog can never describe a key that does
 * something else.
 */
export type ShortcutAction =
  | { readonly type: 'run' }
  | { readonly type: 'stop' }
  | { readonly type: 'preset'; readonly index: number }
  | { readonly type: 'presentation' }
  | { readonly type: 'help' };

export interface Shortcut {
  /** The keys as the dialog shows them. */
  readonly keys: readonly string[];
  readonly does: string;
}

/** What the dialog lists, in this order. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['r'], does: 'Run' },
  { keys: ['s', 'Esc'], does: 'Stop' },
  { keys: ['1', '2', '3', '4', '5'], does: 'Load the chapter’s example 1–5' },
  { keys: ['p'], does: 'Presentation mode on or off' },
  { keys: ['?'], does: 'This list of shortcuts' },
];

/** The part of a keydown event the mapping looks at. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  /** Whether the key went to a place where it types (a text box, a select, an editable element). */
  readonly inField: boolean;
}

/**
 * The action a key press asks for, or null. Keys typed into a field are the field's; so are keys
 * with Ctrl, ⌘ or Alt (the browser's and the system's own shortcuts).
 */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (press.inField || press.ctrlKey || press.metaKey || press.altKey) return null;
  switch (press.key) {
    case 'r':
    case 'R':
      return { type: 'run' };
    case 's':
    case 'S':
    case 'Escape':
      return { type: 'stop' };
    case 'p':
    case 'P':
      return { type: 'presentation' };
    case '?':
      return { type: 'help' };
    default:
      return /^[1-5]$/.test(press.key) ? { type: 'preset', index: Number(press.key) - 1 } : null;
  }
}

/** Whether a key aimed at `target` would type into it. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  // Checkboxes, radios and buttons do not take text: shortcuts still work on them.
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}
