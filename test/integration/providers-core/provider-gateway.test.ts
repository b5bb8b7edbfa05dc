import { randomBytes, randomUUID } from 'node:crypto';
import { addLogSink, setLogLevel } from '../../../services/core/telemetry/logger';
import { CircuitBreakers } from '../../../services/core/providers/resilience/circuit-breaker';
import { createProviderGateway, type ProviderGatewayDeps } from '../../../services/core/providers/provider-gateway';
import {
  createProviderRegistry,
  localAdapters,
  mergeAdapters,
} from '../../../services/core/providers/provider-registry';
import type { AiCallScope } from '../../../services/core/providers/provider-gateway.port';
import { ProviderError, type TextProvider } from '../../../services/core/providers/provider.types';
import { usageMonth } from '../../../services/core/providers/usage/usage-month';
import { seedTenant } from '../../factories/tenant.factory';
import {
  asOperator,
  openProvidersWorld,
  preferOnly,
  RecordingTextProvider,
  setAiSettings,
  unavailable,
  type ProvidersWorld,
} from './providers-world';

/** jest's asymmetric matchers are typed `any`; these keep the lint rule against unsafe `any` meaningful. */
const anyString = expect.any(String) as unknown as string;
const matching = (re: RegExp) => expect.stringMatching(re) as unknown as string;

