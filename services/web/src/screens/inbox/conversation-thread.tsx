import { ConversationMessagesQuery } from '../../api/inbox-operations';
import { useQuery } from '../../api/use-query';
import { formatDateTime } from '../../time/zoned-time';
import { Empty, ErrorBox, Loading } from '../../ui/feedback';

/**
 * The thread, oldest first. Inbound text is whatever a stranger wrote on the platform: it is rendered as React
 * text only (escaped), never as markup or a link, whatever it contains.
 */
export function ConversationThread({ conversationId, timezone }: { conversationId: string; timezone: string }) {
  const q = useQuery(ConversationMessagesQuery, { conversationId }, { pollMs: 4000 });
  const messages = q.data?.conversationMessages;
  return (
    <div className="panel">
      <h3>Messages</h3>
      <ErrorBox error={q.error} onRetry={() => void q.reload()} />
      {!messages && !q.error && <Loading what="the messages" />}
      {messages && messages.length === 0 && <Empty title="No messages yet" />}
      {messages && messages.length > 0 && (
        <ol className="inbox-thread" aria-label="Messages">
          {messages.map((m) => (
            <li
              key={m.id}
              className={`inbox-message ${m.direction === 'in' ? 'inbound' : 'outbound'}`}
              data-message={m.id}
            >
              <p className="hint">
                {m.direction === 'in' ? `from ${m.authorHandle ?? 'someone'}` : 'sent by the brand'} ·{' '}
                <time dateTime={m.occurredAt}>{formatDateTime(m.occurredAt, timezone)}</time>
              </p>
              <p className="pre-line inbox-message-text" data-testid="message-text">
                {m.text}
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
