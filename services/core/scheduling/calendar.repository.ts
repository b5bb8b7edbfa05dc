import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { z } from 'zod';
import { Approval, type PublishJob } from '../database/entities';
import { authorList } from '../repositories/content-authors.repository';

/** Where a page ends: the last post's time and id, so posts sharing a timestamp never repeat or go missing. */
export interface CalendarCursor {
  at: Date;
  id: string;
}

const cursorSchema = z.object({
  t: z.iso.datetime(),
  i: z.uuid(),
});

/** An opaque cursor: base64url of the position; its shape is not an API promise. */
export function encodeCursor(c: CalendarCursor): string {
  return Buffer.from(JSON.stringify({ t: c.at.toISOString(), i: c.id })).toString('base64url');
}

/** The position a cursor names; null when the text is not a cursor this API issued. */
export function decodeCursor(s: string): CalendarCursor | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(s, 'base64url').toString('utf8')));
    return parsed.success ? { at: new Date(parsed.data.t), id: parsed.data.i } : null;
  } catch {
    return null;
  }
}

export interface PageQuery {
  clientId: string;
  first: number;
  after?: CalendarCursor | null;
  /**
   * false: the page without its approvals and authors (both lists come back empty), for an answer that shows
   * neither: a month grid of 1,000 posts then skips three joins per post. Default true.
   */
  authorsAndApprovals?: boolean;
}

/** An approval as a post's answer shows it. */
/** An approval as lists show it: approverId names the operator, or the client reviewer (reviewerId set too). */
export type ListedApproval = Pick<Approval, 'role' | 'assetChecksum' | 'createdAt'> & {
  approverId: string;
  reviewerId: string | null;
};

/**
 * A post as the calendar and the approvals queue list it: the job's shown columns (not its payload, which is fixed
 * at scheduling and read by the workflow only), its approvals (decision 'approved', oldest first) and everyone
 * who wrote its content (C-21).
 */
export type ListedPost = Pick<
  PublishJob,
  | 'id'
  | 'clientId'
  | 'platformAccountId'
  | 'assetId'
  | 'assetChecksum'
  | 'scheduledAt'
  | 'timezone'
  | 'status'
  | 'statusReasons'
  | 'workflowId'
  | 'createdBy'
  | 'platformPostId'
  | 'url'
  | 'proof'
  | 'publishedAt'
  | 'verifiedAt'
> & { approvals: ListedApproval[]; authorIds: string[] };

export interface Page {
  posts: ListedPost[];
  hasNextPage: boolean;
}

/**
 * One page of a client's posts scheduled in [from, to), in (scheduled_at, id) order: a range scan of the
 * publish_jobs_client_schedule index, whatever the client's volume. Raize writes scheduled_at from JavaScript
 * dates (millisecond precision), which the cursor carries exactly.
 */
export function calendarPage(m: EntityManager, q: PageQuery & { from: Date; to: Date }): Promise<Page> {
  return page(m, q, 'j.scheduled_at >= $2 AND j.scheduled_at < $3', [q.from, q.to]);
}

/** One page of the posts waiting for an approval, soonest first (the partial index publish_jobs_awaiting_approval). */
export function approvalQueuePage(m: EntityManager, q: PageQuery): Promise<Page> {
  // A literal, not a parameter: the planner matches the partial index's predicate against the query text.
  return page(m, q, `j.status = 'awaiting_approval'`, []);
}

/** A page's approvals, its asset's author and editors: three probes per post, asked only when shown. */
const DETAIL_COLUMNS = `coalesce(a.approvals, '[]'::json) AS approvals, s.author_id AS "assetAuthorId",
            coalesce(r.editor_ids, '{}') AS "editorIds"`;
const DETAIL_JOINS = `LEFT JOIN LATERAL (
         SELECT json_agg(json_build_object('approverId', coalesce(x.approver_id, x.reviewer_id),
                                           'reviewerId', x.reviewer_id, 'role', x.role,
                                           'assetChecksum', x.asset_checksum, 'createdAt', x.created_at)
                         ORDER BY x.created_at, x.id) AS approvals
           FROM approvals x
          WHERE x.publish_job_id = p.id AND x.client_id = p.client_id AND x.decision = 'approved'
       ) a ON true
       LEFT JOIN assets s ON s.id = p.asset_id AND s.client_id = p.client_id
       LEFT JOIN LATERAL (
         SELECT array_agg(v.editor_id) AS editor_ids
           FROM asset_revisions v
          WHERE v.asset_id = p.asset_id AND v.client_id = p.client_id
       ) r ON true`;

