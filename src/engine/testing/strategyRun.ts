// One run of a config on virtual time, for the strategy tests. Only tests import it.
import { FakeExecutor, FakeTime, runOnVirtualTime, type FakeExecutorOptions } from './virtualTime';
import { initialRunState } from '../reducer';
import { createRunStore, type RunStore } from '../store';
import type { RunConfig, RunEvent } from '../types';

export function setup(config: RunConfig, options: FakeExecutorOptions = {}, cores = 2) {
  const time = new FakeTime();
  const executor = new FakeExecutor(time, options);
  const controller = new AbortController();
  let result: { events: RunEvent[]; store: RunStore } = {
    events: [],
    store: createRunStore(initialRunState(config, cores)),
  };
  const run = async () => {
    result = await runOnVirtualTime(time, executor, config, cores, controller);
  };
  return {
    time,
    executor,
    controller,
    run,
    get events() {
      return result.events;
    },
    get store() {
      return result.store;
    },
  };
}

export const sleep = (durationsS: number[], strategies: RunConfig['strategies'], workers = 2): RunConfig => ({
  kind: 'sleep',
  durationsS,
  strategies,
  workers,
});

export const lines = (store: ReturnType<typeof setup>['store']) => store.getState().console.map((l) => l.text);
