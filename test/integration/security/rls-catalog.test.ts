import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import { openDataSource, testEnv } from '../../harness/test-env';

type Row = Record<string, unknown>;

/**
 * Installation-wide tables that hold no tenant's data, which the app role may only read: nothing to confine by
 * tenant. The first test proves each is read-only for the app role and has no tenant column, so a later write grant
 * or an agency_id column puts it back under the RLS rules.
 */
const GLOBAL_READ_ONLY: Record<string, string> = {
  tool_registry: 'signed tool definitions (issue #16, C-37): bootstrap signs them with the owner connection',
};

/**
 * Installation-wide tables the app role writes but that hold no tenant's data (processes of the installation, not of
 * a client). The first test proves each has no tenant column and cannot be deleted from by the app role, so an
 * agency_id or client_id column added later puts it back under the RLS rules.
 */
const GLOBAL_INFRASTRUCTURE: Record<string, string> = {
  browser_runners:
    'browser runner processes and their heartbeats (issue #17): profiles name their runner, not the reverse',
};
const NOT_TENANT = { ...GLOBAL_READ_ONLY, ...GLOBAL_INFRASTRUCTURE };

/** The tables the application role may touch at all: each one must be confined by row-level security. */
async function appTables(owner: DataSource): Promise<string[]> {
  const rows: { name: string }[] = await owner.query(`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
      AND has_table_privilege('raize_app', c.oid, 'SELECT, INSERT, UPDATE, DELETE')
    ORDER BY 1`);
  return rows.map((r) => r.name);
}

/**
 * One row of tenant A per table, written by the owner (or, where the seed already wrote one, that row), and
 * whether A's own scope can read it back (the control that the probe is not blind). A table the app role can
 * touch without an entry here fails the probe test with its name: add its fixture with the table.
 */
interface Fixture {
  row: (f: FixtureContext) => Promise<Row>;
  ownerSees?: false;
}

class FixtureContext {
  private memo = new Map<string, Promise<Row>>();
  constructor(
    readonly owner: DataSource,
    readonly a: SeededTenant,
  ) {}

  async one(sql: string, params: unknown[]): Promise<Row> {
    const rows: Row[] = await this.owner.query(sql, params);
    if (!rows[0]) throw new Error(`fixture found no row: ${sql}`);
    return rows[0];
  }

  once(name: string, make: () => Promise<Row>): Promise<Row> {
    if (!this.memo.has(name)) this.memo.set(name, make());
    return this.memo.get(name)!;
  }

  asset = () =>
    this.once('asset', () =>
      this.one(
        `INSERT INTO assets (agency_id, client_id, kind, text, checksum) VALUES ($1, $2, 'text', 'A only', 'x') RETURNING *`,
        [this.a.agencyId, this.a.clientId],
      ),
    );

  account = () =>
    this.once('account', () =>
      this.one(
        `INSERT INTO platform_accounts (agency_id, client_id, platform, external_account_id, handle, fingerprint)
         VALUES ($1, $2, 'sandbox', $3, '@probe', 'fp') RETURNING *`,
        [this.a.agencyId, this.a.clientId, randomUUID()],
      ),
    );

  job = () =>
    this.once('job', async () => {
      const [asset, account] = [await this.asset(), await this.account()];
      return this.one(
        `INSERT INTO publish_jobs (agency_id, client_id, platform_account_id, asset_id, asset_checksum, payload,
           idempotency_key, scheduled_at, timezone, status, workflow_id, created_by)
         VALUES ($1, $2, $3, $4, 'x', '{}', $5, now(), 'UTC', 'scheduled', $6, $7) RETURNING *`,
        [
          this.a.agencyId,
          this.a.clientId,
          account.id,
          asset.id,
          randomUUID(),
          `probe-${randomUUID()}`,
          this.a.users.admin,
        ],
      );
    });
}

/** A plan of A's, written by the owner, for the plan tables' probes. */
function plan(f: FixtureContext): Promise<Row> {
  return f.once('plan', () =>
    f.one(
      `INSERT INTO plans (id, agency_id, client_id, status, request, requires_approval, source, last_seq, created_at,
         updated_at)
       VALUES (gen_random_uuid(), $1, $2, 'drafting', '{}', true, 'operator', 1, now(), now()) RETURNING *`,
      [f.a.agencyId, f.a.clientId],
    ),
  );
}

