#!/usr/bin/env python3
"""Run the multiprocessing chapter's examples with the real CPython and write a Run JSON file.

Parallel Playground draws sequential and parallel runs measured in the browser. This script makes
the same measurements with CPython's own primitives (``multiprocessing.Process``,
``concurrent.futures.ProcessPoolExecutor`` + ``as_completed``, ``threading.Thread``) and writes the
app's Run JSON file, version 1 (docs/run-file.md), so that ``Import run`` draws it beside the
browser's run: e.g. ``CPython 3.11 pool timeline``.

    python3 trace_chapter.py --example 4 -o example-4.json
    python3 trace_chapter.py --kind sleep --tasks 3,2,1 --strategy pool --workers 3 -o run.json
    python3 trace_chapter.py --chapter runs/          # all five examples, runs/example-N.json

Standard library only; Python 3.9 or newer; any OS (the ``if __name__ == "__main__":`` guard is
what the spawn start method of macOS and Windows needs). See python/README.md.
"""

import argparse
import json
import multiprocessing
import os
import platform
import queue
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from datetime import datetime, timezone

TOOL = "trace_chapter.py"
FORMAT = "parallel-playground-run"
VERSION = 1
#: The app's strategies, in the canonical order it runs them.
STRATEGY_NAMES = ("sequential", "processes", "pool", "threads")
KINDS = ("sleep", "cpu")
ORDERS = ("completed", "submitted")
#: The app's limits (docs/CONTRACT.md), so that every file written here imports.
MAX_TASKS = 1000
MAX_DURATION_S = 60.0
MAX_WORKERS = 64
MAX_REPEAT = 20
#: `processes` starts one process per task at once; more than this is refused (use `pool`).
MAX_PROCESSES = 64


# --- The clock ------------------------------------------------------------------------------------


def now_ns():
    """The one clock every process and thread reads, in integer nanoseconds.

    Times are taken in the child processes and compared in the parent, so the clock must be
    comparable *across processes*. ``time.perf_counter()`` is not (its reference point is
    undefined, and may differ per process), ``time.time_ns()`` is: it counts from the epoch, the
    same for every process on the machine. Resolution: nanoseconds on Linux, microseconds on macOS;
    on Windows sub-microsecond from Python 3.13 on, but 15.6 ms before. Its one weakness, a jump
    when the system clock is set during a run, is detected by `ClockCheck` and reported.
    """
    return time.time_ns()


class ClockCheck:
    """Compares the wall clock with the monotonic clock over a run: they differ if the system
    clock was set (e.g. by NTP) while we measured, and then the times in the file are off."""

    def __init__(self):
        self.wall = time.time_ns()
        self.mono = time.monotonic_ns()

    def drift_ms(self):
        return abs((time.time_ns() - self.wall) - (time.monotonic_ns() - self.mono)) / 1e6


# --- The task ---------------------------------------------------------------------------------------


def say(line):
    """What the chapter's code prints, on stderr (stdout may be the JSON file). One write per line:
    ``print`` writes the text and its newline separately, and two threads' lines would mix."""
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def spin(steps):
    """The cpu task's work: a pure-Python loop (a linear congruential generator), `steps` turns."""
    x = 1
    for _ in range(steps):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
    return x


def _calibration_clock():
    """The clock calibration reads: this thread's CPU time where it is fine-grained (Linux, macOS),
    so that time the thread spent without a core (a busy machine) does not count; else (Windows,
    where it ticks every 15.6 ms) ``perf_counter``, which counts it."""
    if time.get_clock_info("thread_time").resolution <= 1e-6:
        return time.thread_time
    return time.perf_counter


def calibrate(round_ms=40.0, rounds=5):
    """Steps of `spin` per millisecond of computing, measured once before any timed block.

    Grows a probe until it takes a measurable time, then runs `rounds` rounds of about
    `round_ms` and keeps the fastest rate (the least disturbed by other programs), as the app's
    CPU calibration does. A cpu task of d seconds then runs d * 1000 * rate steps: about d
    seconds of computing, which is d seconds of wall-clock when it has a core to itself. (One
    process measures, others compute: the same interpreter and loop, so the same rate.)
    """
    clock = _calibration_clock()
    steps = 1000
    while True:
        t0 = clock()
        spin(steps)
        ms = (clock() - t0) * 1000
        if ms >= round_ms / 4:
            break
        steps *= 4
    steps = max(1, int(steps * round_ms / ms))
    best = 0.0
    for _ in range(rounds):
        t0 = clock()
        spin(steps)
        ms = (clock() - t0) * 1000
        best = max(best, steps / ms)
    return best


