// History's pure parts (issue 12, point 5): what a kept run is listed as, which runs to evict, and
// the fingerprint that keeps the same run from being saved twice. No IndexedDB here.
import type { RunFile } from '../engine/runFile';
import { STRATEGY_LABELS, STRATEGY_NAMES, type StrategyName } from '../engine/types';
import { sec } from './format';

/** How many runs History keeps; saving one more drops the oldest. */
export const HISTORY_LIMIT = 50;

/** One strategy's wall-clock in a kept run (the median over repeats, as Results shows it). */
export interface KeptWall {
  readonly strategy: StrategyName;
  /** Seconds; null when the strategy never ended (the run was stopped before it began). */
  readonly wallS: number | null;
  readonly status: 'done' | 'stopped' | 'failed' | 'not run';
  /** How many repetitions ended. */
  readonly runs: number;
}

/** What History lists about a run, computed once when it is saved. */
export interface RunSummary {
  readonly label: string;
  readonly createdAt: string;
  readonly status: RunFile['status'];
  /** `sleep · 3,2,1 · pool · 3 workers`. */
  readonly config: string;
  readonly walls: readonly KeptWall[];
}

/** Task lists longer than this are shortened in the listing. */
const MAX_TASKS_SHOWN = 6;

/** `3,2,1`; `0.01 × 1000`; `1,2,3,4 … (12 tasks)`. */
export function tasksText(tasks: readonly number[]): string {
  if (tasks.length > 1 && tasks.every((t) => t === tasks[0])) {
    return tasks.length > MAX_TASKS_SHOWN ? `${tasks[0]} × ${tasks.length}` : tasks.join(',');
  }
  if (tasks.length <= MAX_TASKS_SHOWN) return tasks.join(',');
  return `${tasks.slice(0, 4).join(',')} … (${tasks.length} tasks)`;
}

/** `sleep · 3,2,1 · pool · 3 workers`, with repeats, `executor.map` order and failing tasks when set. */
export function configText(config: RunFile['config']): string {
  const parts = [config.kind, tasksText(config.tasks), config.strategies.join(', ')];
  if (config.strategies.some((s) => s !== 'sequential')) {
    parts.push(`${config.workers} worker${config.workers === 1 ? '' : 's'}`);
  }
  if ((config.repeat ?? 1) > 1) parts.push(`${config.repeat} repeats`);
  if (config.order === 'submitted') parts.push('executor.map order');
  const fail = config.fail ?? [];
  if (fail.length > 0) parts.push(`task${fail.length === 1 ? '' : 's'} ${fail.join(',')} raise`);
  return parts.join(' · ');
}

/** Each chosen strategy's wall-clock from the file's events: the median of its ended repetitions. */
export function wallsOf(file: RunFile): KeptWall[] {
  const ended = new Map<StrategyName, { wallS: number; status: KeptWall['status'] }[]>();
  const started = new Map<StrategyName, number>();
  for (const event of file.events) {
    if (event.type === 'strategy-start') started.set(event.strategy, event.tMs);
    if (event.type === 'strategy-end') {
      const wallS = (event.tMs - (started.get(event.strategy) ?? 0)) / 1000;
      ended.set(event.strategy, [...(ended.get(event.strategy) ?? []), { wallS, status: event.status }]);
    }
  }
  const order = STRATEGY_NAMES.filter((s) => file.config.strategies.includes(s));
  return order.map((strategy) => {
    const runs = ended.get(strategy) ?? [];
    if (runs.length === 0) return { strategy, wallS: null, status: 'not run', runs: 0 };
    const sorted = [...runs].sort((a, b) => a.wallS - b.wallS);
    const median = sorted[Math.floor((sorted.length - 1) / 2)]?.wallS ?? 0;
    const statuses = runs.map((r) => r.status);
    const status = statuses.includes('stopped') ? 'stopped' : statuses.includes('failed') ? 'failed' : 'done';
    return { strategy, wallS: median, status, runs: runs.length };
  });
}

