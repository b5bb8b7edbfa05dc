import { createOpenRouterTextProvider } from '../../../services/core/providers/openrouter';
import type { ProviderCallContext, TextRequest } from '../../../services/core/providers/provider.types';
import { ProviderError } from '../../../services/core/providers/provider.types';
import type { OpenRouterEmulator } from '../../../services/emulators/providers/openrouter.emulator';
import {
  OPENROUTER_EMULATOR_USD_PER_TOKEN,
  startOpenRouterEmulator,
} from '../../../services/emulators/providers/openrouter.emulator';
import { parseAnswer } from '../../../services/core/engagement/reply/answer.schema';
import {
  CLASSIFICATION_SCHEMA_NAME,
  parseClassification,
} from '../../../services/core/engagement/router/classification.schema';
import { classifierRequest, drafterRequest, malformedSchemaRequest } from './structured-output.fixtures';

const KEY = 'sk-or-v1-client-c-key-0123456789abcdef0123';
const provider = createOpenRouterTextProvider();
let emu: OpenRouterEmulator;

beforeAll(async () => {
  emu = await startOpenRouterEmulator({ apiKeys: [KEY] });
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.server.reset();
  emu.setReply(undefined);
});

function ctx(over: Partial<ProviderCallContext> = {}): ProviderCallContext {
  return {
    agencyId: '00000000-0000-4000-8000-0000000000a3',
    clientId: '00000000-0000-4000-8000-0000000000c3',
    credential: { provider: 'openrouter', apiKey: KEY, credentialRefId: 'cref-or-1', scope: 'agency' },
    timeoutMs: 5000,
    baseUrl: emu.url,
    ...over,
  };
}
const req: TextRequest = {
  system: 'Brand voice: playful.',
  prompt: 'A tweet about our summer sale.',
  model: 'anthropic/claude-haiku-4.5',
  maxOutputTokens: 120,
};

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

describe('OpenRouter adapter against the emulator', () => {
  it('sends the documented request: /api/v1/chat/completions, bearer key, usage accounting, no attribution by default', async () => {
    await provider.generateText(ctx(), req);
    const sent = emu.server.last()!;
    expect(sent.path).toBe('/api/v1/chat/completions');
    expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(sent.headers['http-referer']).toBeUndefined();
    expect(sent.headers['x-title']).toBeUndefined();
    expect(sent.json).toEqual({
      model: 'anthropic/claude-haiku-4.5',
      messages: [
        { role: 'system', content: 'Brand voice: playful.' },
        { role: 'user', content: 'A tweet about our summer sale.' },
      ],
      max_tokens: 120,
      usage: { include: true },
    });
  });

  it('sends HTTP-Referer and X-Title when configured', async () => {
    await createOpenRouterTextProvider({ referer: 'https://agency.example', title: 'Raize' }).generateText(ctx(), req);
    const sent = emu.server.last()!;
    expect(sent.headers['http-referer']).toBe('https://agency.example');
    expect(sent.headers['x-title']).toBe('Raize');
  });

  it('maps the answer, taking the cost OpenRouter reports (usage.cost) over the price table', async () => {
    emu.setReply('Sun, sand, 30% off.');
    const out = await provider.generateText(ctx(), req);
    expect(out).toMatchObject({ text: 'Sun, sand, 30% off.', model: 'anthropic/claude-haiku-4.5', finish: 'stop' });
    const { inputTokens, outputTokens, costMicros } = out.usage;
    // The emulator charges a made-up flat rate, which the Haiku price table ($1/$5) would never give.
    const reported = Math.round((inputTokens! + outputTokens!) * OPENROUTER_EMULATOR_USD_PER_TOKEN * 1_000_000);
    expect(costMicros).toBe(reported);
    expect(costMicros).not.toBe(inputTokens! * 1 + outputTokens! * 5);
  });

  it('throws refused on the 403 moderation error and on finish_reason content_filter', async () => {
    emu.server.inject({ kind: 'refuse' });
    const flagged = await failure(provider.generateText(ctx(), req));
    expect(flagged).toMatchObject({ failure: 'refused', details: { status: 403, vendorCode: '403' } });
    // The moderation metadata quotes the flagged input: it stays out of the error.
    expect(JSON.stringify(flagged)).not.toContain('summer sale');
    expect(flagged.message).not.toContain('summer sale');
    emu.server.inject({ kind: 'custom', name: 'content_filter' });
    expect((await failure(provider.generateText(ctx(), req))).failure).toBe('refused');
  });

  it('treats 402 insufficient credits as unauthorized: no retry, operators act on the key', async () => {
    emu.server.inject({ kind: 'custom', name: 'credits' });
    const err = await failure(provider.generateText(ctx(), req));
    expect(err).toMatchObject({ failure: 'unauthorized', details: { status: 402 } });
    expect(err.retryable).toBe(false);
  });

  it('reads an error reported inside a 200 (after generation began) by its code', async () => {
    emu.server.inject({ kind: 'custom', name: 'mid_error' });
    const err = await failure(provider.generateText(ctx(), req));
    expect(err).toMatchObject({ failure: 'unavailable', details: { status: 200, vendorCode: '502' } });
    emu.server.inject({ kind: 'custom', name: 'body_error' });
    const whole = await failure(provider.generateText(ctx(), req));
    expect(whole).toMatchObject({ failure: 'rate_limited', details: { status: 200, vendorCode: '429' } });
  });

  it('[C-52] maps 429 to rate_limited with Retry-After', async () => {
    emu.server.rateLimit('11');
    expect(await failure(provider.generateText(ctx(), req))).toMatchObject({
      failure: 'rate_limited',
      details: { status: 429, retryAfterMs: 11_000 },
    });
  });

  it('maps 502, 503 and 408 to unavailable, and a hang to unavailable at the deadline', async () => {
    for (const status of [502, 503, 408]) {
      emu.server.inject({ kind: 'status', status });
      expect((await failure(provider.generateText(ctx(), req))).failure).toBe('unavailable');
    }
    emu.server.inject({ kind: 'hang' });
    const err = await failure(provider.generateText(ctx({ timeoutMs: 250 }), req));
    expect(err.message).toContain('timed out after 250 ms');
  }, 15_000);

  it('[C-13] maps a wrong key to unauthorized without naming it', async () => {
    const wrong = 'sk-or-v1-revoked-0000000000000000000000';
    const err = await failure(provider.generateText(ctx({ credential: { ...ctx().credential, apiKey: wrong } }), req));
    expect(err).toMatchObject({ failure: 'unauthorized', details: { status: 401 } });
    expect(`${err.message} ${JSON.stringify(err)}`).not.toContain(wrong);
  });

  it('maps a malformed request the emulator rejects (400) to bad_request', async () => {
    const err = await failure(provider.generateText(ctx(), { ...req, temperature: 3 }));
    expect(err).toMatchObject({ failure: 'bad_request', details: { status: 400 } });
  });
});