def run_task(number, kind, duration_s, steps_per_ms):
    """The chapter's ``task(sr_no)``: prints, sleeps or computes for `duration_s`, prints.

    Runs wherever the strategy puts it (the main program, a child process, a thread) and returns
    what was measured there: start and end (``now_ns``), the process id, and for cpu tasks the
    CPU time this thread spent computing (``time.thread_time``: turns given to other threads and
    time without a core excluded), which is what the app's CPU self-check reads as ``cpuMs``.
    """
    start = now_ns()
    say("Task %d started" % number)
    cpu_ms = None
    if kind == "sleep":
        time.sleep(duration_s)
    else:
        cpu0 = time.thread_time()
        spin(int(round(duration_s * 1000 * steps_per_ms)))
        cpu_ms = (time.thread_time() - cpu0) * 1000
    end = now_ns()
    say("Task %d completed" % number)
    return {"task": number, "pid": os.getpid(), "startNs": start, "endNs": end, "cpuMs": cpu_ms}


def error_text(error):
    return "%s: %s" % (type(error).__name__, error)


# --- processes: one multiprocessing.Process per task --------------------------------------------------


def process_main(number, kind, duration_s, steps_per_ms, reports):
    """A ``multiprocessing.Process`` target: the task, then its times sent home on `reports`.

    ``readyNs`` is when this process had finished starting (its target began: for spawn and
    forkserver, after a fresh interpreter imported this module).
    """
    ready = now_ns()
    try:
        report = run_task(number, kind, duration_s, steps_per_ms)
    except BaseException as error:  # the report must get home whatever happened
        failure = {"task": number, "pid": os.getpid(), "readyNs": ready, "endNs": now_ns(), "error": error_text(error)}
        reports.put(failure)
        raise
    report["readyNs"] = ready
    reports.put(report)


# --- pool: ProcessPoolExecutor's processes, observed ---------------------------------------------------

#: Main program: (ns just before ``Process.start()``, pid) of each process the pool started.
_POOL_SPAWNS = []
_POOL_SPAWNS_LOCK = threading.Lock()
#: Pool worker: when its initializer ran, i.e. when the process had finished starting.
_WORKER_READY_NS = None


class _TimedStart:
    """Mixed into the pool's Process class: records when the pool started each process.

    ``ProcessPoolExecutor`` creates its processes itself, lazily (all at the first ``submit``
    with fork, or one per ``submit`` while none is idle with spawn and forkserver on Python
    3.11+), through ``mp_context.Process``: a context whose Process is this subclass lets the main
    program note the moment each one was started, as the app's ``worker-spawn`` event.
    """

    def start(self):
        t = now_ns()
        super().start()
        with _POOL_SPAWNS_LOCK:
            _POOL_SPAWNS.append((t, self.pid))


def _timed_process_classes():
    """One timed Process class per start method, as module attributes: spawn and forkserver pickle
    the Process object, so its class must be found by name in the child."""
    classes = {}
    for method in multiprocessing.get_all_start_methods():
        base = multiprocessing.get_context(method).Process
        name = "_Timed%sProcess" % method.capitalize()
        cls = type(name, (_TimedStart, base), {"__module__": __name__, "__qualname__": name})
        globals()[name] = cls
        classes[method] = cls
    return classes


_TIMED_PROCESS = _timed_process_classes()


def timed_context(method):
    """The multiprocessing context of `method`, with `_TimedStart` processes."""
    base = multiprocessing.get_context(method)
    return type("_TimedContext", (type(base),), {"Process": _TIMED_PROCESS[method]})()


def pool_worker_started():
    """The pool's ``initializer``: runs once in each worker process as soon as it has started."""
    global _WORKER_READY_NS
    _WORKER_READY_NS = now_ns()


def pool_task(number, kind, duration_s, steps_per_ms):
    """What the pool runs: the task, plus when this worker process had finished starting."""
    report = run_task(number, kind, duration_s, steps_per_ms)
    report["readyNs"] = _WORKER_READY_NS
    return report


