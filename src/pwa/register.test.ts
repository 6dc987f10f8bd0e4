import { describe, expect, it } from 'vitest';
import { shouldReload } from './register';

describe('shouldReload', () => {
  it('reloads a page that is not isolated once a service worker controls it', () => {
    expect(shouldReload({ isolated: false, controlled: true, reloadedBefore: false })).toBe(true);
  });

  it('never reloads an isolated page', () => {
    for (const controlled of [false, true])
      for (const reloadedBefore of [false, true])
        expect(shouldReload({ isolated: true, controlled, reloadedBefore })).toBe(false);
  });

  it('does not reload before a service worker controls the page (the reload would not be isolated either)', () => {
    expect(shouldReload({ isolated: false, controlled: false, reloadedBefore: false })).toBe(false);
  });

  it('reloads at most once per tab: a page still not isolated after its reload stays', () => {
    expect(shouldReload({ isolated: false, controlled: true, reloadedBefore: true })).toBe(false);
  });
});
