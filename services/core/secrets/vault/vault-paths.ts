/** A secret or key name that could address something outside its place in Vault. */
export class InvalidVaultNameError extends Error {
  constructor(kind: string, name: string, why: string) {
    super(`invalid ${kind} ${JSON.stringify(name.slice(0, 120))}: ${why}`);
    this.name = 'InvalidVaultNameError';
  }
}

// Characters that mean the same in a URL path and a Vault path: no `?`, `#`, `%`, whitespace or controls.
const SEGMENT = /^[A-Za-z0-9_~:@=+-][A-Za-z0-9._~:@=+-]*$/;

/**
 * Checks a slash-separated name (a secret key, the prefix, a mount) and returns it URL-encoded. Names come
 * from our code but carry ids (client, credential, key id) that started life in a request or a payload, so
 * `..`, a leading `/` or an empty segment must never let one reach another client's or another app's path.
 */
export function vaultPath(kind: string, name: string): string {
  if (typeof name !== 'string' || name.length === 0) throw new InvalidVaultNameError(kind, String(name), 'empty');
  if (name.length > 512) throw new InvalidVaultNameError(kind, name, 'longer than 512 characters');
  if (name.startsWith('/')) throw new InvalidVaultNameError(kind, name, 'starts with "/"');
  if (name.includes('..')) throw new InvalidVaultNameError(kind, name, 'contains ".."');
  const segments = name.split('/');
  for (const s of segments) {
    if (s === '') throw new InvalidVaultNameError(kind, name, 'has an empty segment (a trailing or doubled "/")');
    if (!SEGMENT.test(s))
      throw new InvalidVaultNameError(kind, name, 'only letters, digits and ._~:@=+- are allowed in a segment');
  }
  return segments.map(encodeURIComponent).join('/');
}

const TRANSIT_KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

/** A Transit key name is a single path segment. */
export function transitKeyName(name: string): string {
  if (typeof name !== 'string' || !TRANSIT_KEY.test(name) || name.includes('..')) {
    throw new InvalidVaultNameError(
      'transit key name',
      String(name),
      'one segment of letters, digits and _.- (at most 128)',
    );
  }
  return name;
}