# --- The strategies ---------------------------------------------------------------------------------
#
# Each runs inside its own timed block, like the chapter's ``start = time.time()`` … ``end =
# time.time()``, and returns (start_ns, end_ns, items): items are (t_ns, event, extra) triples, the
# event without its times, `extra` its other times in ns (submittedNs, readyNs), for
# `strategy_events` to put in order and turn into milliseconds since the run began.


class Spec:
    """What a strategy needs: the config and the machinery."""

    def __init__(self, kind, tasks, workers, order, start_method, steps_per_ms):
        self.kind = kind
        self.tasks = tasks
        self.workers = workers
        self.order = order
        self.start_method = start_method
        self.steps_per_ms = steps_per_ms


def _start_event(strategy, report, worker, submitted_ns):
    event = {"type": "task-start", "strategy": strategy, "task": report["task"], "worker": worker}
    extra = {"submittedNs": submitted_ns}
    if report.get("readyNs") is not None:
        extra["readyNs"] = report["readyNs"]
    return (report["startNs"], event, extra)


def _end_event(strategy, report, worker, received_ns=None):
    if report.get("error") is not None:
        event = {"type": "task-error", "strategy": strategy, "task": report["task"], "worker": worker}
        event["message"] = report["error"]
        return (report["endNs"], event, {})
    event = {"type": "task-end", "strategy": strategy, "task": report["task"], "worker": worker}
    if report.get("cpuMs") is not None:
        event["cpuMs"] = report["cpuMs"]
    if received_ns is not None:
        event["returnMs"] = max(0, received_ns - report["endNs"]) / 1e6
    return (report["endNs"], event, {})


def run_sequential(spec):
    """``task(1); task(2)``: one after another, in this (already running) program: worker 1."""
    items = []
    start = now_ns()
    for number, duration in enumerate(spec.tasks, 1):
        submitted = now_ns()
        try:
            report = run_task(number, spec.kind, duration, spec.steps_per_ms)
        except Exception as error:  # noqa: BLE001 - a task that raises is recorded, as in the app
            report = {"task": number, "startNs": None, "endNs": now_ns(), "error": error_text(error)}
        if report.get("startNs") is not None:
            items.append(_start_event("sequential", report, 1, submitted))
        items.append(_end_event("sequential", report, 1))
        if report.get("error") is not None:
            break  # like the chapter's script: an exception stops the program's next calls
    return start, now_ns(), items


def run_processes(spec):
    """``Process(target=task, args=[n]).start()`` for each task in a loop, then ``join()`` each.

    Worker n is the nth process; its ``worker-spawn`` is the moment ``start()`` was called. Each
    process sends its times home on a queue (made before the timed block: it is instrumentation,
    not the chapter's code); the main program reads them all, then joins.
    """
    context = multiprocessing.get_context(spec.start_method)
    reports = context.Queue()
    items = []
    started = []  # (number, process, ns before start())
    start = now_ns()
    for number, duration in enumerate(spec.tasks, 1):
        process = context.Process(target=process_main, args=(number, spec.kind, duration, spec.steps_per_ms, reports))
        spawned = now_ns()
        process.start()
        started.append((number, process, spawned))
        items.append((spawned, {"type": "worker-spawn", "strategy": "processes", "worker": number}, {}))
    received = _collect(reports, started)
    for _, process, _ in started:
        process.join()
    end = now_ns()
    reports.close()
    for number, process, spawned in started:
        report, at = received.get(number, (None, None))
        if report is None:
            # It died without a word: no start is made up, its end is when that was noticed.
            message = "the process exited with code %s before reporting" % process.exitcode
            report = {"task": number, "startNs": None, "endNs": end, "error": message}
            items.append(_end_event("processes", report, number))
            continue
        if report.get("startNs") is not None:  # a task that raised says no start: none is made up
            items.append(_start_event("processes", report, number, spawned))
        items.append(_end_event("processes", report, number, at))
    return start, end, items


