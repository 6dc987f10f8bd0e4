import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toJSONSchema } from 'zod/mini';
import { readFileSync, writeFileSync } from 'node:fs';
import type { RunState } from './reducer';
import { browserLabel, readRunFile, toRunFile, type RunFile, type RunSource } from './runFile';
import { runFileSchema } from './runFile.schema';
import { allFour } from './testing/scenarios';
import { simulateRun } from './testing/runScenarios';
import { setup, sleep } from './testing/strategyRun';

const SOURCE: RunSource = {
  kind: 'browser',
  label: 'Chromium 156',
  createdAt: '2026-11-27T10:00:00.000Z',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0',
  crossOriginIsolated: true,
};

/** What a user sees of a run: every bar, wall-clock and status per strategy run, and the Console. */
function seen(state: RunState) {
  return {
    phase: state.phase,
    strategies: state.strategies.map((run) => ({
      name: run.name,
      rep: run.rep,
      status: run.status,
      wallS: run.wallS,
      lanes: run.lanes,
      spawns: run.spawns,
      results: run.results,
      bars: run.bars.map((b) => ({
        task: b.task,
        worker: b.worker,
        startS: b.startS,
        endS: b.endS,
        status: b.status,
        message: b.message,
        readyS: b.readyS,
        submittedS: b.submittedS,
      })),
    })),
    console: state.console.map((line) => line.text),
  };
}

/** Equal, numbers within 2 µs (a file keeps times to the microsecond). */
function expectSame(actual: unknown, expected: unknown, path = 'run'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected), path).toBeLessThan(2e-6);
  } else if (typeof expected === 'object' && expected !== null && typeof actual === 'object' && actual !== null) {
    expect(Object.keys(actual).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) {
      expectSame((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
    }
  } else {
    expect(actual, path).toEqual(expected);
  }
}

const roundTrip = (state: RunState) => readRunFile(JSON.stringify(toRunFile(state, SOURCE)));

describe('Run JSON', () => {
  it('gives back the same bars, times, statuses and Console for any run, stopped or failing ones too', async () => {
    await fc.assert(
      fc.asyncProperty(allFour, async (s) => {
        const { state } = await simulateRun(s);
        const back = roundTrip(state);
        if (!back.ok) throw new Error(back.error);
        expectSame(seen(back.state), seen(state));
        expect(back.state.config).toEqual({
          ...state.config,
          order: state.config.order ?? 'completed',
          repeat: state.config.repeat ?? 1,
          failing: [...new Set(state.config.failing ?? [])].sort((a, b) => a - b),
          predictionsS: state.config.predictionsS ?? {},
        });
      }),
      { numRuns: 150 },
    );
  });

  it('numbers tasks and workers from 1 and times events in ms since the run began', async () => {
    const run = setup(sleep([3, 2, 1], ['pool'], 3));
    await run.run();
    const file = toRunFile(run.store.getState(), SOURCE);
    expect(file.format).toBe('parallel-playground-run');
    expect(file.events[0]).toEqual({ type: 'strategy-start', strategy: 'pool', tMs: 0 });
    const ends = file.events.filter((e) => e.type === 'task-end');
    expect(ends.map((e) => e.task)).toEqual([3, 2, 1]);
    expect(Math.min(...file.events.flatMap((e) => ('worker' in e ? [e.worker] : [])))).toBe(1);
    const last = file.events.at(-1);
    expect(last?.type).toBe('strategy-end');
    expect(last?.tMs).toBeGreaterThanOrEqual(3000);
    expect(file.config).toMatchObject({ kind: 'sleep', tasks: [3, 2, 1], strategies: ['pool'], workers: 3 });
    expect(file.environment).toMatchObject({ cores: 2, crossOriginIsolated: true });
  });

  describe('a bad file gives one sentence naming what is wrong', () => {
    const good = async (): Promise<RunFile> => {
      const run = setup(sleep([1, 1], ['sequential', 'pool'], 2));
      await run.run();
      return toRunFile(run.store.getState(), SOURCE);
    };
    const errorOf = (text: string): string => {
      const read = readRunFile(text);
      return read.ok ? 'read fine' : read.error;
    };

    it('not JSON, not a run file, another version', async () => {
      expect(errorOf('{"format": ')).toMatch(/^not JSON/);
      expect(errorOf('{"hello": 1}')).toBe('not a Run JSON file: "format" must be "parallel-playground-run"');
      expect(errorOf(JSON.stringify({ ...(await good()), version: 7 }))).toBe(
        'version 7 is not supported; this page reads version 1',
      );
    });

    it('a field of the wrong type, named by its path', async () => {
      const file = await good();
      const events = file.events.map((e, i) => (i === 2 ? { ...e, tMs: 'soon' } : e));
      expect(errorOf(JSON.stringify({ ...file, events }))).toMatch(/^events\[2\]\.tMs: /);
      expect(errorOf(JSON.stringify({ ...file, config: { ...file.config, kind: 'gpu' } }))).toMatch(/^config\.kind: /);
    });

    it('a config the page would refuse, with the control it belongs to', async () => {
      const file = await good();
      expect(errorOf(JSON.stringify({ ...file, config: { ...file.config, workers: 500 } }))).toMatch(
        /^config: Pool workers: /,
      );
    });

    it('events that do not fit the config', async () => {
      const file = await good();
      const beyond = file.events.map((e) => (e.type === 'task-start' ? { ...e, task: 9 } : e));
      expect(errorOf(JSON.stringify({ ...file, events: beyond }))).toMatch(/task 9, but config.tasks has 2 tasks/);
      const other = file.events.map((e) => ({ ...e, strategy: 'threads' }));
      expect(errorOf(JSON.stringify({ ...file, events: other }))).toMatch(/"threads" is not one of config.strategies/);
      expect(errorOf(JSON.stringify({ ...file, events: file.events.slice(1) }))).toMatch(/before its strategy-start/);
      expect(errorOf(JSON.stringify({ ...file, events: [] }))).toMatch(/nothing to draw/);
    });
  });

  it('names browsers by engine and major version', () => {
    expect(browserLabel(SOURCE.userAgent ?? '')).toBe('Chromium 156');
    expect(browserLabel('Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0')).toBe('Firefox 140');
    expect(browserLabel('curl/8')).toBe('Browser');
  });

  // `UPDATE_SCHEMA=1 npx vitest run src/engine/runFile.test.ts` writes it anew after a schema change.
  it('docs/run.schema.json is the schema the page reads with', () => {
    const path = new URL('../../docs/run.schema.json', import.meta.url);
    const schema = { title: 'Parallel Playground Run JSON, version 1', ...toJSONSchema(runFileSchema) };
    if (process.env.UPDATE_SCHEMA) writeFileSync(path, `${JSON.stringify(schema, null, 2)}\n`);
    const onDisk: unknown = JSON.parse(readFileSync(path, 'utf8'));
    expect(onDisk).toEqual(schema);
  });
});
