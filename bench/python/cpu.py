"""A CPU-bound version of the chapter's example: sequential, 2 processes, 2 threads.

Run by `npm run bench` (bench/suites/cpython.mjs) with python3, standard library only:

    python3 bench/python/cpu.py --repeat 5 --json out.json

`task(n)` computes instead of sleeping: an integer hash loop in pure Python, calibrated first so
that one task takes about `--seconds` alone. Two tasks run one after another (sequential), in two
`multiprocessing.Process`es (one per core), and in two `threading.Thread`s, which take turns on
the one interpreter lock (the GIL), so they are no faster than sequential.
"""

import argparse
import multiprocessing
import threading
import time

from report import write_report


def work(steps):
    x = 0
    for i in range(steps):
        x = (x * 1103515245 + 12345 + i) & 0xFFFFFFFF
    return x


def calibrate(window_s=0.3):
    """Steps per second on one core (best of a few windows)."""
    best = 0.0
    steps = 100_000
    for _ in range(5):
        start = time.perf_counter()
        work(steps)
        took = time.perf_counter() - start
        best = max(best, steps / took)
        steps = int(best * window_s)
    return best


def task(sr_no, steps):
    print(f"Task {sr_no} started", flush=True)
    work(steps)
    print(f"Task {sr_no} completed", flush=True)


def sequential(steps):
    start = time.perf_counter()
    task(1, steps)
    task(2, steps)
    return time.perf_counter() - start


def two_of(kind, steps):
    start = time.perf_counter()
    if kind == "processes":
        runners = [multiprocessing.Process(target=task, args=[i, steps]) for i in (1, 2)]
    else:
        runners = [threading.Thread(target=task, args=[i, steps]) for i in (1, 2)]
    for r in runners:
        r.start()
    for r in runners:
        r.join()
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=1.0, help="length of one task alone")
    parser.add_argument("--json", help="write the results here as JSON")
    args = parser.parse_args()
    rate = calibrate()
    steps = int(rate * args.seconds)
    runs = {"sequential": [], "processes": [], "threads": []}
    # Interleaved, so drift on a busy machine hits all three alike.
    for _ in range(args.repeat):
        runs["sequential"].append(sequential(steps))
        runs["processes"].append(two_of("processes", steps))
        runs["threads"].append(two_of("threads", steps))
    write_report(args, taskSeconds=args.seconds, stepsPerSecond=rate, tasks=2, wallS=runs)

if __name__ == "__main__":
    main()
