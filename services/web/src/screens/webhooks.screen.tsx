import { type FormEvent, useId, useState } from 'react';
import {
  CreateWebhookSubscriptionMutation,
  DeleteWebhookSubscriptionMutation,
  RedeliverWebhookMutation,
  RotateWebhookSecretMutation,
  SendTestWebhookMutation,
  UpdateWebhookSubscriptionMutation,
  WebhookDeliveriesQuery,
  WebhookSubscriptionsQuery,
} from '../api/webhook-operations';
import { useMutation } from '../api/use-mutation';
import { useQuery } from '../api/use-query';
import { useClientScope } from '../auth/workspace';
import type { WebhookEventType, WebhookSubscriptionsQuery as SubscriptionsResult } from '../gql/graphql';
import { formatDateTime } from '../time/zoned-time';
import { Empty, ErrorBox, Loading, Notice } from '../ui/feedback';
import { Page } from '../ui/page';

type Subscription = SubscriptionsResult['webhookSubscriptions'][number];

const EVENT_TYPES: { value: WebhookEventType; label: string }[] = [
  { value: 'post_scheduled', label: 'post.scheduled' },
  { value: 'post_approved', label: 'post.approved' },
  { value: 'post_published', label: 'post.published' },
  { value: 'post_failed', label: 'post.failed' },
  { value: 'post_unverified', label: 'post.unverified' },
  { value: 'reply_sent', label: 'reply.sent' },
  { value: 'account_needs_reconnect', label: 'account.needs_reconnect' },
  { value: 'account_quarantined', label: 'account.quarantined' },
];

const DISABLED_REASONS: Record<string, string> = {
  gone: 'the receiver answered 410 Gone',
  failing: 'deliveries failed for days without a success',
  disabled_by_operator: 'switched off by an operator',
};

/** Outbound webhooks of a client: subscriptions (URL, events, secret shown once) and each one's delivery log. */
export function WebhooksScreen() {
  const { client, can } = useClientScope();
  const mayManage = can('webhook.manage');
  return (
    <Page
      title="Webhooks"
      subtitle={`${client.name} · lifecycle events sent to your systems, signed (Standard Webhooks)`}
    >
      {mayManage ? <Subscriptions /> : <p className="hint">An Admin or Manager manages webhooks.</p>}
    </Page>
  );
}

