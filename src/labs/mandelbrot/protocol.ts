// Lab `mandelbrot`: the messages between the page and a tile Worker.
import type { View } from './mandel';
import type { Tile } from './tiles';

/** Start-up: compile the workload on a few pixels, then say ready (before the timed block). */
export interface WarmRequest {
  readonly kind: 'warm';
  readonly view: View;
  readonly maxIter: number;
}

/** A chunk of tiles to compute in order; one reply per tile, the last one marked. */
export interface ChunkRequest {
  readonly kind: 'chunk';
  readonly tiles: readonly Tile[];
  readonly view: View;
  readonly maxIter: number;
}

/**
 * Pool, dynamic with shared memory: every worker gets the whole list and takes the next chunk
 * itself with `Atomics.add(next, 0, chunkSize)`, like Pool's task queue that free workers read
 * from; the page is not in the hand-out path.
 */
export interface QueueRequest {
  readonly kind: 'queue';
  readonly tiles: readonly Tile[];
  readonly view: View;
  readonly maxIter: number;
  readonly chunkSize: number;
  /** One Int32 on a SharedArrayBuffer: the index of the next tile nobody has taken. */
  readonly next: Int32Array;
}

export type ToWorker = WarmRequest | ChunkRequest | QueueRequest;

export interface ReadyReply {
  readonly kind: 'ready';
}

/** A computed tile; `counts` arrives transferred (the Worker keeps no copy). */
export interface TileReply {
  readonly kind: 'tile';
  readonly index: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly iterations: number;
  readonly counts: Uint32Array;
  /** The chunk's last tile: this Worker is free for the next chunk. */
  readonly last: boolean;
}

export type FromWorker = ReadyReply | TileReply;
