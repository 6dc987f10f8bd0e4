import { describe, expect, it } from 'vitest';
import { matchPreset, PRESETS } from './presets';

describe('matchPreset', () => {
  it('finds each preset from its own fields', () => {
    for (const p of PRESETS) expect(matchPreset(p.fields)?.id).toBe(p.id);
  });

  it('matches the tasks by their durations, so a shortened link keeps its lesson', () => {
    expect(matchPreset({ kind: 'sleep', tasks: '1*5', strategies: 'processes' })?.id).toBe('five-processes');
    expect(matchPreset({ kind: 'sleep', tasks: '1, 1*4', strategies: 'processes' })?.id).toBe('five-processes');
    expect(matchPreset({ kind: 'sleep', tasks: '3,2,1.0', strategies: 'pool', workers: '2' })?.id).toBe('pool');
  });

  it('matches nothing for other tasks, kinds, strategies or a bad list', () => {
    expect(matchPreset({ kind: 'sleep', tasks: '1*4', strategies: 'processes' })).toBeUndefined();
    expect(matchPreset({ kind: 'cpu', tasks: '3,2,1', strategies: 'pool' })).toBeUndefined();
    expect(matchPreset({ kind: 'sleep', tasks: '3,2,1', strategies: 'sequential,pool' })).toBeUndefined();
    expect(matchPreset({ kind: 'sleep', tasks: '1*x', strategies: 'processes' })).toBeUndefined();
    expect(matchPreset({ kind: 'sleep', strategies: 'sequential' })).toBeUndefined();
  });
});
