import type { TaskKind } from '../../engine/taskKinds';
import { cpu } from './cpu';
import { sleep } from './sleep';
import type { Workload } from './workload';

export type { Workload, WorkloadContext, WorkloadOutcome } from './workload';

/**
 * What each task kind does inside a Worker, one file per kind. Keyed by every kind of the
 * engine's registry (src/engine/taskKinds.ts): a kind added there is a type error here until it
 * has a workload.
 */
export const WORKLOADS: { readonly [K in TaskKind]: Workload } = { sleep, cpu };
