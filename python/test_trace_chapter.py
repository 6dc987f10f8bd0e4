"""Tests of trace_chapter.py: it is run as a teacher runs it (a subprocess), and the Run JSON it
writes is checked against docs/run.schema.json, the event rules of docs/run-file.md, and what was
measured (each task lasts its duration; sequential adds up; a pool overlaps; example 4 completes
in the order 3, 2, 1 in about 3 s).

    python3 -m unittest discover -s python -v

Standard library only. Timing tolerances are generous: CI machines have 2 busy cores.
"""

import ast
import json
import multiprocessing
import os
import platform
import subprocess
import sys
import tempfile
import unittest
from datetime import datetime

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "trace_chapter.py")
SCHEMA = os.path.join(HERE, "..", "docs", "run.schema.json")

sys.path.insert(0, HERE)
import trace_chapter  # noqa: E402  (guarded by __name__ == "__main__": importing runs nothing)

#: A sleeping task lasts at least its duration (less a clock's rounding) and at most this much more.
LATE_S = 0.2


def trace(*args, timeout=120):
    """Runs trace_chapter.py with `args`: (exit code, stdout, stderr)."""
    done = subprocess.run(
        [sys.executable, SCRIPT] + list(args), capture_output=True, text=True, timeout=timeout, cwd=HERE
    )
    return done.returncode, done.stdout, done.stderr


# --- A JSON Schema check, for the keywords docs/run.schema.json uses ------------------------------

KNOWN = {
    "title", "$schema", "description", "type", "const", "enum", "minimum", "maximum", "exclusiveMinimum",
    "minLength", "maxLength", "minItems", "required", "properties", "additionalProperties", "propertyNames",
    "items", "oneOf",
}  # fmt: skip


def _is_type(value, name):
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    return {
        "object": isinstance(value, dict),
        "array": isinstance(value, list),
        "string": isinstance(value, str),
        "boolean": isinstance(value, bool),
        "number": number,
        "integer": number and float(value).is_integer(),
    }[name]


def schema_errors(value, schema, path="file"):
    """What is wrong with `value` under `schema` (a list of sentences; empty when it conforms).
    A keyword this checker does not know fails loudly, so that the schema cannot outgrow it."""
    unknown = set(schema) - KNOWN
    if unknown:
        raise AssertionError("%s: schema keywords this test does not check: %s" % (path, sorted(unknown)))
    if "oneOf" in schema:
        matching = [s for s in schema["oneOf"] if not schema_errors(value, s, path)]
        return [] if len(matching) == 1 else ["%s: matches %d of oneOf" % (path, len(matching))]
    if "type" in schema and not _is_type(value, schema["type"]):
        return ["%s: %r is not of type %s" % (path, value, schema["type"])]
    errors = []
    if "const" in schema and value != schema["const"]:
        errors.append("%s: %r is not %r" % (path, value, schema["const"]))
    if "enum" in schema and value not in schema["enum"]:
        errors.append("%s: %r is not one of %r" % (path, value, schema["enum"]))
    if "minimum" in schema and value < schema["minimum"]:
        errors.append("%s: %r < %r" % (path, value, schema["minimum"]))
    if "maximum" in schema and value > schema["maximum"]:
        errors.append("%s: %r > %r" % (path, value, schema["maximum"]))
    if "exclusiveMinimum" in schema and not value > schema["exclusiveMinimum"]:
        errors.append("%s: %r <= %r" % (path, value, schema["exclusiveMinimum"]))
    if "minLength" in schema and len(value) < schema["minLength"]:
        errors.append("%s: shorter than %d" % (path, schema["minLength"]))
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        errors.append("%s: longer than %d" % (path, schema["maxLength"]))
    if "minItems" in schema and len(value) < schema["minItems"]:
        errors.append("%s: fewer than %d items" % (path, schema["minItems"]))
    if "items" in schema:
        for i, item in enumerate(value):
            errors += schema_errors(item, schema["items"], "%s[%d]" % (path, i))
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        errors += ["%s: %s is missing" % (path, key) for key in schema.get("required", []) if key not in value]
        for key, item in value.items():
            where = "%s.%s" % (path, key)
            if "propertyNames" in schema:
                errors += schema_errors(key, schema["propertyNames"], where)
            if key in properties:
                errors += schema_errors(item, properties[key], where)
            elif schema.get("additionalProperties") is False:
                errors.append("%s: not allowed" % where)
            elif isinstance(schema.get("additionalProperties"), dict):
                errors += schema_errors(item, schema["additionalProperties"], where)
    return errors


