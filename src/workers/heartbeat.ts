/**
 * When is a Worker dead? The rule the executor applies to every Worker running a task, kept pure
 * so it is tested with a fake clock (heartbeat.test.ts).
 *
 * - Any message from the Worker is a sign of life: a task's start or end, a comlink reply, or the
 *   "alive" note a Worker busy computing sends after a slice at most every {@link ALIVE_EVERY_MS}.
 *   So a Worker deep in CPU work, or running 1,000 tasks on its one event loop, keeps proving it.
 * - The silence clock starts at the Worker's first message, not when it was created: 200 Workers
 *   starting at once on 2 cores take seconds to get their first turn, and that is not a hang.
 * - A Worker that has spoken and then says nothing for {@link SILENCE_LIMIT_MS} while it has work
 *   is hung (an endless loop, a deadlock): it is declared crashed, like a dead process.
 */

/** A Worker busy computing reports "alive" after a slice once this long has passed since its last message. */
export const ALIVE_EVERY_MS = 250;
/** An idle-looking busy Worker (a sleeping task) is pinged this often, so it answers. */
export const HEARTBEAT_MS = 1000;
/**
 * Silence that means a hang. 20× the "alive" interval: a Worker that gets 5 % of a core (40
 * Workers computing on 2 cores) finishes a 5 ms slice of its own every ~100 ms of wall time, and
 * so reports within ~350 ms.
 */
export const SILENCE_LIMIT_MS = 5000;

export type Verdict = 'not-started' | 'alive' | 'hung';

/** Tracks one Worker's last sign of life. */
export class Heartbeat {
  private lastHeardMs: number | null = null;

  constructor(private readonly limitMs: number = SILENCE_LIMIT_MS) {}

  /** Any message from the Worker. */
  heard(nowMs: number): void {
    this.lastHeardMs = nowMs;
  }

  /** Whether the Worker has ever spoken. */
  get started(): boolean {
    return this.lastHeardMs !== null;
  }

  /** Milliseconds since the last message (0 before the first). */
  silentForMs(nowMs: number): number {
    return this.lastHeardMs === null ? 0 : Math.max(0, nowMs - this.lastHeardMs);
  }

  verdict(nowMs: number): Verdict {
    if (this.lastHeardMs === null) return 'not-started';
    return nowMs - this.lastHeardMs > this.limitMs ? 'hung' : 'alive';
  }
}
