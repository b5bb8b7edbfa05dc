import type { ToolBrand } from '../lanes/brand-tools';
import type { BrandSummary } from './planning.deps';

const list = (label: string, words: string[] | undefined) =>
  words?.length ? `${label}: ${words.slice(0, 12).join(', ')}` : '';

/**
 * The planner's brand context from the brand kit and the knowledge base's summaries (never their sources' text):
 * a few lines, capped, so a prompt carries what the brand sounds like and must avoid, not its documents (C-13).
 */
export function plannerBrandSummary(b: ToolBrand): BrandSummary {
  const lines = [
    b.headline && `Headline: ${b.headline}`,
    b.voice && `Voice: ${b.voice}`,
    list('Use words like', b.doWords),
    list('Never use', b.dontWords),
    list('Never claim', b.bannedClaims),
    ...b.sources.map((s) => `Known: ${s.title}: ${s.summary.slice(0, 200)}`),
  ].filter(Boolean);
  return { name: b.name ?? '', summary: lines.join('\n').slice(0, 800) };
}
