import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A client's engagement settings beside its autonomy: which classifier routes its comments (the rules, or its own
 * model after the rules), which drafter writes its replies (templates, or its model filling the answer slot), and
 * the domains a reply may link to.
 */
export class EngagementSettings1765800000000 implements MigrationInterface {
  name = 'EngagementSettings1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE client_policy_settings ADD COLUMN engagement jsonb NOT NULL DEFAULT '{}'::jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE client_policy_settings DROP COLUMN IF EXISTS engagement`);
  }
}