def _collect(reports, started):
    """Every report, with when it arrived; stops waiting once the processes that have not
    reported are all gone (their last words, if any, are in the pipe before they exit)."""
    received = {}
    missing = {number for number, _, _ in started}
    processes = {number: process for number, process, _ in started}
    while missing:
        try:
            report = reports.get(timeout=0.25)
        except queue.Empty:
            if any(processes[n].is_alive() for n in missing):
                continue
            try:
                report = reports.get(timeout=1.0)
            except queue.Empty:
                break
        received[report["task"]] = (report, now_ns())
        missing.discard(report["task"])
    return received


def run_pool(spec):
    """``with ProcessPoolExecutor(max_workers=N) as executor:`` inside the timed block, every task
    submitted in order, results taken ``as_completed`` (or in submission order, as
    ``executor.map`` gives them, for --order submitted).

    Workers are numbered in the order their process first started a task; ``worker-spawn`` is when
    the pool called ``Process.start()`` for it (seen through `_TimedStart`), ``readyMs`` when the
    worker's ``initializer`` ran (it had finished starting).
    """
    context = timed_context(spec.start_method)
    with _POOL_SPAWNS_LOCK:
        del _POOL_SPAWNS[:]
    submitted = {}
    outcomes = []  # (report, received_ns)
    results = []  # (number, received_ns): executor.map order only
    start = now_ns()
    with ProcessPoolExecutor(max_workers=spec.workers, mp_context=context, initializer=pool_worker_started) as executor:
        futures = {}
        for number, duration in enumerate(spec.tasks, 1):
            submitted[number] = now_ns()
            futures[executor.submit(pool_task, number, spec.kind, duration, spec.steps_per_ms)] = number
        # executor.map(f, xs) is exactly: submit each in order, then yield fs[0].result(),
        # fs[1].result(), … (Lib/concurrent/futures/_base.py); submitting ourselves gives each
        # task's own submit time.
        waiting = as_completed(futures) if spec.order == "completed" else list(futures)
        for future in waiting:
            number = futures[future]
            try:
                report = future.result()
            except Exception as error:  # noqa: BLE001 - the task raised, or the pool broke
                report = {"task": number, "startNs": None, "endNs": now_ns(), "error": error_text(error)}
            received = now_ns()
            outcomes.append((report, received))
            if spec.order == "submitted":
                results.append((number, received))
                say("Result of task %d received" % number)
    end = now_ns()

    with _POOL_SPAWNS_LOCK:
        spawns = list(_POOL_SPAWNS)
    # Worker numbers: the order in which each process first started a task, then any process the
    # pool started that never got one.
    workers = {}
    for report, _ in sorted((o for o in outcomes if o[0].get("startNs") is not None), key=lambda o: o[0]["startNs"]):
        workers.setdefault(report["pid"], len(workers) + 1)
    for _, pid in spawns:
        workers.setdefault(pid, len(workers) + 1)
    items = []
    spawned_pids = set()
    for at, pid in spawns:
        spawned_pids.add(pid)
        items.append((at, {"type": "worker-spawn", "strategy": "pool", "worker": workers[pid]}, {}))
    for report, received in outcomes:
        if report.get("startNs") is None:  # never ran (a broken pool): which worker is unknown
            items.append(_end_event("pool", report, 1))
            continue
        worker = workers[report["pid"]]
        if report["pid"] not in spawned_pids and report.get("readyNs") is not None:
            spawned_pids.add(report["pid"])  # not seen starting: its own start is the best we know
            items.append((report["readyNs"], {"type": "worker-spawn", "strategy": "pool", "worker": worker}, {}))
        items.append(_start_event("pool", report, worker, submitted[report["task"]]))
        items.append(_end_event("pool", report, worker, received))
    for number, received in results:
        items.append((received, {"type": "task-result", "strategy": "pool", "task": number}, {}))
    return start, end, items


def run_threads(spec):
    """``threading.Thread(target=task, args=[n])`` per task, all started, then all joined.

    One interpreter runs them all (one GIL), as the app's threads run on one event loop: worker 1.
    """
    reports = [None] * len(spec.tasks)

    def body(number, duration):
        try:
            reports[number - 1] = run_task(number, spec.kind, duration, spec.steps_per_ms)
        except Exception as error:  # noqa: BLE001 - recorded as the task's error
            reports[number - 1] = {"task": number, "startNs": None, "endNs": now_ns(), "error": error_text(error)}

    threads = []
    submitted = {}
    start = now_ns()
    for number, duration in enumerate(spec.tasks, 1):
        thread = threading.Thread(target=body, args=(number, duration))
        submitted[number] = now_ns()
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
    end = now_ns()
    items = []
    for report in reports:
        if report.get("startNs") is not None:
            items.append(_start_event("threads", report, 1, submitted[report["task"]]))
        items.append(_end_event("threads", report, 1))
    return start, end, items