/** A conversation of A's, for the inbox tables' probes. */
function conversation(f: FixtureContext): Promise<Row> {
  return f.once('conversation', async () =>
    f.one(
      `INSERT INTO conversations (agency_id, client_id, platform_account_id, platform, thread_key, kind, status,
         last_message_at)
       VALUES ($1, $2, $3, 'sandbox', 'post:probe', 'comment', 'open', now()) RETURNING *`,
      [f.a.agencyId, f.a.clientId, (await f.account()).id],
    ),
  );
}

const FIXTURES: Record<string, Fixture> = {
  agencies: { row: (f) => f.one('SELECT * FROM agencies WHERE id = $1', [f.a.agencyId]) },
  clients: { row: (f) => f.one('SELECT * FROM clients WHERE id = $1', [f.a.clientId]) },
  users: { row: (f) => f.one('SELECT * FROM users WHERE id = $1', [f.a.users.admin]) },
  client_policy_settings: {
    row: (f) => f.one('SELECT * FROM client_policy_settings WHERE client_id = $1', [f.a.clientId]),
  },
  // Appending by hand would break A's hash chain: the seed's own event is the probe row.
  audit_events: { row: (f) => f.one('SELECT * FROM audit_events WHERE client_id = $1 LIMIT 1', [f.a.clientId]) },
  memberships: {
    row: (f) =>
      f.one(
        `INSERT INTO memberships (user_id, agency_id, client_id, role) VALUES ($1, $2, $3, 'Analyst') RETURNING *`,
        [f.a.users.admin, f.a.agencyId, f.a.clientId],
      ),
  },
  credential_refs: {
    row: (f) =>
      f.one(
        `INSERT INTO credential_refs (agency_id, client_id, kind, backend, secret_key)
         VALUES ($1, $2, 'oauth', 'keyring', $3) RETURNING *`,
        [f.a.agencyId, f.a.clientId, `probe/${randomUUID()}`],
      ),
  },
  platform_accounts: { row: (f) => f.account() },
  assets: { row: (f) => f.asset() },
  publish_jobs: { row: (f) => f.job() },
  oauth_attempts: {
    row: (f) =>
      f.one(
        `INSERT INTO oauth_attempts (state, agency_id, client_id, platform, verifier_ref, actor_id, expires_at)
         VALUES ($1, $2, $3, 'sandbox', 'probe', $4, now() + interval '5 minutes') RETURNING *`,
        [randomUUID(), f.a.agencyId, f.a.clientId, f.a.users.admin],
      ),
  },
  approvals: {
    row: async (f) =>
      f.one(
        `INSERT INTO approvals (agency_id, client_id, publish_job_id, approver_id, role, decision, asset_checksum)
         VALUES ($1, $2, $3, $4, 'Manager', 'approved', 'x') RETURNING *`,
        [f.a.agencyId, f.a.clientId, (await f.job()).id, f.a.users.approver],
      ),
  },
  post_decisions: {
    row: async (f) =>
      f.one(
        `INSERT INTO post_decisions (agency_id, client_id, publish_job_id, kind, actor_id, role)
         VALUES ($1, $2, $3, 'reject', $4, 'Manager') RETURNING *`,
        [f.a.agencyId, f.a.clientId, (await f.job()).id, f.a.users.approver],
      ),
  },
  asset_revisions: {
    row: async (f) =>
      f.one(
        `INSERT INTO asset_revisions (agency_id, client_id, asset_id, editor_id, checksum)
         VALUES ($1, $2, $3, $4, 'x') RETURNING *`,
        [f.a.agencyId, f.a.clientId, (await f.asset()).id, f.a.users.author],
      ),
  },
  side_effect_ledger: {
    row: async (f) =>
      f.one(
        `INSERT INTO side_effect_ledger (idempotency_key, agency_id, client_id, platform_account_id, action, state,
           content_fingerprint) VALUES ($1, $2, $3, $4, 'publish', 'attempting', 'fp') RETURNING *`,
        [randomUUID(), f.a.agencyId, f.a.clientId, (await f.account()).id],
      ),
  },
  kill_switches: {
    row: (f) =>
      f.one(
        `INSERT INTO kill_switches (scope, scope_id, agency_id, client_id, engaged)
         VALUES ('client', $1, $2, $3, false) RETURNING *`,
        [f.a.clientId, f.a.agencyId, f.a.clientId],
      ),
  },
  sessions: {
    row: (f) =>
      f.one(
        `INSERT INTO sessions (user_id, token_hash, csrf_token, expires_at)
         VALUES ($1, $2, 'csrf', now() + interval '1 hour') RETURNING *`,
        [f.a.users.admin, randomUUID()],
      ),
  },
  api_tokens: {
    row: (f) =>
      f.one(
        `INSERT INTO api_tokens (user_id, name, prefix, token_hash, scopes, expires_at)
         VALUES ($1, 'probe', 'rz_probe', $2, '{read}', now() + interval '1 day') RETURNING *`,
        [f.a.users.admin, randomUUID()],
      ),
  },
  provider_credentials: {
    row: async (f) => {
      const ref = await f.one(
        `INSERT INTO credential_refs (agency_id, client_id, kind, backend, secret_key)
         VALUES ($1, $2, 'provider_key', 'keyring', $3) RETURNING id`,
        [f.a.agencyId, f.a.clientId, `probe/${randomUUID()}`],
      );
      return f.one(
        `INSERT INTO provider_credentials (agency_id, client_id, provider, credential_ref_id, fingerprint)
         VALUES ($1, $2, 'openai', $3, '0123456789abcdef') RETURNING *`,
        [f.a.agencyId, f.a.clientId, ref.id],
      );
    },
  },
  ai_usage: {
    row: (f) =>
      f.one(
        `INSERT INTO ai_usage (agency_id, client_id, provider, step_id, step_kind, kind, model, outcome, cost_micros,
           month, started_at, duration_ms)
         VALUES ($1, $2, 'local', 'probe', 'creator', 'text', 'local-template-v1', 'ok', 0, '2025-01', now(), 0)
         RETURNING *`,
        [f.a.agencyId, f.a.clientId],
      ),
  },
  ai_settings: {
    row: (f) =>
      f.one(
        `INSERT INTO ai_settings (client_id, agency_id, monthly_budget_micros, contract, preferred)
         VALUES ($2, $1, 0, '{}', '{}') RETURNING *`,
        [f.a.agencyId, f.a.clientId],
      ),
  },
  brand_kits: {
    row: (f) =>
      f.one(`INSERT INTO brand_kits (client_id, agency_id, name) VALUES ($1, $2, 'Probe') RETURNING *`, [
        f.a.clientId,
        f.a.agencyId,
      ]),
  },
  kb_sources: {
    row: (f) =>
      f.one(
        `INSERT INTO kb_sources (agency_id, client_id, kind, title, content_type, byte_size, content_sha256, summary,
           chunk_count, created_by)
         VALUES ($1, $2, 'text', 'probe', 'text/plain', 5, 'x', 'probe', 0, $3) RETURNING *`,
        [f.a.agencyId, f.a.clientId, f.a.users.admin],
      ),
  },
  kb_chunks: {
    row: (f) =>
      f.one(
        `WITH s AS (INSERT INTO kb_sources (agency_id, client_id, kind, title, content_type, byte_size, content_sha256,
           summary, chunk_count, created_by)
           VALUES ($1, $2, 'text', 'probe', 'text/plain', 5, 'x', 'probe', 1, $3) RETURNING id)
         INSERT INTO kb_chunks (agency_id, client_id, source_id, ordinal, text, terms, token_count)
         SELECT $1, $2, s.id, 0, 'probe', '{}', 1 FROM s RETURNING *`,
        [f.a.agencyId, f.a.clientId, f.a.users.admin],
      ),
  },
  artifacts: {
    row: (f) => {
      const sum = randomUUID().replace(/-/g, '').repeat(2);
      return f.one(
        `INSERT INTO artifacts (agency_id, client_id, key, kind, checksum, size, content_type)
         VALUES ($1, $2, $3, 'image', $4, 1, 'image/png') RETURNING *`,
        [f.a.agencyId, f.a.clientId, `${f.a.agencyId}/${f.a.clientId}/image/${sum}.png`, sum],
      );
    },
  },
  plans: { row: (f) => plan(f) },
  plan_events: {
    row: async (f) =>
      f.one(
        `INSERT INTO plan_events (id, plan_id, agency_id, client_id, seq, type, data, actor)
         VALUES (gen_random_uuid(), $3, $1, $2, 1, 'plan.requested', '{}', 'system:test') RETURNING *`,
        [f.a.agencyId, f.a.clientId, (await plan(f)).id],
      ),
  },
  plan_items: {
    row: async (f) =>
      f.one(
        `INSERT INTO plan_items (id, plan_id, agency_id, client_id, position, platform_account_id, platform, format,
           pillar, slot_at, local_date, local_time, timezone, brief, status, last_seq, updated_at)
         VALUES (gen_random_uuid(), $3, $1, $2, 0, $4, 'sandbox', 'text', 'probe', now(), '2026-01-01', '09:30', 'UTC',
           'probe', 'planned', 1, now()) RETURNING *`,
        [f.a.agencyId, f.a.clientId, (await plan(f)).id, (await f.account()).id],
      ),
  },
  recurring_plans: {
    row: (f) =>
      f.one(
        `INSERT INTO recurring_plans (client_id, agency_id, cadence, template, updated_by)
         VALUES ($1, $2, 'weekly', '{}', $3) RETURNING *`,
        [f.a.clientId, f.a.agencyId, f.a.users.admin],
      ),
  },
  creation_decisions: {
    row: async (f) =>
      f.one(
        `INSERT INTO creation_decisions (agency_id, client_id, plan_id, item_id, kind, actor_id, role)
         VALUES ($1, $2, $3, gen_random_uuid(), 'reject', $4, 'Manager') RETURNING *`,
        [f.a.agencyId, f.a.clientId, (await plan(f)).id, f.a.users.approver],
      ),
  },
  queue_slots: {
    row: async (f) =>
      f.one(
        `INSERT INTO queue_slots (agency_id, client_id, platform_account_id, weekday, minute_of_day, created_by)
         VALUES ($1, $2, $3, 1, 570, $4) RETURNING *`,
        [f.a.agencyId, f.a.clientId, (await f.account()).id, f.a.users.admin],
      ),
  },
  import_batches: {
    row: (f) =>
      f.one(
        `INSERT INTO import_batches (agency_id, client_id, digest, status, row_count, created_by)
         VALUES ($1, $2, $3, 'completed', 1, $4) RETURNING *`,
        [f.a.agencyId, f.a.clientId, randomUUID(), f.a.users.admin],
      ),
  },
  // The engagement inbox: a conversation, its messages, summaries (append-only), notes and saved replies.
  conversations: { row: (f) => conversation(f) },
  conversation_messages: {
    row: async (f) =>
      f.one(
        `INSERT INTO conversation_messages (agency_id, client_id, conversation_id, direction, text, occurred_at)
         VALUES ($1, $2, $3, 'in', 'probe', now()) RETURNING *`,
        [f.a.agencyId, f.a.clientId, (await conversation(f)).id],
      ),
  },
  conversation_summaries: {
    row: async (f) =>
      f.one(
        `INSERT INTO conversation_summaries (agency_id, client_id, conversation_id, seq, summary)
         VALUES ($1, $2, $3, 1, 'probe') RETURNING *`,
        [f.a.agencyId, f.a.clientId, (await conversation(f)).id],
      ),
  },
  conversation_notes: {
    row: async (f) =>
      f.one(
        `INSERT INTO conversation_notes (agency_id, client_id, conversation_id, author_id, text)
         VALUES ($1, $2, $3, $4, 'probe') RETURNING *`,
        [f.a.agencyId, f.a.clientId, (await conversation(f)).id, f.a.users.admin],
      ),
  },
  saved_replies: {
    row: (f) =>
      f.one(
        `INSERT INTO saved_replies (agency_id, client_id, title, text, created_by)
         VALUES ($1, $2, 'probe', 'probe', $3) RETURNING *`,
        [f.a.agencyId, f.a.clientId, f.a.users.admin],
      ),
  },
  // An engagement side effect on an inbound event of A's (reply, DM, like or hide; draft to sent).
  engagement_replies: {
    row: async (f) => {
      const account = await f.account();
      const event = await f.one(
        `INSERT INTO inbound_events (source, delivery_id, external_account_id, kind, external_id, text, occurred_at,
           agency_id, client_id, platform_account_id)
         VALUES ('sandbox', $1, $2, 'comment', $1, 'probe', now(), $3, $4, $5) RETURNING id`,
        [`probe-${randomUUID()}`, account.external_account_id, f.a.agencyId, f.a.clientId, account.id],
      );
      return f.one(
        `INSERT INTO engagement_replies (agency_id, client_id, platform_account_id, inbound_event_id, action, text,
           checksum, author_kind)
         VALUES ($1, $2, $3, $4, 'reply', 'probe', 'c', 'ai') RETURNING *`,
        [f.a.agencyId, f.a.clientId, account.id, event.id],
      );
    },
  },
  // The connector health centre's row of an account, and what platform calls cost (read across tenants only as a
  // sum, through raize_platform_usage_since).
  account_health: {
    row: async (f) =>
      f.one(
        `INSERT INTO account_health (platform_account_id, agency_id, client_id, recent_errors)
         VALUES ($1, $2, $3, '[]'::jsonb) RETURNING *`,
        [(await f.account()).id, f.a.agencyId, f.a.clientId],
      ),
  },
  platform_usage: {
    row: async (f) =>
      f.one(
        `INSERT INTO platform_usage (agency_id, client_id, platform_account_id, platform, unit, amount, operation)
         VALUES ($1, $2, $3, 'sandbox', 'quota_units', 1600, 'probe') RETURNING *`,
        [f.a.agencyId, f.a.clientId, (await f.account()).id],
      ),
  },
  // The analytics episode's readings of A's account and of its post, per day (read by reports).
  account_metrics_daily: {
    row: async (f) =>
      f.one(
        `INSERT INTO account_metrics_daily (agency_id, client_id, platform_account_id, day, followers, reach)
         VALUES ($1, $2, $3, '2026-03-02', 10, NULL) RETURNING *`,
        [f.a.agencyId, f.a.clientId, (await f.account()).id],
      ),
  },
  post_metrics_daily: {
    row: async (f) => {
      const job = await f.job();
      return f.one(
        `INSERT INTO post_metrics_daily (agency_id, client_id, platform_account_id, publish_job_id, platform_post_id, day,
           impressions, likes)
         VALUES ($1, $2, $3, $4, 'probe', '2026-03-02', 5, 1) RETURNING *`,
        [f.a.agencyId, f.a.clientId, job.platform_account_id, job.id],
      );
    },
  },
  // A later re-check of A's published post (issue #15, receipts).
  receipt_checks: {
    row: async (f) => {
      const job = await f.job();
      return f.one(
        `INSERT INTO receipt_checks (agency_id, client_id, publish_job_id, platform_account_id, check_no, result,
           platform_post_id, workflow_id)
         VALUES ($1, $2, $3, $4, 1, 'intact', 'probe', 'receipt-probe') RETURNING *`,
        [f.a.agencyId, f.a.clientId, job.id, job.platform_account_id],
      );
    },
  },
  // Inbound events once the drainer routed them to A's account (the ingest stores them without a tenant, through
  // raize_inbound_store; the app role may only read), and A's account's poll cursor.
  inbound_events: {
    row: async (f) =>
      f.one(
        `INSERT INTO inbound_events (source, delivery_id, external_account_id, kind, external_id, text, occurred_at,
           agency_id, client_id, platform_account_id, status)
         VALUES ('sandbox', $1, 'probe', 'comment', $1, 'probe', now(), $2, $3, $4, 'drained') RETURNING *`,
        [`probe-${randomUUID()}`, f.a.agencyId, f.a.clientId, (await f.account()).id],
      ),
  },
  inbound_poll_cursors: {
    row: async (f) =>
      f.one(
        `INSERT INTO inbound_poll_cursors (platform_account_id, agency_id, client_id, cursor)
         VALUES ($1, $2, $3, '2026-01-01T00:00:00Z') RETURNING *`,
        [(await f.account()).id, f.a.agencyId, f.a.clientId],
      ),
  },
  // Outbound webhooks: A's subscription (its secret a CredentialRef), its cursor, a delivery and its attempt log.
  webhook_subscriptions: { row: (f) => webhookSubscription(f) },
  webhook_cursors: {
    row: async (f) =>
      f.one(
        `INSERT INTO webhook_cursors (subscription_id, agency_id, client_id, last_seq) VALUES ($1, $2, $3, 0) RETURNING *`,
        [(await webhookSubscription(f)).id, f.a.agencyId, f.a.clientId],
      ),
  },
  webhook_deliveries: { row: (f) => webhookDelivery(f) },
  webhook_attempts: {
    row: async (f) =>
      f.one(
        `INSERT INTO webhook_attempts (agency_id, client_id, delivery_id, attempt, started_at, duration_ms, status_code)
         VALUES ($1, $2, $3, 1, now(), 12, 204) RETURNING *`,
        [f.a.agencyId, f.a.clientId, (await webhookDelivery(f)).id],
      ),
  },
  // Client reports: A's report, a read-only link to it (its token hashed), and A's monthly delivery settings.
  reports: { row: (f) => report(f) },
  report_links: {
    row: async (f) =>
      f.one(
        `INSERT INTO report_links (report_id, agency_id, client_id, token_hash, expires_at)
         VALUES ($1, $2, $3, $4, now() + interval '1 day') RETURNING *`,
        [(await report(f)).id, f.a.agencyId, f.a.clientId, randomUUID().replace(/-/g, '').repeat(2)],
      ),
  },
  report_schedules: {
    row: (f) =>
      f.one(
        `INSERT INTO report_schedules (client_id, agency_id, enabled, recipients, day_of_month, timezone)
         VALUES ($1, $2, true, '{owner@example.test}', 1, 'UTC') RETURNING *`,
        [f.a.clientId, f.a.agencyId],
      ),
  },
  // The client review portal: A's reviewer, a review link for them (token hashed), a one-time code, a portal session.
  client_reviewers: { row: (f) => clientReviewer(f) },
  review_links: { row: (f) => reviewLink(f) },
  review_link_codes: {
    row: async (f) =>
      f.one(
        `INSERT INTO review_link_codes (agency_id, client_id, link_id, code_hash, expires_at)
         VALUES ($1, $2, $3, 'probe', now() + interval '10 minutes') RETURNING *`,
        [f.a.agencyId, f.a.clientId, (await reviewLink(f)).id],
      ),
  },
  portal_sessions: {
    row: async (f) =>
      f.one(
        `INSERT INTO portal_sessions (agency_id, client_id, link_id, token_hash, csrf_token, expires_at)
         VALUES ($1, $2, $3, $4, 'probe', now() + interval '1 hour') RETURNING *`,
        [f.a.agencyId, f.a.clientId, (await reviewLink(f)).id, randomUUID().replace(/-/g, '').repeat(2)],
      ),
  },
  // The MCP tool gateway (issue #16): A's agency settings (its Admins write them) and a caller's usage minute.
  gateway_settings: {
    row: (f) =>
      f.one(
        `INSERT INTO gateway_settings (agency_id, tool_permissions) VALUES ($1, '{"web_fetch": false}') RETURNING *`,
        [f.a.agencyId],
      ),
  },
  gateway_usage: {
    row: (f) =>
      f.one(
        `INSERT INTO gateway_usage (caller_key, agency_id, window_start, calls, cost_usd_micros)
         VALUES ($1, $2, date_trunc('minute', now()), 3, 120) RETURNING *`,
        [`user:${f.a.users.admin}:probe-${randomUUID()}`, f.a.agencyId],
      ),
  },
  // The browser lane (issue #17): A's profile of its account (the session itself is in the secrets backend).
  browser_profiles: {
    row: async (f) =>
      f.one(
        `INSERT INTO browser_profiles (agency_id, client_id, platform_account_id, platform, secret_key, manifest,
           created_by)
         VALUES ($1, $2, $3, 'sandbox', $4, '{}', $5) RETURNING *`,
        [f.a.agencyId, f.a.clientId, (await f.account()).id, `browser-profiles/probe/${randomUUID()}`, f.a.users.admin],
      ),
  },
  // Written by the app, read by nobody through it (the throttle counts through a security-definer function).
  login_attempts: {
    row: (f) =>
      f.one(`INSERT INTO login_attempts (email, ip, succeeded) VALUES ($1, '203.0.113.9', false) RETURNING *`, [
        `probe-${randomUUID()}@example.test`,
      ]),
    ownerSees: false,
  },
};

