import type { EntityManager } from 'typeorm';
import { In, IsNull } from 'typeorm';
import type { KbSourceKind } from '../database/entities';
import { KbChunk, KbSource } from '../database/entities';
import { bm25, idf } from './bm25';
import type { CorpusStats } from './bm25';
import { chunkText } from './chunker';
import type { PreparedKbSource } from './kb-ingest';
import { summarize } from './summarizer';
import { queryTerms, termCounts, tokenize } from './text-terms';

/** Where a passage of a source is: enough to fetch it later, never the text itself. */
export interface KbChunkRef {
  chunkId: string;
  ordinal: number;
  score: number;
}

/** What retrieval hands to a planner or a model: a source's summary and references to its best chunks. */
export interface KbSummary {
  sourceId: string;
  kind: KbSourceKind;
  title: string;
  summary: string;
  topTerms: string[];
  /** 0 when there was no query (most recent sources first) */
  score: number;
  chunkRefs: KbChunkRef[];
}

export const SUMMARY_LIMIT_MAX = 20;
const CHUNK_REFS_PER_SOURCE = 3;
/** Retrieval scores at most this many matching chunks: enough for a client's KB, bounded for a hostile one. */
const MATCH_SCAN_LIMIT = 5000;

interface MatchRow {
  id: string;
  source_id: string;
  ordinal: number;
  counts: Record<string, number> | null;
  token_count: number;
}

/**
 * A client's knowledge base: sources with their summaries, and their text as append-only chunks. Callers run
 * inside the client's tenant scope (C-01), and every query names the client as well.
 */
export class KnowledgeRepository {
  /** Chunks, summarises and stores a prepared source in the caller's transaction. */
  async add(
    m: EntityManager,
    client: { agencyId: string; clientId: string },
    source: PreparedKbSource,
    actorId: string,
  ): Promise<KbSource> {
    const chunks = chunkText(source.text);
    const { summary, topTerms } = summarize(source.text);
    const row = await m.save(
      KbSource,
      m.create(KbSource, {
        agencyId: client.agencyId,
        clientId: client.clientId,
        kind: source.kind,
        title: source.title,
        sourceUrl: source.sourceUrl,
        fileName: source.fileName,
        contentType: source.contentType,
        byteSize: source.byteSize,
        contentSha256: source.contentSha256,
        summary,
        topTerms,
        chunkCount: chunks.length,
        createdBy: actorId,
        removedAt: null,
        removedBy: null,
      }),
    );
    // Inserted in batches: one statement per chunk would be hundreds of round trips for a long document.
    for (let i = 0; i < chunks.length; i += 100) {
      await m.insert(
        KbChunk,
        chunks.slice(i, i + 100).map((text, j) => {
          const tokens = tokenize(text);
          return {
            agencyId: client.agencyId,
            clientId: client.clientId,
            sourceId: row.id,
            ordinal: i + j,
            text,
            terms: termCounts(tokens),
            tokenCount: tokens.length,
          };
        }),
      );
    }
    return row;
  }

  /** The client's live sources, newest first. */
  list(m: EntityManager, clientId: string, limit = 200): Promise<KbSource[]> {
    return m.find(KbSource, {
      where: { clientId, removedAt: IsNull() },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
    });
  }

