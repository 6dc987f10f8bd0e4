import type { Workload } from './workload';

/**
 * `time.sleep(seconds)`: waits on a timer, using no CPU, like I/O. A task given a payload hands it
 * back when it wakes (a call that waits, then returns its argument): the round trip the task
 * channel's payloads and results take, measured by `npm run bench`.
 */
export const sleep: Workload = async ({ task, started }) => {
  started();
  await new Promise((resolve) => setTimeout(resolve, task.durationS * 1000));
  return task.payload === undefined ? {} : { result: task.payload };
};
