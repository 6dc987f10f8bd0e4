import { describe, expect, it } from 'vitest';
import { chunksPython } from './python';

describe('chunksPython', () => {
  it('writes the lab’s settings into runnable Python', () => {
    const code = chunksPython({ tasks: 10_000, taskMs: 0.1, workers: 2, chunksize: 25 });
    expect(code).toContain('xs = range(10_000)');
    expect(code).toContain('with Pool(2) as pool:');
    expect(code).toContain('for chunksize in (1, None, 25):');
    expect(code).toContain('ceil(10_000 / (4 × 2)) = 1250');
    expect(code).toContain('LOOPS = 600  # tune so one f(x) takes about 0.1 ms');
    expect(chunksPython({ tasks: 1000, taskMs: 1, workers: 4, chunksize: 1 })).toContain('LOOPS = 6_000');
    expect(code).toContain('if __name__ == "__main__":');
  });
});
