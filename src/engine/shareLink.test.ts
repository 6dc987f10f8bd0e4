import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';
import { shareUrl, shortenTasks } from './shareLink';
import { readUrl, readView } from './url';

const PAGE = 'http://localhost:4173/';

describe('shareUrl', () => {
  it('keeps every parameter but run, predictions and view params included', () => {
    const href = `${PAGE}?kind=cpu&tasks=3,2,1&strategies=sequential,pool&workers=3&order=submitted&repeat=3&fail=2&predict=sequential:6,pool:3.5&run=1&theme=projector&present=1&lab=memory`;
    const link = shareUrl(href);
    expect(link).toBe(
      `${PAGE}?kind=cpu&tasks=3,2,1&strategies=sequential,pool&workers=3&order=submitted&repeat=3&fail=2&predict=sequential:6,pool:3.5&theme=projector&present=1&lab=memory`,
    );
    const search = new URL(link).search;
    expect(readUrl(search)).toEqual({ ...readUrl(new URL(href).search), run: false });
    expect(readView(search)).toEqual({ present: true, theme: 'projector' });
  });

  it('reads back as the same config as the page it was copied from', () => {
    const href = `${PAGE}?kind=sleep&tasks=0.2,0.2,0.2,0.1&strategies=pool,threads&workers=2&predict=pool%3A0.5`;
    const link = shareUrl(href);
    expect(new URL(link).searchParams.get('tasks')).toBe('0.2*3,0.1');
    expect(parseConfig(readUrl(new URL(link).search).fields, 8)).toEqual(
      parseConfig(readUrl(new URL(href).search).fields, 8),
    );
  });

  it('shortens a long task list, keeps a short one as written', () => {
    const thousand = Array<string>(1000).fill('0.01').join(',');
    expect(shareUrl(`${PAGE}?tasks=${thousand}&strategies=sequential`)).toBe(
      `${PAGE}?tasks=0.01*1000&strategies=sequential`,
    );
    expect(shareUrl(`${PAGE}?tasks=1,1*5`)).toBe(`${PAGE}?tasks=1*6`);
    expect(shareUrl(`${PAGE}?tasks=3,2,1`)).toBe(`${PAGE}?tasks=3,2,1`);
    expect(shareUrl(`${PAGE}?tasks=1,1`)).toBe(`${PAGE}?tasks=1,1`);
  });

  it('keeps text that is not a valid list as typed, so the link shows what the page showed', () => {
    expect(shareUrl(`${PAGE}?tasks=1*x,2`)).toBe(`${PAGE}?tasks=1*x,2`);
    expect(shareUrl(`${PAGE}?tasks=1%2C%2C2&workers=abc`)).toBe(`${PAGE}?tasks=1,,2&workers=abc`);
  });

  it('leaves out what the page leaves out, keeps the path and the hash', () => {
    expect(shareUrl(`${PAGE}?run=1`)).toBe(PAGE);
    expect(shareUrl('https://school.example/playground/index.html?kind=sleep&run=1#top')).toBe(
      'https://school.example/playground/index.html?kind=sleep#top',
    );
  });

  it('encodes what must be encoded', () => {
    const link = shareUrl(`${PAGE}?tasks=${encodeURIComponent('1 & 2=3')}`);
    expect(new URL(link).searchParams.get('tasks')).toBe('1 & 2=3');
  });
});

describe('shortenTasks', () => {
  it('shortens only when shorter', () => {
    expect(shortenTasks(' 3, 2, 1 ')).toBe('3,2,1');
    expect(shortenTasks('1.0,1.0')).toBe('1,1');
    expect(shortenTasks('0.5,0.5')).toBe('0.5,0.5');
    expect(shortenTasks('1*2')).toBe('1*2');
    expect(shortenTasks(Array<string>(3000).fill('1').join(','))).toBe('1*3000');
  });
});