interface PageRow extends Omit<ListedPost, 'approvals' | 'authorIds'> {
  approvals: (Omit<ListedApproval, 'createdAt'> & { createdAt: string })[];
  assetAuthorId: string | null;
  editorIds: string[];
}

/**
 * The page and what its answer shows besides the job, in one query as plain rows. It took four queries per page
 * before (page, approvals, assets, revisions) and TypeORM hydrating every entity, which put a month of 833 posts
 * over 100 ms at p99 on a 2-core machine (docs/benchmarks.md, issue #11). The page is cut first (the CTE), so the
 * joins run for its rows only; each joined table keeps its tenant filter (the post's client_id) on top of
 * row-level security, as the separate reads did.
 */
async function page(m: EntityManager, q: PageQuery, range: string, rangeParams: unknown[]): Promise<Page> {
  const params: unknown[] = [q.clientId, ...rangeParams];
  const at = (v: unknown) => `$${params.push(v)}`;
  const after = q.after ? `AND (j.scheduled_at, j.id) > (${at(q.after.at)}::timestamptz, ${at(q.after.id)}::uuid)` : '';
  const limit = at(q.first + 1);
  const withDetails = q.authorsAndApprovals ?? true;
  const details = withDetails
    ? { columns: DETAIL_COLUMNS, joins: DETAIL_JOINS }
    : { columns: `'[]'::json AS approvals, NULL AS "assetAuthorId", '{}'::uuid[] AS "editorIds"`, joins: '' };
  const rows = await m.query<PageRow[]>(
    `WITH page AS (
       SELECT j.id, j.client_id, j.platform_account_id, j.asset_id, j.asset_checksum, j.scheduled_at, j.timezone,
              j.status, j.status_reasons, j.workflow_id, j.created_by, j.platform_post_id, j.url, j.proof,
              j.published_at, j.verified_at
         FROM publish_jobs j
        WHERE j.client_id = $1 AND ${range} ${after}
        ORDER BY j.scheduled_at, j.id
        LIMIT ${limit}
     )
     SELECT p.id, p.client_id AS "clientId", p.platform_account_id AS "platformAccountId", p.asset_id AS "assetId",
            p.asset_checksum AS "assetChecksum", p.scheduled_at AS "scheduledAt", p.timezone, p.status,
            p.status_reasons AS "statusReasons", p.workflow_id AS "workflowId", p.created_by AS "createdBy",
            p.platform_post_id AS "platformPostId", p.url, p.proof, p.published_at AS "publishedAt",
            p.verified_at AS "verifiedAt", ${details.columns}
       FROM page p
       ${details.joins}
      ORDER BY p.scheduled_at, p.id`,
    params,
  );
  // Field by field rather than a rest spread: a month is 1,000 rows and the copy runs for each (issue #18).
  const posts = rows.slice(0, q.first).map((r): ListedPost => ({
    id: r.id,
    clientId: r.clientId,
    platformAccountId: r.platformAccountId,
    assetId: r.assetId,
    assetChecksum: r.assetChecksum,
    scheduledAt: r.scheduledAt,
    timezone: r.timezone,
    status: r.status,
    statusReasons: r.statusReasons,
    workflowId: r.workflowId,
    createdBy: r.createdBy,
    platformPostId: r.platformPostId,
    url: r.url,
    proof: r.proof,
    publishedAt: r.publishedAt,
    verifiedAt: r.verifiedAt,
    approvals: r.approvals.map((a) => ({ ...a, createdAt: new Date(a.createdAt) })),
    authorIds: withDetails ? authorList(r, r.assetAuthorId, r.editorIds) : [],
  }));
  return { posts, hasNextPage: rows.length > q.first };
}

/** The approvals given for each of a page's posts, in one query, oldest first. */
export async function approvalsOfEach(
  m: EntityManager,
  jobs: readonly PublishJob[],
): Promise<Map<string, ListedApproval[]>> {
  const out = new Map<string, ListedApproval[]>(jobs.map((j) => [j.id, []]));
  if (!jobs.length) return out;
  const rows = await m.find(Approval, {
    where: {
      publishJobId: In(jobs.map((j) => j.id)),
      clientId: In([...new Set(jobs.map((j) => j.clientId))]),
      decision: 'approved',
    },
    order: { createdAt: 'ASC' },
  });
  for (const a of rows)
    out.get(a.publishJobId)?.push({
      approverId: (a.approverId ?? a.reviewerId)!,
      reviewerId: a.reviewerId,
      role: a.role,
      assetChecksum: a.assetChecksum,
      createdAt: a.createdAt,
    });
  return out;
}
