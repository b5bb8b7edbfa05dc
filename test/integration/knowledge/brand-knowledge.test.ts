import type { DataSource } from 'typeorm';
import { createAppDataSource } from '../../../services/core/database/data-source';
import { loadBrandContext } from '../../../services/core/knowledge/brand-context';
import { KnowledgeRepository } from '../../../services/core/knowledge/knowledge.repository';
import { runInTenantScope } from '../../../services/core/tenancy/tenant-scope';
import { asAppRole } from '../../factories/app-role';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { testEnv } from '../../harness/test-env';
import type { FetchTarget } from './fetch-target';
import { startFetchTarget } from './fetch-target';

const KIT_FIELDS =
  'clientId name headline voice doWords dontWords bannedClaims hashtags colours logoArtifactKey configured';
const SOURCE_FIELDS = 'id clientId kind title sourceUrl fileName contentType byteSize summary topTerms chunkCount';
const UPDATE_KIT = `mutation($x: UpdateBrandKitInput!) { updateBrandKit(input: $x) { ${KIT_FIELDS} } }`;
const ADD_SOURCE = `mutation($x: AddKbSourceInput!) { addKbSource(input: $x) { ${SOURCE_FIELDS} } }`;

interface Kit {
  clientId: string;
  name: string;
  colours: string[];
  hashtags: string[];
  bannedClaims: string[];
  configured: boolean;
}
interface Source {
  id: string;
  kind: string;
  title: string;
  sourceUrl: string | null;
  summary: string;
  topTerms: string[];
  chunkCount: number;
}

const COFFEE_PAGE = `<!doctype html><html><head><title>Acme Roastery: our beans</title><script>track()</script></head>
<body><h1>Our beans</h1><p>Acme roasts single-origin coffee beans in Berlin every morning.</p>
<p>Espresso blends are roasted dark; filter coffee is roasted light.</p></body></html>`;

