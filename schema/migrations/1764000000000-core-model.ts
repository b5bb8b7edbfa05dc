import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The core model of product.md. Every tenant-owned table carries agency_id and client_id from the start
 * (C-01), so row-level security can be switched on without reshaping data.
 */
export class CoreModel1764000000000 implements MigrationInterface {
  name = 'CoreModel1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE agencies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE clients (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        timezone text NOT NULL DEFAULT 'UTC',
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (id, agency_id)
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE,
        display_name text NOT NULL,
        password_hash text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid REFERENCES clients(id),
        role text NOT NULL CHECK (role IN ('Admin','Manager','Publisher','Reviewer','Analyst')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX memberships_scope ON memberships (user_id, agency_id, coalesce(client_id, '00000000-0000-0000-0000-000000000000'::uuid))`,
    );
    await q.query(`
      CREATE TABLE credential_refs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        kind text NOT NULL,
        backend text NOT NULL,
        secret_key text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        rotated_at timestamptz,
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);
    await q.query(`
      CREATE TABLE platform_accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        platform text NOT NULL,
        external_account_id text NOT NULL,
        handle text NOT NULL,
        fingerprint text NOT NULL,
        lane text NOT NULL DEFAULT 'api' CHECK (lane IN ('api','browser','hybrid')),
        allowed_lanes text[] NOT NULL DEFAULT ARRAY['api'],
        status text NOT NULL DEFAULT 'connected' CHECK (status IN ('connected','quarantined','read_only','disconnected')),
        status_reason text,
        credential_ref_id uuid REFERENCES credential_refs(id),
        connected_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id),
        UNIQUE (client_id, platform, external_account_id),
        UNIQUE (id, client_id)
      )`);
    await q.query(`
      CREATE TABLE oauth_attempts (
        state text PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        platform text NOT NULL,
        verifier_ref text NOT NULL,
        actor_id uuid NOT NULL REFERENCES users(id),
        expires_at timestamptz NOT NULL,
        completed_at timestamptz,
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);
    await q.query(`
      CREATE TABLE assets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('text','image','video')),
        text text NOT NULL,
        media_key text,
        media_content_type text,
        checksum text NOT NULL,
        author_id uuid REFERENCES users(id),
        author_kind text NOT NULL DEFAULT 'human' CHECK (author_kind IN ('human','ai')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id),
        UNIQUE (id, client_id)
      )`);
    await q.query(`
      CREATE TABLE publish_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        platform_account_id uuid NOT NULL,
        asset_id uuid NOT NULL,
        asset_checksum text NOT NULL,
        payload jsonb NOT NULL,
        idempotency_key text NOT NULL UNIQUE,
        scheduled_at timestamptz NOT NULL,
        timezone text NOT NULL,
        status text NOT NULL,
        status_reasons jsonb NOT NULL DEFAULT '[]',
        workflow_id text NOT NULL UNIQUE,
        created_by uuid NOT NULL REFERENCES users(id),
        platform_post_id text,
        url text,
        proof jsonb,
        published_at timestamptz,
        verified_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id),
        FOREIGN KEY (platform_account_id, client_id) REFERENCES platform_accounts(id, client_id),
        FOREIGN KEY (asset_id, client_id) REFERENCES assets(id, client_id)
      )`);
    // The payload is fixed at scheduling (C-23): the database itself refuses to change it.
    await q.query(`
      CREATE FUNCTION raize_publish_job_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.payload IS DISTINCT FROM OLD.payload OR NEW.client_id <> OLD.client_id OR NEW.agency_id <> OLD.agency_id
           OR NEW.platform_account_id <> OLD.platform_account_id OR NEW.asset_id <> OLD.asset_id
           OR NEW.asset_checksum <> OLD.asset_checksum OR NEW.idempotency_key <> OLD.idempotency_key THEN
          RAISE EXCEPTION 'publish job % payload is immutable', OLD.id;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER publish_jobs_immutable BEFORE UPDATE ON publish_jobs FOR EACH ROW EXECUTE FUNCTION raize_publish_job_immutable()`,
    );
    await q.query(`
      CREATE TABLE approvals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        publish_job_id uuid NOT NULL REFERENCES publish_jobs(id),
        approver_id uuid NOT NULL REFERENCES users(id),
        role text NOT NULL,
        decision text NOT NULL CHECK (decision IN ('approved','rejected')),
        asset_checksum text NOT NULL,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);
    await q.query(`
      CREATE TABLE side_effect_ledger (
        idempotency_key text PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        platform_account_id uuid NOT NULL,
        action text NOT NULL,
        state text NOT NULL CHECK (state IN ('attempting','succeeded','failed')),
        attempts int NOT NULL DEFAULT 0,
        content_fingerprint text NOT NULL,
        result jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);
    await q.query(
      `CREATE INDEX side_effect_ledger_account_day ON side_effect_ledger (platform_account_id, action, updated_at) WHERE state = 'succeeded'`,
    );
    await q.query(`
      CREATE TABLE kill_switches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scope text NOT NULL CHECK (scope IN ('global','agency','client','account')),
        scope_id text NOT NULL DEFAULT '*',
        agency_id uuid REFERENCES agencies(id),
        client_id uuid REFERENCES clients(id),
        engaged boolean NOT NULL,
        reason text,
        set_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (scope, scope_id)
      )`);
    await q.query(`
      CREATE TABLE client_policy_settings (
        client_id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        autonomy jsonb NOT NULL DEFAULT '{"publish":"assisted","reply":"manual","dm":"manual","like":"manual","delete":"manual"}',
        four_eyes boolean NOT NULL DEFAULT true,
        caps jsonb NOT NULL DEFAULT '[{"action":"publish","scope":"account","max_per_day":25}]',
        cooldown_seconds jsonb NOT NULL DEFAULT '{}',
        quiet_hours jsonb,
        lateness_cutoff_seconds int,
        enabled_platforms text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);
    await q.query(`
      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        chain_key text NOT NULL,
        seq bigint NOT NULL,
        agency_id uuid,
        client_id uuid,
        actor text NOT NULL,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        prev_hash text NOT NULL,
        hash text NOT NULL,
        created_at timestamptz NOT NULL,
        UNIQUE (chain_key, seq)
      )`);
    await q.query(`CREATE INDEX audit_events_subject ON audit_events (subject_type, subject_id)`);
    // Append-only (C-48): the application can insert, never edit or delete. The hash chain catches
    // whoever bypasses this with a superuser.
    await q.query(`
      CREATE FUNCTION raize_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$`);
    await q.query(
      `CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION raize_audit_append_only()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'audit_events',
      'client_policy_settings',
      'kill_switches',
      'side_effect_ledger',
      'approvals',
      'publish_jobs',
      'assets',
      'oauth_attempts',
      'platform_accounts',
      'credential_refs',
      'memberships',
      'users',
      'clients',
      'agencies',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t} CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS raize_audit_append_only`);
    await q.query(`DROP FUNCTION IF EXISTS raize_publish_job_immutable`);
  }
}
