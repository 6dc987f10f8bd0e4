// Lab `mandelbrot`: a checksum of the image, pure: FNV-1a (32-bit) over the iteration counts as
// little-endian 32-bit integers, row by row. The same counts give the same 8 hex digits.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a of bytes, as 8 lower-case hex digits. */
export function fnv1aBytes(bytes: Uint8Array): string {
  let hash = FNV_OFFSET;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, FNV_PRIME);
  return hex(hash);
}

/** FNV-1a of 32-bit counts, each fed as its 4 bytes, least significant first (no copy, any platform). */
export function fnv1aCounts(counts: Uint32Array): string {
  let hash = FNV_OFFSET;
  for (const n of counts) {
    hash = Math.imul(hash ^ (n & 0xff), FNV_PRIME);
    hash = Math.imul(hash ^ ((n >>> 8) & 0xff), FNV_PRIME);
    hash = Math.imul(hash ^ ((n >>> 16) & 0xff), FNV_PRIME);
    hash = Math.imul(hash ^ (n >>> 24), FNV_PRIME);
  }
  return hex(hash);
}

function hex(hash: number): string {
  return (hash >>> 0).toString(16).padStart(8, '0');
}
