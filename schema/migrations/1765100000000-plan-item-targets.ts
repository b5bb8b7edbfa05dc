import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plan items that go out on several accounts (a target and its cross-posts) and items timed by the account's queue
 * slots: the slots a pending item holds count as taken when imports and other plans look for a free queue slot.
 */
export class PlanItemTargets1765100000000 implements MigrationInterface {
  name = 'PlanItemTargets1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan_items ADD COLUMN cross_posts jsonb NOT NULL DEFAULT '[]'::jsonb`);
    await q.query(`ALTER TABLE plan_items ADD COLUMN timing text NOT NULL DEFAULT 'posting_times'`);
    await q.query(
      `ALTER TABLE plan_items ADD CONSTRAINT plan_items_timing CHECK (timing IN ('posting_times', 'queue'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan_items DROP CONSTRAINT IF EXISTS plan_items_timing`);
    await q.query(`ALTER TABLE plan_items DROP COLUMN IF EXISTS timing`);
    await q.query(`ALTER TABLE plan_items DROP COLUMN IF EXISTS cross_posts`);
  }
}
