import { afterEach, describe, expect, it, vi } from 'vitest';
import { shouldReload, whenQuiet } from './register';

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

describe('whenQuiet', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Resolves `whenQuiet(isQuiet, 1000)` and says after how many ms of fake time it did. */
  async function resolvedAfter(isQuiet: (ms: number) => boolean): Promise<number> {
    vi.useFakeTimers();
    let now = 0;
    let doneAt: number | null = null;
    void whenQuiet(() => isQuiet(now), 1_000, 250).then(() => {
      doneAt = now;
    });
    while (doneAt === null && now < 20_000) {
      now += 250;
      await vi.advanceTimersByTimeAsync(250);
    }
    return doneAt ?? Infinity;
  }

  it('waits for a full quiet period, from the first quiet check, when all is quiet from the start', async () => {
    expect(await resolvedAfter(() => true)).toBe(1_250);
  });

  it('starts counting again after any busy check', async () => {
    // Busy until 3 s (calibration, a run), a blip at 4 s (the next strategy), then quiet from 4.25 s.
    expect(await resolvedAfter((ms) => ms > 3_000 && ms !== 4_000)).toBe(5_250);
  });

  it('never resolves while the Workers stay busy', async () => {
    expect(await resolvedAfter(() => false)).toBe(Infinity);
  });
});
