// The History store against fake-indexeddb's in-memory IndexedDB (a fresh database per test).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openHistory } from './historyStore';
import { testRun } from './historyTestRuns';

const at = (n: number): string => new Date(Date.UTC(2026, 10, 27, 10, 0, n)).toISOString();
/** Run number n: made at second n, its pool took 1000 + n ms. */
const run = (n: number) => testRun([{ strategy: 'pool', wallsMs: [1000 + n] }], { createdAt: at(n) });

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('History store', () => {
  it('keeps runs and lists them newest first, each with its file', async () => {
    const store = await openHistory();
    const first = await store.save(run(1));
    const second = await store.save(run(2));
    const listed = await store.list();
    expect(listed.map((r) => r.createdAt)).toEqual([at(2), at(1)]);
    expect(listed[0]).toMatchObject({
      id: second.id,
      label: 'Chromium 156',
      config: 'sleep · 0.2,0.2 · pool · 2 workers',
    });
    expect(listed[1]?.walls).toEqual([{ strategy: 'pool', wallS: 1.001, status: 'done', runs: 1 }]);
    expect(await store.get(first.id)).toEqual(run(1));
    expect(await store.get(9999)).toBeUndefined();
  });

  it('saves the same run once, even stamped anew', async () => {
    const store = await openHistory();
    const saved = await store.save(run(1));
    const again = await store.save(run(1));
    const restamped = await store.save({ ...run(1), source: { ...run(1).source, createdAt: at(30) } });
    expect([again.id, restamped.id]).toEqual([saved.id, saved.id]);
    expect(await store.list()).toHaveLength(1);
  });

  it('keeps the last 50: the 51st and 52nd drop the two oldest, files included', async () => {
    const store = await openHistory();
    const ids: number[] = [];
    for (let n = 1; n <= 52; n++) ids.push((await store.save(run(n))).id);
    const listed = await store.list();
    expect(listed).toHaveLength(50);
    expect(listed.at(0)?.createdAt).toBe(at(52));
    expect(listed.at(-1)?.createdAt).toBe(at(3));
    expect(await store.get(ids[0] ?? -1)).toBeUndefined();
    expect(await store.get(ids[1] ?? -1)).toBeUndefined();
    expect(await store.get(ids[2] ?? -1)).toEqual(run(3));
  });

  it('removes one run, or all', async () => {
    const store = await openHistory();
    const [a, b, c] = [await store.save(run(1)), await store.save(run(2)), await store.save(run(3))];
    await store.remove(b.id);
    expect((await store.list()).map((r) => r.id)).toEqual([c.id, a.id]);
    expect(await store.get(b.id)).toBeUndefined();
    await store.clear();
    expect(await store.list()).toEqual([]);
    expect(await store.get(a.id)).toBeUndefined();
  });

  it('still has the runs when opened again (a reload)', async () => {
    const store = await openHistory();
    await store.save(run(1));
    store.close();
    const reopened = await openHistory();
    expect((await reopened.list()).map((r) => r.createdAt)).toEqual([at(1)]);
    // New ids never reuse a removed one's, so newest-first stays the order saved.
    await reopened.clear();
    const next = await reopened.save(run(2));
    expect(next.id).toBeGreaterThan(1);
  });

  it('fails to open, with a reason, where the page has no IndexedDB', async () => {
    Reflect.deleteProperty(globalThis, 'indexedDB');
    await expect(openHistory()).rejects.toThrow('indexedDB is missing');
  });
});
