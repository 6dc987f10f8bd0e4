import { describe, expect, it } from 'vitest';
import { readUrl, readView, writeUrl, writeView } from './url';

describe('view params (present, theme)', () => {
  it('reads present=1 and a known theme', () => {
    expect(readView('?present=1&theme=projector')).toEqual({ present: true, theme: 'projector' });
    expect(readView('?theme=dark')).toEqual({ present: false, theme: 'dark' });
    expect(readView('?theme=light&present=0')).toEqual({ present: false, theme: 'light' });
  });

  it('reads no params, or an unknown theme, as the system theme and no presentation', () => {
    expect(readView('')).toEqual({ present: false, theme: undefined });
    expect(readView('?theme=neon&present=yes')).toEqual({ present: false, theme: undefined });
  });

  it('writes only its own params and keeps the run settings readable', () => {
    const search = writeView('?kind=sleep&tasks=3,2,1&run=1', { present: true, theme: 'dark' });
    expect(search).toBe('kind=sleep&tasks=3,2,1&run=1&present=1&theme=dark');
    expect(readUrl(search).fields.tasks).toBe('3,2,1');
    expect(writeView(`?${search}`, { present: false, theme: undefined })).toBe('kind=sleep&tasks=3,2,1&run=1');
  });

  it('survives a write of the run settings, and the other way round', () => {
    const withView = writeView('?tasks=1,1', { present: true, theme: 'projector' });
    const withFields = writeUrl(`?${withView}`, {
      tasks: '3,2,1',
      kind: 'cpu',
      strategies: 'pool',
      workers: undefined,
    });
    expect(readView(withFields)).toEqual({ present: true, theme: 'projector' });
    expect(readView(writeView(`?${withFields}`, readView(withFields)))).toEqual(readView(withFields));
  });
});
