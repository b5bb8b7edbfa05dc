import { useCallback, useMemo } from 'react';
import { useAccounts } from '../../api/client-data';
import { useMe } from '../../auth/session';
import { useClientScope } from '../../auth/workspace';
import { navigate, useLocation } from '../../routing/router';
import { Empty, ErrorBox, Loading } from '../../ui/feedback';
import { Page } from '../../ui/page';
import { ConversationPanel } from './conversation-panel';
import { filtersFrom, InboxFilterBar } from './inbox-filters';
import { InboxList } from './inbox-list';
import { useInboxPages } from './use-inbox-pages';
import './inbox.css';

/**
 * The engagement inbox: the client's conversations across its accounts with filters, polled so new ones arrive
 * without a reload, and the selected one beside the list. One component for `/inbox` and `/inbox/:conversationId`,
 * so selecting a conversation keeps the list, its loaded pages and the scroll position.
 */
export function InboxScreen({ conversationId }: { conversationId: string | null }) {
  const { client } = useClientScope();
  const me = useMe();
  const { query } = useLocation();
  const search = query.toString();
  const filters = useMemo(() => filtersFrom(new URLSearchParams(search), me.id), [search, me.id]);
  const pages = useInboxPages(client.id, filters);
  const accounts = useAccounts(client.id);
  const base = `/c/${client.id}/inbox`;
  const hrefOf = useCallback((id: string) => `${base}/${id}${search ? `?${search}` : ''}`, [base, search]);
  const handleOf = useCallback((id: string) => accounts.byId.get(id)?.handle, [accounts.byId]);
  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(search);
    if (value === null) next.delete(key);
    else next.set(key, value);
    const qs = next.toString();
    navigate(`${base}${conversationId ? `/${conversationId}` : ''}${qs ? `?${qs}` : ''}`, { replace: true });
  };
  const items = pages.items;
  const assignees = [...new Set((items ?? []).flatMap((c) => (c.assigneeId ? [c.assigneeId] : [])))];
  const filtered = Object.values(filters).some((v) => v !== undefined);

  return (
    <Page title="Inbox" subtitle={`${client.name} · comments, mentions and messages that need a person`}>
      <InboxFilterBar query={query} onChange={setFilter} assignees={assignees} />
      <div className="inbox-grid">
        <div className="inbox-list-column">
          <ErrorBox error={pages.error} onRetry={() => void pages.reload()} />
          {!items && !pages.error && <Loading what="the inbox" />}
          {items && items.length === 0 && (
            <Empty title={filtered ? 'No conversation matches these filters' : 'The inbox is empty'}>
              New comments and messages show up here by themselves.
            </Empty>
          )}
          {items && items.length > 0 && (
            <InboxList
              items={items}
              selectedId={conversationId}
              hrefOf={hrefOf}
              handleOf={handleOf}
              timezone={client.timezone}
            />
          )}
          <ErrorBox error={pages.more.error} onRetry={() => void pages.loadMore()} />
          {items && pages.hasMore && (
            <button
              type="button"
              className="button secondary"
              disabled={pages.more.pending}
              onClick={() => void pages.loadMore()}
            >
              Load more
            </button>
          )}
        </div>
        {conversationId ? (
          <ConversationPanel
            key={conversationId}
            conversationId={conversationId}
            handleOf={handleOf}
            timezone={client.timezone}
            onChanged={pages.patch}
          />
        ) : (
          <section className="inbox-panel" aria-label="Conversation">
            <p className="hint">Pick a conversation to read it and work on it.</p>
          </section>
        )}
      </div>
    </Page>
  );
}
