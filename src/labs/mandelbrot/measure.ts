// Lab `mandelbrot`: what a strategy's run measured, summed up per worker, and the "What happened"
// paragraph written from it. Pure.
import { STRATEGY_NAMES, type Strategy } from './strategies';

/** One tile as a Worker computed it (times on the shared clock: timeOrigin + now(), ms). */
export interface TileRecord {
  readonly index: number;
  /** 0-based worker (lane). */
  readonly worker: number;
  readonly startMs: number;
  readonly endMs: number;
  /** Sum of the tile's iteration counts: its cost. */
  readonly iterations: number;
}

/** A strategy's run: what was asked, the tiles that came back, the timed block. */
export interface StrategyOutcome {
  readonly strategy: Strategy;
  readonly workers: number;
  readonly chunkSize: number;
  readonly tileCount: number;
  /** In the order they arrived. */
  readonly records: readonly TileRecord[];
  /** Page clock when the first chunk was handed out. */
  readonly startMs: number;
  /** Page clock when the last result arrived (or Stop was pressed). */
  readonly endMs: number;
  readonly stopped: boolean;
  /** Of the whole image; null unless every tile arrived. */
  readonly checksum: string | null;
}

export interface WorkerLoad {
  /** 0-based. */
  readonly worker: number;
  readonly busyMs: number;
  readonly tiles: number;
}

export interface StrategySummary {
  readonly strategy: Strategy;
  readonly workers: number;
  readonly chunkSize: number;
  readonly wallMs: number;
  readonly loads: readonly WorkerLoad[];
  readonly busiest: WorkerLoad;
  readonly idlest: WorkerLoad;
  /** Share of worker-time (workers × wall-clock) spent not computing a tile, in %. */
  readonly idlePct: number;
  readonly tilesDone: number;
  readonly tileCount: number;
  readonly stopped: boolean;
  readonly checksum: string | null;
}

/** Busy time per worker (sum of its tiles' durations), the busiest and idlest, and the idle share. */
export function summarize(outcome: StrategyOutcome): StrategySummary {
  const busy = new Array<number>(outcome.workers).fill(0);
  const tiles = new Array<number>(outcome.workers).fill(0);
  for (const r of outcome.records) {
    busy[r.worker] = (busy[r.worker] ?? 0) + (r.endMs - r.startMs);
    tiles[r.worker] = (tiles[r.worker] ?? 0) + 1;
  }
  const loads = busy.map((busyMs, worker) => ({ worker, busyMs, tiles: tiles[worker] ?? 0 }));
  const first = loads[0] ?? { worker: 0, busyMs: 0, tiles: 0 };
  const busiest = loads.reduce((a, b) => (b.busyMs > a.busyMs ? b : a), first);
  const idlest = loads.reduce((a, b) => (b.busyMs < a.busyMs ? b : a), first);
  const wallMs = Math.max(0, outcome.endMs - outcome.startMs);
  const capacity = wallMs * outcome.workers;
  const used = busy.reduce((a, b) => a + b, 0);
  const idlePct = capacity > 0 ? Math.min(100, Math.max(0, (100 * (capacity - used)) / capacity)) : 0;
  return {
    strategy: outcome.strategy,
    workers: outcome.workers,
    chunkSize: outcome.chunkSize,
    wallMs,
    loads,
    busiest,
    idlest,
    idlePct,
    tilesDone: outcome.records.length,
    tileCount: outcome.tileCount,
    stopped: outcome.stopped,
    checksum: outcome.checksum,
  };
}

/** Sequential wall-clock ÷ this one; null without a finished sequential run (or for sequential itself). */
export function speedup(row: StrategySummary, rows: readonly StrategySummary[]): number | null {
  const seq = rows.find((r) => r.strategy === 'sequential' && !r.stopped);
  if (!seq || row.stopped || row.wallMs <= 0) return null;
  return seq.wallMs / row.wallMs;
}

/** 1234.5 → "1.23 s", 87.2 → "87 ms". */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

const times = (x: number): string => `${x.toFixed(1)}×`;

/** "Worker 2" (1-based, as the image and the Gantt number them). */
const workerName = (load: WorkerLoad): string => `worker ${load.worker + 1}`;

