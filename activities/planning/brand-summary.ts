import { loadBrandContext } from '../../services/core/knowledge/brand-context';
import type { BrandContextLoader } from './planning.deps';

const list = (label: string, words: string[]) => (words.length ? `${label}: ${words.slice(0, 12).join(', ')}` : '');

/**
 * The planner's brand context from the brand kit and the knowledge base's summaries (never their sources' text):
 * a few lines, capped, so a prompt carries what the brand sounds like and must avoid, not its documents (C-13).
 */
export const knowledgeBrandContext: BrandContextLoader = async (m, clientId) => {
  const { brandKit, kbSummaries } = await loadBrandContext(m, clientId, { limit: 3 });
  const lines = [
    brandKit.headline && `Headline: ${brandKit.headline}`,
    brandKit.voice && `Voice: ${brandKit.voice}`,
    list('Use words like', brandKit.doWords),
    list('Never use', brandKit.dontWords),
    list('Never claim', brandKit.bannedClaims),
    ...kbSummaries.map((s) => `Known: ${s.title}: ${s.summary.slice(0, 200)}`),
  ].filter(Boolean);
  return { name: brandKit.name, summary: lines.join('\n').slice(0, 800) };
};
