import { describe, expect, it } from 'vitest';
import { AUTO_RUN_LIMITS, autoRunDecision, workersStartedAtOnce } from './autoRun';
import { parseConfig } from './config';
import type { RawFields } from './config';
import type { RunConfig } from './types';

const CORES = 2;

function config(fields: RawFields): RunConfig {
  const parsed = parseConfig(fields, CORES);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '));
  return parsed.config;
}

const ones = (n: number): string => Array.from({ length: n }, () => '1').join(',');

describe('run=1: which links start by themselves', () => {
  it('lets the chapter’s examples start', () => {
    for (const fields of [
      { tasks: '1,1', strategies: 'sequential' },
      { tasks: '1,1', strategies: 'processes' },
      { tasks: '1,1,1,1,1', strategies: 'processes' },
      { tasks: '3,2,1', strategies: 'pool', workers: '3' },
      { kind: 'cpu', tasks: '1,1', strategies: 'sequential,pool,threads', workers: '2' },
    ]) {
      const d = autoRunDecision(config(fields), CORES);
      expect(d.ok, JSON.stringify(fields)).toBe(true);
      expect(d.reason).toBe('');
    }
  });

  it('adds every chosen strategy’s ideal time, times repeat', () => {
    // sequential 6 + processes 3 + pool(2) 3 + threads 3 = 15 s.
    const all = config({ tasks: '3,2,1', strategies: 'sequential,processes,pool,threads', workers: '2' });
    expect(autoRunDecision(all, CORES).idealS).toBeCloseTo(15);
    const repeated = config({
      tasks: '3,2,1',
      strategies: 'sequential,processes,pool,threads',
      workers: '2',
      repeat: '4',
    });
    const d = autoRunDecision(repeated, CORES);
    expect(d.idealS).toBeCloseTo(60);
    expect(d.ok, 'exactly 60 s is allowed').toBe(true);
    const over = autoRunDecision(
      config({ tasks: '3,2,1', strategies: 'sequential,processes,pool,threads', workers: '2', repeat: '5' }),
      CORES,
    );
    expect(over.ok).toBe(false);
    expect(over.reason).toBe(
      'This link would run for about 75 s of ideal time (5 runs of each strategy; limit 60 s) — press Run to start it.',
    );
  });

  it('holds back a link over 60 s of ideal time', () => {
    const d = autoRunDecision(config({ tasks: '30,40', strategies: 'sequential' }), CORES);
    expect(d).toMatchObject({ ok: false, idealS: 70, workersAtOnce: 0 });
    expect(d.reason).toBe('This link would run for about 70 s of ideal time (limit 60 s) — press Run to start it.');
  });

  it('uses the ideal model, so cpu work on few cores counts longer than sleep', () => {
    // 100 one-second tasks in a pool of 4: sleep 25 s; cpu on 2 cores 50 s; both allowed.
    expect(autoRunDecision(config({ tasks: ones(100), strategies: 'pool', workers: '4' }), CORES).idealS).toBeCloseTo(
      25,
    );
    expect(
      autoRunDecision(config({ kind: 'cpu', tasks: ones(100), strategies: 'pool', workers: '4' }), CORES).idealS,
    ).toBeCloseTo(50);
    // On 1 core the same cpu run is 100 s: held back.
    expect(autoRunDecision(config({ kind: 'cpu', tasks: ones(100), strategies: 'pool', workers: '4' }), 1).ok).toBe(
      false,
    );
  });

  it('holds back a link that starts more than 64 Workers at once', () => {
    const sleep65 = autoRunDecision(config({ tasks: ones(65), strategies: 'processes' }), CORES);
    expect(sleep65).toMatchObject({ ok: false, idealS: 1, workersAtOnce: 65 });
    expect(sleep65.reason).toBe('This link would start 65 Workers at once (limit 64) — press Run to start it.');
    expect(autoRunDecision(config({ tasks: ones(64), strategies: 'processes' }), CORES).ok).toBe(true);
    // Sequential and threads use the warm Worker: 1,000 tasks start no Worker.
    expect(
      autoRunDecision(
        config({ tasks: Array.from({ length: 1000 }, () => '0.01').join(','), strategies: 'threads' }),
        CORES,
      ),
    ).toMatchObject({
      ok: true,
      workersAtOnce: 0,
    });
  });

  it('gives both reasons for the issue’s 200 cpu tasks under processes', () => {
    const d = autoRunDecision(config({ kind: 'cpu', tasks: ones(200), strategies: 'processes' }), CORES);
    expect(d).toMatchObject({ ok: false, idealS: 100, workersAtOnce: 200 });
    expect(d.reason).toBe(
      'This link would run for about 100 s of ideal time (limit 60 s) and start 200 Workers at once (limit 64) — press Run to start it.',
    );
  });

  it('counts the pool’s Workers, not its tasks', () => {
    expect(workersStartedAtOnce('pool', { durationsS: [1], workers: 8 })).toBe(8);
    expect(workersStartedAtOnce('processes', { durationsS: [1, 1, 1], workers: 8 })).toBe(3);
    expect(workersStartedAtOnce('sequential', { durationsS: [1, 1, 1], workers: 8 })).toBe(0);
    expect(workersStartedAtOnce('threads', { durationsS: [1, 1, 1], workers: 8 })).toBe(0);
    expect(AUTO_RUN_LIMITS).toEqual({ maxIdealS: 60, maxWorkersAtOnce: 64 });
  });
});
