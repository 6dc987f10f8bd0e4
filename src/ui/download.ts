// Saving an export: a file name that says what is in it, and the browser's download of a Blob.
import type { RunConfig } from '../engine/types';

/** `2026-11-27T10-42`, local time (safe in a file name on every system). */
export function fileTime(iso: string): string {
  const d = new Date(iso);
  const t = Number.isNaN(d.getTime()) ? new Date() : d;
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())}T${p(t.getHours())}-${p(t.getMinutes())}`;
}

/**
 * `parallel-playground-pool-3,2,1-2026-11-27T10-42`: the strategies, the tasks (their count when
 * the list is long) and when the run was made.
 */
export function exportBaseName(config: RunConfig, createdAt: string): string {
  const strategies = config.strategies.join('+');
  const list = config.durationsS.join(',');
  const tasks = list.length <= 40 ? list : `${config.durationsS.length}-tasks`;
  return `parallel-playground-${strategies}-${tasks}-${fileTime(createdAt)}`;
}

/** Saves `blob` as `name` through a temporary link (the link's blob: URL is freed afterwards). */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start reading the blob before it is freed.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
