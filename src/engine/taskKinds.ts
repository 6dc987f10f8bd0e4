/**
 * The one registry of task kinds, engine side: everything the page knows about a kind lives here,
 * and the types, the URL check, the protocol's kind codes, the controls, the ideal model and the
 * Python all derive from it. What a kind does inside a Worker lives beside it, one file per kind:
 * `src/workers/workloads/<kind>.ts`, collected in a `Record<TaskKind, Workload>` there.
 *
 * Adding a kind: its name in {@link TASK_KINDS} and its entry in {@link TASK_KIND_SPECS}, one
 * workload file, tests. The compiler then points at every place that must learn about it (maps
 * keyed by every `TaskKind` are type errors until the kind is in them).
 */

/** Every kind, in the order the `Task kind` control lists them. The first is the default. */
export const TASK_KINDS = ['sleep', 'cpu'] as const;

/** What a task does: wait on a timer (I/O-like) or compute (CPU-bound). */
export type TaskKind = (typeof TASK_KINDS)[number];

export interface TaskKindSpec {
  /** The option's text in the `Task kind` control. */
  readonly label: string;
  /** A word for sentences ("sleeping tasks", "CPU tasks"). */
  readonly adjective: string;
  /**
   * Whether a task of this kind keeps a core busy while it runs. The ideal model then lets no more
   * of them run at once than there are cores (one at a time on the threads analog's event loop,
   * like the GIL), the views mark lanes beyond the cores, and large runs redraw less often so
   * drawing does not take a core from them.
   */
  readonly needsCore: boolean;
  /**
   * Whether a task's duration is turned into an amount of work at a rate measured in a Worker
   * first (calibration), and checked afterwards against that rate (the CPU self-check).
   */
  readonly calibrated: boolean;
  /** The Python `task(sr_no, seconds)` this kind mirrors, as printed in the code pane. */
  readonly pythonTask: string;
  /** Module-level Python lines `pythonTask` needs (after the imports). */
  readonly pythonConstants: readonly string[];
}

export const TASK_KIND_SPECS: { readonly [K in TaskKind]: TaskKindSpec } = {
  sleep: {
    label: 'sleep (wait)',
    adjective: 'sleeping',
    needsCore: false,
    calibrated: false,
    pythonTask: `def task(sr_no, seconds):
    print(f"Task {sr_no} started")
    time.sleep(seconds)              # waits: no CPU used
    print(f"Task {sr_no} completed")`,
    pythonConstants: [],
  },
  cpu: {
    label: 'cpu (compute)',
    adjective: 'CPU',
    needsCore: true,
    calibrated: true,
    pythonTask: `def task(sr_no, seconds):
    print(f"Task {sr_no} started")
    x = 0
    for i in range(int(seconds * STEPS_PER_SECOND)):  # computes: needs a core
        x = (x * 31 + i) % 1_000_003
    print(f"Task {sr_no} completed")`,
    pythonConstants: ['STEPS_PER_SECOND = 10_000_000  # calibrate for your machine'],
  },
};

/** The registry entry of `kind`. */
export function taskKind(kind: TaskKind): TaskKindSpec {
  return TASK_KIND_SPECS[kind];
}

export function isTaskKind(text: string): text is TaskKind {
  return (TASK_KINDS as readonly string[]).includes(text);
}

/** How many tasks of `kind` can make progress at once on `cores` cores (the ideal model's cap). */
export function concurrencyCap(kind: TaskKind, cores: number): number {
  return taskKind(kind).needsCore ? Math.max(1, cores) : Infinity;
}

/** The kinds' names as a sentence for error messages: "sleep or cpu". */
export function kindChoices(): string {
  const names = [...TASK_KINDS];
  const last = names.pop() ?? '';
  return names.length > 0 ? `${names.join(', ')} or ${last}` : last;
}
