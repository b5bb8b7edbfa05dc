import { useMe } from '../../auth/session';
import { Link } from '../../routing/router';
import { formatDateTime } from '../../time/zoned-time';
import { ConversationBadges, SlaDue } from './conversation-badges';
import { who } from './inbox-words';
import type { ConversationRow } from './use-inbox-pages';

/** The conversations, newest activity first; each row opens its conversation beside the list. */
export function InboxList({
  items,
  selectedId,
  hrefOf,
  handleOf,
  timezone,
}: {
  items: ConversationRow[];
  selectedId: string | null;
  hrefOf: (id: string) => string;
  handleOf: (accountId: string) => string | undefined;
  timezone: string;
}) {
  const me = useMe();
  return (
    <ol className="inbox-list" aria-label="Conversations">
      {items.map((c) => (
        <li
          key={c.id}
          className={`inbox-row${c.id === selectedId ? ' selected' : ''}${c.slaBreached ? ' sla-breached' : ''}`}
          data-conversation={c.id}
          data-status={c.status}
        >
          <Link to={hrefOf(c.id)} aria-current={c.id === selectedId ? 'true' : undefined}>
            <ConversationBadges conversation={c} />
            <span className="inbox-row-meta">
              <span>
                {c.platform} · {handleOf(c.platformAccountId) ?? 'an account'}
              </span>
              <span>
                last message <time dateTime={c.lastMessageAt}>{formatDateTime(c.lastMessageAt, timezone)}</time>
              </span>
              <SlaDue conversation={c} />
              <span data-testid="assignee">assigned to {who(c.assigneeId, me.id)}</span>
            </span>
          </Link>
        </li>
      ))}
    </ol>
  );
}
