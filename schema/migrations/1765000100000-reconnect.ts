import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reconnecting an account whose token the platform refused (issue #12, token lifecycle). A connect attempt may
 * name the account it reconnects: the same client's row (a composite key says so), so confirming it updates that
 * account (its history stays) and refuses another identity. Accounts may now be `needs_reconnect`. The token
 * workflows of existing accounts are started by a bootstrap that lists every tenant's accounts through a
 * security-definer function returning ids only.
 */
export class Reconnect1765000100000 implements MigrationInterface {
  name = 'Reconnect1765000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE oauth_attempts ADD COLUMN reconnect_account_id uuid`);
    await q.query(
      `ALTER TABLE oauth_attempts ADD CONSTRAINT oauth_attempts_reconnect_account FOREIGN KEY (reconnect_account_id, client_id) REFERENCES platform_accounts(id, client_id)`,
    );
    await q.query(`ALTER TABLE platform_accounts DROP CONSTRAINT IF EXISTS platform_accounts_status_check`);
    await q.query(
      `ALTER TABLE platform_accounts ADD CONSTRAINT platform_accounts_status_check CHECK (status IN ('connected','quarantined','read_only','needs_reconnect','disconnected'))`,
    );
    await q.query(
      `CREATE FUNCTION raize_token_workflow_accounts(after uuid, n int) RETURNS TABLE (id uuid, agency_id uuid, client_id uuid) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ SELECT id, agency_id, client_id FROM platform_accounts WHERE status <> 'disconnected' AND credential_ref_id IS NOT NULL AND id > after ORDER BY id LIMIT n $$`,
    );
    await q.query(`REVOKE ALL ON FUNCTION raize_token_workflow_accounts(uuid, int) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION raize_token_workflow_accounts(uuid, int) TO raize_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS raize_token_workflow_accounts(uuid, int)`);
    await q.query(`UPDATE platform_accounts SET status = 'read_only' WHERE status = 'needs_reconnect'`);
    await q.query(`ALTER TABLE platform_accounts DROP CONSTRAINT IF EXISTS platform_accounts_status_check`);
    await q.query(
      `ALTER TABLE platform_accounts ADD CONSTRAINT platform_accounts_status_check CHECK (status IN ('connected','quarantined','read_only','disconnected'))`,
    );
    await q.query(`ALTER TABLE oauth_attempts DROP CONSTRAINT IF EXISTS oauth_attempts_reconnect_account`);
    await q.query(`ALTER TABLE oauth_attempts DROP COLUMN IF EXISTS reconnect_account_id`);
  }
}