with open(SCHEMA, encoding="utf-8") as _file:
    RUN_SCHEMA = json.load(_file)


# --- What every file must be ----------------------------------------------------------------------


class Block:
    """One strategy run: its events between its strategy-start and strategy-end."""

    def __init__(self, strategy, events):
        self.strategy = strategy
        self.events = events
        self.wall_s = (events[-1]["tMs"] - events[0]["tMs"]) / 1000
        self.starts = {e["task"]: e for e in events if e["type"] == "task-start"}
        self.ends = {e["task"]: e for e in events if e["type"] == "task-end"}

    def took_s(self, task):
        return (self.ends[task]["tMs"] - self.starts[task]["tMs"]) / 1000

    def completion_order(self):
        return [e["task"] for e in self.events if e["type"] == "task-end"]


class RunFileCase(unittest.TestCase):
    def check_run(self, run, start_method=None):
        """The file conforms to the schema and the event rules; returns its strategy blocks."""
        self.assertEqual(schema_errors(run, RUN_SCHEMA), [])
        self.assertEqual((run["format"], run["version"], run["status"]), ("parallel-playground-run", 1, "done"))
        major_minor = "%d.%d" % sys.version_info[:2]
        self.assertEqual(run["source"]["label"], "%s %s" % (platform.python_implementation(), major_minor))
        self.assertEqual((run["source"]["kind"], run["source"]["tool"]), ("cpython", "trace_chapter.py"))
        datetime.strptime(run["source"]["createdAt"], "%Y-%m-%dT%H:%M:%SZ")
        self.assertEqual(run["environment"]["cores"], os.cpu_count())
        python = run["environment"]["python"]
        self.assertEqual((python["version"], python["platform"]), (platform.python_version(), sys.platform))
        self.assertEqual(python["startMethod"], start_method or multiprocessing.get_start_method())
        config = run["config"]
        self.assertTrue(1 <= len(config["tasks"]) <= 1000 and all(0 < d <= 60 for d in config["tasks"]))
        self.assertTrue(1 <= config["workers"] <= 64)

        events = run["events"]
        self.assertEqual((events[0]["type"], events[0]["tMs"]), ("strategy-start", 0))
        times = [e["tMs"] for e in events]
        self.assertEqual(times, sorted(times), "events are in the order they happened")
        blocks = []
        current = None
        for event in events:
            if event["type"] == "strategy-start":
                self.assertIsNone(current, "a strategy starts only after the previous one ended")
                current = [event]
                continue
            self.assertIsNotNone(current, "%s outside any strategy" % event)
            self.assertEqual(event["strategy"], current[0]["strategy"])
            current.append(event)
            if event["type"] == "strategy-end":
                blocks.append(Block(event["strategy"], current))
                current = None
        self.assertIsNone(current, "the last strategy ended")
        expected = [s for s in config["strategies"] for _ in range(config["repeat"])]
        self.assertEqual([b.strategy for b in blocks], expected)
        n = len(config["tasks"])
        for block in blocks:
            self.assertEqual(block.events[-1]["status"], "done")
            for kind in ("task-start", "task-end"):
                tasks = sorted(e["task"] for e in block.events if e["type"] == kind)
                self.assertEqual(tasks, list(range(1, n + 1)), "%s: every task has one %s" % (block.strategy, kind))
            for task in range(1, n + 1):
                start, end = block.starts[task], block.ends[task]
                self.assertEqual(start["worker"], end["worker"])
                self.assertLess(block.events.index(start), block.events.index(end))
                self.assertLessEqual(start["submittedMs"], start["tMs"])
                if "readyMs" in start:
                    self.assertLessEqual(start["readyMs"], start["tMs"])
            spawned = [e["worker"] for e in block.events if e["type"] == "worker-spawn"]
            self.assertEqual(len(spawned), len(set(spawned)), "one spawn per worker")
            workers = {e["worker"] for e in block.events if e["type"] == "task-start"}
            self.assertTrue(workers <= set(spawned) or block.strategy in ("sequential", "threads"))
            if block.strategy in ("sequential", "threads"):
                self.assertEqual((workers, spawned), ({1}, []))
            if block.strategy == "processes":
                self.assertEqual(sorted(spawned), list(range(1, n + 1)))
                for task in range(1, n + 1):
                    self.assertEqual(block.starts[task]["worker"], task, "worker n is the nth process")
            if block.strategy == "pool":
                self.assertLessEqual(max(workers), config["workers"])
                self.assertEqual(sorted(workers), list(range(1, len(workers) + 1)))
        return blocks

    def check_sleep_durations(self, blocks, tasks):
        for block in blocks:
            for task, d in enumerate(tasks, 1):
                took = block.took_s(task)
                self.assertGreaterEqual(took, d - 0.002, "%s task %d" % (block.strategy, task))
                self.assertLess(took, d + LATE_S, "%s task %d" % (block.strategy, task))


