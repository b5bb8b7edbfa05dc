import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_POLICY =
  'USING (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies())) WITH CHECK (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies()))';

/**
 * The client's side of approvals (issue #14).
 *
 * - `client_reviewers`: people at a client brand who approve through a review link. They are not users: they have no
 *   sign-in, no membership and no tenant scope of their own, so nothing an operator can reach is reachable by them.
 * - `review_links`: a magic link for one reviewer of one client (or a batch of its posts), stored as a hash,
 *   expiring and revocable; `review_link_codes` the optional one-time codes sent to the reviewer's email;
 *   `portal_sessions` what a link (and its code) is exchanged for, so the token itself is sent once.
 * - `approvals` and `post_decisions` name either an operator (`approver_id`/`actor_id`) or a client reviewer
 *   (`reviewer_id`), never both, and a reviewer's row names the link it came through.
 * - `client_policy_settings.approval_stages`: none / internal / internal then client, per action and platform.
 * - A portal request carries only a token: two security-definer functions map a token hash to its link or session
 *   (ids and owner only); everything after runs in that client's scope.
 */
export class ClientReview1766100000000 implements MigrationInterface {
  name = 'ClientReview1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE client_reviewers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
        disabled_at timestamptz,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (id, client_id),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);
    await q.query(`CREATE UNIQUE INDEX client_reviewers_email ON client_reviewers (client_id, lower(email))`);
    await q.query(`
      CREATE TABLE review_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        reviewer_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        post_ids uuid[],
        requires_code boolean NOT NULL DEFAULT false,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_by uuid REFERENCES users(id),
        last_used_at timestamptz,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id),
        FOREIGN KEY (reviewer_id, client_id) REFERENCES client_reviewers(id, client_id),
        CHECK (post_ids IS NULL OR cardinality(post_ids) BETWEEN 1 AND 500)
      )`);
    await q.query(`CREATE INDEX review_links_client ON review_links (client_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE review_link_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        link_id uuid NOT NULL REFERENCES review_links(id),
        code_hash text NOT NULL,
        attempts int NOT NULL DEFAULT 0,
        expires_at timestamptz NOT NULL,
        consumed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);
    await q.query(`CREATE INDEX review_link_codes_link ON review_link_codes (link_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE portal_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        link_id uuid NOT NULL REFERENCES review_links(id),
        token_hash text NOT NULL UNIQUE,
        csrf_token text NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);

    await q.query(`ALTER TABLE approvals ALTER COLUMN approver_id DROP NOT NULL`);
    await q.query(`ALTER TABLE approvals ADD COLUMN reviewer_id uuid REFERENCES client_reviewers(id)`);
    await q.query(`ALTER TABLE approvals ADD COLUMN review_link_id uuid REFERENCES review_links(id)`);
    await q.query(
      `ALTER TABLE approvals ADD CONSTRAINT approvals_one_approver CHECK ((approver_id IS NULL) <> (reviewer_id IS NULL) AND (reviewer_id IS NULL OR review_link_id IS NOT NULL))`,
    );
    await q.query(`ALTER TABLE post_decisions ALTER COLUMN actor_id DROP NOT NULL`);
    await q.query(`ALTER TABLE post_decisions ADD COLUMN reviewer_id uuid REFERENCES client_reviewers(id)`);
    await q.query(`ALTER TABLE post_decisions ADD COLUMN review_link_id uuid REFERENCES review_links(id)`);
    await q.query(
      `ALTER TABLE post_decisions ADD CONSTRAINT post_decisions_one_actor CHECK ((actor_id IS NULL) <> (reviewer_id IS NULL) AND (reviewer_id IS NULL OR review_link_id IS NOT NULL))`,
    );
    await q.query(`ALTER TABLE post_decisions DROP CONSTRAINT IF EXISTS post_decisions_kind_check`);
    await q.query(
      `ALTER TABLE post_decisions ADD CONSTRAINT post_decisions_kind_check CHECK (kind IN ('approve','reject','cancel','reschedule','request_changes','hold'))`,
    );
    await q.query(
      `CREATE INDEX post_decisions_reviewer ON post_decisions (publish_job_id, created_at) WHERE reviewer_id IS NOT NULL`,
    );
    await q.query(`ALTER TABLE client_policy_settings ADD COLUMN approval_stages jsonb NOT NULL DEFAULT '{}'::jsonb`);

    await q.query(
      `GRANT SELECT, INSERT, UPDATE ON client_reviewers, review_links, review_link_codes, portal_sessions TO raize_app`,
    );
    for (const t of ['client_reviewers', 'review_links', 'review_link_codes', 'portal_sessions']) {
      await q.query(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant ON ${t} ${TENANT_POLICY}`);
    }

    // A token hash → the link's id and owner (and nothing else): the portal then works in that client's scope.
    await q.query(`
      CREATE FUNCTION raize_review_link_owner(h text) RETURNS TABLE (link_id uuid, agency_id uuid, client_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT id, agency_id, client_id FROM review_links WHERE token_hash = h
      $$`);
    await q.query(`
      CREATE FUNCTION raize_portal_session_owner(h text) RETURNS TABLE (session_id uuid, agency_id uuid, client_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT id, agency_id, client_id FROM portal_sessions WHERE token_hash = h
      $$`);
    for (const f of ['raize_review_link_owner(text)', 'raize_portal_session_owner(text)']) {
      await q.query(`REVOKE ALL ON FUNCTION ${f} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${f} TO raize_app`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS raize_portal_session_owner(text)`);
    await q.query(`DROP FUNCTION IF EXISTS raize_review_link_owner(text)`);
    await q.query(`ALTER TABLE client_policy_settings DROP COLUMN IF EXISTS approval_stages`);
    await q.query(`DELETE FROM post_decisions WHERE reviewer_id IS NOT NULL`);
    await q.query(`DELETE FROM approvals WHERE reviewer_id IS NOT NULL`);
    await q.query(`ALTER TABLE post_decisions DROP CONSTRAINT IF EXISTS post_decisions_kind_check`);
    await q.query(
      `ALTER TABLE post_decisions ADD CONSTRAINT post_decisions_kind_check CHECK (kind IN ('approve','reject','cancel','reschedule'))`,
    );
    await q.query(`ALTER TABLE post_decisions DROP CONSTRAINT IF EXISTS post_decisions_one_actor`);
    await q.query(`ALTER TABLE post_decisions DROP COLUMN IF EXISTS review_link_id`);
    await q.query(`ALTER TABLE post_decisions DROP COLUMN IF EXISTS reviewer_id`);
    await q.query(`ALTER TABLE post_decisions ALTER COLUMN actor_id SET NOT NULL`);
    await q.query(`ALTER TABLE approvals DROP CONSTRAINT IF EXISTS approvals_one_approver`);
    await q.query(`ALTER TABLE approvals DROP COLUMN IF EXISTS review_link_id`);
    await q.query(`ALTER TABLE approvals DROP COLUMN IF EXISTS reviewer_id`);
    await q.query(`ALTER TABLE approvals ALTER COLUMN approver_id SET NOT NULL`);
    for (const t of ['portal_sessions', 'review_link_codes', 'review_links', 'client_reviewers'])
      await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
