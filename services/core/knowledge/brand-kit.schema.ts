import { z } from 'zod';

export const BRAND_KIT_LIMITS = {
  name: 200,
  headline: 200,
  voice: 2000,
  words: 100,
  wordLength: 60,
  claims: 100,
  claimLength: 200,
  hashtags: 30,
  colours: 12,
  logoKey: 512,
} as const;

/** Trimmed, empty entries dropped, duplicates (ignoring case) dropped in first-seen order. */
const list = (max: number, itemMax: number, what: string) =>
  z
    .array(z.string().max(itemMax, `each of ${what} must be at most ${itemMax} characters`))
    .max(max, `at most ${max} ${what}`)
    .transform((items) => dedupe(items.map((s) => s.trim().replace(/\s+/g, ' ')).filter(Boolean)));

const HASHTAG = /^#[\p{L}\p{N}_]{1,100}$/u;
const COLOUR = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * A change to a brand kit, as it crosses the trust boundary (API input, an import): every field optional, lists
 * normalised. Colours end up as `#rrggbb` in lower case because renderers put them into images and ffmpeg
 * filter arguments, where nothing but a colour may go.
 */
export const brandKitPatchSchema = z
  .object({
    name: z.string().trim().min(1, 'name must not be empty').max(BRAND_KIT_LIMITS.name),
    headline: z.string().trim().max(BRAND_KIT_LIMITS.headline),
    voice: z.string().trim().max(BRAND_KIT_LIMITS.voice),
    doWords: list(BRAND_KIT_LIMITS.words, BRAND_KIT_LIMITS.wordLength, 'do words'),
    dontWords: list(BRAND_KIT_LIMITS.words, BRAND_KIT_LIMITS.wordLength, "don't words"),
    bannedClaims: list(BRAND_KIT_LIMITS.claims, BRAND_KIT_LIMITS.claimLength, 'banned claims'),
    hashtags: z
      .array(z.string().max(101))
      .max(BRAND_KIT_LIMITS.hashtags, `at most ${BRAND_KIT_LIMITS.hashtags} hashtags`)
      .transform((tags) =>
        dedupe(
          tags
            .map((t) => t.trim())
            .filter(Boolean)
            .map((t) => (t.startsWith('#') ? t : `#${t}`)),
        ),
      )
      .refine((tags) => tags.every((t) => HASHTAG.test(t)), 'hashtags are # followed by letters, digits or _'),
    colours: z
      .array(z.string().trim().regex(COLOUR, 'colours are hex codes like #1a2b3c'))
      .max(BRAND_KIT_LIMITS.colours, `at most ${BRAND_KIT_LIMITS.colours} colours`)
      .transform((cs) => dedupe(cs.map(sixDigits))),
    logoArtifactKey: z
      .string()
      .max(BRAND_KIT_LIMITS.logoKey)
      .regex(
        /^[0-9a-f-]+\/[0-9a-f-]+\/image\/[0-9a-f]{64}\.[a-z0-9]{2,5}$/,
        'logoArtifactKey is not an image key of the artifact store',
      )
      .nullable(),
  })
  .partial()
  .strict();

export type BrandKitPatch = z.infer<typeof brandKitPatchSchema>;

function sixDigits(c: string): string {
  const hex = c.slice(1).toLowerCase();
  return `#${hex.length === 3 ? [...hex].map((x) => x + x).join('') : hex}`;
}

function dedupe(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const k = i.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A zod failure as one sentence an operator can act on (the field and what is wrong). */
export function describeZodError(err: z.ZodError): string {
  return err.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.filter((p) => typeof p === 'string').join('.')}: ${i.message}` : i.message))
    .join('; ');
}
