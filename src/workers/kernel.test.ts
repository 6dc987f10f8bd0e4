import { describe, expect, it } from 'vitest';
import { compileKernel, instantiateKernel, kernelBytes, spinReference } from './kernel';

describe('CPU kernel (WebAssembly)', () => {
  it('is a valid module exporting spin', () => {
    expect(WebAssembly.validate(kernelBytes())).toBe(true);
    const exports = WebAssembly.Module.exports(compileKernel());
    expect(exports).toEqual([{ name: 'spin', kind: 'function' }]);
  });

  it('computes exactly what the plain JS reference computes: the work is real, not skipped', () => {
    const spin = instantiateKernel(compileKernel());
    for (const [seed, steps] of [
      [0, 0],
      [0, 1],
      [7, 10],
      [-123456, 1000],
      [2 ** 31 - 1, 100_000],
      [42, 1_000_003],
    ] as const) {
      expect(spin(seed, steps), `spin(${seed}, ${steps})`).toBe(spinReference(seed, steps));
    }
  });

  it('treats zero or negative steps as no work', () => {
    const spin = instantiateKernel(compileKernel());
    expect(spin(99, 0)).toBe(99);
    expect(spin(99, -5)).toBe(99);
  });

  it('costs time in proportion to its steps (a fixed amount of work per step)', () => {
    const spin = instantiateKernel(compileKernel());
    spin(1, 2_000_000); // let the engine compile it fully
    const time = (steps: number): number => {
      let best = Infinity;
      for (let r = 0; r < 5; r += 1) {
        const t0 = performance.now();
        spin(r, steps);
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    const ratio = time(40_000_000) / time(10_000_000);
    expect(ratio).toBeGreaterThan(2.5);
    expect(ratio).toBeLessThan(6);
  });
});
