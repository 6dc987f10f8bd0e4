// The Python the memory lab mirrors: a global in each process, multiprocessing.Value without and
// with its lock, for the lab's N and M (runnable as it stands: python3 counter.py).

const underscored = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '_');

export function memoryPython(workers: number, increments: number): string {
  return `from multiprocessing import Process, Value

N, M = ${workers}, ${underscored(increments)}  # processes, increments each

counter = 0  # a global: every process gets its own copy


def count_global(m):
    global counter
    for _ in range(m):
        counter += 1
    print("my own copy:", counter)  # M in each process


def count_no_lock(shared, m):
    for _ in range(m):
        shared.value += 1  # read, add, write: another process can write in between


def count_with_lock(shared, m):
    for _ in range(m):
        with shared.get_lock():  # one process at a time
            shared.value += 1


def run(target, *args):
    processes = [Process(target=target, args=(*args, M)) for _ in range(N)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()


if __name__ == "__main__":
    run(count_global)
    print("Separate memory:", counter, "expected", N * M)  # 0

    shared = Value("i", 0)
    run(count_no_lock, shared)
    print("No lock:", shared.value, "expected", N * M)  # less, and different each run

    shared = Value("i", 0)
    run(count_with_lock, shared)
    print("With a lock:", shared.value, "expected", N * M)  # exactly N * M
`;
}
