/**
 * The CPU kernel: a WebAssembly loop of integer hash steps, compiled once on the page and posted as
 * a `WebAssembly.Module` to every Worker.
 *
 * Why WebAssembly and not plain JavaScript: a JS loop runs at whatever tier V8's JIT has reached
 * in that Worker (interpreter, Sparkplug, Maglev, TurboFan), so the same number of steps took
 * ~1 s in the warm Worker and ~2 s in a fresh one on some machines, and got up to 4× faster later.
 * Here the whole loop runs inside one WebAssembly call per slice; the JS around it is one call
 * every 5 ms. Measured in Chromium (`--js-flags="--no-opt --no-maglev --no-sparkplug"` against the
 * default) and Firefox: the JS loop's rate changed 27×, this kernel's by under 6 %. A Module
 * posted to Workers shares its compiled code with them, so a fresh Worker starts at the same tier
 * as the warm one.
 *
 * The work is real: `spin(seed, steps)` returns a value that depends on every step, the same
 * value {@link spinReference} computes in plain JS (unit-tested), so nothing can be skipped.
 */

/** One step: `x = imul(x ^ i, M) + A; x ^= x >>> 15` (a 32-bit hash mix). */
const MUL = 0x5bd1e995 | 0;
const ADD = 0x6b43a9b5 | 0;

/** Signed LEB128, as WebAssembly encodes integer immediates. */
function sleb(value: number): number[] {
  const out: number[] = [];
  let n = value | 0;
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    const done = (n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

function section(id: number, bytes: readonly number[]): number[] {
  return [id, ...sleb(bytes.length), ...bytes];
}

/**
 * The module's bytes, assembled here (≈ 80 bytes) rather than fetched, so there is no extra file
 * and no build step:
 * ```wat
 * (func (export "spin") (param $seed i32) (param $steps i32) (result i32)
 *   (local $i i32)
 *   (if (i32.gt_s (local.get $steps) (i32.const 0)) (then
 *     (loop $next
 *       (local.set $seed (i32.add (i32.mul (i32.xor (local.get $seed) (local.get $i)) (i32.const MUL)) (i32.const ADD)))
 *       (local.set $seed (i32.xor (local.get $seed) (i32.shr_u (local.get $seed) (i32.const 15))))
 *       (br_if $next (i32.lt_s (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $steps))))))
 *   (local.get $seed))
 * ```
 */
export function kernelBytes(): Uint8Array<ArrayBuffer> {
  const I32 = 0x7f;
  const [seed, steps, i] = [0, 1, 2];
  const get = (n: number): number[] => [0x20, n];
  const set = (n: number): number[] => [0x21, n];
  const constI32 = (v: number): number[] => [0x41, ...sleb(v)];
  const body = [
    1,
    1,
    I32, // one extra local: $i
    ...get(steps),
    ...constI32(0),
    0x4a, // i32.gt_s
    0x04,
    0x40, // if (no result)
    0x03,
    0x40, // loop
    ...get(seed),
    ...get(i),
    0x73,
    ...constI32(MUL),
    0x6c,
    ...constI32(ADD),
    0x6a,
    ...set(seed),
    ...get(seed),
    ...get(seed),
    ...constI32(15),
    0x76,
    0x73,
    ...set(seed),
    ...get(i),
    ...constI32(1),
    0x6a,
    0x22,
    i,
    ...get(steps),
    0x48,
    0x0d,
    0, // br_if 0 (loop)
    0x0b, // end loop
    0x0b, // end if
    ...get(seed),
    0x0b, // end func
  ];
  const name = [...'spin'].map((c) => c.charCodeAt(0));
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00, // "\0asm", version 1
    ...section(1, [1, 0x60, 2, I32, I32, 1, I32]), // type: (i32, i32) -> i32
    ...section(3, [1, 0]), // function 0 has type 0
    ...section(7, [1, name.length, ...name, 0x00, 0]), // export "spin" = function 0
    ...section(10, [1, ...sleb(body.length), ...body]), // code
  ]);
}

/** The same computation in plain JavaScript, for tests: `spin` must agree with it exactly. */
export function spinReference(seed: number, steps: number): number {
  let x = seed | 0;
  for (let i = 0; i < steps; i += 1) {
    x = (Math.imul(x ^ i, MUL) + ADD) | 0;
    x ^= x >>> 15;
  }
  return x;
}

/** The kernel's one export. */
export type Spin = (seed: number, steps: number) => number;

/**
 * Compiles the kernel. Synchronous: the module is tiny (browsers allow small synchronous
 * compiles on the page). Throws if the page forbids WebAssembly (a CSP without
 * `'wasm-unsafe-eval'`).
 */
export function compileKernel(): WebAssembly.Module {
  return new WebAssembly.Module(kernelBytes());
}

/** Instantiates a compiled kernel where it will run (in a Worker, or in tests). */
export function instantiateKernel(module: WebAssembly.Module): Spin {
  const instance = new WebAssembly.Instance(module, {});
  const spin = instance.exports['spin'];
  if (typeof spin !== 'function') throw new Error('the CPU kernel has no "spin" export');
  return spin as Spin;
}