function Subscriptions() {
  const { client } = useClientScope();
  const subs = useQuery(WebhookSubscriptionsQuery, { clientId: client.id }, { pollMs: 15_000 });
  const [secret, setSecret] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const list = subs.data?.webhookSubscriptions;
  return (
    <>
      {secret && <SecretOnce secret={secret} onDone={() => setSecret(null)} />}
      <section className="panel" aria-labelledby="subs-heading">
        <h2 id="subs-heading">Subscriptions</h2>
        <ErrorBox error={subs.error} onRetry={() => void subs.reload()} />
        {!list && !subs.error && <Loading what="webhook subscriptions" />}
        {list && list.length === 0 && <Empty title="No webhooks yet">Add a URL below to receive events.</Empty>}
        {list && list.length > 0 && (
          <table className="table" data-testid="webhook-subscriptions">
            <thead>
              <tr>
                <th scope="col">URL</th>
                <th scope="col">Events</th>
                <th scope="col">State</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <SubscriptionRow
                  key={s.id}
                  sub={s}
                  open={open === s.id}
                  onToggle={() => setOpen(open === s.id ? null : s.id)}
                  onSecret={setSecret}
                  onChanged={() => subs.reload()}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>
      {open && list?.some((s) => s.id === open && s.clientId) && <Deliveries subscriptionId={open} />}
      <NewSubscription
        onCreated={async (s) => {
          setSecret(s);
          await subs.reload();
        }}
      />
    </>
  );
}

function SubscriptionRow({
  sub,
  open,
  onToggle,
  onSecret,
  onChanged,
}: {
  sub: Subscription;
  open: boolean;
  onToggle: () => void;
  onSecret: (s: string) => void;
  onChanged: () => Promise<void>;
}) {
  const { client } = useClientScope();
  const update = useMutation(UpdateWebhookSubscriptionMutation);
  const remove = useMutation(DeleteWebhookSubscriptionMutation);
  const rotate = useMutation(RotateWebhookSecretMutation);
  const test = useMutation(SendTestWebhookMutation);
  const ref = { clientId: client.id, subscriptionId: sub.id };
  const own = !!sub.clientId;
  const busy = update.pending || remove.pending || rotate.pending || test.pending;
  return (
    <tr data-subscription={sub.id}>
      <td>
        <code>{sub.url}</code>
        {sub.description && <div className="hint">{sub.description}</div>}
        {!own && <div className="hint">set by the agency for all its clients</div>}
      </td>
      <td>{sub.eventTypes.map((e) => e.replace('_', '.')).join(', ')}</td>
      <td>
        {sub.enabled ? (
          <span className="badge badge-success">On</span>
        ) : (
          <span className="badge badge-warning">
            Off{sub.disabledReason ? `: ${DISABLED_REASONS[sub.disabledReason] ?? sub.disabledReason}` : ''}
          </span>
        )}
        {sub.failingSince && (
          <div className="hint">failing since {formatDateTime(sub.failingSince, client.timezone)}</div>
        )}
        {sub.previousSecretValidUntil && (
          <div className="hint">
            previous secret valid until {formatDateTime(sub.previousSecretValidUntil, client.timezone)}
          </div>
        )}
      </td>
      <td>
        {own ? (
          <div className="button-row">
            <button type="button" className="button small" onClick={onToggle} aria-expanded={open}>
              {open ? 'Hide deliveries' : 'Deliveries'}
            </button>
            <button
              type="button"
              className="button small"
              disabled={busy}
              data-mutates="webhook.manage"
              onClick={() => void test.run({ input: ref }).then(() => onChanged())}
            >
              Send test event
            </button>
            <button
              type="button"
              className="button small"
              disabled={busy}
              data-mutates="webhook.manage"
              onClick={() =>
                void update.run({ input: { ...ref, enabled: !sub.enabled } }).then(async (r) => {
                  if (r) await onChanged();
                })
              }
            >
              {sub.enabled ? 'Turn off' : 'Turn on'}
            </button>
            <button
              type="button"
              className="button small"
              disabled={busy}
              data-mutates="webhook.manage"
              onClick={() =>
                void rotate.run({ input: ref }).then(async (r) => {
                  if (!r) return;
                  onSecret(r.rotateWebhookSecret.secret);
                  await onChanged();
                })
              }
            >
              Rotate secret
            </button>
            <button
              type="button"
              className="button danger small"
              disabled={busy}
              data-mutates="webhook.manage"
              onClick={() => {
                if (!window.confirm('Delete this webhook? Its delivery log goes with it.')) return;
                void remove.run({ input: ref }).then(async (r) => {
                  if (r !== undefined) await onChanged();
                });
              }}
            >
              Delete
            </button>
          </div>
        ) : (
          <span className="hint">managed at agency level</span>
        )}
        <ErrorBox error={update.error ?? remove.error ?? rotate.error ?? test.error} />
      </td>
    </tr>
  );
}

/** The secret, once: it cannot be read again (C-11); the operator copies it into the receiver's configuration. */
function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <Notice tone="warning">
      <p>
        Signing secret, shown this once: store it in the receiver now. It verifies the <code>webhook-signature</code>{' '}
        header; after a rotation the previous secret keeps signing for 24 hours.
      </p>
      <p>
        <code data-testid="webhook-secret">{secret}</code>
      </p>
      <button type="button" className="button small" onClick={onDone}>
        I have stored it
      </button>
    </Notice>
  );
}