const clientReviewer = (f: FixtureContext) =>
  f.once('client_reviewer', () =>
    f.one(`INSERT INTO client_reviewers (agency_id, client_id, name, email) VALUES ($1, $2, 'Probe', $3) RETURNING *`, [
      f.a.agencyId,
      f.a.clientId,
      `probe-${randomUUID()}@client.example`,
    ]),
  );

const reviewLink = (f: FixtureContext) =>
  f.once('review_link', async () =>
    f.one(
      `INSERT INTO review_links (agency_id, client_id, reviewer_id, token_hash, expires_at, created_by)
       VALUES ($1, $2, $3, $4, now() + interval '1 day', $5) RETURNING *`,
      [
        f.a.agencyId,
        f.a.clientId,
        (await clientReviewer(f)).id,
        randomUUID().replace(/-/g, '').repeat(2),
        f.a.users.admin,
      ],
    ),
  );

const report = (f: FixtureContext) =>
  f.once('report', () =>
    f.one(
      `INSERT INTO reports (agency_id, client_id, period_start, period_end, trigger, workflow_id)
       VALUES ($1, $2, '2026-02-01', '2026-02-28', 'operator', $3) RETURNING *`,
      [f.a.agencyId, f.a.clientId, `probe-report-${randomUUID()}`],
    ),
  );