class SleepRuns(RunFileCase):
    def test_all_four_strategies(self):
        code, out, err = trace(
            *("--kind", "sleep", "--tasks", "0.4,0.3", "--workers", "2"),
            *("--strategies", "sequential,processes,pool,threads"),
        )
        self.assertEqual(code, 0, err)
        run = json.loads(out)
        self.assertEqual(run["config"]["tasks"], [0.4, 0.3])
        blocks = self.check_run(run)
        self.check_sleep_durations(blocks, [0.4, 0.3])
        wall = {b.strategy: b.wall_s for b in blocks}
        # Sequential adds the tasks up; the others overlap them: about the longest.
        self.assertGreaterEqual(wall["sequential"], 0.7 - 0.002)
        self.assertLess(wall["sequential"], 0.7 + LATE_S)
        for name in ("processes", "pool", "threads"):
            self.assertGreaterEqual(wall[name], 0.4 - 0.002, name)
            self.assertLess(wall[name], 0.6, name)
        sequential = blocks[0]
        self.assertGreaterEqual(sequential.starts[2]["tMs"], sequential.ends[1]["tMs"], "task 2 waits for task 1")
        # The chapter's lines, as they happened, under a heading per strategy.
        lines = err.splitlines()
        self.assertEqual(lines.count("Task 1 started"), 4)
        self.assertEqual(len([line for line in lines if line.startswith("Execution Time: ")]), 4)
        headings = [i for i, line in enumerate(lines) if line.startswith("--- ")]
        self.assertEqual([lines[i].split(":")[0] for i in headings], ["--- " + b.strategy for b in blocks])
        sequential_lines, processes_lines = lines[headings[0] : headings[1]], lines[headings[1] : headings[2]]
        self.assertLess(sequential_lines.index("Task 1 completed"), sequential_lines.index("Task 2 started"))
        self.assertLess(processes_lines.index("Task 2 started"), processes_lines.index("Task 1 completed"))

    def test_output_file_and_submitted_order(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "run.json")
            code, out, err = trace(
                "--tasks", "0.3,0.1", "--strategy", "pool", "--workers", "2", "--order", "submitted", "-o", path
            )
            self.assertEqual(code, 0, err)
            self.assertEqual(out, "", "with -o nothing goes to stdout")
            with open(path, encoding="utf-8") as file:
                run = json.load(file)
        self.assertEqual(run["config"]["order"], "submitted")
        (pool,) = self.check_run(run)
        self.check_sleep_durations([pool], [0.3, 0.1])
        # executor.map's order: task 2 (0.1 s) ends first, but its result waits for task 1's.
        self.assertEqual(pool.completion_order(), [2, 1])
        results = [e for e in pool.events if e["type"] == "task-result"]
        self.assertEqual([e["task"] for e in results], [1, 2])
        self.assertGreaterEqual(results[1]["tMs"], pool.ends[1]["tMs"])

    def test_many_tasks_none_lost(self):
        code, out, err = trace("--tasks", "0.05*12", "--strategies", "processes,pool", "--workers", "3")
        self.assertEqual(code, 0, err)
        run = json.loads(out)
        self.assertEqual(run["config"]["tasks"], [0.05] * 12)
        processes, pool = self.check_run(run)
        self.assertEqual(len(processes.ends), 12)
        self.assertEqual(len(pool.ends), 12)
        self.assertEqual(len({e["worker"] for e in pool.events if e["type"] == "task-start"}), 3)

    def test_other_start_methods(self):
        for method in [m for m in ("spawn", "forkserver") if m in multiprocessing.get_all_start_methods()]:
            with self.subTest(method=method):
                code, out, err = trace(
                    "--tasks", "0.1,0.1", "--strategies", "processes,pool", "--workers", "2", "--start-method", method
                )
                self.assertEqual(code, 0, err)
                blocks = self.check_run(json.loads(out), start_method=method)
                self.check_sleep_durations(blocks, [0.1, 0.1])
                for block in blocks:
                    spawns = {e["worker"]: e["tMs"] for e in block.events if e["type"] == "worker-spawn"}
                    for start in block.starts.values():
                        # A new interpreter starts between the spawn and the worker being ready.
                        self.assertGreater(start["readyMs"], spawns[start["worker"]])