STRATEGIES = {"sequential": run_sequential, "processes": run_processes, "pool": run_pool, "threads": run_threads}

#: How a strategy's line reads in the console before its tasks' lines.
HEADINGS = {
    "sequential": "task(1); task(2) … one after another",
    "processes": "one multiprocessing.Process per task: start() each, then join() each",
    "pool": "ProcessPoolExecutor(max_workers={workers}) + {order}",
    "threads": "one threading.Thread per task: start() each, then join() each",
}

#: Order of events that happened at the same nanosecond.
_RANK = {"worker-spawn": 1, "task-start": 2, "task-end": 3, "task-error": 3, "task-result": 4}


def strategy_events(strategy, start_ns, end_ns, items, run_start_ns, status):
    """A strategy's events in the order they happened, times in ms since the run began.

    Every time was read from the same clock (`now_ns`), so sorting by it is the real order, in
    whichever process it was read. A time outside the strategy's block could only come from the
    clock being set meanwhile: it is clamped into the block (and the run reports the clock jump).
    """

    def ms(t_ns):
        return (t_ns - run_start_ns) / 1e6

    ordered = sorted(enumerate(items), key=lambda e: (e[1][0], _RANK[e[1][1]["type"]], e[0]))
    events = [{"type": "strategy-start", "strategy": strategy, "tMs": ms(start_ns)}]
    for _, item in ordered:
        t_ns, event, extra = item
        fields = event
        event = {key: fields[key] for key in ("type", "strategy", "task", "worker") if key in fields}
        event["tMs"] = ms(min(max(t_ns, start_ns), end_ns))
        event.update((key, value) for key, value in fields.items() if key not in event)
        if "submittedNs" in extra:
            event["submittedMs"] = ms(extra["submittedNs"])
        if "readyNs" in extra:
            event["readyMs"] = ms(extra["readyNs"])
        events.append(event)
    events.append({"type": "strategy-end", "strategy": strategy, "tMs": ms(end_ns), "status": status})
    return events


# --- A run -----------------------------------------------------------------------------------------


class Config:
    """A run's setup, as the app's config (docs/run-file.md)."""

    def __init__(self, kind, tasks, strategies, workers, order="completed", repeat=1):
        self.kind = kind
        self.tasks = tasks
        self.strategies = strategies
        self.workers = workers
        self.order = order
        self.repeat = repeat

    def as_json(self):
        return {
            "kind": self.kind,
            "tasks": [int(d) if float(d).is_integer() else d for d in self.tasks],
            "strategies": list(self.strategies),
            "workers": self.workers,
            "order": self.order,
            "repeat": self.repeat,
            "fail": [],
            "predict": {},
        }


def python_label():
    """``CPython 3.11``: the implementation and its major.minor version."""
    major_minor = ".".join(platform.python_version().split(".")[:2])
    return "%s %s" % (platform.python_implementation(), major_minor)


def run_config(config, start_method, steps_per_ms=None, time_label="Execution Time"):
    """Runs every chosen strategy (canonical order, `repeat` times each) and returns the Run JSON."""
    if config.kind == "cpu" and steps_per_ms is None:
        steps_per_ms = calibrate_and_say()
    spec = Spec(config.kind, config.tasks, config.workers, config.order, start_method, steps_per_ms)
    created = datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")
    clock = ClockCheck()
    order = "as_completed" if config.order == "completed" else "results in executor.map order"
    events = []
    run_start = None
    for strategy in config.strategies:
        for rep in range(config.repeat):
            heading = HEADINGS[strategy].format(workers=config.workers, order=order)
            if config.repeat > 1:
                heading += " (run %d of %d)" % (rep + 1, config.repeat)
            say("--- %s: %s ---" % (strategy, heading))
            start, end, items = STRATEGIES[strategy](spec)
            if run_start is None:
                run_start = start
            status = "failed" if any(item[1]["type"] == "task-error" for item in items) else "done"
            events.extend(strategy_events(strategy, start, end, items, run_start, status))
            say("%s: %.2f seconds" % (time_label, (end - start) / 1e9))
    drift = clock.drift_ms()
    if drift > 5:
        say("Warning: the system clock was set during the run (by %.0f ms): the times may be off" % drift)
    python = {"version": platform.python_version(), "platform": sys.platform, "startMethod": start_method}
    return {
        "format": FORMAT,
        "version": VERSION,
        "source": {"kind": "cpython", "label": python_label(), "createdAt": created, "tool": TOOL},
        "config": config.as_json(),
        "environment": {"cores": os.cpu_count() or 1, "python": python},
        "status": "done",
        "events": events,
    }


