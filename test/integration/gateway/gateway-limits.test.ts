import { createHash, randomUUID } from 'node:crypto';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { PolicyEngine } from '../../../services/core/policy';
import type { RunningGateway } from '../../../services/gateway/create-gateway';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { GatewayWorld } from './gateway-world';
import {
  addKbDocument,
  apiToken,
  auditSince,
  call,
  listedNames,
  mcpClient,
  openGatewayWorld,
  setGatewaySettings,
} from './gateway-world';

describe('MCP tool gateway: outputs, limits and failing closed', () => {
  let w: GatewayWorld;
  let g: RunningGateway;
  const clients: Client[] = [];
  const planner = async (t: SeededTenant, url = g.url, workflowId = `planning-${randomUUID()}`) => {
    const token = await w.activityToken({
      agencyId: t.agencyId,
      clientId: t.clientId,
      taskClass: 'planning',
      role: 'planner',
      workflowId,
    });
    const c = await mcpClient(url, token);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    w = await openGatewayWorld();
    g = await w.start();
  });

  afterAll(async () => {
    for (const c of clients) await c.close();
    await w?.close();
  });

  it('[C-39] an output over the size limit goes to the artifact store and only the summary returns', async () => {
    const t = await seedTenant(w.owner);
    const paragraph = (i: number, j: number) =>
      `Roastery notes ${i}.${j}: ` +
      Array.from({ length: 150 }, (_, k) => `bean${(i * 31 + j * 7 + k) % 97}`).join(' ');
    for (let i = 0; i < 12; i++)
      await addKbDocument(
        w.owner,
        { ...t, actorId: t.users.admin },
        `Roastery handbook ${i}`,
        Array.from({ length: 5 }, (_, j) => paragraph(i, j)).join('\n\n'),
      );
    const workflowId = `planning-${randomUUID()}`;
    const c = await planner(t, g.url, workflowId);
    const since = new Date(Date.now() - 1000);
    const r = await call(c, 'kb_search', { query: 'roastery notes bean1', limit: 20, detail: 'chunks', maxChunks: 10 });
    expect(r).toMatchObject({ ok: true, result: null });
    expect(r.artifactKey).toEqual(expect.stringContaining(`${t.agencyId}/${t.clientId}/`));
    expect(r.summary).toMatch(/knowledge base source/);
    expect(r.summary!.length).toBeLessThan(500);

    const bytes = await w.artifacts.get({ key: r.artifactKey!, clientId: t.clientId });
    const max = g.registry.tools.get('kb_search')!.definition.maxInlineBytes;
    expect(bytes.length).toBeGreaterThan(max);
    const stored = JSON.parse(bytes.toString('utf8')) as { sources: unknown[]; chunks: unknown[] };
    expect(stored.sources.length).toBeGreaterThan(5);
    expect(stored.chunks).toHaveLength(10);
    // The audit's digest is of exactly the bytes stored.
    const [called] = (await auditSince(w.owner, since, `workflow:${workflowId}`)).filter(
      (e) => e.action === 'gateway.tool_called',
    );
    expect(called.data).toMatchObject({
      tool: 'kb_search',
      artifactKey: r.artifactKey,
      outputSha256: createHash('sha256').update(bytes).digest('hex'),
    });
    // A small answer still returns inline.
    const small = await call(c, 'kb_search', { query: 'roastery', limit: 1 });
    expect(small.ok).toBe(true);
    expect((small.result as { sources: unknown[] }).sources).toHaveLength(1);
    expect(small.artifactKey).toBeUndefined();
  });

  it('fails closed when the policy engine errors', async () => {
    const t = await seedTenant(w.owner);
    const broken = PolicyEngine.fromEvaluator(() => {
      throw new Error('wasm trap');
    });
    const down = await w.start({ policy: broken, sign: false });
    const c = await planner(t, down.url);
    expect(await listedNames(c)).toEqual([]);
    expect(await call(c, 'kb_search', { query: 'x' })).toMatchObject({ code: 'policy_error' });
    const admin = await mcpClient(down.url, await apiToken(w.owner, t.users.admin, ['read', 'publish', 'admin']));
    clients.push(admin);
    expect(await listedNames(admin)).toEqual([]);
    const r = await call(admin, 'posts_list', { clientId: t.clientId });
    expect(r).toMatchObject({ code: 'policy_error' });
    expect(r.message).not.toContain('wasm trap');
  });

  it('rate limit → rate_limited', async () => {
    const t = await seedTenant(w.owner);
    await setGatewaySettings(w.owner, t.agencyId, { callsPerMinute: 2 });
    // One fixed minute, so the test never straddles two windows.
    const fixed = new Date();
    const clocked = await w.start({ sign: false, deps: { now: () => fixed } });
    const c = await planner(t, clocked.url);
    expect(await call(c, 'kb_search', { query: 'a' })).toMatchObject({ ok: true });
    expect(await call(c, 'kb_search', { query: 'b' })).toMatchObject({ ok: true });
    expect(await call(c, 'kb_search', { query: 'c' })).toMatchObject({ code: 'rate_limited' });
    // Another caller of the same agency has its own window.
    const other = await planner(t, clocked.url);
    expect(await call(other, 'kb_search', { query: 'd' })).toMatchObject({ ok: true });
  });

  it('budget → budget_exhausted', async () => {
    const t = await seedTenant(w.owner);
    await setGatewaySettings(w.owner, t.agencyId, { monthlyBudgetUsdMicros: 5_000 });
    const c = await planner(t);
    expect(await call(c, 'kb_search', { query: 'a' })).toMatchObject({ ok: true });
    // Earlier calls this month spent the budget.
    await w.owner.query(
      `INSERT INTO gateway_usage (caller_key, agency_id, window_start, calls, cost_usd_micros)
       VALUES ($1, $2, now() - interval '1 second', 1, 5000)`,
      [`${t.agencyId}:test-earlier-${randomUUID()}`, t.agencyId],
    );
    expect(await call(c, 'kb_search', { query: 'b' })).toMatchObject({ code: 'budget_exhausted' });
  });
});