export function summarize(file: RunFile): RunSummary {
  return {
    label: file.source.label,
    createdAt: file.source.createdAt,
    status: file.status,
    config: configText(file.config),
    walls: wallsOf(file),
  };
}

/** `Sequential 2.01 s · Pool stopped at 0.51 s · Threads not run`. */
export function wallsText(walls: readonly KeptWall[]): string {
  return walls
    .map(({ strategy, wallS, status, runs }) => {
      const name = STRATEGY_LABELS[strategy];
      if (wallS === null) return `${name} not run`;
      const median = runs > 1 ? ` (median of ${runs})` : '';
      if (status === 'stopped') return `${name} stopped at ${sec(wallS)} s`;
      if (status === 'failed') return `${name} ${sec(wallS)} s${median}, failed`;
      return `${name} ${sec(wallS)} s${median}`;
    })
    .join(' · ');
}

const two = (n: number): string => String(n).padStart(2, '0');
const dayOf = (d: Date): string => `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
const clockOf = (d: Date): string => `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;

/** `10:42:07` for a run of today, `2026-11-27 10:42:07` for an older one (local time). */
export function shortTime(createdAt: string, now: Date): string {
  const at = new Date(createdAt);
  if (Number.isNaN(at.getTime())) return createdAt;
  return dayOf(at) === dayOf(now) ? clockOf(at) : `${dayOf(at)} ${clockOf(at)}`;
}

/** `Today 10:42:07`, `Yesterday 18:03:11` or `2026-11-27 10:42:07` (local time). */
export function whenText(createdAt: string, now: Date): string {
  const at = new Date(createdAt);
  if (Number.isNaN(at.getTime())) return createdAt;
  if (dayOf(at) === dayOf(now)) return `Today ${clockOf(at)}`;
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (dayOf(at) === dayOf(yesterday)) return `Yesterday ${clockOf(at)}`;
  return `${dayOf(at)} ${clockOf(at)}`;
}

/**
 * What each listed run is called in its controls' names (`Compare run of 10:42:07`): its time, with
 * ` (2)`, ` (3)`… for runs kept within the same second, counted from the oldest. `newestFirst` as
 * History lists them.
 */
export function runNames(newestFirst: readonly { readonly createdAt: string }[], now: Date): string[] {
  const counts = new Map<string, number>();
  const names = [...newestFirst].reverse().map((run) => {
    const time = shortTime(run.createdAt, now);
    const n = (counts.get(time) ?? 0) + 1;
    counts.set(time, n);
    return n === 1 ? time : `${time} (${n})`;
  });
  return names.reverse();
}

/** How many kept runs Compare draws at once. */
export const MAX_PICKS = 2;

/** Picks after checking `id` (earliest pick first): beyond `max`, the earliest ones are unchecked (`dropped`). */
export function pickRun(
  picked: readonly number[],
  id: number,
  max: number = MAX_PICKS,
): { readonly picks: number[]; readonly dropped: number[] } {
  const picks = [...picked.filter((p) => p !== id), id];
  const dropped = picks.splice(0, Math.max(0, picks.length - max));
  return { picks, dropped };
}

/** The ids to drop so that at most `limit` remain: the oldest (smallest) ones. */
export function evictIds(ids: readonly number[], limit: number = HISTORY_LIMIT): number[] {
  const sorted = [...ids].sort((a, b) => a - b);
  return sorted.slice(0, Math.max(0, sorted.length - limit));
}

/**
 * The same run gives the same fingerprint, whenever and however often it is saved: its config,
 * status and events (not `createdAt`, which a page may stamp anew for a run it already saved).
 * cyrb53, a fast 53-bit string hash; two different measured runs never have identical events.
 */
export function fingerprint(file: RunFile): string {
  const text = JSON.stringify([file.source.kind, file.source.label, file.config, file.status, file.events]);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