def calibrate_and_say():
    steps_per_ms = calibrate()
    say("CPU calibration: %.0fk steps per ms (a pure-Python loop, fastest of 5 rounds)" % (steps_per_ms / 1000))
    return steps_per_ms


def to_text(run):
    """The file's text: readable, one event per line."""
    head = dict(run)
    events = head.pop("events")
    text = json.dumps(head, indent=2)
    lines = ",\n".join("    " + json.dumps(event) for event in events)
    return text[:-2] + ',\n  "events": [\n' + lines + "\n  ]\n}\n"


# --- The chapter's examples (as the app's presets: src/engine/presets.ts) --------------------------


class Example:
    def __init__(self, title, kind, tasks, strategies, workers, time_label, chapter_time=None):
        self.title = title
        self.kind = kind
        self.tasks = tasks
        self.strategies = strategies
        #: Pool size; None: as many as the machine has cores, as the app's preset.
        self.workers = workers
        self.time_label = time_label
        #: The time the chapter printed for it, if any.
        self.chapter_time = chapter_time


EXAMPLES = {
    1: Example("task(1); task(2)", "sleep", "1,1", ["sequential"], None, "Execution Time", "2.00 seconds"),
    2: Example("two Processes", "sleep", "1,1", ["processes"], None, "Execution Time", "1.02 seconds"),
    3: Example("five Processes in a loop", "sleep", "1*5", ["processes"], None, "For Loop Execution Time",
               "1.00 seconds"),
    4: Example("ProcessPool + as_completed", "sleep", "3,2,1", ["pool"], 3, "ProcessPool Execution Time",
               "3.00 seconds"),
    5: Example("CPU-bound: processes vs threads", "cpu", "1,1", ["sequential", "pool", "threads"], None,
               "Execution Time"),
}


def default_workers():
    """The app's default pool size: as many workers as the machine has cores (1–64)."""
    return min(MAX_WORKERS, max(1, os.cpu_count() or 1))


# --- Command line ----------------------------------------------------------------------------------


class Refused(Exception):
    """A bad argument: the message names it (as the app's alerts do) and says what to use."""


def _quote(text):
    return '"%s"' % (text if len(text) <= 40 else text[:40] + "…")


def _digits(text):
    return text.isascii() and text.isdigit()


def _decimal(text):
    """A plain decimal like 3, 0.5, .5 or 5. (no exponent, no inf or nan), as the app accepts."""
    body = text[1:] if text[:1] in ("+", "-") else text
    whole, _, fraction = body.partition(".")
    return (whole + fraction) != "" and all(_digits(p) for p in (whole, fraction) if p != "")


