import type { ConversationRow } from './use-inbox-pages';
import { CONVERSATION_STATUS, FLAG, fromNow, INTENT, KIND, SENTIMENT } from './inbox-words';

/** Status, kind, intent, sentiment and safety flags: what the router read, at a glance. */
export function ConversationBadges({ conversation: c }: { conversation: ConversationRow }) {
  const look = CONVERSATION_STATUS[c.status];
  return (
    <span className="inbox-badges">
      <span className={`badge badge-${look.tone}`} data-testid="conversation-status" data-status={c.status}>
        {look.label}
      </span>
      <span className="badge badge-neutral">{KIND[c.kind]}</span>
      {c.intent && (
        <span className={`badge ${c.sensitive ? 'badge-attention' : 'badge-neutral'}`} data-intent={c.intent}>
          {INTENT[c.intent]}
        </span>
      )}
      {c.sentiment && (
        <span className={`badge sentiment-${c.sentiment}`} data-sentiment={c.sentiment}>
          {SENTIMENT[c.sentiment]}
        </span>
      )}
      {c.flags.map((f) => (
        <span key={f} className="badge badge-danger" data-flag={f}>
          {FLAG[f]}
        </span>
      ))}
    </span>
  );
}

/** When a human must have answered, against the clock; a missed one says so in words, not by colour alone. */
export function SlaDue({ conversation: c }: { conversation: ConversationRow }) {
  if (c.slaBreached)
    return (
      <span className="sla sla-missed" data-testid="sla">
        SLA missed{c.slaDueAt && <> (due {fromNow(c.slaDueAt)})</>}
      </span>
    );
  if (!c.slaDueAt) return null;
  return (
    <span className="sla" data-testid="sla">
      SLA due {fromNow(c.slaDueAt)}
    </span>
  );
}