/** The paragraph under "What happened", from the measurements only; null before any run. */
export function whatHappened(rows: readonly StrategySummary[]): string | null {
  if (rows.length === 0) return null;
  const parts: string[] = [];
  const stat = rows.find((r) => r.strategy === 'static');
  const dyn = rows.find((r) => r.strategy === 'dynamic');
  const seq = rows.find((r) => r.strategy === 'sequential');
  const stopped = rows.filter((r) => r.stopped);

  if (seq && !seq.stopped)
    parts.push(`Sequential: one worker computed all ${seq.tileCount} tiles in ${formatMs(seq.wallMs)}.`);
  if (stat && !stat.stopped) {
    const s = speedup(stat, rows);
    if (stat.workers > 1) {
      const idleMs = stat.wallMs - stat.idlest.busyMs;
      parts.push(
        `Static chunks gave each of the ${stat.workers} workers one block of up to ${stat.chunkSize} tiles up front: ` +
          `${workerName(stat.busiest)} got the most expensive block and was busy ${formatMs(stat.busiest.busyMs)}, ` +
          `while ${workerName(stat.idlest)} was busy ${formatMs(stat.idlest.busyMs)} and then sat idle for ${formatMs(idleMs)} ` +
          `(${Math.round(stat.idlePct)} % of worker-time idle)` +
          (s === null ? '.' : `, so static was ${times(s)} as fast as sequential.`),
      );
    } else {
      parts.push(
        `Static chunks on 1 worker: one block of all the tiles${s === null ? '' : `, ${times(s)} sequential's speed`}.`,
      );
    }
  }
  if (dyn && !dyn.stopped) {
    const s = speedup(dyn, rows);
    parts.push(
      `Dynamic hand-out (chunksize ${dyn.chunkSize}) gave each free worker the next ${dyn.chunkSize === 1 ? 'tile' : `${dyn.chunkSize} tiles`}: ` +
        `the busiest worker computed ${formatMs(dyn.busiest.busyMs)}, the idlest ${formatMs(dyn.idlest.busyMs)} ` +
        `(${Math.round(dyn.idlePct)} % idle)` +
        (s === null ? '.' : `: ${times(s)} as fast as sequential.`),
    );
  }
  if (stat && dyn && !stat.stopped && !dyn.stopped && stat.workers === dyn.workers && dyn.wallMs > 0) {
    parts.push(staticVsDynamic(stat, dyn, seq && !seq.stopped ? seq : null));
  }
  const sums = [...new Set(rows.map((r) => r.checksum).filter((c): c is string => c !== null))];
  const complete = rows.filter((r) => r.checksum !== null).length;
  if (sums.length === 1 && complete > 1) parts.push(`Same image each time (checksum ${sums[0] ?? ''}).`);
  else if (sums.length === 1) parts.push(`Checksum ${sums[0] ?? ''}.`);
  else if (sums.length > 1)
    parts.push(`The images differ (checksums ${sums.join(', ')}): that is a bug, not parallelism.`);
  for (const r of stopped)
    parts.push(
      `${STRATEGY_NAMES[r.strategy]} was stopped after ${r.tilesDone} of ${r.tileCount} tiles; the finished tiles are kept.`,
    );
  return parts.join(' ');
}

/** Total busy time of all workers. */
const busySum = (row: StrategySummary): number => row.loads.reduce((a, l) => a + l.busyMs, 0);

/** Which finished first and, from the measurements, why. */
export function staticVsDynamic(stat: StrategySummary, dyn: StrategySummary, seq: StrategySummary | null): string {
  const ratio = stat.wallMs / dyn.wallMs;
  if (ratio >= 1.05)
    return `Dynamic finished ${times(ratio)} as fast as static on the same ${dyn.workers} workers: the imbalance was the difference.`;
  const even = stat.idlest.busyMs > 0 && stat.busiest.busyMs / stat.idlest.busyMs < 1.2;
  // Worker-time of the same tiles in parallel vs alone: well above 1 means the workers shared cores.
  const crowded = seq && busySum(seq) > 0 ? busySum(dyn) / busySum(seq) : null;
  const why = even
    ? 'static’s blocks happened to cost about the same (try more workers, or tiles instead of row bands)'
    : crowded !== null && crowded >= 1.25
      ? `the same tiles took ${times(crowded)} as long in parallel as alone: the workers did not get a core each (other programs, or the page, were using them), so balancing the work could not help`
      : 'dynamic paid a hand-out per chunk and gained little from balancing';
  return ratio <= 1 / 1.05
    ? `Here static was ${times(1 / ratio)} as fast as dynamic: ${why}.`
    : `Static and dynamic took about as long (${formatMs(stat.wallMs)} vs ${formatMs(dyn.wallMs)}): ${why}.`;
}
