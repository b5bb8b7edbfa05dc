/** Okapi BM25's usual constants: term frequency saturates (k1), long chunks are discounted (b). */
const K1 = 1.2;
const B = 0.75;

export interface CorpusStats {
  /** chunks in the client's live knowledge base */
  documents: number;
  averageLength: number;
}

/** How rare a term is across the corpus: rare terms weigh more. Never negative (the "+1" variant). */
export function idf(stats: CorpusStats, documentFrequency: number): number {
  return Math.log(1 + (stats.documents - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** One chunk's score for a query, from its counts of the query's terms and its length. */
export function bm25(
  termCounts: Record<string, number>,
  length: number,
  weights: ReadonlyMap<string, number>,
  stats: CorpusStats,
): number {
  const norm = 1 - B + (B * length) / Math.max(stats.averageLength, 1);
  let score = 0;
  for (const [term, weight] of weights) {
    const tf = termCounts[term] ?? 0;
    if (tf > 0) score += (weight * (tf * (K1 + 1))) / (tf + K1 * norm);
  }
  return score;
}
