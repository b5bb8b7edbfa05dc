import fc from 'fast-check';

/**
 * Makes a generated request print as text in a counterexample (fast-check prints a Buffer as its byte values):
 * the method, path and headers, and the body as UTF-8 cut to a readable length.
 */
export function readable<T extends { method: string; headers: Record<string, string>; body?: Buffer }>(
  r: T,
  where: string,
  shown: Buffer | undefined = r.body,
): T {
  const body = shown ? ` body(${shown.length} bytes)=${JSON.stringify(shown.toString('utf8').slice(0, 800))}` : '';
  const text = `${r.method} ${where.slice(0, 400)} ${JSON.stringify(r.headers)}${body}`;
  return Object.defineProperty(r, fc.toStringMethod, { value: () => text, enumerable: false });
}
