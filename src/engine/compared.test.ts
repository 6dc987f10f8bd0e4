import { describe, expect, it } from 'vitest';
import { uniqueLabel } from './compared';

describe('uniqueLabel', () => {
  it('keeps a new label and numbers a repeated one', () => {
    expect(uniqueLabel('CPython 3.11', [])).toBe('CPython 3.11');
    expect(uniqueLabel('CPython 3.11', ['CPython 3.11'])).toBe('CPython 3.11 (2)');
    expect(uniqueLabel('CPython 3.11', ['CPython 3.11', 'CPython 3.11 (2)'])).toBe('CPython 3.11 (3)');
  });
});
