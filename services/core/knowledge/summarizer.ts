import { tokenize, topTerms } from './text-terms';

export interface SourceSummary {
  summary: string;
  topTerms: string[];
}

const LEAD_CHARS = 400;
const MAX_SENTENCES = 3;
const TOP_TERMS = 8;

/**
 * An extractive summary, no model involved: the opening sentences (where most documents say what they are
 * about) and the most frequent terms. Deterministic, so re-ingesting a source gives the same summary, and it
 * cannot invent anything the source does not say.
 */
export function summarize(text: string): SourceSummary {
  const sentences = splitSentences(text);
  const lead: string[] = [];
  let used = 0;
  for (const s of sentences) {
    if (lead.length >= MAX_SENTENCES || (lead.length && used + s.length > LEAD_CHARS)) break;
    lead.push(s.length > LEAD_CHARS ? `${s.slice(0, LEAD_CHARS - 1).trimEnd()}…` : s);
    used += s.length;
  }
  const terms = topTerms(tokenize(text), TOP_TERMS);
  const parts = [lead.join(' ')];
  if (terms.length) parts.push(`Key terms: ${terms.join(', ')}.`);
  return { summary: parts.filter(Boolean).join('\n').slice(0, 2000), topTerms: terms };
}

export function splitSentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.!?…])\s+(?=[\p{Lu}\p{N}"“'‘(])/u))
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0);
}
