/**
 * Words as retrieval counts them: lower case, letters and digits of any script, English stop words and very
 * short tokens dropped. Deterministic, so the same text always ranks and summarises the same way.
 */
const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have having ' +
    'he her here hers herself him himself his how i if in into is it its itself just me more most my myself no ' +
    'nor not now of off on once only or other our ours ourselves out over own same she should so some such than ' +
    'that the their theirs them themselves then there these they this those through to too under until up very ' +
    'was we were what when where which while who whom why will with would you your yours yourself yourselves ' +
    'may might must shall us via per etc'
  ).split(' '),
);

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu;

export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(TOKEN)) {
    const t = m[0].replace(/['’_-]+$/u, '').replace(/['’]s$/u, '');
    if (t.length >= 2 && t.length <= 40 && !STOP_WORDS.has(t)) out.push(t);
  }
  return out;
}

/** Term → count of one text. */
export function termCounts(tokens: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of tokens) counts[t] = (counts[t] ?? 0) + 1;
  return counts;
}

/** The `n` most frequent terms (ties by first appearance, so the result never depends on hash order). */
export function topTerms(tokens: readonly string[], n: number): string[] {
  const counts = new Map<string, { count: number; first: number }>();
  tokens.forEach((t, i) => {
    const c = counts.get(t);
    if (c) c.count++;
    else counts.set(t, { count: 1, first: i });
  });
  return [...counts.entries()]
    .sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first)
    .slice(0, n)
    .map(([t]) => t);
}

/** A query's distinct terms, capped so a pasted essay cannot make retrieval scan for thousands of words. */
export function queryTerms(query: string, max = 32): string[] {
  return [...new Set(tokenize(query))].slice(0, max);
}
