import fc from 'fast-check';

/**
 * Strings that have broken parsers, databases and templates somewhere: empty and blank, just past the usual length
 * limits and far past them, NUL and control characters (Postgres refuses NUL in text and in jsonb), unpaired
 * surrogates (refused in jsonb), right-to-left and zero-width marks, number-like and keyword-like words, injection
 * and traversal shapes, dates that do not exist or lie outside what Postgres or JavaScript can hold.
 */
const HOSTILE_WORDS: string[] = [
  '',
  ' ',
  '\t\r\n',
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u001b[31m\u007f',
  '\ud800',
  'x\udfffy',
  '\u202eevil\u202c',
  '\u200b\u200d\ufeff',
  'e\u0301\u0301\u0301\u0301',
  '🦄💥👩‍👩‍👧‍👦',
  'Ω≈ç√∫˜µ≤≥÷',
  '田中さんにあげて下さい',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e309',
  '0x1F',
  '9007199254740993',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  "' OR '1'='1",
  "'; DROP TABLE clients; --",
  '%s%s%n%x',
  '${jndi:ldap://127.0.0.1/x}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'http://169.254.169.254/latest/meta-data/',
  'http://127.0.0.1:1/x',
  '=cmd|"/c calc"!A1',
  '0000-00-00',
  '2031-02-30',
  '2031-13-01',
  '2031-06-01T25:61:00Z',
  '0001-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
  '24:00',
  '99:99',
  '-1',
];

/** A string over the usual limits (a few thousand characters) or far over them (but under the 1 MB body limit). */
const longString = fc
  .tuple(fc.constantFrom(201, 256, 1_001, 5_001, 20_001, 300_000), fc.constantFrom('x', 'é', '🦄', '\u0000', ' '))
  .map(([n, c]) => c.repeat(n));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_WORDS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 40 }) },
  { weight: 1, arbitrary: longString },
);

/** Integers at and past the edges GraphQL (32-bit Int), JavaScript (safe integers) and the API's ranges care about. */
export const hostileInt: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, 1, -2147483648, 2147483647, 2147483648, -2147483649, 1e21, 9007199254740993, 1.5, -0),
  fc.integer(),
  fc.integer({ min: -1000, max: 100_000 }),
);

export const hostileFloat: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, 1e308, -1e308, 5e-324, -0, 1e21),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** A date anywhere JavaScript can hold one, written the way GraphQL clients write it. */
export const anyInstant: fc.Arbitrary<string> = fc.date({ noInvalidDate: true }).map((d) => d.toISOString());

/** Nesting far deeper than any input of the API goes, as an object or an array. */
const deepNest = fc
  .tuple(fc.integer({ min: 20, max: 400 }), fc.boolean())
  .map(([depth, asArray]) =>
    Array.from({ length: depth }).reduce<unknown>((inner) => (asArray ? [inner] : { a: inner }), 'deep'),
  );

/** A value of another JSON type than the one expected, shallow or deep. */
export const wrongKind: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<unknown>(true, false, 0, -1.5, 'NaN', [], {}, [null], { id: 'x' }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: deepNest },
);
