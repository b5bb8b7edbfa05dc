import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Row-level security binds the tables' owner too (C-01): without FORCE, a process that connects as the
 * owner (a misconfigured DATABASE_APP_URL, a script reusing the migration URL) reads every tenant. Every table
 * with row-level security enabled when this runs is forced, including tables other migrations added before it;
 * the catalog test (test/integration/security/rls-catalog.test.ts) fails for any tenant table added later
 * without FORCE and a policy.
 *
 * The owner role that runs migrations and the bootstrap must therefore be a superuser or have BYPASSRLS (as the
 * `postgres` role of the demo and the tests does); the app role must have neither, which every process checks
 * at start-up (services/core/database/app-role-check.ts).
 */
export class ForceRowLevelSecurity1764800000000 implements MigrationInterface {
  name = 'ForceRowLevelSecurity1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DO $$ DECLARE t regclass; BEGIN
      FOR t IN SELECT c.oid::regclass FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relrowsecurity LOOP
        EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
      END LOOP; END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DO $$ DECLARE t regclass; BEGIN
      FOR t IN SELECT c.oid::regclass FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relforcerowsecurity LOOP
        EXECUTE format('ALTER TABLE %s NO FORCE ROW LEVEL SECURITY', t);
      END LOOP; END $$`);
  }
}
