import { describe, expect, it } from 'vitest';
import { readLab } from './registry';

describe('readLab', () => {
  it('reads a lab by name, the main page without one, and names the choices for anything else', () => {
    expect(readLab('?lab=memory')).toEqual({ kind: 'lab', lab: 'memory' });
    expect(readLab('?lab=Chunks&tasks=1')).toEqual({ kind: 'lab', lab: 'chunks' });
    expect(readLab('?tasks=3,2,1')).toEqual({ kind: 'none' });
    expect(readLab('?lab=')).toEqual({ kind: 'none' });
    expect(readLab('?lab=gpu')).toEqual({
      kind: 'unknown',
      message: 'Lab: "gpu" is not a lab; use memory, transfer, mandelbrot or chunks',
    });
  });
});
