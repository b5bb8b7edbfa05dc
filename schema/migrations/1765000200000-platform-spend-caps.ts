import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Monthly spend caps per platform that bills per request (X): the policy pauses posts once a client's cap is spent. */
export class PlatformSpendCaps1765000200000 implements MigrationInterface {
  name = 'PlatformSpendCaps1765000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE client_policy_settings ADD COLUMN spend_caps jsonb NOT NULL DEFAULT '[]'::jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE client_policy_settings DROP COLUMN IF EXISTS spend_caps`);
  }
}