describe('OpenRouter structured outputs against the emulator', () => {
  type Sent = {
    response_format?: { type: string; json_schema: { name: string; strict: boolean; schema: Record<string, unknown> } };
    provider?: unknown;
  };

  it('sends the classifier’s schema as response_format json_schema (strict), routed only to providers honouring it; the answer parses', async () => {
    const out = await provider.generateText(ctx(), classifierRequest('openai/gpt-4.1-mini'));
    const sent = emu.server.last()!.json as Sent;
    expect(sent.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: CLASSIFICATION_SCHEMA_NAME, strict: true, schema: expect.any(Object) as unknown },
    });
    expect(sent.response_format!.json_schema.schema).toMatchObject({ type: 'object', additionalProperties: false });
    expect(sent.provider).toEqual({ require_parameters: true });
    expect(parseClassification(out.text)).toMatchObject({ intent: 'question' });
  });

  it('sends no response_format and no provider preferences without a schema', async () => {
    await provider.generateText(ctx(), req);
    const sent = emu.server.last()!.json as Sent;
    expect(sent.response_format).toBeUndefined();
    expect(sent.provider).toBeUndefined();
  });

  it('the drafter’s answer schema is accepted in strict mode and its answer parses', async () => {
    const out = await provider.generateText(ctx(), drafterRequest());
    expect(parseAnswer(out.text)).toEqual(expect.any(String));
  });

  it('a malformed schema is refused with OpenRouter’s 400 {error:{code,message}}, read as bad_request', async () => {
    const err = await failure(provider.generateText(ctx(), malformedSchemaRequest()));
    expect(err).toMatchObject({ failure: 'bad_request', details: { status: 400, vendorCode: '400' } });
    const res = await fetch(`${emu.url}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(emu.server.last()!.json),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        code: 400,
        message: expect.stringContaining("Invalid schema for response_format 'broken_schema'") as unknown as string,
      },
    });
  });
});
