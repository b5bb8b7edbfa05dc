import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deeper than any input of the API nests: past it the walk stops rather than follow something that is not input. */
const MAX_DEPTH = 16;

/** The path of the first string in `value` that Postgres cannot store (NUL; an unpaired surrogate), or null. */
export function unstorableTextAt(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') || LONE_SURROGATE.test(value) ? path : null;
  if (
    depth > MAX_DEPTH ||
    value === null ||
    typeof value !== 'object' ||
    value instanceof Date ||
    Buffer.isBuffer(value)
  )
    return null;
  for (const [key, v] of Object.entries(value)) {
    const at = unstorableTextAt(v, path ? `${path}.${key}` : key, depth + 1);
    if (at !== null) return at;
  }
  return null;
}

/**
 * Text Postgres refuses (a NUL character in text, an unpaired surrogate in jsonb) is refused at the API's boundary,
 * naming the field: it reached the database and came back as an internal error, after whatever the request had
 * written before it (C-54, found by fuzzing: createClient with the name "a\u0000b").
 */
@Injectable()
export class StorableTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // Custom parameters (the signed-in actor) are the server's own values, not input.
    if (metadata.type === 'custom') return value;
    const at = unstorableTextAt(value, metadata.data ?? '');
    if (at !== null)
      throw new BadRequestException(
        `${at || 'a text value'} holds binary data (a NUL character) or an unpaired surrogate, which cannot be stored as text`,
      );
    return value;
  }
}
