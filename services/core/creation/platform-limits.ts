import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { defaultPolicyWasmPath, policySourceDir } from '../policy/policy-paths';

/**
 * How each platform shows a post (text limit, the feed's "…more" cut, hashtags, links, media aspect). One place:
 * the policy's own data (data.raize.content in policies/raize/data.json), so the content check and the review
 * queue's previews never disagree.
 */
export interface PlatformLimits {
  maxChars: number;
  maxHashtags: number;
  linksAllowed: boolean;
  feedCut: number;
  mediaAspect: string;
}

const limitsSchema = z.object({
  max_chars: z.number().int().positive(),
  max_hashtags: z.number().int().nonnegative(),
  links_allowed: z.boolean(),
  feed_cut: z.number().int().positive(),
  media_aspect: z.string().min(1),
});
const contentSchema = z.object({
  raize: z.object({
    content: z.object({ default: limitsSchema, platforms: z.record(z.string(), limitsSchema.partial()) }),
  }),
});
type ContentData = z.infer<typeof contentSchema>['raize']['content'];

let cached: ContentData | undefined;

function load(): ContentData {
  if (cached) return cached;
  // The data the engine loaded (beside the wasm), else the source the build copies it from.
  const candidates = [
    process.env.RAIZE_POLICY_DATA,
    join(dirname(defaultPolicyWasmPath()), 'data.json'),
    join(policySourceDir(), 'data.json'),
  ].filter((p): p is string => !!p);
  for (const path of candidates) {
    if (!existsSync(path)) continue;
    const parsed = contentSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (parsed.success) return (cached = parsed.data.raize.content);
  }
  throw new Error('the content policy data (raize.content) was not found; run `npm run policies:build`');
}

export function platformLimits(platform: string): PlatformLimits {
  const data = load();
  const l = { ...data.default, ...(data.platforms[platform] ?? {}) };
  return {
    maxChars: l.max_chars,
    maxHashtags: l.max_hashtags,
    linksAllowed: l.links_allowed,
    feedCut: l.feed_cut,
    mediaAspect: l.media_aspect,
  };
}
