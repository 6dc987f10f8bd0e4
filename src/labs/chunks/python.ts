// The Python the chunks lab mirrors: a loop vs Pool.map with chunksize 1, the default and a chosen
// one, timed; stdlib only, runnable as it is. Written with the lab's settings.
import { autoChunksize } from './model';

export interface PythonSettings {
  readonly tasks: number;
  readonly taskMs: number;
  readonly workers: number;
  readonly chunksize: number;
}

const py = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '_');

export function chunksPython({ tasks, taskMs, workers, chunksize }: PythonSettings): string {
  return `import time
from multiprocessing import Pool

LOOPS = ${py(Math.max(1, Math.round(taskMs * 6000)))}  # tune so one f(x) takes about ${taskMs} ms here (printed below)


def f(x):
    s = x
    for i in range(LOOPS):
        s = (s * 31 + i) & 0xFFFFFFFF
    return s


if __name__ == "__main__":
    xs = range(${py(tasks)})

    t = time.perf_counter()
    for x in xs:  # sequential: one process, one call after another
        f(x)
    loop = time.perf_counter() - t
    print(f"loop: {loop * 1000:.0f} ms ({loop / len(xs) * 1e6:.0f} µs per task)")

    with Pool(${workers}) as pool:  # started before the timing, like the lab's pool
        pool.map(f, range(${workers}))  # warm up: every worker has started
        # chunksize=None is the default: ceil(${py(tasks)} / (4 × ${workers})) = ${autoChunksize(tasks, workers)}
        for chunksize in (1, None, ${chunksize}):
            t = time.perf_counter()
            pool.map(f, xs, chunksize=chunksize)
            took = time.perf_counter() - t
            print(f"pool, chunksize {chunksize or 'auto'}: {took * 1000:.0f} ms, {loop / took:.2f}x the loop")
`;
}