const webhookSubscription = (f: FixtureContext) =>
  f.once('webhook_subscription', async () => {
    const ref = await f.one(
      `INSERT INTO credential_refs (agency_id, client_id, kind, backend, secret_key)
       VALUES ($1, $2, 'webhook_secret', 'keyring', $3) RETURNING id`,
      [f.a.agencyId, f.a.clientId, `probe/${randomUUID()}`],
    );
    return f.one(
      `INSERT INTO webhook_subscriptions (agency_id, client_id, url, event_types, secret_ref_id)
       VALUES ($1, $2, 'https://hooks.example.com/a', '{post.published}', $3) RETURNING *`,
      [f.a.agencyId, f.a.clientId, ref.id],
    );
  });

const webhookDelivery = (f: FixtureContext) =>
  f.once('webhook_delivery', async () =>
    f.one(
      `INSERT INTO webhook_deliveries (agency_id, client_id, subscription_id, message_id, event_type, body)
       VALUES ($1, $2, $3, $4, 'post.published', '{}') RETURNING *`,
      [f.a.agencyId, f.a.clientId, (await webhookSubscription(f)).id, `msg_${randomUUID().replace(/-/g, '')}`],
    ),
  );

/** A tenant's whole scope as the app sets it: its admin as actor, its agency and client. */
async function enterScope(c: Client, t: SeededTenant): Promise<void> {
  await c.query(
    `SELECT set_config('raize.actor_id', $1, false), set_config('raize.agency_ids', $2, false),
            set_config('raize.client_ids', $3, false), set_config('raize.member_agency_ids', $2, false)`,
    [t.users.admin, `{${t.agencyId}}`, `{${t.clientId}}`],
  );
}

