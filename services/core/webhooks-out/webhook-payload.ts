import type { EntityManager } from 'typeorm';
import type { WebhookEventType } from './webhook-event-types';

/** The audit event fields the outbox reads (never its actor: an operator's id is not the customer's business). */
export interface OutboxAuditEvent {
  id: string;
  seq: string;
  agencyId: string | null;
  clientId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  data: Record<string, unknown>;
  createdAt: Date;
}

/** What the receiver gets, as Standard Webhooks shapes it. */
export interface WebhookPayload {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

/**
 * The audit action each webhook event comes from. Keyed by string rather than AuditAction on purpose: an action
 * listed here that no emitter writes yet (as `reply.sent` was when this was written) simply never fires.
 */
const FROM_AUDIT: Record<string, WebhookEventType> = {
  'post.scheduled': 'post.scheduled',
  'post.approved': 'post.approved',
  'post.published': 'post.published',
  'post.failed': 'post.failed',
  'post.unverified': 'post.unverified',
  'post.receipt_broken': 'post.receipt_broken',
  'reply.sent': 'reply.sent',
  'account.needs_reconnect': 'account.needs_reconnect',
  'account.quarantined': 'account.quarantined',
};

/**
 * The webhook event an audit event stands for, or null. The guard audits `post.unverified` twice: once beside
 * `post.published` when the first read-back did not find the post yet (data `{ postId }` only: "still checking"),
 * and once when the workflow settles the post as unverified (data with `reasons`). Only the second is final.
 */
export function webhookEventFor(e: Pick<OutboxAuditEvent, 'action' | 'data'>): WebhookEventType | null {
  const type = FROM_AUDIT[e.action];
  if (!type) return null;
  if (type === 'post.unverified' && !Array.isArray(e.data.reasons)) return null;
  return type;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length <= 2048 ? v : undefined);

/** Reason codes only: their messages may quote a platform's answer, which is not the customer's to receive. */
function reasonCodes(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.map((r) => str((r as { code?: unknown })?.code)).filter((c): c is string => !!c);
}

function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));
}

/**
 * The payload's `data`: ids and public facts only, picked field by field (an allowlist, so a field added to an
 * audit event later never leaks out by default). No secrets, no fingerprints, no credential references, no text
 * the client has not published; the post's link is public once published. Runs in the subscription's scope.
 */
export async function webhookData(
  m: EntityManager,
  type: WebhookEventType,
  e: OutboxAuditEvent,
): Promise<Record<string, unknown>> {
  const base = { clientId: e.clientId };
  if (type.startsWith('post.')) {
    const rows: { platform_account_id: string; scheduled_at: Date; platform: string }[] = await m.query(
      `SELECT j.platform_account_id, j.scheduled_at, a.platform
       FROM publish_jobs j JOIN platform_accounts a ON a.id = j.platform_account_id
       WHERE j.id::text = $1 AND j.client_id = $2`,
      [e.subjectId, e.clientId],
    );
    const job = rows[0];
    return compact({
      postId: e.subjectId,
      ...base,
      accountId: job?.platform_account_id,
      platform: job?.platform,
      scheduledAt: str(e.data.scheduledAt) ?? job?.scheduled_at?.toISOString(),
      ...(type === 'post.published' ? { platformPostId: str(e.data.postId), url: str(e.data.url) } : {}),
      ...(type === 'post.failed' || type === 'post.unverified' ? { reasons: reasonCodes(e.data.reasons) } : {}),
      // removed | edited | author_changed, and the post's public link: the client's own post, public once published
      ...(type === 'post.receipt_broken'
        ? { receipt: str(e.data.receipt), platformPostId: str(e.data.postId), url: str(e.data.url) }
        : {}),
    });
  }
  if (type.startsWith('account.')) {
    const rows: { platform: string }[] = await m.query(
      'SELECT platform FROM platform_accounts WHERE id::text = $1 AND client_id = $2',
      [e.subjectId, e.clientId],
    );
    return compact({
      accountId: e.subjectId,
      ...base,
      platform: rows[0]?.platform,
      reason: str(e.data.reason) ?? str(e.data.signal),
    });
  }
  // reply.sent: the reply is public once sent, but its text is not repeated here; ids and the link only.
  return compact({
    replyId: e.subjectId,
    ...base,
    accountId: str(e.data.accountId) ?? str(e.data.platformAccountId),
    conversationId: str(e.data.conversationId),
    platformReplyId: str(e.data.platformReplyId) ?? str(e.data.replyId),
    url: str(e.data.url),
  });
}
