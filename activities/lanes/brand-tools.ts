import { z } from 'zod';
import type { ActivityIdentity, ToolClient } from '../../services/core/gateway/tool-client.port';
import type { CreationBrandContext } from '../creation/creation.deps';
import { callTool } from './agent-tools';

/** The creation brand context plus the knowledge base's sources (title and summary) it was built from. */
export interface ToolBrand extends CreationBrandContext {
  sources: { title: string; summary: string }[];
}

const words = z.array(z.string());
// Checked at the boundary (the gateway is another process); fields the steps do not use are ignored.
const brandKitSchema = z.object({
  brand: z.object({
    name: z.string(),
    headline: z.string(),
    voice: z.string(),
    colours: words,
    hashtags: words,
    doWords: words,
    dontWords: words,
    bannedClaims: words,
  }),
  knowledge: z.array(z.object({ title: z.string(), summary: z.string() })),
});

/**
 * The brand as an AI step sees it, read through the gateway's `brand_kit` tool (issue #16): the kit and, when asked
 * for, a few of the knowledge base's summaries (summaries only, never the sources' text, C-13). A refusal throws
 * callTool's non-retryable GatewayRefused failure; the step decides what that means for its episode.
 */
export async function brandViaTools(
  tools: ToolClient,
  who: ActivityIdentity,
  opts: { summaries: number } = { summaries: 0 },
): Promise<ToolBrand> {
  const answer = await callTool<unknown>(tools, who, 'brand_kit', { limit: opts.summaries });
  const parsed = brandKitSchema.safeParse(answer.result);
  if (!parsed.success) throw new Error('the tool gateway answered brand_kit without a brand kit the worker can read');
  const { brand: k, knowledge } = parsed.data;
  const sources = knowledge.slice(0, opts.summaries).map((s) => ({ title: s.title, summary: s.summary }));
  return {
    name: k.name,
    voice: k.voice || undefined,
    headline: k.headline || undefined,
    colours: k.colours,
    hashtags: k.hashtags,
    doWords: k.doWords,
    dontWords: k.dontWords,
    bannedClaims: k.bannedClaims,
    summaries: sources.map((s) => s.summary),
    sources,
  };
}
