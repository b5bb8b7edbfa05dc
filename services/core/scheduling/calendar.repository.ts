import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { z } from 'zod';
import { Approval, PublishJob } from '../database/entities';

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
}

export interface Page {
  /** without `payload`, which no list shows */
  jobs: PublishJob[];
  hasNextPage: boolean;
}

/**
 * One page of a client's posts scheduled in [from, to), in (scheduled_at, id) order: a range scan of the
 * publish_jobs_client_schedule index, whatever the client's volume. Raize writes scheduled_at from JavaScript
 * dates (millisecond precision), which the cursor carries exactly.
 */
export async function calendarPage(m: EntityManager, q: PageQuery & { from: Date; to: Date }): Promise<Page> {
  const qb = m
    .createQueryBuilder(PublishJob, 'j')
    .where('j.client_id = :clientId', { clientId: q.clientId })
    .andWhere('j.scheduled_at >= :from', { from: q.from })
    .andWhere('j.scheduled_at < :to', { to: q.to });
  return page(qb, q);
}

/** One page of the posts waiting for an approval, soonest first (the partial index publish_jobs_awaiting_approval). */
export async function approvalQueuePage(m: EntityManager, q: PageQuery): Promise<Page> {
  const qb = m
    .createQueryBuilder(PublishJob, 'j')
    .where('j.client_id = :clientId', { clientId: q.clientId })
    .andWhere(`j.status = 'awaiting_approval'`);
  return page(qb, q);
}

// What a post's answer shows; the payload (fixed at scheduling, read by the workflow) is left in the database.
const LISTED_COLUMNS = [
  'id',
  'agencyId',
  'clientId',
  'platformAccountId',
  'assetId',
  'assetChecksum',
  'scheduledAt',
  'timezone',
  'status',
  'statusReasons',
  'workflowId',
  'createdBy',
  'platformPostId',
  'url',
  'proof',
  'publishedAt',
  'verifiedAt',
].map((c) => `j.${c}`);

async function page(qb: ReturnType<EntityManager['createQueryBuilder']>, q: PageQuery): Promise<Page> {
  qb.select(LISTED_COLUMNS);
  if (q.after)
    qb.andWhere('(j.scheduled_at, j.id) > (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))', {
      afterAt: q.after.at,
      afterId: q.after.id,
    });
  const rows = (await qb
    .orderBy('j.scheduled_at', 'ASC')
    .addOrderBy('j.id', 'ASC')
    .limit(q.first + 1)
    .getMany()) as PublishJob[];
  return { jobs: rows.slice(0, q.first), hasNextPage: rows.length > q.first };
}

/** The approvals given for each of a page's posts, in one query, oldest first. */
export async function approvalsOfEach(m: EntityManager, jobs: readonly PublishJob[]): Promise<Map<string, Approval[]>> {
  const out = new Map<string, Approval[]>(jobs.map((j) => [j.id, []]));
  if (!jobs.length) return out;
  const rows = await m.find(Approval, {
    where: {
      publishJobId: In(jobs.map((j) => j.id)),
      clientId: In([...new Set(jobs.map((j) => j.clientId))]),
      decision: 'approved',
    },
    order: { createdAt: 'ASC' },
  });
  for (const a of rows) out.get(a.publishJobId)?.push(a);
  return out;
}