def parse_tasks(raw):
    """``3,2,1``, or with the app's shorthand ``0.5*4`` (four tasks of 0.5 s) and ``1,1*5``
    (a task of 1 s, then five more): seconds per task. Limits: 1–1000 tasks, each > 0 and ≤ 60 s."""
    label = "Task durations (s)"
    text = raw.strip()
    if text == "":
        raise Refused("%s: enter at least one duration in seconds, like 3,2,1" % label)
    durations = []
    for part in (p.strip() for p in text.split(",")):
        if part == "":
            where = "task %d" % (len(durations) + 1)
            raise Refused("%s: %s is empty; use seconds separated by commas, like 3,2,1" % (label, where))
        pieces = [p.strip() for p in part.split("*")]
        if len(pieces) > 2:
            raise Refused("%s: %s has more than one *; write seconds*count like 1*5" % (label, _quote(part)))
        if not _decimal(pieces[0]):
            hint = "use seconds like 3,2,1, or 0.5*4 for four tasks of 0.5 s"
            raise Refused("%s: %s is not a number; %s" % (label, _quote(part), hint))
        seconds = float(pieces[0])
        if not seconds > 0:
            raise Refused("%s: %s must be more than 0 s; use seconds like 3,2,1" % (label, _quote(part)))
        if seconds > MAX_DURATION_S:
            limit = "each task may last up to %g s" % MAX_DURATION_S
            raise Refused("%s: %s is more than %g s; %s" % (label, _quote(part), MAX_DURATION_S, limit))
        times = 1
        if len(pieces) == 2:
            if not _digits(pieces[1]) or int(pieces[1]) < 1:
                rule = "the count after * must be a whole number of 1 or more, like 1*5"
                raise Refused("%s: %s: %s" % (label, _quote(part), rule))
            times = int(pieces[1])
        if len(durations) + times > MAX_TASKS:
            limit = "use 1 to %d tasks" % MAX_TASKS
            raise Refused("%s: %s makes more than %d tasks; %s" % (label, _quote(text), MAX_TASKS, limit))
        durations.extend([seconds] * times)
    return durations


def parse_strategies(values):
    """Comma-separated names (from every --strategy and --strategies), in the app's canonical order."""
    names = [n.strip() for value in values for n in value.split(",") if n.strip() != ""]
    if not names:
        raise Refused("Strategies: choose at least one strategy")
    for name in names:
        if name not in STRATEGY_NAMES:
            choices = ", ".join(STRATEGY_NAMES)
            raise Refused("Strategies: %s is not a strategy; choose from %s" % (_quote(name), choices))
        if names.count(name) > 1:
            raise Refused('Strategies: "%s" is listed twice; list each strategy once' % name)
    return [s for s in STRATEGY_NAMES if s in names]


def parse_whole(raw, label, low, high, what):
    text = raw.strip().lstrip("+")
    if not _digits(text) or not low <= int(text) <= high:
        rule = "use a whole number %s from %d to %d" % (what, low, high)
        raise Refused("%s: %s is not allowed; %s" % (label, _quote(raw), rule))
    return int(text)


