"""The chapter's four sleep examples, timed like the chapter times them.

Run by `npm run bench` (bench/suites/cpython.mjs) with python3, standard library only:

    python3 bench/python/chapter.py --repeat 5 --json out.json

Each example is the chapter's code with its `print` lines; the only change is the clock:
`time.perf_counter()` (monotonic, sub-microsecond) instead of `time.time()`. The pool example uses
`max_workers=3`, like the chapter's machine (it had at least 3 cores; CPython's default on a
2-core machine would be 2 workers, which changes the completion order and the total).
`--start-method spawn` measures the start method of Windows and macOS (a fresh interpreter per
process) instead of Linux's `fork`.
"""

import argparse
import multiprocessing
import time

from report import write_report
from concurrent.futures import ProcessPoolExecutor, as_completed


def task(sr_no):
    print(f"Task {sr_no} started", flush=True)
    time.sleep(1)
    print(f"Task {sr_no} completed", flush=True)


def task_new(sleep_time):
    print(f"Sleeping for {sleep_time} seconds...", flush=True)
    time.sleep(sleep_time)
    print(f"Done sleeping for {sleep_time} seconds...", flush=True)
    return sleep_time


def sequential():
    start = time.perf_counter()
    task(1)  # task 1
    task(2)  # task 2
    end = time.perf_counter()
    print(f"Execution Time: {end - start:.2f} seconds", flush=True)
    return end - start


def two_processes():
    start = time.perf_counter()
    process1 = multiprocessing.Process(target=task, args=[1])
    process2 = multiprocessing.Process(target=task, args=[2])
    process1.start()
    process2.start()
    process1.join()
    process2.join()
    end = time.perf_counter()
    print(f"Execution Time: {end - start:.2f} seconds", flush=True)
    return end - start


def five_processes():
    processes = []
    start = time.perf_counter()
    for i in range(5):
        process = multiprocessing.Process(target=task, args=[i])
        processes.append(process)
        process.start()
    for process in processes:
        process.join()
    end = time.perf_counter()
    print(f"For Loop Execution Time: {end - start:.2f} seconds", flush=True)
    return end - start


def pool_321(max_workers=3):
    sleep_times = [3, 2, 1]
    order = []
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=max_workers) as executor:
        futures = [executor.submit(task_new, t) for t in sleep_times]
        for f in as_completed(futures):
            order.append(f.result())
    end = time.perf_counter()
    print(f"ProcessPool Execution Time: {end - start:.2f} seconds", flush=True)
    return end - start, order


EXAMPLES = {
    # id: (function, ideal seconds)
    "sequential": (sequential, 2.0),
    "two-processes": (two_processes, 1.0),
    "five-processes": (five_processes, 1.0),
    "pool": (pool_321, 3.0),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", help="write the results here as JSON")
    parser.add_argument("--only", help="comma-separated example ids")
    parser.add_argument(
        "--start-method",
        choices=multiprocessing.get_all_start_methods(),
        help="multiprocessing start method (default: the platform's; fork on Linux before Python 3.14)",
    )
    args = parser.parse_args()
    if args.start_method:
        multiprocessing.set_start_method(args.start_method)
    only = args.only.split(",") if args.only else list(EXAMPLES)
    results = {}
    for example in only:
        fn, ideal = EXAMPLES[example]
        runs = []
        orders = []
        for _ in range(args.repeat):
            out = fn()
            if isinstance(out, tuple):
                runs.append(out[0])
                orders.append(out[1])
            else:
                runs.append(out)
        results[example] = {"idealS": ideal, "wallS": runs}
        if orders:
            results[example]["completionOrder"] = orders
    write_report(args, examples=results)

if __name__ == "__main__":
    main()