  /**
   * Takes a source out of retrieval. Its chunks stay (append-only: what an earlier step was given can still be
   * shown); nothing reads chunks of a removed source.
   */
  async remove(m: EntityManager, clientId: string, sourceId: string, actorId: string): Promise<KbSource | null> {
    const source = await m.findOne(KbSource, {
      where: { id: sourceId, clientId, removedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    if (!source) return null;
    source.removedAt = new Date();
    source.removedBy = actorId;
    return m.save(KbSource, source);
  }

  /** One chunk's text by reference, for a step that decided it needs the passage itself. */
  async chunk(m: EntityManager, clientId: string, chunkId: string): Promise<KbChunk | null> {
    return m
      .createQueryBuilder(KbChunk, 'c')
      .innerJoin(KbSource, 's', 's.id = c.source_id AND s.removed_at IS NULL')
      .where('c.id = :chunkId AND c.client_id = :clientId', { chunkId, clientId })
      .getOne();
  }

  /**
   * Summaries first (C-39's rule for what enters a model's context): the client's sources ranked by BM25 over
   * their chunks for the query's terms, each with references to its best chunks, never their text. Without
   * query terms, the most recent sources.
   */
  async summaries(m: EntityManager, clientId: string, query: string, limit = 5): Promise<KbSummary[]> {
    const take = Math.min(Math.max(Math.floor(limit) || 1, 1), SUMMARY_LIMIT_MAX);
    const terms = queryTerms(query);
    if (!terms.length) return (await this.list(m, clientId, take)).map((s) => toSummary(s, 0, []));

    const [stats] = await m.query<{ documents: string; average: string | null }[]>(
      `SELECT count(*) AS documents, avg(c.token_count) AS average
         FROM kb_chunks c JOIN kb_sources s ON s.id = c.source_id AND s.removed_at IS NULL
        WHERE c.client_id = $1`,
      [clientId],
    );
    const corpus: CorpusStats = { documents: Number(stats.documents), averageLength: Number(stats.average ?? 0) };
    if (!corpus.documents) return [];
    const rows = await m.query<MatchRow[]>(
      `SELECT c.id, c.source_id, c.ordinal, c.token_count,
              (SELECT jsonb_object_agg(t, c.terms -> t) FROM unnest($2::text[]) t WHERE c.terms ? t) AS counts
         FROM kb_chunks c JOIN kb_sources s ON s.id = c.source_id AND s.removed_at IS NULL
        WHERE c.client_id = $1 AND c.terms ?| $2::text[]
        LIMIT ${MATCH_SCAN_LIMIT}`,
      [clientId, terms],
    );
    const df = new Map<string, number>();
    for (const r of rows) for (const t of Object.keys(r.counts ?? {})) df.set(t, (df.get(t) ?? 0) + 1);
    const weights = new Map(terms.map((t) => [t, idf(corpus, df.get(t) ?? 0)]));

    const bySource = new Map<string, KbChunkRef[]>();
    for (const r of rows) {
      const score = bm25(r.counts ?? {}, r.token_count, weights, corpus);
      const refs = bySource.get(r.source_id) ?? [];
      refs.push({ chunkId: r.id, ordinal: r.ordinal, score });
      bySource.set(r.source_id, refs);
    }
    if (!bySource.size) return [];
    const sources = await m.find(KbSource, {
      where: { id: In([...bySource.keys()]), clientId, removedAt: IsNull() },
    });
    return sources
      .map((s) => {
        const refs = bySource.get(s.id)!.sort((a, b) => b.score - a.score || a.ordinal - b.ordinal);
        // The best passage decides; further matching passages add a little, so breadth beats one lucky chunk only
        // when the best ones are close.
        const score = refs[0].score + 0.25 * refs.slice(1).reduce((sum, r) => sum + r.score, 0);
        return { source: s, score, refs: refs.slice(0, CHUNK_REFS_PER_SOURCE) };
      })
      .sort(
        (a, b) =>
          b.score - a.score ||
          b.source.createdAt.getTime() - a.source.createdAt.getTime() ||
          a.source.id.localeCompare(b.source.id),
      )
      .slice(0, take)
      .map((x) => toSummary(x.source, x.score, x.refs));
  }
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

function toSummary(s: KbSource, score: number, refs: KbChunkRef[]): KbSummary {
  return {
    sourceId: s.id,
    kind: s.kind,
    title: s.title,
    summary: s.summary,
    topTerms: s.topTerms,
    score: round(score),
    chunkRefs: refs.map((r) => ({ ...r, score: round(r.score) })),
  };
}