describe('the provider gateway: resilience, budgets, contracts, usage (C-51, C-13)', () => {
  let w: ProvidersWorld;
  beforeAll(async () => {
    w = await openProvidersWorld();
  });
  afterAll(() => w.close());

  /** A fresh tenant whose text goes to a fake `openai` adapter with a key set, and a clock the test moves. */
  async function setup(fake: TextProvider, extra: Partial<ProviderGatewayDeps> = {}, budget = 5_000_000) {
    const t = await seedTenant(w.owner);
    const apiKey = `sk-test-${randomBytes(16).toString('hex')}`;
    await asOperator(w.app, t.users.admin, () =>
      w.keys.setKey({ agencyId: t.agencyId, clientId: t.clientId, provider: 'openai', apiKey, actorId: t.users.admin }),
    );
    await setAiSettings(
      w,
      { adminId: t.users.admin, agencyId: t.agencyId, clientId: t.clientId },
      { monthlyBudgetMicros: budget, preferred: preferOnly('text', 'openai') },
    );
    let clock = Date.parse('2025-05-20T10:00:00Z');
    const delays: number[] = [];
    const gateway = createProviderGateway({
      ...w,
      ds: w.app,
      registry: createProviderRegistry(mergeAdapters(localAdapters(), { text: { openai: fake } })),
      now: () => new Date(clock),
      random: () => 0.5,
      sleep: (ms) => {
        delays.push(ms);
        clock += ms;
        return Promise.resolve();
      },
      ...extra,
    });
    const scope = (stepId = `step-${randomUUID()}`, depth = 0): AiCallScope => ({
      agencyId: t.agencyId,
      clientId: t.clientId,
      stepId,
      stepKind: 'creator',
      depth,
    });
    return { t, apiKey, gateway, scope, delays, advance: (ms: number) => (clock += ms), now: () => clock };
  }
  const usageRows = async (clientId: string) =>
    (
      await w.owner.query<{ n: number }[]>('SELECT count(*)::int AS n FROM ai_usage WHERE client_id = $1', [clientId])
    )[0].n;
  const req = { prompt: 'Write a caption', maxOutputTokens: 100 };

  it('the local provider answers text inline, images and clips as artifact references, and records usage at zero cost', async () => {
    const t = await seedTenant(w.owner);
    const gateway = createProviderGateway({ ...w, ds: w.app });
    const scope: AiCallScope = {
      agencyId: t.agencyId,
      clientId: t.clientId,
      stepId: `item:${randomUUID()}`,
      stepKind: 'creator',
      depth: 0,
    };
    const text = await gateway.text(scope, {
      ...req,
      hints: { topic: 'spring menu', brand: { name: 'Acme', hashtags: ['acme'] } },
    });
    expect(text).toMatchObject({ ok: true, provider: 'local', model: 'local-template-v1', usage: { costMicros: 0 } });
    expect(text.ok && text.text).toMatch(/spring menu[\s\S]*#acme/);
    const image = await gateway.image(scope, {
      prompt: 'Spring menu',
      width: 320,
      height: 320,
      brand: { name: 'Acme', colours: ['#224466'] },
    });
    expect(image).toMatchObject({
      ok: true,
      artifact: { kind: 'image', contentType: 'image/png', clientId: t.clientId },
    });
    const clip = await gateway.video(scope, {
      prompt: 'Spring menu',
      durationSeconds: 2,
      aspect: '1:1',
      captions: ['New'],
    });
    expect(clip).toMatchObject({
      ok: true,
      artifact: { kind: 'video', contentType: 'video/mp4' },
      usage: { videoSeconds: 2 },
    });
    if (!clip.ok || !clip.artifact) throw new Error('no clip');
    expect((await w.artifacts.get(clip.artifact)).subarray(4, 8).toString('latin1')).toBe('ftyp');
    const rows: { kind: string; cost_micros: string; month: string; credential_ref_id: string | null }[] =
      await w.owner.query(
        'SELECT kind, cost_micros, month, credential_ref_id FROM ai_usage WHERE client_id = $1 ORDER BY created_at',
        [t.clientId],
      );
    expect(rows).toEqual(
      ['text', 'image', 'video'].map((kind) => ({
        kind,
        cost_micros: '0',
        month: usageMonth(new Date(), 'Europe/Berlin'),
        credential_ref_id: null,
      })),
    );
    // The app role cannot rewrite what was spent (append-only).
    const { asAppRole } = await import('../../factories/app-role');
    await expect(asAppRole((c) => c.query(`UPDATE ai_usage SET cost_micros = 0`))).rejects.toThrow(/permission denied/);
  });

  it('a long text goes to the artifact store; the step gets a summary and the reference', async () => {
    const long = 'word '.repeat(2000).trim();
    const { gateway, scope } = await setup(new RecordingTextProvider('openai', [{ text: long }]));
    const out = await gateway.text(scope(), req);
    if (!out.ok) throw new Error(out.wait.message);
    expect(out.artifact).toMatchObject({ kind: 'provider-output', size: long.length });
    expect(out.text!.length).toBeLessThan(400);
    expect((await w.artifacts.get(out.artifact!)).toString('utf8')).toBe(long);
  });

  it("retries a 429 after the vendor's Retry-After and jittered 5xx within the backoff bounds, then records one usage row", async () => {
    const fake = new RecordingTextProvider('openai', [
      new ProviderError('openai', 'rate_limited', 'HTTP 429', { status: 429, retryAfterMs: 3_000 }),
      unavailable(),
      { text: 'done' },
    ]);
    const { gateway, scope, delays, t } = await setup(fake, {
      retry: { maxAttempts: 3, baseDelayMs: 400, maxDelayMs: 10_000 },
    });
    const out = await gateway.text(scope(), req);
    expect(out).toMatchObject({ ok: true, text: 'done' });
    expect(fake.calls).toHaveLength(3);
    expect(delays[0]).toBe(3_000);
    // Full jitter: attempt 2 waits a uniform share of 400·2 = 800 ms (random 0.5 → 400).
    expect(delays[1]).toBeGreaterThanOrEqual(0);
    expect(delays[1]).toBeLessThanOrEqual(800);
    expect(delays[1]).toBe(400);
    expect(await usageRows(t.clientId)).toBe(1);
  });

  it('[C-51] the breaker opens after N outages, the step waits with circuit_open and retryAt, a half-open trial closes it', async () => {
    const fake = new RecordingTextProvider('openai', [unavailable(), unavailable(), unavailable(), { text: 'back' }]);
    const { gateway, scope, now, advance, t } = await setup(fake, {
      retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 10 },
      breakers: new CircuitBreakers({ failureThreshold: 3, cooldownMs: 30_000 }),
    });
    const first = await gateway.text(scope(), req);
    expect(first).toMatchObject({ ok: false, wait: { code: 'circuit_open', retryAt: anyString } });
    expect(fake.calls).toHaveLength(2);
    const second = await gateway.text(scope(), req);
    expect(fake.calls).toHaveLength(3);
    if (second.ok) throw new Error('should wait');
    expect(second.wait).toMatchObject({ code: 'circuit_open', message: matching(/circuit open/) });
    const openedAt = now();
    expect(Date.parse(second.wait.retryAt!)).toBe(openedAt + 30_000);

    // Open: the step waits without the vendor being called at all.
    advance(10_000);
    const third = await gateway.text(scope(), req);
    expect(third).toMatchObject({
      ok: false,
      wait: { code: 'circuit_open', retryAt: new Date(openedAt + 30_000).toISOString() },
    });
    expect(fake.calls).toHaveLength(3);

    // After the cooldown one trial goes through; it succeeds, the breaker closes and calls flow again.
    advance(20_000);
    expect(await gateway.text(scope(), req)).toMatchObject({ ok: true, text: 'back' });
    expect(await gateway.text(scope(), req)).toMatchObject({ ok: true, text: 'back' });
    expect(fake.calls).toHaveLength(5);
    expect(await usageRows(t.clientId)).toBe(2);
  });

  it('budget exhausted: the step waits until the first instant of next month in the client timezone, nothing is called or recorded', async () => {
    const fake = new RecordingTextProvider('openai');
    const { gateway, scope, t } = await setup(fake, {}, 1_000);
    await w.owner.query(
      `INSERT INTO ai_usage (agency_id, client_id, provider, step_id, step_kind, kind, model, outcome, cost_micros, month, started_at, duration_ms)
       VALUES ($1, $2, 'openai', 'earlier', 'creator', 'text', 'gpt-4o-mini', 'ok', 1000, '2025-05', now(), 10)`,
      [t.agencyId, t.clientId],
    );
    const before = await usageRows(t.clientId);
    const out = await gateway.text(scope(), req);
    expect(out).toEqual({
      ok: false,
      wait: {
        code: 'budget_exhausted',
        message: matching(/monthly AI budget is spent: 1000 of 1000/),
        retryAt: '2025-05-31T22:00:00.000Z',
      },
    });
    expect(fake.calls).toHaveLength(0);
    expect(await usageRows(t.clientId)).toBe(before);
    // The local provider costs nothing and still runs for the same client.
    await setAiSettings(
      w,
      { adminId: t.users.admin, agencyId: t.agencyId, clientId: t.clientId },
      { preferred: preferOnly('text', 'local') },
    );
    expect(await gateway.text(scope(), req)).toMatchObject({ ok: true, provider: 'local' });
  });

  it('no budget set: a paid call waits for a human (no retryAt)', async () => {
    const fake = new RecordingTextProvider('openai');
    const { gateway, scope } = await setup(fake, {}, 0);
    const out = await gateway.text(scope(), req);
    expect(out).toEqual({
      ok: false,
      wait: { code: 'budget_exhausted', message: matching(/no monthly AI budget/) },
    });
    expect(fake.calls).toHaveLength(0);
  });

  it('contract exceeded: too many calls in a step, or too deep, ends the step with contract_exceeded', async () => {
    const fake = new RecordingTextProvider('openai');
    const { gateway, scope, t } = await setup(fake);
    await setAiSettings(
      w,
      { adminId: t.users.admin, agencyId: t.agencyId, clientId: t.clientId },
      { contract: { maxToolCalls: 2, maxDepth: 1 } },
    );
    const step = scope();
    expect(await gateway.text(step, req)).toMatchObject({ ok: true });
    expect(await gateway.text(step, req)).toMatchObject({ ok: true });
    expect(await gateway.text(step, req)).toEqual({
      ok: false,
      wait: { code: 'contract_exceeded', message: 'the step already made 2 calls, its limit is 2' },
    });
    expect(await gateway.text(scope(undefined, 2), req)).toMatchObject({
      ok: false,
      wait: { code: 'contract_exceeded', message: matching(/depth 2/) },
    });
    expect(fake.calls).toHaveLength(2);
  });

  it('refusals and revoked keys park the item for a human; a refusal that billed its input is still recorded', async () => {
    const refusal = new ProviderError('openai', 'refused', 'content filter', {
      status: 400,
      usage: { inputTokens: 200, costMicros: 0 },
    });
    const { gateway, scope, t } = await setup(
      new RecordingTextProvider('openai', [
        refusal,
        new ProviderError('openai', 'unauthorized', 'HTTP 401', { status: 401 }),
      ]),
    );
    expect(await gateway.text(scope(), req)).toMatchObject({ ok: false, wait: { code: 'refused' } });
    expect(await gateway.text(scope(), req)).toMatchObject({
      ok: false,
      wait: { code: 'unauthorized', message: matching(/replace/) },
    });
    const rows: { outcome: string; input_tokens: number; cost_micros: string }[] = await w.owner.query(
      'SELECT outcome, input_tokens, cost_micros FROM ai_usage WHERE client_id = $1',
      [t.clientId],
    );
    // The vendor named no model for the failed call: priced at the provider's fallback (never free), 200 × 2.50 USD/M.
    expect(rows).toEqual([{ outcome: 'failed', input_tokens: 200, cost_micros: '500' }]);
  });

  it('[C-13] log lines of a call carry neither the prompt, the output nor the key; a vendor message quoting the key is scrubbed', async () => {
    const lines: string[] = [];
    const stop = addLogSink((l) => lines.push(l));
    setLogLevel('debug');
    try {
      const output = `OUTPUT-${randomBytes(8).toString('hex')}`;
      const prompt = `PROMPT-${randomBytes(8).toString('hex')}`;
      const fake = new RecordingTextProvider('openai', [{ text: output }]);
      const { gateway, scope, apiKey } = await setup(fake);
      const ok = await gateway.text(scope(), { prompt, system: `SYSTEM ${prompt}`, maxOutputTokens: 100 });
      expect(ok).toMatchObject({ ok: true, text: output });
      // A careless adapter whose error quotes the key it was handed.
      const leaky: TextProvider = {
        id: 'openai',
        generateText: (ctx) =>
          Promise.reject(new ProviderError('openai', 'refused', `rejected request with key ${ctx.credential.apiKey}`)),
      };
      const second = await setup(leaky);
      const refused = await second.gateway.text(second.scope(), { prompt, maxOutputTokens: 100 });
      if (refused.ok) throw new Error('should be refused');
      expect(refused.wait.message).not.toContain(second.apiKey);
      expect(refused.wait.message).toContain('[redacted]');
      const all = lines.join('\n');
      expect(all).toMatch(/ai call ok: openai text gpt-4o-mini/);
      for (const secret of [prompt, output, apiKey, second.apiKey]) expect(all).not.toContain(secret);
    } finally {
      stop();
      setLogLevel('warn');
    }
  });
});
