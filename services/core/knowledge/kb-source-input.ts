import { z } from 'zod';

export const KB_LIMITS = {
  title: 200,
  /** pasted text, in characters */
  textChars: 200_000,
  /** an uploaded file's bytes (UTF-8) */
  fileBytes: 1_000_000,
  /** a fetched page's bytes, decompressed */
  urlBytes: 2_000_000,
  urlTimeoutMs: 10_000,
  /** the readable text of any source, after extraction */
  extractedChars: 400_000,
  urlChars: 2048,
} as const;

/**
 * A new knowledge base source as it crosses the trust boundary. Files arrive as their text for now (the API has
 * no upload endpoint yet); URLs are fetched only through the guarded fetcher.
 */
export const kbSourceInputSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('text'),
      title: z
        .string({ error: 'a text source needs a title' })
        .trim()
        .min(1, 'a text source needs a title')
        .max(KB_LIMITS.title),
      text: z
        .string({ error: 'a text source needs its text' })
        .max(KB_LIMITS.textChars, `text must be at most ${KB_LIMITS.textChars} characters`),
    })
    .strict(),
  z
    .object({
      kind: z.literal('file'),
      title: z.string().trim().max(KB_LIMITS.title).optional(),
      fileName: z
        .string({ error: 'a file source needs its fileName' })
        .trim()
        .min(1)
        .max(255)
        .regex(/^[^/\\\u0000-\u001f]+$/, 'fileName must be a plain file name'),
      contentType: z.string({ error: 'a file source needs its contentType' }).trim().max(100),
      content: z
        .string({ error: 'a file source needs its content' })
        .refine(
          (c) => Buffer.byteLength(c, 'utf8') <= KB_LIMITS.fileBytes,
          `file content must be at most ${KB_LIMITS.fileBytes} bytes`,
        ),
    })
    .strict(),
  z
    .object({
      kind: z.literal('url'),
      title: z.string().trim().max(KB_LIMITS.title).optional(),
      url: z.string({ error: 'a URL source needs its url' }).trim().min(1).max(KB_LIMITS.urlChars),
    })
    .strict(),
]);

export type KbSourceInput = z.infer<typeof kbSourceInputSchema>;
