import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Executor } from './engine/types';
import type { Backend } from './ui/backend';
import { App } from './ui/App';
import { registerServiceWorker } from './pwa/register';
import { browserClock } from './workers/clock';
import { WorkerExecutor, type Calibration } from './workers/executor';
import './ui/styles.css';

const executor = new WorkerExecutor();
let prepared: Promise<Calibration> | null = null;

/** Worker work in flight (a calibration, a Worker starting, a task): the service worker waits for none. */
let inFlight = 0;
function counted<T>(work: Promise<T>): Promise<T> {
  inFlight += 1;
  return work.finally(() => {
    inFlight -= 1;
  });
}
const countedExecutor: Executor = {
  warm: () => {
    const runner = executor.warm();
    return { run: (task, onStart, signal) => counted(runner.run(task, onStart, signal)) };
  },
  spawn: () => {
    const runner = executor.spawn();
    return {
      ready: (signal) => counted(runner.ready(signal)),
      run: (task, onStart, signal) => counted(runner.run(task, onStart, signal)),
      terminate: (reason) => runner.terminate(reason),
    };
  },
};

/** The warm Worker, then the CPU calibration (counted as Worker work); a failure forgets both. */
const calibrated = (): Promise<Calibration> =>
  counted(
    executor
      .ensureWarm()
      .then(() => executor.calibrate())
      .catch((error: unknown) => {
        prepared = null;
        throw error;
      }),
  );

const backend: Backend = {
  executor: countedExecutor,
  clock: browserClock,
  cores: Math.max(1, navigator.hardwareConcurrency || 1),
  // Once per page load; after a failure the next call tries again (Run retries).
  prepare: () => (prepared ??= calibrated()),
  // A failed recalibration forgets the old one, so Run's retry measures again.
  calibrate: calibrated,
  ensureWarm: () => counted(executor.ensureWarm()),
  crashOne: () => executor.crashOne(),
};

// Whoever creates a Worker terminates it: the page's Workers go with the page.
window.addEventListener('pagehide', () => executor.dispose());

// Read-only hooks for tests and the bench: live Worker count.
Object.defineProperty(window, '__playground', {
  value: Object.freeze({ liveWorkers: () => executor.liveWorkers }),
});

// The built app works offline and gets cross-origin isolation on any static host (src/pwa/sw.ts);
// `vite` dev serves its own headers and hot reload, without a service worker. Precaching waits
// until no Worker work is in flight (src/pwa/register.ts).
if (import.meta.env.PROD) registerServiceWorker(() => inFlight === 0);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App backend={backend} />
  </StrictMode>,
);
