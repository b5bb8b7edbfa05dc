import { z } from 'zod';

/** The most a stored session may weigh: a signed-in platform needs tens of KB; more is a mistake or an attack. */
export const STORAGE_STATE_MAX_BYTES = 512 * 1024;

const text = (max: number) => z.string().max(max);

// Field limits follow what browsers accept (4 KB a cookie), so a real export always fits.
const cookieSchema = z.object({
  name: text(4096).min(1),
  value: text(4096),
  domain: text(255).min(1),
  path: text(1024),
  /** seconds since the epoch; -1 for a session cookie */
  expires: z.number(),
  httpOnly: z.boolean(),
  secure: z.boolean(),
  sameSite: z.enum(['Strict', 'Lax', 'None']),
  // Chromium's partitioned (CHIPS) cookies carry their top-level site; Playwright exports it when set.
  partitionKey: text(1024).optional(),
});

const originSchema = z.object({
  origin: text(2048).regex(/^https?:\/\/[^/\s]+$/, 'must be a scheme and a host, like https://example.com'),
  localStorage: z.array(z.object({ name: text(4096), value: z.string() })).max(2000),
});

/** A Playwright storage state (`context.storageState()`): cookies and each origin's local storage. */
export const storageStateSchema = z
  .object({
    cookies: z.array(cookieSchema).max(2000),
    origins: z.array(originSchema).max(200),
  })
  .refine((s) => s.cookies.length > 0 || s.origins.some((o) => o.localStorage.length > 0), {
    message: 'holds no cookies and no local storage: export it from a browser signed in to the account',
  });

export type StorageState = z.infer<typeof storageStateSchema>;

/** The storage state refused, with a message that names fields and rules only, never a cookie's name or value. */
export class InvalidStorageStateError extends Error {
  constructor(readonly problems: string[]) {
    super(`the browser session (storage state) is not usable: ${problems.join('; ')}`);
    this.name = 'InvalidStorageStateError';
  }
}

/**
 * Parses what an operator uploaded (the JSON text of a storage state file, or the parsed object). Errors never echo
 * the input: JSON.parse's own message quotes it, and zod's may quote a received value.
 */
export function parseStorageState(input: unknown): StorageState {
  let value = input;
  if (typeof input === 'string') {
    if (Buffer.byteLength(input, 'utf8') > STORAGE_STATE_MAX_BYTES) throw tooLarge();
    try {
      value = JSON.parse(input) as unknown;
    } catch {
      throw new InvalidStorageStateError(['it is not valid JSON']);
    }
  }
  let size: number;
  try {
    size = Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
  } catch {
    throw new InvalidStorageStateError(['it cannot be read as JSON']);
  }
  if (size > STORAGE_STATE_MAX_BYTES) throw tooLarge();
  const parsed = storageStateSchema.safeParse(value);
  if (!parsed.success) throw new InvalidStorageStateError(parsed.error.issues.slice(0, 10).map(describeIssue));
  return parsed.data;
}

function tooLarge(): InvalidStorageStateError {
  return new InvalidStorageStateError([`it is larger than ${STORAGE_STATE_MAX_BYTES / 1024} KB`]);
}

/** `cookies[3].sameSite: must be one of Strict, Lax, None`: the path and the rule, built without the input. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)) : [];
  const path = where.join('').replace(/^\./, '') || 'the state';
  return `${path}: ${rule(issue)}`;
}

function rule(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
    case 'too_big':
      return issue.origin === 'array' ? `has more than ${issue.maximum} entries` : `is too long`;
    case 'too_small':
      return issue.origin === 'array' ? 'has too few entries' : 'must not be empty';
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      // the origin's pattern carries our own message; other formats name the rule only
      return issue.format === 'regex' ? issue.message : 'has the wrong format';
    case 'custom':
      // our own refinements' messages, written above without any input in them
      return issue.message;
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'not_multiple_of':
    case 'unrecognized_keys':
      return 'is not valid';
  }
}
