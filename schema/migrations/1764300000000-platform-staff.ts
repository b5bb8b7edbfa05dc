import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Platform staff: the people who run this Raize installation (global kill switch, payload decoding, global
 * events). No agency membership grants it, and the application role can only ask whether its current actor is
 * staff: the table is written by the owner role (`npm run staff`), never by the app (C-04, C-14).
 */
export class PlatformStaff1764300000000 implements MigrationInterface {
  name = 'PlatformStaff1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE platform_staff (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        granted_by text NOT NULL,
        granted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`REVOKE ALL ON platform_staff FROM raize_app`);
    // The one question the app may ask, about the actor its scope names; the answer is a database fact.
    await q.query(
      `CREATE FUNCTION raize_staff() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ SELECT EXISTS (SELECT 1 FROM platform_staff WHERE user_id = nullif(current_setting('raize.actor_id', true), '')::uuid) $$`,
    );
    await q.query(`REVOKE ALL ON FUNCTION raize_staff() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION raize_staff() TO raize_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS raize_staff()`);
    await q.query(`DROP TABLE IF EXISTS platform_staff`);
  }
}
