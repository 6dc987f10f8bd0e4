import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutFor, type KeyPress } from './shortcuts';

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  inField: false,
  ...more,
});

describe('keyboard shortcuts', () => {
  it('maps the classroom keys to their actions', () => {
    expect(shortcutFor(press('r'))).toEqual({ type: 'run' });
    expect(shortcutFor(press('s'))).toEqual({ type: 'stop' });
    expect(shortcutFor(press('Escape'))).toEqual({ type: 'stop' });
    expect(shortcutFor(press('p'))).toEqual({ type: 'presentation' });
    expect(shortcutFor(press('?'))).toEqual({ type: 'help' });
    expect(['1', '2', '3', '4', '5'].map((k) => shortcutFor(press(k)))).toEqual(
      [0, 1, 2, 3, 4].map((index) => ({ type: 'preset', index })),
    );
  });

  it('leaves other keys, keys typed into a field and keys with Ctrl, ⌘ or Alt alone', () => {
    for (const key of ['6', '0', 'x', 'Enter', ' ', 'Tab']) expect(shortcutFor(press(key))).toBeNull();
    expect(shortcutFor(press('r', { inField: true }))).toBeNull();
    expect(shortcutFor(press('1', { inField: true }))).toBeNull();
    expect(shortcutFor(press('r', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('s', { metaKey: true }))).toBeNull();
    expect(shortcutFor(press('p', { altKey: true }))).toBeNull();
  });

  it('lists in the dialog exactly the keys it handles', () => {
    const listed = SHORTCUTS.flatMap((s) => s.keys).map((k) => (k === 'Esc' ? 'Escape' : k));
    for (const key of listed) expect(shortcutFor(press(key)), key).not.toBeNull();
    expect(listed.sort()).toEqual(['1', '2', '3', '4', '5', '?', 'Escape', 'p', 'r', 's']);
  });
});