describe('brand kit and knowledge base', () => {
  let stack: TestStack;
  let a: SeededTenant;
  let b: SeededTenant;
  let page: FetchTarget;
  let app: DataSource;

  beforeAll(async () => {
    page = await startFetchTarget((req, res, t) => {
      if (req.url === '/about')
        return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(COFFEE_PAGE);
      if (req.url === '/to-metadata')
        return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      if (req.url === '/to-mapped')
        return res.writeHead(302, { location: `http://[::ffff:127.0.0.1]:${t.port}/about` }).end();
      if (req.url === '/logo.png')
        return res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([137, 80, 78, 71]));
      return res.writeHead(404).end();
    });
    // The deployment allows plain http and 127.0.0.1 only, so the page above is reachable and nothing else local.
    stack = await startTestStack({ env: { RAIZE_FETCH_ALLOW_HTTP: '1', RAIZE_FETCH_ALLOW_PRIVATE: '127.0.0.1/32' } });
    app = await createAppDataSource(testEnv().databaseUrl.replace('postgres@', 'raize_app@'), {
      env: 'test',
      poolSize: 2,
    });
    a = await seedTenant(stack.ds);
    b = await seedTenant(stack.ds);
  });

  afterAll(async () => {
    await app?.destroy();
    await stack?.close();
    await page?.close();
  });

  const count = async (sql: string, params: unknown[]) =>
    Number((await stack.ds.query<{ n: string }[]>(sql, params))[0].n);
  const sourcesOf = (clientId: string) =>
    count('SELECT count(*) AS n FROM kb_sources WHERE client_id = $1', [clientId]);
  const chunksOf = (clientId: string) => count('SELECT count(*) AS n FROM kb_chunks WHERE client_id = $1', [clientId]);
  const auditOf = (clientId: string, action: string) =>
    count('SELECT count(*) AS n FROM audit_events WHERE client_id = $1 AND action = $2', [clientId, action]);
  const scopeOf = (t: SeededTenant) => ({ actorId: null, agencyIds: [], clientIds: [t.clientId], memberAgencyIds: [] });

  describe('brand kit', () => {
    it("answers the client's name and empty rules until the kit is saved", async () => {
      const r = await stack.gql<{ brandKit: Kit }>(
        a.users.analyst,
        `query($c: ID!) { brandKit(clientId: $c) { ${KIT_FIELDS} } }`,
        {
          c: a.clientId,
        },
      );
      expect(r.errors).toBeUndefined();
      expect(r.data!.brandKit).toMatchObject({
        clientId: a.clientId,
        configured: false,
        colours: [],
        bannedClaims: [],
      });
      expect(r.data!.brandKit.name).toMatch(/^Client /);
    });

    it('saves a normalised kit and audits the change', async () => {
      const before = await auditOf(a.clientId, 'brand_kit.updated');
      const r = await stack.gql<{ updateBrandKit: Kit }>(a.users.approver, UPDATE_KIT, {
        x: {
          clientId: a.clientId,
          name: 'Acme Roastery',
          voice: 'Warm, precise, never pushy.',
          doWords: ['fresh', 'small-batch'],
          dontWords: ['cheap'],
          bannedClaims: ['cures headaches', 'best coffee in the world'],
          hashtags: ['acme', '#Roast'],
          colours: ['#F60', '#1a2b3c'],
        },
      });
      expect(r.errors).toBeUndefined();
      expect(r.data!.updateBrandKit).toMatchObject({
        name: 'Acme Roastery',
        configured: true,
        colours: ['#ff6600', '#1a2b3c'],
        hashtags: ['#acme', '#Roast'],
      });
      expect(await auditOf(a.clientId, 'brand_kit.updated')).toBe(before + 1);
      const [event] = await stack.ds.query<{ data: { fields: string[] } }[]>(
        `SELECT data FROM audit_events WHERE client_id = $1 AND action = 'brand_kit.updated' ORDER BY seq DESC LIMIT 1`,
        [a.clientId],
      );
      expect(event.data.fields).toEqual([
        'bannedClaims',
        'colours',
        'doWords',
        'dontWords',
        'hashtags',
        'name',
        'voice',
      ]);
    });

    it.each([
      [{ colours: ['red'] }, 'colours must be hex codes'],
      [{ hashtags: ['#two words'] }, 'hashtags are #'],
      [{ voice: 'x'.repeat(2001) }, 'voice'],
      [{ colours: Array(13).fill('#000000') }, 'colours'],
      [{ name: null }, 'name cannot be null'],
    ])('refuses a bad kit %j with a clear error and writes nothing', async (patch, message) => {
      const before = await auditOf(a.clientId, 'brand_kit.updated');
      const r = await stack.gql(a.users.approver, UPDATE_KIT, { x: { clientId: a.clientId, ...patch } });
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].message).toContain(message);
      expect(JSON.stringify(r.errors)).not.toMatch(/\bat \w+ \(|node_modules/);
      expect(await auditOf(a.clientId, 'brand_kit.updated')).toBe(before);
    });

    it("refuses a logo key under another client's prefix", async () => {
      const key = `${b.agencyId}/${b.clientId}/image/${'a'.repeat(64)}.png`;
      const r = await stack.gql(a.users.approver, UPDATE_KIT, { x: { clientId: a.clientId, logoArtifactKey: key } });
      expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(r.errors?.[0].message).toContain("not an image of this client's artifact store");
    });

    it('[C-03] lets only Admins and Managers change the kit (its rules feed the content policy)', async () => {
      for (const user of [a.users.author, a.users.reviewer, a.users.analyst]) {
        const r = await stack.gql(user, UPDATE_KIT, { x: { clientId: a.clientId, voice: 'loosened' } });
        expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
      const ok = await stack.gql(a.users.admin, UPDATE_KIT, { x: { clientId: a.clientId, headline: 'Roasted today' } });
      expect(ok.errors).toBeUndefined();
    });
  });

  describe('knowledge base sources', () => {
    it('adds text, a CSV file and a URL page; each is summarised and chunked', async () => {
      const text = await stack.gql<{ addKbSource: Source }>(a.users.approver, ADD_SOURCE, {
        x: {
          clientId: a.clientId,
          kind: 'text',
          title: 'Tone notes',
          text: 'Customers love our decaf. Decaf orders doubled in winter.\n\nNever promise health effects.',
        },
      });
      expect(text.errors).toBeUndefined();
      expect(text.data!.addKbSource).toMatchObject({
        kind: 'text',
        chunkCount: 1,
      });
      expect(text.data!.addKbSource.topTerms).toContain('decaf');
      expect(text.data!.addKbSource.summary).toMatch(/^Customers love our decaf\./);

      const file = await stack.gql<{ addKbSource: Source }>(a.users.approver, ADD_SOURCE, {
        x: {
          clientId: a.clientId,
          kind: 'file',
          fileName: 'menu.csv',
          contentType: 'text/csv',
          content: 'drink,price\nFlat white,3.50\nCold brew,4.00\n',
        },
      });
      expect(file.errors).toBeUndefined();
      expect(file.data!.addKbSource).toMatchObject({ kind: 'file', title: 'menu.csv' });
      expect(file.data!.addKbSource.summary).toContain('drink: Flat white; price: 3.50');

      const url = await stack.gql<{ addKbSource: Source }>(a.users.approver, ADD_SOURCE, {
        x: { clientId: a.clientId, kind: 'url', url: `${page.url}/about` },
      });
      expect(url.errors).toBeUndefined();
      expect(url.data!.addKbSource).toMatchObject({
        kind: 'url',
        title: 'Acme Roastery: our beans',
        sourceUrl: `${page.url}/about`,
      });
      expect(url.data!.addKbSource.summary).not.toContain('track()');

      const listed = await stack.gql<{ kbSources: Source[] }>(
        a.users.analyst,
        `query($c: ID!) { kbSources(clientId: $c) { id kind } }`,
        {
          c: a.clientId,
        },
      );
      expect(listed.data!.kbSources.map((s) => s.kind)).toEqual(['url', 'file', 'text']);
      expect(await auditOf(a.clientId, 'kb_source.added')).toBe(3);
    });

    it.each([
      ['the metadata service', () => 'http://169.254.169.254/latest/meta-data/', 'private_address'],
      ['a redirect to the metadata service', () => `${page.url}/to-metadata`, 'private_address'],
      [
        'the IPv4-mapped spelling of the allowed address',
        () => `http://[::ffff:127.0.0.1]:${page.port}/about`,
        'private_address',
      ],
      ['a redirect to the IPv4-mapped spelling', () => `${page.url}/to-mapped`, 'private_address'],
      ['another local address', () => `http://127.0.0.2:${page.port}/about`, 'private_address'],
      ['a file URL', () => 'file:///etc/passwd', 'scheme'],
      ['a URL with credentials', () => 'https://user:pw@example.com/', 'credentials_in_url'],
    ])('[C-35] refuses a URL source aimed at %s with the reason, and stores nothing', async (_what, url, reason) => {
      const [sources, chunks, audits] = [
        await sourcesOf(a.clientId),
        await chunksOf(a.clientId),
        await auditOf(a.clientId, 'kb_source.added'),
      ];
      const r = await stack.gql(a.users.approver, ADD_SOURCE, { x: { clientId: a.clientId, kind: 'url', url: url() } });
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].message).toContain(`[${reason}]`);
      expect(r.errors?.[0].message).not.toContain('pw@');
      expect([
        await sourcesOf(a.clientId),
        await chunksOf(a.clientId),
        await auditOf(a.clientId, 'kb_source.added'),
      ]).toEqual([sources, chunks, audits]);
    });

    it.each([
      [{ kind: 'url', url: `http://127.0.0.1:1/logo.png` }, 'fetch_failed'],
      [{ kind: 'file', fileName: 'x.png', contentType: 'image/png', content: 'x' }, 'unsupported_type'],
      [{ kind: 'file', fileName: 'x.txt', contentType: 'text/plain', content: 'a\u0000b' }, 'binary'],
      [{ kind: 'text', title: 'empty', text: '   ' }, 'empty'],
      [{ kind: 'text', title: 't', text: 'ok', url: 'https://example.com/' }, 'invalid source'],
      [{ kind: 'text', text: 'no title' }, 'a text source needs a title'],
    ])('refuses a bad source %j and stores nothing', async (input, message) => {
      const sources = await sourcesOf(a.clientId);
      const r = await stack.gql(a.users.approver, ADD_SOURCE, { x: { clientId: a.clientId, ...input } });
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].message).toContain(message);
      expect(await sourcesOf(a.clientId)).toBe(sources);
    });

    it('refuses an unsupported page type from an allowed URL', async () => {
      const r = await stack.gql(a.users.approver, ADD_SOURCE, {
        x: { clientId: a.clientId, kind: 'url', url: `${page.url}/logo.png` },
      });
      expect(r.errors?.[0].message).toContain('[unsupported_type]');
    });

    it('retrieves summaries first, ranked by the query, with chunk references and no raw text', async () => {
      const summaries = await runInTenantScope(app, scopeOf(a), () =>
        new KnowledgeRepository().summaries(app.manager, a.clientId, 'espresso roasted beans', 5),
      );
      expect(summaries[0]).toMatchObject({ kind: 'url', title: 'Acme Roastery: our beans' });
      expect(summaries[0].score).toBeGreaterThan(0);
      expect(summaries[0].chunkRefs[0].ordinal).toBe(0);
      expect(summaries[0].chunkRefs[0].chunkId).toMatch(/^[0-9a-f-]{36}$/);
      expect(summaries.map((s) => s.kind)).not.toContain('file');
      expect(Object.keys(summaries[0]).sort()).toEqual([
        'chunkRefs',
        'kind',
        'score',
        'sourceId',
        'summary',
        'title',
        'topTerms',
      ]);

      const decaf = await runInTenantScope(app, scopeOf(a), () =>
        new KnowledgeRepository().summaries(app.manager, a.clientId, 'decaf winter', 5),
      );
      expect(decaf.map((s) => s.title)).toEqual(['Tone notes']);
    });

    it('loadBrandContext gives the kit and the summaries, read under the tenant scope', async () => {
      const ctx = await runInTenantScope(app, scopeOf(a), () =>
        loadBrandContext(app.manager, a.clientId, { query: 'cold brew price' }),
      );
      expect(ctx.brandKit).toMatchObject({
        name: 'Acme Roastery',
        configured: true,
        bannedClaims: ['cures headaches', 'best coffee in the world'],
      });
      expect(ctx.kbSummaries[0].title).toBe('menu.csv');
      const recent = await runInTenantScope(app, scopeOf(a), () => loadBrandContext(app.manager, a.clientId));
      expect(recent.kbSummaries.map((s) => s.kind)).toEqual(['url', 'file', 'text']);
      // Another tenant's scope does not see the client at all.
      await expect(runInTenantScope(app, scopeOf(b), () => loadBrandContext(app.manager, a.clientId))).rejects.toThrow(
        'client not found',
      );
    });

    it('removes a source from listing and retrieval; its chunks stay', async () => {
      const [source] = await stack.ds.query<{ id: string }[]>(
        `SELECT id FROM kb_sources WHERE client_id = $1 AND title = 'Tone notes'`,
        [a.clientId],
      );
      const chunks = await chunksOf(a.clientId);
      const r = await stack.gql<{ removeKbSource: { id: string } }>(
        a.users.approver,
        `mutation($id: ID!) { removeKbSource(id: $id) { id } }`,
        { id: source.id },
      );
      expect(r.errors).toBeUndefined();
      const again = await stack.gql(a.users.approver, `mutation($id: ID!) { removeKbSource(id: $id) { id } }`, {
        id: source.id,
      });
      expect(again.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const decaf = await runInTenantScope(app, scopeOf(a), () =>
        new KnowledgeRepository().summaries(app.manager, a.clientId, 'decaf winter', 5),
      );
      expect(decaf).toEqual([]);
      expect(await chunksOf(a.clientId)).toBe(chunks);
      expect(await auditOf(a.clientId, 'kb_source.removed')).toBe(1);
    });
  });

  describe('tenancy', () => {
    it("[C-02] another tenant's operators get not found for the kit and the sources", async () => {
      const [source] = await stack.ds.query<{ id: string }[]>(
        `SELECT id FROM kb_sources WHERE client_id = $1 AND removed_at IS NULL LIMIT 1`,
        [a.clientId],
      );
      const probes: [string, Record<string, unknown>][] = [
        [`query($c: ID!) { brandKit(clientId: $c) { name } }`, { c: a.clientId }],
        [`query($c: ID!) { kbSources(clientId: $c) { id } }`, { c: a.clientId }],
        [UPDATE_KIT, { x: { clientId: a.clientId, voice: 'hijacked' } }],
        [ADD_SOURCE, { x: { clientId: a.clientId, kind: 'text', title: 'x', text: 'planted' } }],
        [`mutation($id: ID!) { removeKbSource(id: $id) { id } }`, { id: source.id }],
      ];
      for (const [query, variables] of probes) {
        const r = await stack.gql(b.users.admin, query, variables);
        expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      }
      expect(await sourcesOf(a.clientId)).toBe(3);
    });

    it("[C-01] the app role in tenant B's scope reads none of A's kit, sources or chunks, and cannot change chunks", async () => {
      const rows = await asAppRole(async (c) => {
        await c.query(`SELECT set_config('raize.client_ids', $1, false)`, [`{${b.clientId}}`]);
        const seen: number[] = [];
        for (const t of ['brand_kits', 'kb_sources', 'kb_chunks'])
          seen.push((await c.query(`SELECT 1 FROM ${t} WHERE client_id = $1`, [a.clientId])).rowCount ?? 0);
        return seen;
      });
      expect(rows).toEqual([0, 0, 0]);
    });

    it('kb_chunks is append-only for the app role, even in its own scope', async () => {
      const denied = await asAppRole(async (c) => {
        await c.query(`SELECT set_config('raize.client_ids', $1, false)`, [`{${a.clientId}}`]);
        const out: string[] = [];
        for (const sql of [
          'UPDATE kb_chunks SET text = $2 WHERE client_id = $1',
          'DELETE FROM kb_chunks WHERE client_id = $1',
        ]) {
          out.push(
            await c.query(sql, sql.startsWith('UPDATE') ? [a.clientId, 'rewritten'] : [a.clientId]).then(
              () => 'allowed',
              (e: Error) => e.message,
            ),
          );
        }
        return out;
      });
      expect(denied).toEqual(['permission denied for table kb_chunks', 'permission denied for table kb_chunks']);
    });
  });
});
