import { describe, expect, it } from 'vitest';
import { classicView, renderTile } from './mandel';
import type { TileRecord } from './measure';
import { runPool, type Plan, type PoolWorker } from './pool';
import type { FromWorker, ToWorker } from './protocol';
import { makeTiles, staticChunkSize, type Tile } from './tiles';

/**
 * Fake Workers on a virtual clock: a tile takes (its index + 1) ms, starting when the worker is
 * free. Messages are delivered in time order, so "each free worker takes the next chunk" plays out
 * as it would on real cores.
 */
function virtualPool() {
  let clock = 0;
  const queue: { at: number; seq: number; deliver: () => void }[] = [];
  let seq = 0;
  const schedule = (at: number, deliver: () => void) => queue.push({ at, seq: seq++, deliver });
  const workers: (PoolWorker & { sent: ToWorker[] })[] = [];

  const make = (): PoolWorker => {
    let freeAt = 0;
    const w: PoolWorker & { sent: ToWorker[] } = {
      sent: [],
      onmessage: null,
      onerror: null,
      terminate: () => undefined,
      postMessage(message: ToWorker) {
        w.sent.push(message);
        const send = (data: FromWorker, at: number) =>
          schedule(at, () => w.onmessage?.({ data } as MessageEvent<FromWorker>));
        if (message.kind === 'warm') return send({ kind: 'ready' }, clock);
        const take = (tiles: readonly Tile[]) => {
          tiles.forEach((tile, i) => {
            const startMs = Math.max(freeAt, clock);
            const endMs = startMs + tile.index + 1;
            freeAt = endMs;
            const { counts, iterations } = renderTile(tile, message.view, message.maxIter);
            send(
              { kind: 'tile', index: tile.index, startMs, endMs, iterations, counts, last: i === tiles.length - 1 },
              endMs,
            );
          });
        };
        if (message.kind === 'chunk') take(message.tiles);
        else {
          // Shared queue: takes a chunk whenever it is free, from the one counter.
          const next = message.next;
          const pull = () => {
            const first = Atomics.add(next, 0, message.chunkSize);
            if (first >= message.tiles.length) return;
            take(message.tiles.slice(first, first + message.chunkSize));
            schedule(freeAt, pull);
          };
          schedule(clock, pull);
        }
      },
    };
    workers.push(w);
    return w;
  };

  const drain = async () => {
    while (queue.length > 0) {
      queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const item = queue.shift()!;
      clock = item.at;
      item.deliver();
      await Promise.resolve();
    }
  };
  return { make, workers, drain, now: () => clock };
}

async function play(plan: Omit<Plan, 'view' | 'maxIter'>) {
  const pool = virtualPool();
  const records: TileRecord[] = [];
  const signal = new AbortController().signal;
  const done = runPool(
    { ...plan, view: classicView(80, 40), maxIter: 50 },
    pool.make,
    { onTile: (r) => records.push(r) },
    signal,
    pool.now,
  );
  await pool.drain();
  return { timed: await done, records, workers: pool.workers };
}

const tiles = makeTiles(80, 40, 4, 2); // 8 tiles costing 1…8 ms

describe('runPool', () => {
  it('sequential: one worker, one chunk of every tile, in order', async () => {
    const { timed, records, workers } = await play({ tiles, workers: 1, chunkSize: 8, sharedQueue: false });
    expect(workers).toHaveLength(1);
    expect(records.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(timed).toEqual({ startMs: 0, endMs: 36, stopped: false });
  });

  it('static: one contiguous block per worker up front; the costly block finishes last', async () => {
    const size = staticChunkSize(8, 2);
    const { timed, records, workers } = await play({ tiles, workers: 2, chunkSize: size, sharedQueue: false });
    const chunks = workers.map((w) => w.sent.filter((m) => m.kind === 'chunk').map((m) => m.tiles.map((t) => t.index)));
    expect(chunks).toEqual([[[0, 1, 2, 3]], [[4, 5, 6, 7]]]);
    expect(records.filter((r) => r.worker === 1).map((r) => r.index)).toEqual([4, 5, 6, 7]);
    expect(timed.endMs).toBe(5 + 6 + 7 + 8); // worker 1 idle after 10 ms
  });

  it.each([false, true])('dynamic (shared queue: %s): each free worker takes the next tile', async (sharedQueue) => {
    const { timed, records } = await play({ tiles, workers: 2, chunkSize: 1, sharedQueue });
    expect(new Set(records.map((r) => r.index)).size).toBe(8);
    // Greedy list scheduling of 1…8 ms on two workers ends at 20 ms (vs 26 static, 36 alone).
    expect(timed.endMs).toBe(20);
    const busy = [0, 1].map((w) => records.filter((r) => r.worker === w).reduce((a, r) => a + r.endMs - r.startMs, 0));
    expect(busy.reduce((a, b) => a + b)).toBe(36);
    expect(Math.abs((busy[0] ?? 0) - (busy[1] ?? 0))).toBeLessThanOrEqual(4);
  });

  it('Stop terminates every worker at once and keeps what finished', async () => {
    const pool = virtualPool();
    const controller = new AbortController();
    const records: TileRecord[] = [];
    let terminated = 0;
    const make = () => {
      const w = pool.make();
      w.terminate = () => (terminated += 1);
      return w;
    };
    const done = runPool(
      { tiles, workers: 2, chunkSize: 1, sharedQueue: false, view: classicView(80, 40), maxIter: 50 },
      make,
      {
        onTile: (r) => {
          records.push(r);
          if (records.length === 3) controller.abort();
        },
      },
      controller.signal,
      pool.now,
    );
    await pool.drain();
    const timed = await done;
    expect(timed.stopped).toBe(true);
    expect(records).toHaveLength(3);
    expect(terminated).toBe(2);
  });
});
