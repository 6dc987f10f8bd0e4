// History's storage (issue 12, point 5): the last 50 runs in IndexedDB, through idb. Database
// `parallel-playground`; store `runs` holds what the panel lists (summary, time saved, fingerprint),
// store `files` the Run JSON of each under the same id, so listing 50 runs never reads 50 files.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RunFile } from '../engine/runFile';
import { evictIds, fingerprint, HISTORY_LIMIT, summarize, type RunSummary } from './historyText';

export const HISTORY_DB = 'parallel-playground';
const DB_VERSION = 1;

/** A kept run as History lists it. */
export interface KeptRun extends RunSummary {
  readonly id: number;
  /** `Date.now()` when it was saved. */
  readonly savedAt: number;
  readonly fingerprint: string;
}

interface HistoryDB extends DBSchema {
  runs: { key: number; value: KeptRun; indexes: { fingerprint: string } };
  files: { key: number; value: RunFile };
}

export interface HistoryStore {
  /** Keeps the run (once: the same run saved again returns the entry it already has), then drops the oldest beyond 50. */
  save(file: RunFile): Promise<KeptRun>;
  /** Newest first. */
  list(): Promise<KeptRun[]>;
  get(id: number): Promise<RunFile | undefined>;
  remove(id: number): Promise<void>;
  clear(): Promise<void>;
  close(): void;
}

/**
 * Opens History. Rejects when IndexedDB cannot be used (missing, private mode, blocked by the
 * browser's settings).
 */
export async function openHistory(): Promise<HistoryStore> {
  if (typeof indexedDB === 'undefined') throw new Error('window.indexedDB is missing');
  const db: IDBPDatabase<HistoryDB> = await openDB<HistoryDB>(HISTORY_DB, DB_VERSION, {
    upgrade(database) {
      const runs = database.createObjectStore('runs', { keyPath: 'id', autoIncrement: true });
      runs.createIndex('fingerprint', 'fingerprint', { unique: true });
      database.createObjectStore('files');
    },
  });
  return {
    async save(file) {
      const summary = summarize(file);
      const print = fingerprint(file);
      const tx = db.transaction(['runs', 'files'], 'readwrite');
      const runs = tx.objectStore('runs');
      const files = tx.objectStore('files');
      const existing = await runs.index('fingerprint').get(print);
      if (existing) {
        await tx.done;
        return existing;
      }
      const entry: Omit<KeptRun, 'id'> = { ...summary, savedAt: Date.now(), fingerprint: print };
      // The store's key generator fills in `id`.
      const id = await runs.add(entry as KeptRun);
      await files.put(file, id);
      for (const old of evictIds(await runs.getAllKeys(), HISTORY_LIMIT)) {
        await runs.delete(old);
        await files.delete(old);
      }
      await tx.done;
      return { ...entry, id };
    },
    async list() {
      return (await db.getAll('runs')).sort((a, b) => b.id - a.id);
    },
    get: (id) => db.get('files', id),
    async remove(id) {
      const tx = db.transaction(['runs', 'files'], 'readwrite');
      await Promise.all([tx.objectStore('runs').delete(id), tx.objectStore('files').delete(id), tx.done]);
    },
    async clear() {
      const tx = db.transaction(['runs', 'files'], 'readwrite');
      await Promise.all([tx.objectStore('runs').clear(), tx.objectStore('files').clear(), tx.done]);
    },
    close: () => db.close(),
  };
}
