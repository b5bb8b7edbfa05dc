import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_POLICY =
  'USING (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies())) WITH CHECK (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies()))';

/**
 * The engagement inbox: conversations per account and thread, their messages (one per inbound event at most, so an
 * event redelivered or re-signalled is recorded once), their summaries as append-only external memory (the drafter
 * reads the latest summary and the last messages, never the whole history), internal notes and saved replies.
 */
export class Conversations1765600000000 implements MigrationInterface {
  name = 'Conversations1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE conversations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        platform_account_id uuid NOT NULL,
        platform text NOT NULL,
        thread_key text NOT NULL CHECK (length(thread_key) BETWEEN 1 AND 300),
        kind text NOT NULL CHECK (kind IN ('comment','reply','mention','dm')),
        status text NOT NULL,
        intent text,
        sentiment text,
        flags text[] NOT NULL DEFAULT '{}',
        sensitive boolean NOT NULL DEFAULT false,
        why jsonb NOT NULL DEFAULT '[]'::jsonb,
        reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
        assignee_id uuid REFERENCES users(id),
        sla_due_at timestamptz,
        sla_breached_at timestamptz,
        summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 2000),
        last_message_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (platform_account_id, thread_key),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id),
        FOREIGN KEY (platform_account_id, client_id) REFERENCES platform_accounts(id, client_id)
      )`);
    await q.query(
      `CREATE INDEX conversations_inbox ON conversations (client_id, status, last_message_at DESC, id DESC)`,
    );
    await q.query(`
      CREATE TABLE conversation_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        inbound_event_id uuid UNIQUE,
        direction text NOT NULL CHECK (direction IN ('in','out')),
        external_id text,
        author_handle text,
        text text NOT NULL CHECK (length(text) <= 20000),
        route jsonb,
        occurred_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);
    await q.query(
      `CREATE INDEX conversation_messages_thread ON conversation_messages (conversation_id, occurred_at DESC)`,
    );
    await q.query(`
      CREATE TABLE conversation_summaries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        seq int NOT NULL,
        summary text NOT NULL CHECK (length(summary) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (conversation_id, seq),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);
    await q.query(`
      CREATE TABLE conversation_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users(id),
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);
    await q.query(`
      CREATE TABLE saved_replies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON conversations, conversation_messages TO raize_app`);
    // Summaries are the external memory: appended, never rewritten.
    await q.query(`GRANT SELECT, INSERT ON conversation_summaries, conversation_notes TO raize_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON saved_replies TO raize_app`);
    for (const t of [
      'conversations',
      'conversation_messages',
      'conversation_summaries',
      'conversation_notes',
      'saved_replies',
    ]) {
      await q.query(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant ON ${t} ${TENANT_POLICY}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'saved_replies',
      'conversation_notes',
      'conversation_summaries',
      'conversation_messages',
      'conversations',
    ])
      await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
