import { describe, expect, it } from 'vitest';
import { ALIVE_EVERY_MS, Heartbeat, SILENCE_LIMIT_MS } from './heartbeat';

describe('heartbeat rule (fake clock)', () => {
  it('starts the silence clock at the first message, not at creation', () => {
    const beat = new Heartbeat();
    // A Worker still waiting for its first turn among 200 others: never declared hung.
    for (const t of [0, 1000, 10_000, 60_000]) expect(beat.verdict(t)).toBe('not-started');
    beat.heard(60_000);
    expect(beat.verdict(60_000 + SILENCE_LIMIT_MS)).toBe('alive');
    expect(beat.verdict(60_000 + SILENCE_LIMIT_MS + 1)).toBe('hung');
  });

  it('counts every message as a sign of life', () => {
    const beat = new Heartbeat(5000);
    beat.heard(0);
    // A busy Worker's "alive" notes every 250 ms keep it alive for as long as it computes.
    for (let t = ALIVE_EVERY_MS; t <= 120_000; t += ALIVE_EVERY_MS) {
      beat.heard(t);
      expect(beat.verdict(t + 4999)).toBe('alive');
    }
  });

  it('declares a Worker that went silent hung once the limit has passed', () => {
    const beat = new Heartbeat(5000);
    beat.heard(1000);
    expect(beat.verdict(5999)).toBe('alive');
    expect(beat.silentForMs(5999)).toBe(4999);
    expect(beat.verdict(6001)).toBe('hung');
    beat.heard(6002); // a late answer revives it (the executor kills at the first 'hung' anyway)
    expect(beat.verdict(6002)).toBe('alive');
  });

  it('leaves room for slow turns: a Worker on 5 % of a core still reports in time', () => {
    // 40 Workers computing on 2 cores: each 5 ms slice of its own takes ~100 ms of wall time.
    const beat = new Heartbeat();
    let t = 0;
    beat.heard(t);
    let lastPost = 0;
    for (let slice = 0; slice < 1000; slice += 1) {
      t += 100;
      if (t - lastPost >= ALIVE_EVERY_MS) {
        beat.heard(t);
        lastPost = t;
      }
      expect(beat.verdict(t)).toBe('alive');
    }
  });
});