def build_parser():
    methods = multiprocessing.get_all_start_methods()
    parser = argparse.ArgumentParser(
        prog="trace_chapter.py",
        description="Run the multiprocessing chapter's examples, or a config of your own, with the real CPython "
        "and write a Parallel Playground Run JSON file to open with Import run in the app. The chapter's lines "
        "(Task 1 started, ...) are printed on stderr as it runs.",
        epilog="Examples: --example 4 -o example-4.json | --chapter runs | "
        "--kind sleep --tasks 3,2,1 --strategy pool --workers 3 -o run.json | "
        "--kind cpu --tasks 1*4 --strategies sequential,pool,threads --workers 2 -o cpu.json",
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--example", type=int, metavar="N", help="run the chapter's example N (1-5), as preset N")
    which.add_argument("--chapter", metavar="DIR", help="run all five examples: DIR/example-1.json … example-5.json")
    parser.add_argument("--kind", help="sleep (time.sleep) or cpu (a pure-Python loop); default sleep")
    parser.add_argument("--tasks", help="durations in seconds: 3,2,1, or 0.5*4 for four tasks of 0.5 s; default 1,1")
    names = "sequential, processes, pool or threads"
    parser.add_argument("--strategy", action="append", default=[], metavar="NAME", help=names)
    parser.add_argument("--strategies", action="append", default=[], metavar="LIST", help="comma-separated names")
    parser.add_argument("--workers", help="pool size, 1-64; default the number of cores (%d here)" % default_workers())
    parser.add_argument("--order", help="completed (as_completed, the default) or submitted (executor.map's order)")
    parser.add_argument("--repeat", help="runs of each strategy, 1-20; default 1")
    parser.add_argument(
        "--start-method",
        help="multiprocessing start method: %s; default %s" % (", ".join(methods), multiprocessing.get_start_method()),
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="where to write the Run JSON; default stdout")
    return parser


def runs_from(args):
    """[(heading or None, config, time label, what the chapter printed or None)] to run, or Refused."""
    workers = None
    if args.workers is not None:
        workers = parse_whole(args.workers, "Pool workers", 1, MAX_WORKERS, "of workers")
    order = "completed" if args.order is None else args.order.strip()
    if order not in ORDERS:
        choices = "choose completed (as_completed) or submitted (executor.map)"
        raise Refused("Results order: %s is not an order; %s" % (_quote(args.order), choices))
    repeat = 1 if args.repeat is None else parse_whole(args.repeat, "Repeat", 1, MAX_REPEAT, "of runs")
    if args.example is not None or args.chapter is not None:
        given = [name for name, value in (("--kind", args.kind), ("--tasks", args.tasks)) if value is not None]
        given += ["--strategy"] if args.strategy or args.strategies else []
        if given:
            allowed = "use only --workers, --order, --repeat, --start-method or -o with it"
            raise Refused("%s: an example has its own; %s" % (", ".join(given), allowed))
        if args.example is not None and args.example not in EXAMPLES:
            raise Refused("Example: %d is not one of the chapter's examples; choose 1 to 5" % args.example)
        runs = []
        for n in [args.example] if args.example is not None else sorted(EXAMPLES):
            ex = EXAMPLES[n]
            size = workers or ex.workers or default_workers()
            config = Config(ex.kind, parse_tasks(ex.tasks), list(ex.strategies), size, order, repeat)
            printed = None if ex.chapter_time is None else "%s: %s" % (ex.time_label, ex.chapter_time)
            runs.append(("Example %d · %s" % (n, ex.title), config, ex.time_label, printed))
        return runs
    kind = "sleep" if args.kind is None else args.kind.strip()
    if kind not in KINDS:
        raise Refused("Task kind: %s is not a task kind; choose sleep or cpu" % _quote(args.kind))
    tasks = parse_tasks("1,1" if args.tasks is None else args.tasks)
    chosen = args.strategy + args.strategies
    strategies = parse_strategies(chosen if chosen else ["sequential,processes,pool"])
    config = Config(kind, tasks, strategies, workers or default_workers(), order, repeat)
    return [(None, config, "Execution Time", None)]


def check_paths(args):
    if args.chapter is not None and args.output is not None:
        raise Refused("-o: --chapter writes DIR/example-N.json itself; leave -o out")
    folder = os.path.dirname(args.output) if args.output is not None else ""
    if folder and not os.path.isdir(folder):
        raise Refused("-o: the folder of %s does not exist" % _quote(args.output))


def write(text, path):
    if path is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)
        say("Wrote %s: open it with Import run in Parallel Playground" % path)


def main(argv=None):
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        runs = runs_from(args)
        for _, config, _, _ in runs:
            if "processes" in config.strategies and len(config.tasks) > MAX_PROCESSES:
                raise Refused(
                    "Strategies: processes starts one process per task at once, and %d is more than the %d this "
                    "script starts; use pool for many tasks" % (len(config.tasks), MAX_PROCESSES)
                )
        methods = multiprocessing.get_all_start_methods()
        method = multiprocessing.get_start_method() if args.start_method is None else args.start_method.strip()
        if method not in methods:
            raise Refused("Start method: %s is not available here; choose %s" % (_quote(method), ", ".join(methods)))
        check_paths(args)
    except Refused as refused:
        parser.error(str(refused))  # exits with status 2: the usage, then the message, on stderr
    say("%s, start method %s, %d cores" % (python_label(), method, os.cpu_count() or 1))
    steps_per_ms = calibrate_and_say() if any(config.kind == "cpu" for _, config, _, _ in runs) else None
    try:
        if args.chapter is not None:
            os.makedirs(args.chapter, exist_ok=True)
        for heading, config, time_label, chapter_printed in runs:
            if heading is not None:
                say("=== %s ===" % heading)
            run = run_config(config, method, steps_per_ms, time_label)
            if chapter_printed is not None:
                say("(The chapter printed: %s)" % chapter_printed)
            if args.chapter is not None:
                write(to_text(run), os.path.join(args.chapter, "example-%s.json" % heading.split()[1]))
            else:
                write(to_text(run), args.output)
    except KeyboardInterrupt:
        say("Interrupted: the run did not finish, and no file was written for it")
        return 130
    return 0


if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
