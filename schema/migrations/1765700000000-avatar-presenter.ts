import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The presenter of a client's avatar videos, beside its AI settings: the vendor's avatar id and voice id (HeyGen
 * cannot render without them). Ids, not secrets; held to the adapter's pattern here too, so a row written around the
 * API cannot put anything else in a request body. Both or neither: half a presenter renders nothing.
 */
export class AvatarPresenter1765700000000 implements MigrationInterface {
  name = 'AvatarPresenter1765700000000';

  // NOT NULL spelled out: `NULL ~ pattern` is NULL, and a CHECK lets NULL through (half a presenter would pass).
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ai_settings ADD COLUMN presenter_avatar_id text`);
    await q.query(`ALTER TABLE ai_settings ADD COLUMN presenter_voice_id text`);
    await q.query(`
      ALTER TABLE ai_settings ADD CONSTRAINT ai_settings_presenter CHECK (
        (presenter_avatar_id IS NULL AND presenter_voice_id IS NULL)
        OR (presenter_avatar_id IS NOT NULL AND presenter_voice_id IS NOT NULL
            AND presenter_avatar_id ~ '^[A-Za-z0-9_-]{1,128}$' AND presenter_voice_id ~ '^[A-Za-z0-9_-]{1,128}$')
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ai_settings DROP CONSTRAINT IF EXISTS ai_settings_presenter`);
    await q.query(`ALTER TABLE ai_settings DROP COLUMN IF EXISTS presenter_voice_id`);
    await q.query(`ALTER TABLE ai_settings DROP COLUMN IF EXISTS presenter_avatar_id`);
  }
}
