// Lab `transfer`: the data the page sends and the Worker's check of it, pure (shared by the page,
// the Worker and the tests). One 32-bit sample per 4 KB memory page: filling the samples commits
// every page of the buffer, and the Worker's sum really reads every page, in a few microseconds.

import type { Method } from './model';

/** Uint32 elements between samples: 1024 × 4 bytes = one 4 KB memory page. */
export const STRIDE = 1024;

/** How many samples a buffer of this size holds. */
export function sampleCount(byteLength: number): number {
  return Math.ceil(Math.floor(byteLength / 4) / STRIDE);
}

/** A sample's value (a small integer hash of its index and the trip's seed): under 2^31, so the Worker's +1 never wraps. */
function sampleValue(index: number, seed: number): number {
  let x = Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(seed, 0x85ebca6b);
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  return x & 0x7fff_ffff;
}

/** Writes the samples; returns their sum (exact: at most 2^16 values under 2^31 each). */
export function fillSamples(data: Uint32Array, seed: number): number {
  let sum = 0;
  for (let i = 0, k = 0; i < data.length; i += STRIDE, k += 1) {
    const v = sampleValue(k, seed);
    data[i] = v;
    sum += v;
  }
  return sum;
}

/** The Worker's check: the samples' sum (reads one element per memory page). */
export function sampleSum(data: Uint32Array): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += STRIDE) sum += data[i] as number;
  return sum;
}

/** The Worker's touch: +1 on every sample, so the page can tell its data came back through the Worker. */
export function touchSamples(data: Uint32Array): void {
  for (let i = 0; i < data.length; i += STRIDE) data[i] = (data[i] as number) + 1;
}

/** Page → Worker: the data (clone, transfer) or a handle to shared memory (shared). */
export interface EchoRequest {
  readonly id: number;
  readonly method: Method;
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
}

/** Worker → page: its clock readings, its sum, and the data back (none for shared: it never left). */
export interface EchoReply {
  readonly id: number;
  readonly receivedMs: number;
  readonly repliedMs: number;
  readonly sum: number;
  readonly buffer: ArrayBuffer | null;
}
