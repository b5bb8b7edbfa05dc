import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PLATFORMS } from '../connectors/platform-registry';
import { isPlatformId } from '../../../workflows/contracts/vocabulary/platform-id';
import { findRepoRoot, policySourceDir } from '../policy/policy-paths';

/** What an import checks a row against, per platform: the policy's text limit and the connector's media support. */
export interface PlatformRules {
  /** the stricter of the content policy's limit and the platform's own */
  maxChars: number;
  /** how the platform counts text (X weighs links as 23); default code points */
  textLength: (text: string) => number;
  /** the platform needs an image or a video on every post */
  requiresMedia: boolean;
  /** the media types the platform takes */
  contentTypes: string[];
  image: boolean;
  video: boolean;
  /** the policy's defaults refuse this platform unless the client opted in (enabled_platforms) */
  disallowedByDefault: boolean;
}

const contentRules = z.object({ max_chars: z.number().int().positive() }).passthrough();
const policyData = z.object({
  raize: z.object({
    defaults: z.object({ disallowed_platforms: z.array(z.string()).default([]) }).passthrough(),
    content: z.object({ default: contentRules, platforms: z.record(z.string(), contentRules).default({}) }),
  }),
});
type PolicyData = z.infer<typeof policyData>['raize'];

let cached: PolicyData | undefined;

/**
 * The policy data the content policy decides with (raize.content: text limits per platform; raize.defaults: platforms refused by default), so the dry run refuses
 * what the content check would refuse later, from the same numbers. Read once per process from $RAIZE_POLICY_DATA,
 * else the built policies/dist/data.json, else the sources; validated with zod, since a malformed file must not pass
 * as "no limit".
 */
function policy(): PolicyData {
  if (cached) return cached;
  const root = findRepoRoot();
  const candidates = [process.env.RAIZE_POLICY_DATA, join(root, 'policies', 'dist', 'data.json')];
  for (const path of candidates) {
    if (!path || !existsSync(path)) continue;
    const parsed = policyData.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (parsed.success) return (cached = parsed.data.raize);
  }
  const sources = join(policySourceDir(root), 'data.json');
  return (cached = policyData.parse(JSON.parse(readFileSync(sources, 'utf8'))).raize);
}

/** The rules of one platform; null for a platform Raize has no connector for. */
export function platformRules(platform: string): PlatformRules | null {
  if (!isPlatformId(platform)) return null;
  const { content, defaults } = policy();
  const { capabilities: caps, mediaRules: rules } = PLATFORMS[platform];
  return {
    maxChars: Math.min((content.platforms[platform] ?? content.default).max_chars, rules.maxTextLength),
    textLength: rules.textLength ?? ((t) => [...t].length),
    requiresMedia: rules.requiresMedia,
    contentTypes: [...(rules.image?.contentTypes ?? []), ...(rules.video?.contentTypes ?? [])],
    image: caps.image,
    video: caps.video,
    disallowedByDefault: defaults.disallowed_platforms.includes(platform),
  };
}
