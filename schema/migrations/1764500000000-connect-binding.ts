import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The platform connect flow bound to the browser session that started it (C-12): an attempt remembers who
 * started it (actor, session or API token), the moment its state was used by the callback, the identity the
 * platform reported and where the tokens wait (secrets backend) until the operator confirms. Two narrow
 * lookups answer whether a platform account is already bound elsewhere without opening RLS.
 */
export class ConnectBinding1764500000000 implements MigrationInterface {
  name = 'ConnectBinding1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE oauth_attempts
        ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
        ADD COLUMN status text NOT NULL DEFAULT 'started'
          CHECK (status IN ('started','awaiting_confirmation','connected','cancelled','refused','failed','expired')),
        ADD COLUMN session_id uuid,
        ADD COLUMN api_token_id uuid,
        ADD COLUMN callback_at timestamptz,
        ADD COLUMN pending_ref text,
        ADD COLUMN external_account_id text,
        ADD COLUMN handle text`);
    // Attempts of the old flow: finished ones were connected; unfinished ones stay 'started' (they carry no
    // binding cookie, so their callback is refused) until the sweeper deletes their verifiers at expiry.
    await q.query(`UPDATE oauth_attempts SET status = 'connected' WHERE completed_at IS NOT NULL`);

    // "Is this platform account bound outside agency a?" and "... to another client of c's agency?": yes or
    // no, never which agency or client, so the connect flow can refuse without reading other tenants' rows.
    await q.query(
      `CREATE FUNCTION raize_account_bound_outside_agency(p text, ext text, a uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ SELECT EXISTS (SELECT 1 FROM platform_accounts WHERE platform = p AND external_account_id = ext AND agency_id <> a AND status <> 'disconnected') $$`,
    );
    await q.query(
      `CREATE FUNCTION raize_account_bound_to_sibling_client(p text, ext text, c uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ SELECT EXISTS (SELECT 1 FROM platform_accounts pa JOIN clients cl ON cl.id = c WHERE pa.platform = p AND pa.external_account_id = ext AND pa.agency_id = cl.agency_id AND pa.client_id <> c AND pa.status <> 'disconnected') $$`,
    );
    // Tokens of attempts nobody confirmed must leave the secrets backend, whichever tenant they belong to:
    // the sweeper sees only the secret keys of expired attempts, and closes each one after deleting them.
    await q.query(
      `CREATE FUNCTION raize_expired_connect_secrets(n int) RETURNS TABLE (state text, verifier_ref text, pending_ref text) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ SELECT state, verifier_ref, pending_ref FROM oauth_attempts WHERE status IN ('started','awaiting_confirmation') AND expires_at < now() ORDER BY expires_at LIMIT n $$`,
    );
    await q.query(
      `CREATE FUNCTION raize_close_expired_connect(s text) RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$ UPDATE oauth_attempts SET status = 'expired', pending_ref = NULL, completed_at = coalesce(completed_at, now()) WHERE state = s AND status IN ('started','awaiting_confirmation') AND expires_at < now() $$`,
    );
    for (const fn of [
      'raize_account_bound_outside_agency(text, text, uuid)',
      'raize_account_bound_to_sibling_client(text, text, uuid)',
      'raize_expired_connect_secrets(int)',
      'raize_close_expired_connect(text)',
    ]) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO raize_app`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS raize_close_expired_connect(text)`);
    await q.query(`DROP FUNCTION IF EXISTS raize_expired_connect_secrets(int)`);
    await q.query(`DROP FUNCTION IF EXISTS raize_account_bound_to_sibling_client(text, text, uuid)`);
    await q.query(`DROP FUNCTION IF EXISTS raize_account_bound_outside_agency(text, text, uuid)`);
    await q.query(`
      ALTER TABLE oauth_attempts
        DROP COLUMN handle, DROP COLUMN external_account_id, DROP COLUMN pending_ref, DROP COLUMN callback_at,
        DROP COLUMN api_token_id, DROP COLUMN session_id, DROP COLUMN status, DROP COLUMN id`);
  }
}
