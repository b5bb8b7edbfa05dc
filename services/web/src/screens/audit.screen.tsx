import { useId } from 'react';
import { excerpt, useAssetTexts, usePosts } from '../api/client-data';
import { AuditEventsQuery, VerifyAuditChainQuery } from '../api/operations';
import { useQuery } from '../api/use-query';
import { useClientScope } from '../auth/workspace';
import { navigate, useLocation } from '../routing/router';
import { formatDateTime } from '../time/zoned-time';
import { Empty, ErrorBox, Loading } from '../ui/feedback';
import { Page } from '../ui/page';
import { actionLabel } from './post.screen';

/** The client's hash-chained audit trail: whether the chain verifies, and each post's events. */
export function AuditScreen() {
  const { client } = useClientScope();
  const tz = client.timezone;
  const { query } = useLocation();
  const chain = useQuery(VerifyAuditChainQuery, { clientId: client.id });
  const posts = usePosts(client.id, 10000);
  const assets = useAssetTexts(client.id);
  const postId = query.get('post') ?? posts.data?.posts[0]?.id ?? '';
  const events = useQuery(AuditEventsQuery, { postId }, { skip: !postId, pollMs: 5000 });
  const pickId = useId();
  const v = chain.data?.verifyAuditChain;

  return (
    <Page title="Audit log" subtitle={`${client.name} · every event is chained to the one before it by its hash`}>
      <section className="panel" aria-labelledby="chain-h">
        <h2 id="chain-h">Chain verification</h2>
        <ErrorBox error={chain.error} onRetry={() => void chain.reload()} />
        {chain.loading && <Loading what="the verification (walking the whole chain)" />}
        {v && !chain.loading && (
          <p className={v.ok ? 'chain-ok' : 'chain-broken'} data-testid="chain-status" data-ok={String(v.ok)}>
            {v.ok
              ? `Intact: ${v.count} events verified, none edited, inserted or deleted.`
              : `Broken: ${v.problems.length} problem(s) in ${v.count} events.`}
          </p>
        )}
        {v && v.problems.length > 0 && (
          <ul className="reasons">
            {v.problems.map((p) => (
              <li key={p.seq + p.problem}>
                Event {p.seq}: {p.problem}
              </li>
            ))}
          </ul>
        )}
        <button type="button" className="button secondary" onClick={() => void chain.reload()} disabled={chain.loading}>
          Verify again
        </button>
      </section>

      <section className="panel" aria-labelledby="events-h">
        <h2 id="events-h">Events of a post</h2>
        <ErrorBox error={posts.error} />
        {posts.data && posts.data.posts.length === 0 && (
          <Empty title="No posts yet">Events of a post show here once one is scheduled.</Empty>
        )}
        {posts.data && posts.data.posts.length > 0 && (
          <label className="field" htmlFor={pickId}>
            <span>Post</span>
            <select
              id={pickId}
              value={postId}
              onChange={(e) => navigate(`/c/${client.id}/audit?post=${e.target.value}`, { replace: true })}
            >
              {posts.data.posts.map((p) => (
                <option key={p.id} value={p.id}>
                  {formatDateTime(p.scheduledAt, tz)} · {p.status} ·{' '}
                  {excerpt(assets.byId.get(p.assetId)?.text, 50) || p.id}
                </option>
              ))}
            </select>
          </label>
        )}
        <ErrorBox error={events.error} />
        {postId && !events.data && !events.error && <Loading what="events" />}
        {events.data && (
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Audit events">
            <table className="table compact">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">When ({tz})</th>
                  <th scope="col">Event</th>
                  <th scope="col">By</th>
                  <th scope="col">Details</th>
                  <th scope="col">Hash</th>
                </tr>
              </thead>
              <tbody>
                {events.data.auditEvents.map((e) => (
                  <tr key={e.id}>
                    <td>{e.seq}</td>
                    <td>{formatDateTime(e.createdAt, tz)}</td>
                    <td>
                      {actionLabel(e.action)} <code className="hint">{e.action}</code>
                    </td>
                    <td>
                      <span title={e.actor}>{shortActor(e.actor)}</span>
                    </td>
                    <td>
                      <code className="data">{e.data}</code>
                    </td>
                    <td>
                      <code title={`previous ${e.prevHash}`}>{e.hash.slice(0, 12)}…</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Page>
  );
}

/** `workflow:publish-<client>-<job>` and `user:<uuid>` are long: the kind and a short id, the whole in the title. */
function shortActor(actor: string): string {
  const [kind, id = ''] = actor.split(/:(.*)/s);
  return id.length > 14 ? `${kind}:${id.slice(0, 12)}…` : actor;
}
