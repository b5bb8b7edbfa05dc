import type { EntityManager } from 'typeorm';
import type { BrandKitView } from './brand-kit.repository';
import { BrandKitRepository } from './brand-kit.repository';
import type { KbSummary } from './knowledge.repository';
import { KnowledgeRepository } from './knowledge.repository';

export type { BrandKitView } from './brand-kit.repository';
export type { KbChunkRef, KbSummary } from './knowledge.repository';

/** What a planning or creation step knows about a client's brand: the kit and knowledge base summaries only. */
export interface BrandContext {
  brandKit: BrandKitView;
  kbSummaries: KbSummary[];
}

export interface BrandContextOptions {
  /** ranks the knowledge base for this text (a brief, a pillar); without it, the most recent sources */
  query?: string;
  /** default 5, at most 20 */
  limit?: number;
}

const brandKits = new BrandKitRepository();
const knowledge = new KnowledgeRepository();

/**
 * The brand context for one client, read with `m` (which must run in a tenant scope that includes the client,
 * C-01). A client without a saved kit gets its name and empty rules (`configured: false`); summaries carry
 * references to chunks, never the sources' text, so what goes into a prompt stays small (C-39).
 */
export async function loadBrandContext(
  m: EntityManager,
  clientId: string,
  opts: BrandContextOptions = {},
): Promise<BrandContext> {
  const brandKit = await brandKits.view(m, clientId);
  if (!brandKit) throw new Error('client not found in this tenant scope');
  const kbSummaries = await knowledge.summaries(m, clientId, opts.query ?? '', opts.limit ?? 5);
  return { brandKit, kbSummaries };
}
