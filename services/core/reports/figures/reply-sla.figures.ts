import { WAITING_STATUSES } from '../../../../workflows/contracts/vocabulary/engagement';
import type { Figure } from '../report-figures';
import { ratio } from '../report-figures';
import type { FigureQuery } from './figure-query';
import { instantParams, plural } from './figure-query';

const SOURCE =
  'conversations a human owed an answer (escalations and drafts awaiting approval) and their SLA breaches (conversations, engagement_replies, audit trail)';

/**
 * The share of conversations a human owed an answer that were answered within their SLA. Owed: escalated within the
 * period, a draft of the period that waited for a human's approval, or still waiting with a deadline in the period.
 * Missed: an SLA breach was recorded. Still waiting and not yet due: undecided, left out of the share.
 */
export async function replySla(q: FigureQuery): Promise<Figure> {
  const [r] = (await q.m.query(
    `WITH owed AS (
       SELECT e.subject_id AS id FROM audit_events e
        WHERE e.client_id = $1 AND e.action = 'conversation.escalated' AND e.created_at >= $2 AND e.created_at < $3
       UNION
       SELECT cm.conversation_id::text FROM engagement_replies r
         JOIN conversation_messages cm ON cm.inbound_event_id = r.inbound_event_id AND cm.client_id = r.client_id
        WHERE r.client_id = $1 AND r.author_kind = 'ai' AND r.approved_by IS NOT NULL
          AND r.created_at >= $2 AND r.created_at < $3
       UNION
       SELECT c.id::text FROM conversations c
        WHERE c.client_id = $1 AND c.sla_due_at >= $2 AND c.sla_due_at < $3
     ),
     missed AS (
       SELECT e.subject_id AS id FROM audit_events e
        WHERE e.client_id = $1 AND e.action = 'conversation.sla_breached' AND e.created_at >= $2
       UNION
       SELECT c.id::text FROM conversations c WHERE c.client_id = $1 AND c.sla_breached_at IS NOT NULL
     ),
     pending AS (
       SELECT c.id::text AS id FROM conversations c
        WHERE c.client_id = $1 AND c.status = ANY ($4::text[]) AND c.sla_due_at > now() AND c.sla_breached_at IS NULL
     )
     SELECT count(*) FILTER (WHERE o.id NOT IN (SELECT id FROM pending))::int AS decided,
            count(*) FILTER (WHERE o.id IN (SELECT id FROM missed))::int AS missed
       FROM owed o`,
    [...instantParams(q), WAITING_STATUSES],
  )) as { decided: number; missed: number }[];
  return ratio(
    { key: 'replies.sla_rate', label: 'Replies within SLA', source: SOURCE },
    r.decided - r.missed,
    r.decided,
    (p, w) => `${p} of ${plural(w, 'conversation')} answered in time`,
    'no conversation waited on a human in this period',
  );
}
