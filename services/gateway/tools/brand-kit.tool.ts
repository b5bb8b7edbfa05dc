import { z } from 'zod';
import { BrandKitRepository } from '../../core/knowledge/brand-kit.repository';
import { KnowledgeRepository } from '../../core/knowledge/knowledge.repository';
import { ToolRefusal } from '../tool.types';
import { clientIdField, clientOf, iso, UNTRUSTED_TEXT_NOTE } from './tool-client';
import { defineTool } from './tool-definition';

const brandKits = new BrandKitRepository();
const knowledge = new KnowledgeRepository();

const input = z.strictObject({
  clientId: clientIdField,
  query: z.string().max(500).optional().describe('ranks the knowledge summaries for this text (a brief, a pillar)'),
  limit: z.number().int().min(0).max(10).optional().describe('knowledge base summaries to include (default 3)'),
});

/**
 * The client's brand kit and its knowledge base's summaries (never the sources' text): what the planner's brand
 * summary, the creator's brand context and the engagement router's and drafter's word lists are made from.
 */
export const brandKitTool = defineTool(
  {
    name: 'brand_kit',
    title: 'Brand kit',
    description:
      "Returns the client's brand kit: name, headline, voice, words to use and to avoid, banned claims, hashtags, " +
      'colours, and short summaries of its knowledge base. Use it before writing anything for the brand.',
    class: 'read',
    takesClient: true,
  },
  input,
  async (ctx, q) => {
    const { clientId } = clientOf(ctx);
    const limit = q.limit ?? 3;
    // The parts of loadBrandContext (services/core/knowledge/brand-context.ts), so a missing client is a refusal.
    const k = await brandKits.view(ctx.m, clientId);
    if (!k) throw new ToolRefusal('not_found', 'client not found');
    const kbSummaries = limit ? await knowledge.summaries(ctx.m, clientId, q.query ?? '', limit) : [];
    return {
      result: {
        note: UNTRUSTED_TEXT_NOTE,
        brand: {
          clientId: k.clientId,
          name: k.name,
          headline: k.headline,
          voice: k.voice,
          doWords: k.doWords,
          dontWords: k.dontWords,
          bannedClaims: k.bannedClaims,
          hashtags: k.hashtags,
          colours: k.colours,
          logoArtifactKey: k.logoArtifactKey,
          configured: k.configured,
          updatedAt: iso(k.updatedAt),
        },
        knowledge: kbSummaries.map((s) => ({ sourceId: s.sourceId, title: s.title, summary: s.summary })),
      },
      summary: k.configured
        ? `Brand kit of the client (${k.doWords.length} do words, ${k.dontWords.length} don't words, ${k.bannedClaims.length} banned claims).`
        : 'The client has no brand kit yet: only its name.',
    };
  },
);
