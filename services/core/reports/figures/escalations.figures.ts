import type { Figure } from '../report-figures';
import { figure, notAvailable } from '../report-figures';
import type { FigureQuery } from './figure-query';
import { instantParams, plural } from './figure-query';

const ESCALATION_SOURCE = 'conversations handed to a human, from the audit trail (conversation.escalated)';
const SENSITIVE_SOURCE =
  'conversations the router marked sensitive (pricing, refund, legal, medical, harassment, crisis, press) and sent to a human';

/**
 * Escalations (conversations handed to a human) and sensitive routings (conversations opened in the period whose
 * message the router marked sensitive). A period without any conversation has neither: not available, not 0.
 */
export async function escalations(q: FigureQuery): Promise<Figure[]> {
  const [r] = (await q.m.query(
    `SELECT (SELECT count(DISTINCT subject_id) FROM audit_events
              WHERE client_id = $1 AND action = 'conversation.escalated' AND created_at >= $2 AND created_at < $3)::int
              AS escalated,
            (SELECT count(*) FROM conversations
              WHERE client_id = $1 AND sensitive AND created_at >= $2 AND created_at < $3)::int AS sensitive,
            (SELECT count(*) FROM conversations
              WHERE client_id = $1 AND created_at < $3 AND last_message_at >= $2)::int AS conversations`,
    instantParams(q),
  )) as { escalated: number; sensitive: number; conversations: number }[];
  const none = 'no conversation in this period';
  const any = r.conversations > 0 || r.escalated > 0;
  const of = `of ${plural(r.conversations, 'conversation')} in the period`;
  return [
    any
      ? figure({
          key: 'escalations.count',
          label: 'Escalations to a human',
          unit: 'count',
          value: r.escalated,
          source: ESCALATION_SOURCE,
          detail: of,
        })
      : notAvailable(
          { key: 'escalations.count', label: 'Escalations to a human', unit: 'count', source: ESCALATION_SOURCE },
          none,
        ),
    any
      ? figure({
          key: 'escalations.sensitive',
          label: 'Sensitive messages routed to a human',
          unit: 'count',
          value: r.sensitive,
          source: SENSITIVE_SOURCE,
          detail: of,
        })
      : notAvailable(
          {
            key: 'escalations.sensitive',
            label: 'Sensitive messages routed to a human',
            unit: 'count',
            source: SENSITIVE_SOURCE,
          },
          none,
        ),
  ];
}
