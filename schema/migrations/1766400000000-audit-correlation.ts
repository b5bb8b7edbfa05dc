import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The correlation id of the action an audit event belongs to (C-50): the W3C trace id of the operator's request or
 * of the episode's trace, so an engineer goes from an audit line to its trace and its log lines. Null for events
 * written outside any trace and for every event written before this column existed. It is part of the hashed
 * content when set (audit-hash.ts): rewriting it breaks the chain like any other field.
 */
export class AuditCorrelation1766400000000 implements MigrationInterface {
  name = 'AuditCorrelation1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events ADD COLUMN correlation_id text CHECK (correlation_id ~ '^[0-9a-f]{32}$')`);
    await q.query(
      `CREATE INDEX audit_events_correlation ON audit_events (correlation_id) WHERE correlation_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS audit_events_correlation`);
    await q.query(`ALTER TABLE audit_events DROP COLUMN IF EXISTS correlation_id`);
  }
}
