import fc from 'fast-check';
import { readable } from '../readable';
import type { FuzzField } from './fuzz-fields';

/** A raw request to /graphql, below the level of well-formed GraphQL: document, envelope, headers and method. */
export interface RawGraphqlRequest {
  method: string;
  query?: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** with the Admin's session cookie, and its CSRF token or not */
  auth: 'session' | 'no-csrf' | 'none' | 'bogus-bearer' | 'bogus-cookie';
}

const repeat = (s: string, n: number) => Array.from({ length: n }, (_, i) => s.replace(/\$i/g, String(i))).join(' ');

/** Documents that stress the parser and the validation rules (depth, cost, cycles, sheer size). */
const nastyDocuments = fc.oneof(
  fc.integer({ min: 11, max: 3000 }).map((n) => `{ ${'whoami { '.repeat(n)}id${' }'.repeat(n + 1)}`),
  fc.integer({ min: 10, max: 3000 }).map((n) => `{ ${repeat('a$i: whoami { id }', n)} }`),
  fc.integer({ min: 10, max: 3000 }).map((n) => `{ whoami ${'@skip(if: false) '.repeat(n)}{ id } }`),
  fc.constant('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'),
  fc.constant('{ __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }'),
  fc.constant('{ clients { agency { clients { agency { clients { id } } } } } }'),
  fc.constant('subscription { whoami { id } }'),
  fc.constant('query A { whoami { id } } query B { whoami { id } }'),
  fc.constant('{ nope }'),
  fc.constant('mutation { signOut signOut signOut }'),
  fc.integer({ min: 1, max: 300_000 }).map((n) => `{ client(id: "${'x'.repeat(n)}") { id } }`),
  fc.constant('{ approvalQueue(clientId: "x", first: 99999999999999999999) { id } }'),
  fc.constant('{ client(id: "\\u0000") { id } }'),
  fc.constant('{ client(id: """\u0000\ud800""") { id } }'),
  fc.constant('query($a: [[[[[[ID!]!]!]!]!]!]!) { whoami { id } }'),
);

/** The document: one of the real fields' documents (whole, cut short or with a byte changed), nasty, or noise. */
function documentArbitrary(fields: readonly FuzzField[]): fc.Arbitrary<string> {
  const real = fc.constantFrom(...fields.map((f) => f.document));
  return fc.oneof(
    { weight: 3, arbitrary: nastyDocuments },
    {
      weight: 2,
      arbitrary: fc
        .tuple(real, fc.double({ min: 0, max: 1, noNaN: true }))
        .map(([d, at]) => d.slice(0, Math.floor(d.length * at))),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(real, fc.nat(), fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }))
        .map(([d, at, s]) => d.slice(0, at % d.length) + s + d.slice((at % d.length) + 1)),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  );
}

/** The JSON envelope around it, with any member of the wrong type, missing or extra. */
function envelopeArbitrary(document: fc.Arbitrary<string>): fc.Arbitrary<Buffer> {
  const wrong = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(null, 1, [], 'x', true));
  const member = <T>(good: fc.Arbitrary<T>) =>
    fc.oneof(
      { weight: 6, arbitrary: good.map((v): unknown => v) },
      { weight: 1, arbitrary: wrong },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
  const json = fc
    .record({
      query: member(document),
      variables: member(fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 3 })),
      operationName: member(fc.constantFrom('Fuzz', 'Other', '')),
      extensions: member(fc.constantFrom({ persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } }, {})),
    })
    .map((r) => Buffer.from(JSON.stringify(r)));
  return fc.oneof(
    { weight: 8, arbitrary: json },
    // A batch: Apollo answers one request at a time here.
    {
      weight: 1,
      arbitrary: fc.array(json, { minLength: 1, maxLength: 3 }).map((bs) => Buffer.from(`[${bs.join(',')}]`)),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          '',
          '{',
          'null',
          '[]',
          '"query"',
          '{"query":"{ whoami { id } }"',
          '{"__proto__":{"query":"{ whoami { id } }"}}',
        )
        .map((s) => Buffer.from(s)),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b)) },
    { weight: 1, arbitrary: fc.constant(Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])) },
    // Past the 1 MB body limit.
    {
      weight: 1,
      arbitrary: fc.constant(Buffer.from(JSON.stringify({ query: `{ whoami { id } } #${'x'.repeat(1_100_000)}` }))),
    },
    // Deep JSON nesting in the variables.
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 100, max: 200_000 })
        .map((n) => Buffer.from(`{"query":"{ whoami { id } }","variables":{"a":${'['.repeat(n)}${']'.repeat(n)}}}`)),
    },
  );
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/graphql',
  'application/graphql-response+json',
  'text/plain',
  'multipart/form-data; boundary=fuzz',
  'application/x-www-form-urlencoded',
  'foo',
];

export function rawGraphqlRequests(fields: readonly FuzzField[]): fc.Arbitrary<RawGraphqlRequest> {
  const document = documentArbitrary(fields);
  return fc
    .record({
      method: fc.oneof(
        { weight: 10, arbitrary: fc.constant('POST') },
        { weight: 2, arbitrary: fc.constant('GET') },
        { weight: 1, arbitrary: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS') },
      ),
      body: envelopeArbitrary(document),
      getQuery: document,
      type: fc.oneof(
        { weight: 6, arbitrary: fc.constant('application/json') },
        { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      ),
      encoding: fc.oneof(
        { weight: 8, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constantFrom('gzip', 'deflate', 'br', 'compress', 'identity') },
      ),
      preflight: fc.boolean(),
      auth: fc.constantFrom<RawGraphqlRequest['auth']>(
        'session',
        'session',
        'session',
        'no-csrf',
        'none',
        'bogus-bearer',
        'bogus-cookie',
      ),
    })
    .map((r) => {
      const headers: Record<string, string> = {};
      if (r.type) headers['content-type'] = r.type;
      if (r.encoding) headers['content-encoding'] = r.encoding;
      // Apollo's CSRF prevention lets a "simple" request through only with this header (C-07).
      if (r.preflight) headers['apollo-require-preflight'] = 'true';
      if (r.method === 'GET' || r.method === 'OPTIONS')
        return readable({ method: r.method, query: r.getQuery, headers, auth: r.auth }, `?query=${r.getQuery}`);
      return readable({ method: r.method, headers, body: r.body, auth: r.auth }, `auth=${r.auth}`);
    });
}
