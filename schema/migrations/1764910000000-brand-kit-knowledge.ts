import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_POLICY =
  'USING (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies())) WITH CHECK (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies()))';

const TABLES = ['brand_kits', 'kb_sources', 'kb_chunks'];

/**
 * A client's brand kit and knowledge base: what planning and creation write from. A source's text is kept as
 * chunks in an append-only table (a source is removed by marking it, so what an AI step was given can still be
 * shown later); each source carries an extractive summary, which is what retrieval hands to a model (the
 * contract's "summaries and references only").
 */
export class BrandKitKnowledge1764910000000 implements MigrationInterface {
  name = 'BrandKitKnowledge1764910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE brand_kits (
        client_id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        headline text NOT NULL DEFAULT '' CHECK (length(headline) <= 200),
        voice text NOT NULL DEFAULT '' CHECK (length(voice) <= 2000),
        do_words text[] NOT NULL DEFAULT '{}' CHECK (cardinality(do_words) <= 100),
        dont_words text[] NOT NULL DEFAULT '{}' CHECK (cardinality(dont_words) <= 100),
        banned_claims text[] NOT NULL DEFAULT '{}' CHECK (cardinality(banned_claims) <= 100),
        hashtags text[] NOT NULL DEFAULT '{}' CHECK (cardinality(hashtags) <= 30),
        -- the renderers put these in images and ffmpeg filter strings: only #rrggbb ever gets there
        colours text[] NOT NULL DEFAULT '{}'
          CHECK (cardinality(colours) <= 12 AND array_to_string(colours, ',') ~ '^(#[0-9a-f]{6}(,#[0-9a-f]{6})*)?$'),
        logo_artifact_key text CHECK (length(logo_artifact_key) <= 512),
        updated_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);
    await q.query(`
      CREATE TABLE kb_sources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('text','file','url')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        source_url text CHECK (length(source_url) <= 2048),
        file_name text CHECK (length(file_name) <= 255),
        content_type text NOT NULL,
        byte_size int NOT NULL CHECK (byte_size >= 0),
        content_sha256 text NOT NULL,
        summary text NOT NULL CHECK (length(summary) <= 2000),
        top_terms text[] NOT NULL DEFAULT '{}',
        chunk_count int NOT NULL CHECK (chunk_count >= 0),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz,
        removed_by uuid REFERENCES users(id),
        UNIQUE (id, client_id),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id),
        CHECK (kind <> 'url' OR source_url IS NOT NULL),
        CHECK ((removed_at IS NULL) = (removed_by IS NULL))
      )`);
    await q.query(`CREATE INDEX kb_sources_live ON kb_sources (client_id, created_at DESC) WHERE removed_at IS NULL`);
    await q.query(`
      CREATE TABLE kb_chunks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        source_id uuid NOT NULL,
        ordinal int NOT NULL CHECK (ordinal >= 0),
        text text NOT NULL CHECK (length(text) <= 4000),
        terms jsonb NOT NULL,
        token_count int NOT NULL CHECK (token_count >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (source_id, ordinal),
        -- a chunk belongs to a source of the same client, whatever the inserting code believes
        FOREIGN KEY (source_id, client_id) REFERENCES kb_sources(id, client_id),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);
    await q.query(`CREATE INDEX kb_chunks_terms ON kb_chunks USING gin (terms)`);
    await q.query(`CREATE INDEX kb_chunks_client ON kb_chunks (client_id)`);

    await q.query(`GRANT SELECT, INSERT, UPDATE ON brand_kits, kb_sources TO raize_app`);
    // Chunks are what a source said when it was ingested: added, never changed or removed by the app.
    await q.query(`GRANT SELECT, INSERT ON kb_chunks TO raize_app`);
    for (const t of TABLES) {
      await q.query(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant ON ${t} ${TENANT_POLICY}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS kb_chunks, kb_sources, brand_kits`);
  }
}
