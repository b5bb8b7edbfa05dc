import { useId } from 'react';
import { useMe } from '../../auth/session';
import { usePlatforms } from '../../ui/use-platforms';
import { CONVERSATION_STATUS, INTENT, oneOf, SENTIMENT, who } from './inbox-words';
import type { InboxFilters } from './use-inbox-pages';

/** The filters as the address bar keeps them, so a reload, a link or a selected conversation keeps them too. */
export function filtersFrom(query: URLSearchParams, meId: string): InboxFilters {
  const assignee = query.get('assignee');
  return {
    status: oneOf(CONVERSATION_STATUS, query.get('status')),
    platform: query.get('platform') || undefined,
    intent: oneOf(INTENT, query.get('intent')),
    sentiment: oneOf(SENTIMENT, query.get('sentiment')),
    assigneeId: assignee === 'me' ? meId : assignee && /^[0-9a-f-]{36}$/i.test(assignee) ? assignee : undefined,
    breached: query.get('breached') === '1' ? true : undefined,
  };
}

export function InboxFilterBar({
  query,
  onChange,
  assignees,
}: {
  query: URLSearchParams;
  onChange: (key: string, value: string | null) => void;
  /** the operators the loaded rows are assigned to: without a members API these are all the app can offer */
  assignees: string[];
}) {
  const me = useMe();
  const platforms = usePlatforms();
  const ids = { status: useId(), platform: useId(), intent: useId(), sentiment: useId(), assignee: useId() };
  const current = query.get('assignee');
  const others = [...new Set([...assignees, ...(current && current !== 'me' ? [current] : [])])].filter(
    (a) => a !== me.id,
  );
  const select = (key: string) => ({
    value: query.get(key) ?? '',
    onChange: (e: { target: { value: string } }) => onChange(key, e.target.value || null),
  });
  return (
    <form className="inbox-filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <label className="field inline" htmlFor={ids.status}>
        <span>Status</span>
        <select id={ids.status} {...select('status')}>
          <option value="">Any</option>
          {Object.entries(CONVERSATION_STATUS).map(([k, v]) => (
            <option key={k} value={k}>
              {v.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field inline" htmlFor={ids.platform}>
        <span>Platform</span>
        <select id={ids.platform} {...select('platform')}>
          <option value="">Any</option>
          {(platforms.list ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
            </option>
          ))}
        </select>
      </label>
      <label className="field inline" htmlFor={ids.intent}>
        <span>Intent</span>
        <select id={ids.intent} {...select('intent')}>
          <option value="">Any</option>
          {Object.entries(INTENT).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <label className="field inline" htmlFor={ids.sentiment}>
        <span>Sentiment</span>
        <select id={ids.sentiment} {...select('sentiment')}>
          <option value="">Any</option>
          {Object.entries(SENTIMENT).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <label className="field inline" htmlFor={ids.assignee}>
        <span>Assignee</span>
        <select id={ids.assignee} {...select('assignee')}>
          <option value="">Anyone</option>
          <option value="me">Me</option>
          {others.map((a) => (
            <option key={a} value={a}>
              {who(a, me.id)}
            </option>
          ))}
        </select>
      </label>
      <label className="radio">
        <input
          type="checkbox"
          checked={query.get('breached') === '1'}
          onChange={(e) => onChange('breached', e.target.checked ? '1' : null)}
        />
        <span>Breached SLA only</span>
      </label>
    </form>
  );
}