function NewSubscription({ onCreated }: { onCreated: (secret: string) => Promise<void> }) {
  const { client } = useClientScope();
  const create = useMutation(CreateWebhookSubscriptionMutation);
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>(['post_published', 'post_failed']);
  const ids = { url: useId(), description: useId() };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await create.run({ input: { clientId: client.id, url, eventTypes: events, description } });
    if (!r) return;
    setUrl('');
    setDescription('');
    await onCreated(r.createWebhookSubscription.secret);
  };
  return (
    <section className="panel" aria-labelledby="new-webhook-heading">
      <h2 id="new-webhook-heading">New webhook</h2>
      <form onSubmit={submit} autoComplete="off">
        <label className="field" htmlFor={ids.url}>
          <span>URL (https; private and internal addresses are refused)</span>
          <input
            id={ids.url}
            type="url"
            required
            maxLength={2048}
            value={url}
            placeholder="https://example.com/raize-webhooks"
            onChange={(e) => setUrl(e.target.value)}
          />
        </label>
        <label className="field" htmlFor={ids.description}>
          <span>Description (optional)</span>
          <input
            id={ids.description}
            maxLength={200}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </label>
        <fieldset className="fieldset">
          <legend>Events</legend>
          {EVENT_TYPES.map((t) => (
            <label key={t.value} className="checkbox">
              <input
                type="checkbox"
                checked={events.includes(t.value)}
                onChange={(e) =>
                  setEvents(e.target.checked ? [...events, t.value] : events.filter((x) => x !== t.value))
                }
              />
              <span>{t.label}</span>
            </label>
          ))}
        </fieldset>
        <button
          type="submit"
          className="button primary"
          disabled={create.pending || !events.length}
          data-mutates="webhook.manage"
        >
          {create.pending ? 'Adding…' : 'Add webhook'}
        </button>
      </form>
      <ErrorBox error={create.error} />
    </section>
  );
}

function Deliveries({ subscriptionId }: { subscriptionId: string }) {
  const { client } = useClientScope();
  const q = useQuery(WebhookDeliveriesQuery, { clientId: client.id, subscriptionId }, { pollMs: 5_000 });
  const redeliver = useMutation(RedeliverWebhookMutation);
  const list = q.data?.webhookDeliveries;
  return (
    <section className="panel" aria-labelledby="deliveries-heading">
      <h2 id="deliveries-heading">Deliveries</h2>
      <ErrorBox error={q.error ?? redeliver.error} onRetry={() => void q.reload()} />
      {!list && !q.error && <Loading what="deliveries" />}
      {list && list.length === 0 && <Empty title="No deliveries yet">Send a test event to try the URL.</Empty>}
      {list && list.length > 0 && (
        <table className="table" data-testid="webhook-deliveries">
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Queued ({client.timezone})</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.map((d) => (
              <tr key={d.id} data-delivery={d.id} data-status={d.status}>
                <td>
                  {d.eventType}
                  <div className="hint">
                    <code>{d.messageId}</code>
                  </div>
                </td>
                <td>{formatDateTime(d.createdAt, client.timezone)}</td>
                <td>
                  {d.status}
                  {d.nextAttemptAt && (
                    <div className="hint">next try {formatDateTime(d.nextAttemptAt, client.timezone)}</div>
                  )}
                </td>
                <td>
                  <ol className="attempts">
                    {d.attemptLog.map((a) => (
                      <li key={a.attempt}>
                        {a.statusCode ?? '—'} · {a.durationMs} ms{a.errorClass ? ` · ${a.errorClass}` : ''}
                        {a.responseSnippet && <span className="hint"> “{a.responseSnippet}”</span>}
                      </li>
                    ))}
                  </ol>
                </td>
                <td>
                  <button
                    type="button"
                    className="button small"
                    disabled={redeliver.pending}
                    data-mutates="webhook.manage"
                    onClick={() =>
                      void redeliver.run({ input: { clientId: client.id, deliveryId: d.id } }).then(async (r) => {
                        if (r) await q.reload();
                      })
                    }
                  >
                    Redeliver
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