class Examples(RunFileCase):
    def test_example_4_completes_3_2_1_in_about_3_seconds(self):
        code, out, err = trace("--example", "4")
        self.assertEqual(code, 0, err)
        run = json.loads(out)
        self.assertEqual((run["config"]["tasks"], run["config"]["strategies"]), ([3, 2, 1], ["pool"]))
        self.assertEqual(run["config"]["workers"], 3)
        (pool,) = self.check_run(run)
        self.check_sleep_durations([pool], [3, 2, 1])
        self.assertEqual(pool.completion_order(), [3, 2, 1], "the task that finishes first is returned first")
        self.assertGreaterEqual(pool.wall_s, 3.0)
        self.assertLess(pool.wall_s, 3.5)
        self.assertEqual(len({s["worker"] for s in pool.starts.values()}), 3)
        lines = err.splitlines()
        done = [lines.index("Task %d completed" % n) for n in (3, 2, 1)]
        self.assertEqual(done, sorted(done))
        self.assertTrue(any(line.startswith("ProcessPool Execution Time: 3.") for line in lines), err)

    def test_chapter_writes_all_five(self):
        with tempfile.TemporaryDirectory() as folder:
            code, out, err = trace("--chapter", folder)
            self.assertEqual(code, 0, err)
            self.assertEqual(out, "")
            self.assertEqual(sorted(os.listdir(folder)), ["example-%d.json" % n for n in range(1, 6)])
            runs = {}
            for n in range(1, 6):
                with open(os.path.join(folder, "example-%d.json" % n), encoding="utf-8") as file:
                    runs[n] = json.load(file)
        blocks = {n: self.check_run(run) for n, run in runs.items()}
        (one,) = blocks[1]
        self.assertEqual(one.strategy, "sequential")
        self.assertTrue(2.0 - 0.002 <= one.wall_s < 2.0 + LATE_S, one.wall_s)
        (two,) = blocks[2]
        self.assertEqual((two.strategy, len(two.starts)), ("processes", 2))
        self.assertTrue(1.0 <= two.wall_s < 1.5, two.wall_s)
        (three,) = blocks[3]
        self.assertEqual((three.strategy, len(three.starts)), ("processes", 5))
        self.assertTrue(1.0 <= three.wall_s < 1.6, three.wall_s)
        for block in (two, three):  # every process started before any completed
            self.assertLess(max(s["tMs"] for s in block.starts.values()), min(e["tMs"] for e in block.ends.values()))
        (four,) = blocks[4]
        self.assertEqual(four.completion_order(), [3, 2, 1])
        self.assertEqual(runs[5]["config"]["kind"], "cpu")
        self.assertEqual([b.strategy for b in blocks[5]], ["sequential", "pool", "threads"])
        self.assertIn("For Loop Execution Time: 1.", err)


