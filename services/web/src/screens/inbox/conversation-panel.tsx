import { ConversationQuery } from '../../api/inbox-operations';
import { useQuery } from '../../api/use-query';
import { ErrorBox, Loading } from '../../ui/feedback';
import { ConversationBadges, SlaDue } from './conversation-badges';
import { ConversationNotes } from './conversation-notes';
import { ConversationReplies } from './conversation-replies';
import { ConversationThread } from './conversation-thread';
import { ConversationWork } from './conversation-work';
import { ReplyComposer } from './reply-composer';
import type { ConversationRow } from './use-inbox-pages';

/** One conversation: its thread, why it is here, who works it, notes, replies and what can be done next. */
export function ConversationPanel({
  conversationId,
  handleOf,
  timezone,
  onChanged,
}: {
  conversationId: string;
  handleOf: (accountId: string) => string | undefined;
  timezone: string;
  onChanged: (row: ConversationRow) => void;
}) {
  const q = useQuery(ConversationQuery, { id: conversationId }, { pollMs: 4000 });
  const c = q.data?.conversation;
  if (!c)
    return (
      <section className="inbox-panel" aria-label="Conversation">
        {q.error ? <ErrorBox error={q.error} onRetry={() => void q.reload()} /> : <Loading what="the conversation" />}
      </section>
    );
  const changed = (row: ConversationRow) => {
    onChanged(row);
    void q.reload();
  };
  return (
    <section className="inbox-panel" aria-label="Conversation" data-testid="conversation" data-conversation={c.id}>
      <h2>
        {c.platform} · {handleOf(c.platformAccountId) ?? 'an account'}
      </h2>
      <p className="inbox-badges-line">
        <ConversationBadges conversation={c} /> <SlaDue conversation={c} />
      </p>
      <ErrorBox error={q.error} />
      <div className="panel" data-testid="why-routed">
        <h3>Why it was routed here</h3>
        {c.why.length > 0 ? (
          <ul className="reasons">
            {c.why.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        ) : (
          <p className="hint">The router gave no reason.</p>
        )}
        {c.reasons.length > 0 && (
          <>
            <h3>Where it stands</h3>
            <ul className="reasons" data-testid="conversation-reasons">
              {c.reasons.map((r, i) => (
                <li key={`${r.code}-${i}`}>{r.message}</li>
              ))}
            </ul>
          </>
        )}
        {c.summary && (
          <>
            <h3>Summary</h3>
            <p className="pre-line">{c.summary}</p>
          </>
        )}
      </div>
      <ConversationThread conversationId={c.id} timezone={timezone} />
      <ConversationReplies conversationId={c.id} timezone={timezone} onDecided={() => void q.reload()} />
      <ReplyComposer conversationId={c.id} onSent={() => void q.reload()} />
      <ConversationWork conversation={c} onChanged={changed} />
      <ConversationNotes conversationId={c.id} timezone={timezone} />
    </section>
  );
}
