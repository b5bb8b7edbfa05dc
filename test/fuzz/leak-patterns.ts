/**
 * What must never reach a caller (C-54): a stack frame, a path on the server's disk, the text of a database error or
 * of a query. Each pattern names the leak it catches; they match what Node, Postgres and typeorm actually print, so
 * an operator's own words in a message (or the fuzzer's, echoed back) do not trip them.
 */
const LEAKS: [string, RegExp][] = [
  ['stack frame', /\bat (?:async )?[\w$.<>[\] ]+ \((?:\/|node:|file:)[^)]*:\d+:\d+\)/],
  ['stack frame', /\n\s+at (?:\/|node:)/],
  ['source position', /\.(?:ts|js|mjs|cjs):\d+:\d+/],
  ['server path', /\/(?:work|home|root|usr\/lib|opt|app|srv)\/[\w.-]+\/[\w./-]+/],
  ['node_modules path', /node_modules[\\/]/],
  [
    'error class',
    /\b(?:QueryFailedError|EntityNotFoundError|TypeORMError|TypeError|RangeError|ReferenceError|SyntaxError|ZodError|DatabaseError)\b/,
  ],
  [
    'database error',
    /\b(?:violates (?:not-null|foreign key|unique|check|exclusion) constraint|duplicate key value|invalid input syntax for type|invalid byte sequence for encoding|unsupported Unicode escape sequence|value too long for type|out of range for type|date\/time field value out of range|timestamp out of range|relation "\w+" does not exist|column "\w+" (?:of relation|does not exist)|syntax error at or near|current transaction is aborted|null value in column)\b/i,
  ],
  [
    'SQL text',
    /\b(?:SELECT\s+[\w"*.,\s()]+\s+FROM\s+"?\w+"?|INSERT\s+INTO\s+"?\w+"?\s*\(|UPDATE\s+"?\w+"?\s+SET\s|DELETE\s+FROM\s+"?\w+"?)/i,
  ],
];

/**
 * The leaks found in a response body. What the caller sent is cut out first (GraphQL quotes a refused variable's
 * value in its message, which may be anything the fuzzer made up), in raw and JSON-escaped form.
 */
export function leaksIn(body: string, sent: readonly string[] = []): string[] {
  let text = body;
  for (const s of [...sent].sort((a, b) => b.length - a.length)) {
    if (s.length < 3) continue;
    for (const form of echoedForms(s)) text = text.split(form).join('');
  }
  return [...new Set(LEAKS.filter(([, re]) => re.test(text)).map(([name]) => name))];
}

/** A sent string as it can appear in a JSON body: raw, escaped once (a JSON string), escaped twice (quoted in a message). */
function echoedForms(s: string): string[] {
  const once = JSON.stringify(s).slice(1, -1);
  const twice = JSON.stringify(JSON.stringify(s)).slice(1, -1);
  return [...new Set([twice, once, s])];
}

/** Every string anywhere in a value, for leaksIn's echo removal. */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      stringsIn(v, out);
    }
  return out;
}