class CpuRuns(RunFileCase):
    def test_cpu_tasks_compute_for_their_duration(self):
        code, out, err = trace(
            "--kind", "cpu", "--tasks", "0.25,0.25", "--strategies", "sequential,pool,threads", "--workers", "2"
        )
        self.assertEqual(code, 0, err)
        run = json.loads(out)
        sequential, pool, threads = self.check_run(run)
        for block in (sequential, pool, threads):
            for end in block.ends.values():
                # Computing time, measured in the thread that computed, matches the calibration.
                self.assertGreater(end["cpuMs"], 250 * 0.6, block.strategy)
                self.assertLess(end["cpuMs"], 250 * 1.6, block.strategy)
        for task in (1, 2):
            self.assertGreater(sequential.took_s(task), 0.25 * 0.6)
        # Threads share one interpreter lock: the computing takes turns, no faster than sequential.
        self.assertGreater(threads.wall_s, 0.5 * 0.75)
        self.assertGreater(sequential.wall_s, 0.5 * 0.75)
        self.assertIn("CPU calibration", err)


class Arguments(unittest.TestCase):
    def test_shorthand(self):
        self.assertEqual(trace_chapter.parse_tasks("0.5*4"), [0.5] * 4)
        self.assertEqual(trace_chapter.parse_tasks("1,1*5"), [1.0] * 6)
        self.assertEqual(trace_chapter.parse_tasks(" 3 * 2 , .5 "), [3.0, 3.0, 0.5])
        self.assertEqual(len(trace_chapter.parse_tasks("0.01*1000")), 1000)

    def test_shorthand_end_to_end(self):
        code, out, err = trace("--tasks", "0.05*3,0.1", "--strategies", "sequential,threads")
        self.assertEqual(code, 0, err)
        run = json.loads(out)
        self.assertEqual(run["config"]["tasks"], [0.05, 0.05, 0.05, 0.1])
        blocks = RunFileCase.check_run(self, run)
        RunFileCase.check_sleep_durations(self, blocks, [0.05, 0.05, 0.05, 0.1])

    def test_bad_arguments_exit_non_zero_with_a_message(self):
        cases = [
            (["--tasks", "abc"], 'Task durations (s): "abc" is not a number'),
            (["--tasks", "0"], "must be more than 0 s"),
            (["--tasks", "61"], "each task may last up to 60 s"),
            (["--tasks", "1,,2"], "task 2 is empty"),
            (["--tasks", "0.1*1001"], "use 1 to 1000 tasks"),
            (["--tasks", "1*0"], "the count after * must be a whole number of 1 or more"),
            (["--tasks", "1e3"], "is not a number"),
            (["--workers", "0"], "Pool workers"),
            (["--workers", "65"], "from 1 to 64"),
            (["--kind", "gpu"], "Task kind"),
            (["--strategy", "fibers"], 'Strategies: "fibers" is not a strategy'),
            (["--strategies", "pool,pool"], "listed twice"),
            (["--order", "random"], "Results order"),
            (["--repeat", "21"], "Repeat"),
            (["--example", "6"], "choose 1 to 5"),
            (["--example", "4", "--tasks", "1"], "an example has its own"),
            (["--start-method", "teleport"], "Start method"),
            (["--tasks", "0.1*65", "--strategy", "processes"], "use pool for many tasks"),
            (["-o", os.path.join(HERE, "no-such-folder", "run.json")], "does not exist"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                code, out, err = trace(*args)
                self.assertNotEqual(code, 0)
                self.assertIn(message, err)
                self.assertEqual(out, "", "nothing is written")

    def test_runs_on_python_3_9(self):
        for path in (SCRIPT, os.path.abspath(__file__)):
            with open(path, encoding="utf-8") as file:
                ast.parse(file.read(), filename=path, feature_version=(3, 9))


if __name__ == "__main__":
    unittest.main()
