import type { Preset } from './presets';
import { taskKind } from './taskKinds';
import type { RunConfig, StrategyName } from './types';

/** The chapter's own code for its examples (lines the chapter's page lost are restored and marked). */
export const CHAPTER_CODE: Record<string, string> = {
  sequential: `import time
def task(sr_no):
    print(f"Task {sr_no} started")
    time.sleep(1)
    print(f"Task {sr_no} completed")
start = time.time()
task(1) # task 1
task(2) # task 2
end = time.time()
print(f"Execution Time: {end - start:.2f} seconds")`,
  'two-processes': `import multiprocessing
start = time.time()
process1 = multiprocessing.Process(target=task, args=[1])
process2 = multiprocessing.Process(target=task, args=[2])
process1.start()
process2.start()
process1.join()
process2.join()
end = time.time()
print(f"Execution Time: {end - start:.2f} seconds")`,
  'five-processes': `processes = []
start = time.time()
for i in range(5):
    process = multiprocessing.Process(target=task, args=[i])
    processes.append(process)
    process.start()
for process in processes:
    process.join()
end = time.time()
print(f"For Loop Execution Time: {end - start:.2f} seconds")`,
  pool: `from concurrent.futures import ProcessPoolExecutor, as_completed
def task_new (sleep_time):
    print(f"Sleeping for {sleep_time} seconds...")
    time.sleep(sleep_time)
    print(f"Done sleeping for {sleep_time} seconds...")
sleep_times = [3, 2, 1]
start = time.time()  # (restored: the chapter's page lost this line)
with ProcessPoolExecutor() as executor:
    futures = [executor.submit(task_new, t) for t in sleep_times]  # (restored)
    for f in as_completed(futures):
        f.result()
end = time.time()
print(f"ProcessPool Execution Time: {end - start:.2f} seconds")`,
};

function pyList(values: readonly number[]): string {
  return `[${values.map((v) => String(v)).join(', ')}]`;
}

function block(name: StrategyName, config: RunConfig): string {
  const timed = (body: string, label: string): string =>
    `start = time.time()\n${body}\nprint(f"[${label}] Execution Time: {time.time() - start:.2f} seconds")`;
  switch (name) {
    case 'sequential':
      return timed(`for sr_no, seconds in enumerate(DURATIONS, 1):\n    task(sr_no, seconds)`, 'sequential');
    case 'processes':
      return timed(
        `processes = [multiprocessing.Process(target=task, args=[n, s]) for n, s in enumerate(DURATIONS, 1)]
for p in processes:
    p.start()
for p in processes:
    p.join()`,
        'processes',
      );
    case 'pool': {
      const collect =
        config.order === 'submitted'
          ? `    for result in executor.map(task, range(1, len(DURATIONS) + 1), DURATIONS):  # submission order
        pass`
          : `    futures = [executor.submit(task, n, s) for n, s in enumerate(DURATIONS, 1)]
    for f in as_completed(futures):  # completion order
        f.result()`;
      return timed(`with ProcessPoolExecutor(max_workers=${config.workers}) as executor:\n${collect}`, 'pool');
    }
    case 'threads':
      return timed(
        `threads = [threading.Thread(target=task, args=[n, s]) for n, s in enumerate(DURATIONS, 1)]
for t in threads:
    t.start()
for t in threads:
    t.join()`,
        'threads',
      );
  }
}

/**
 * Python for what the page is set to run: the chapter's exact code for its presets, else an
 * equivalent program for the current tasks, kind and strategies.
 */
export function pythonFor(config: RunConfig, preset: Preset | undefined): string {
  if (
    preset &&
    CHAPTER_CODE[preset.id] &&
    !(config.failing?.length ?? 0) &&
    (config.order ?? 'completed') === 'completed' &&
    config.start !== 'forkserver'
  ) {
    return `# The chapter's code for "${preset.label}"\n${CHAPTER_CODE[preset.id] ?? ''}`;
  }
  const imports = [
    'import time',
    'import multiprocessing',
    'import threading',
    'from concurrent.futures import ProcessPoolExecutor, as_completed',
  ];
  const failing = config.failing ?? [];
  const kind = taskKind(config.kind);
  const def = failing.length
    ? kind.pythonTask.replace(
        '    print(f"Task {sr_no} completed")',
        `    if sr_no in FAILING:\n        raise RuntimeError(f"task {sr_no} failed on purpose")\n    print(f"Task {sr_no} completed")`,
      )
    : kind.pythonTask;
  const consts = [
    `DURATIONS = ${pyList(config.durationsS)}`,
    ...kind.pythonConstants,
    ...(failing.length ? [`FAILING = {${failing.map((i) => i + 1).join(', ')}}`] : []),
  ];
  const forkserver =
    config.start === 'forkserver' && config.strategies.some((s) => s === 'processes' || s === 'pool')
      ? [
          '# forkserver: a server process starts first; each new process is forked from it',
          'multiprocessing.set_start_method("forkserver")',
          '',
        ]
      : [];
  const main = [...forkserver, config.strategies.map((s) => block(s, config)).join('\n\n')].join('\n');
  return `${imports.join('\n')}\n\n${consts.join('\n')}\n\n${def}\n\nif __name__ == "__main__":\n${main
    .split('\n')
    .map((l) => (l === '' ? '' : `    ${l}`))
    .join('\n')}\n`;
}
