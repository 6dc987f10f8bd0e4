import { computeSliced } from '../cpuWork';
import type { Workload } from './workload';

/**
 * Computes for `seconds` at the calibrated rate: the WebAssembly kernel (kernel.ts) in 5 ms slices,
 * yielding between them so other tasks on this event loop take turns, like threads under the GIL.
 */
export const cpu: Workload = ({ task, unitsPerMs, started, afterSlice }) =>
  computeSliced(task.durationS * 1000 * unitsPerMs, unitsPerMs, { beforeFirstYield: started, afterSlice });
