// Generators (fast-check) of what a user might type into the fields, valid and not, for
// parseConfig's property tests. Only tests import it.
import fc from 'fast-check';
import { STRATEGY_NAMES } from '../types';

export const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }), // fast-check 4's full-Unicode string (was fc.fullUnicodeString)
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.string({ unit: 'binary-ascii' }),
);
export const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });
export const defaultWorkers = fc.oneof(fc.integer({ min: 1, max: 256 }), fc.double());

/** Numbers with junk: the near misses a user or a mangled link produces. */
export const numberText = fc.oneof(
  fc.double().map(String),
  fc.double({ min: -100, max: 100, noNaN: true }).map((x) => x.toFixed(3)),
  fc.integer({ min: -100, max: 2000 }).map(String),
  fc.constantFrom(
    '1e3',
    '1E-2',
    '0x10',
    '0b1',
    '0o7',
    'NaN',
    'Infinity',
    '-Infinity',
    '+1',
    '-0',
    '.5',
    '5.',
    '.',
    '+',
    '-',
    '1_000',
    '1.2.3',
    '١',
    '٢',
    '１',
    '٣٫٥',
    '1\u00a0',
    '\u200b1',
    '\ufeff1',
    '0.0',
    '60',
    '60.0000001',
    '61',
    '64',
    '65',
    '00001',
    '1/2',
    '½',
    '∞',
    '1,5',
    'null',
    'undefined',
    'true',
    '[]',
    '{}',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '"',
    "'",
    '\\',
    '%2C',
    '&',
    '=',
  ),
);
export const junk = fc.oneof(
  fc.constantFrom('', ' ', '\t', '\n', 'x', 's', ';', '..', '\u0000', '😀', 'e', '%'),
  fc.string({ maxLength: 3 }),
);
export const nearMissToken = fc.oneof(
  numberText,
  fc.tuple(junk, numberText, junk).map(([a, n, b]) => `${a}${n}${b}`),
);
export const separator = fc.constantFrom(',', ', ', ' ,', ',,', ';', ' ', '，');
export const nearMissList = fc
  .tuple(fc.array(nearMissToken, { maxLength: 8 }), separator)
  .map(([tokens, sep]) => tokens.join(sep));
export const strategyToken = fc.oneof(
  fc.constantFrom(
    ...STRATEGY_NAMES,
    'Pool',
    'POOL',
    ' pool ',
    'thread',
    'process',
    'seq',
    '',
    'pool\u0000',
    'constructor',
    '__proto__',
    'toString',
  ),
  fc.string({ maxLength: 6 }),
);
export const strategyList = fc.array(strategyToken, { maxLength: 6 }).map((x) => x.join(','));
export const kindToken = fc.oneof(
  fc.constantFrom('sleep', 'cpu', ' sleep', 'cpu ', 'SLEEP', 'Cpu', 'gpu', '', 'io', 'constructor', '__proto__'),
  fc.string({ maxLength: 6 }),
);