/**
 * How many of A's rows the statement reached: zero rows, or refused outright by a missing privilege, is none;
 * any other error (a foreign key, a trigger) means it reached a row, which only a visible row can do.
 */
async function touched(c: Client, sql: string, params: unknown[]): Promise<number> {
  try {
    return (await c.query(sql, params)).rowCount ?? 0;
  } catch (err) {
    return /permission denied/.test((err as Error).message) ? 0 : 1;
  }
}

describe('row-level security, read from the catalog (C-01)', () => {
  let owner: DataSource;
  beforeAll(async () => {
    owner = await openDataSource();
  });
  afterAll(() => owner.destroy());

  it('[C-01] every table the app role can touch, and every table with a client_id, forces RLS and has a policy', async () => {
    const rows: { name: string; rls: boolean; forced: boolean; policies: number }[] = await owner.query(`
      SELECT c.relname AS name, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
             (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
        AND (has_table_privilege('raize_app', c.oid, 'SELECT, INSERT, UPDATE, DELETE')
             OR EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname IN ('client_id', 'agency_id')
                        AND NOT a.attisdropped))
      ORDER BY 1`);
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['assets', 'clients', 'agencies', 'publish_jobs']));
    const globals: { name: string; writable: boolean; tenant_column: boolean }[] = await owner.query(
      `SELECT c.relname AS name, has_table_privilege('raize_app', c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE') AS writable,
              EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname IN ('client_id', 'agency_id')
                      AND NOT a.attisdropped) AS tenant_column
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relname = ANY ($1) ORDER BY 1`,
      [Object.keys(GLOBAL_READ_ONLY)],
    );
    expect(globals).toEqual(
      Object.keys(GLOBAL_READ_ONLY)
        .sort()
        .map((name) => ({ name, writable: false, tenant_column: false })),
    );
    const infrastructure: { name: string; deletable: boolean; tenant_column: boolean }[] = await owner.query(
      `SELECT c.relname AS name, has_table_privilege('raize_app', c.oid, 'DELETE, TRUNCATE') AS deletable,
              EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname IN ('client_id', 'agency_id')
                      AND NOT a.attisdropped) AS tenant_column
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relname = ANY ($1) ORDER BY 1`,
      [Object.keys(GLOBAL_INFRASTRUCTURE)],
    );
    expect(infrastructure).toEqual(
      Object.keys(GLOBAL_INFRASTRUCTURE)
        .sort()
        .map((name) => ({ name, deletable: false, tenant_column: false })),
    );
    const unconfined = rows
      .filter((r) => !(r.name in NOT_TENANT))
      .filter((r) => !r.rls || !r.forced || r.policies < 1)
      .map((r) => `${r.name}: ${!r.rls ? 'RLS off' : !r.forced ? 'RLS not forced' : 'no policy'}`);
    expect(unconfined).toEqual([]);
  });

  it("[C-01] every such table is probed: tenant B's scope cannot read, update or delete tenant A's row", async () => {
    const a = await seedTenant(owner);
    const b = await seedTenant(owner);
    const ctx = new FixtureContext(owner, a);
    const problems: string[] = [];
    const tables = (await appTables(owner)).filter((t) => !(t in NOT_TENANT));
    const app = new Client({ connectionString: testEnv().databaseUrl.replace('postgres@', 'raize_app@') });
    await app.connect();
    try {
      for (const table of tables) {
        const fixture = FIXTURES[table];
        if (!fixture) {
          problems.push(`${table}: no probe fixture in rls-catalog.test.ts`);
          continue;
        }
        const row = await fixture.row(ctx);
        const keys: string[] = (
          await owner.query<{ col: string }[]>(
            `SELECT a.attname AS col FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
             WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY a.attnum`,
            [table],
          )
        ).map((k) => k.col);
        if (!keys.length) {
          problems.push(`${table}: no primary key to probe by`);
          continue;
        }
        const where = keys.map((k, i) => `"${k}" = $${i + 1}`).join(' AND ');
        const params = keys.map((k) => row[k]);
        const snapshot = async () =>
          JSON.stringify(await owner.query(`SELECT row_to_json(t) AS r FROM "${table}" t WHERE ${where}`, params));
        const before = await snapshot();

        await enterScope(app, a);
        if (
          fixture.ownerSees !== false &&
          (await touched(app, `SELECT 1 FROM "${table}" WHERE ${where}`, params)) !== 1
        )
          problems.push(`${table}: tenant A's own scope does not see the probe row (the probe would be blind)`);

        await enterScope(app, b);
        if (await touched(app, `SELECT 1 FROM "${table}" WHERE ${where}`, params))
          problems.push(`${table}: B reads A's row`);
        const set = `"${keys[0]}" = "${keys[0]}"`;
        if (await touched(app, `UPDATE "${table}" SET ${set} WHERE ${where}`, params))
          problems.push(`${table}: B updates A's row`);
        if (await touched(app, `DELETE FROM "${table}" WHERE ${where}`, params))
          problems.push(`${table}: B deletes A's row`);
        if ((await snapshot()) !== before) problems.push(`${table}: A's row changed`);
      }
    } finally {
      await app.end();
    }
    expect(tables.length).toBeGreaterThanOrEqual(19);
    expect(problems).toEqual([]);
  });
});
