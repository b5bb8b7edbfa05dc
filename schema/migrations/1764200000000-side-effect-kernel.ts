import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The side-effect kernel's ledger: an attempt holds a lease (owner + expiry) so a second attempt never calls the
 * platform while the first may still be working; an unknown outcome is timed so reconciliation waits out the
 * platform's processing window; a platform post can be claimed by one ledger row only, so reconciliation never
 * takes another job's post; in-flight attempts count towards caps.
 */
export class SideEffectKernel1764200000000 implements MigrationInterface {
  name = 'SideEffectKernel1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE side_effect_ledger
        ADD COLUMN owner text,
        ADD COLUMN lease_expires_at timestamptz,
        ADD COLUMN first_attempt_at timestamptz,
        ADD COLUMN outcome_unknown_at timestamptz,
        ADD COLUMN reconcile_looks int NOT NULL DEFAULT 0,
        ADD COLUMN platform_post_id text`);
    await q.query(`UPDATE side_effect_ledger SET first_attempt_at = created_at WHERE first_attempt_at IS NULL`);
    await q.query(
      `CREATE UNIQUE INDEX side_effect_ledger_platform_post ON side_effect_ledger (platform_account_id, action, platform_post_id) WHERE platform_post_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX side_effect_ledger_in_flight ON side_effect_ledger (platform_account_id, action, created_at) WHERE state = 'attempting'`,
    );
    // The content fingerprint of the first attempt is what reconciliation looks for: it never changes.
    await q.query(`
      CREATE FUNCTION raize_ledger_fingerprint_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.content_fingerprint IS DISTINCT FROM OLD.content_fingerprint THEN
          RAISE EXCEPTION 'side_effect_ledger.content_fingerprint is fixed by the first attempt';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER side_effect_ledger_fingerprint_fixed BEFORE UPDATE ON side_effect_ledger FOR EACH ROW EXECUTE FUNCTION raize_ledger_fingerprint_fixed()`,
    );
    // Global caps count every tenant's side effects, succeeded or in flight, but only as numbers.
    await q.query(`DROP FUNCTION raize_global_side_effects_since(text, timestamptz)`);
    await q.query(`
      CREATE FUNCTION raize_global_side_effects_since(a text, since timestamptz, own text) RETURNS bigint
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT count(*) FROM side_effect_ledger
        WHERE action = a AND idempotency_key <> own
          AND ((state = 'succeeded' AND updated_at >= since) OR (state = 'attempting' AND created_at >= since))
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION raize_global_side_effects_since(text, timestamptz, text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION raize_global_side_effects_since(text, timestamptz, text) TO raize_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS raize_global_side_effects_since(text, timestamptz, text)`);
    await q.query(
      `CREATE FUNCTION raize_global_side_effects_since(a text, since timestamptz) RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ SELECT count(*) FROM side_effect_ledger WHERE action = a AND state = 'succeeded' AND updated_at >= since $$`,
    );
    await q.query(`REVOKE ALL ON FUNCTION raize_global_side_effects_since(text, timestamptz) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION raize_global_side_effects_since(text, timestamptz) TO raize_app`);
    await q.query(`DROP TRIGGER IF EXISTS side_effect_ledger_fingerprint_fixed ON side_effect_ledger`);
    await q.query(`DROP FUNCTION IF EXISTS raize_ledger_fingerprint_fixed()`);
    await q.query(`DROP INDEX IF EXISTS side_effect_ledger_in_flight`);
    await q.query(`DROP INDEX IF EXISTS side_effect_ledger_platform_post`);
    await q.query(`
      ALTER TABLE side_effect_ledger DROP COLUMN owner, DROP COLUMN lease_expires_at, DROP COLUMN first_attempt_at,
        DROP COLUMN outcome_unknown_at, DROP COLUMN reconcile_looks, DROP COLUMN platform_post_id`);
  }
}
