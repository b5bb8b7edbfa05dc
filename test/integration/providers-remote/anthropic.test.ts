import { createAnthropicTextProvider } from '../../../services/core/providers/anthropic';
import type { ProviderCallContext, TextRequest } from '../../../services/core/providers/provider.types';
import { ProviderError } from '../../../services/core/providers/provider.types';
import type { AnthropicEmulator } from '../../../services/emulators/providers/anthropic.emulator';
import {
  ANTHROPIC_REFUSAL_MAGIC,
  startAnthropicEmulator,
} from '../../../services/emulators/providers/anthropic.emulator';
import { parseAnswer } from '../../../services/core/engagement/reply/answer.schema';
import {
  CLASSIFICATION_JSON_SCHEMA,
  CLASSIFICATION_SCHEMA_NAME,
  parseClassification,
} from '../../../services/core/engagement/router/classification.schema';
import { classifierRequest, drafterRequest, malformedSchemaRequest } from './structured-output.fixtures';

const KEY = 'sk-ant-api03-client-a-key-000000000000';
const provider = createAnthropicTextProvider();
let emu: AnthropicEmulator;

beforeAll(async () => {
  emu = await startAnthropicEmulator({ apiKeys: [KEY] });
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.server.reset();
  emu.setReply(undefined);
});

function ctx(over: Partial<ProviderCallContext> = {}): ProviderCallContext {
  return {
    agencyId: '00000000-0000-4000-8000-0000000000a1',
    clientId: '00000000-0000-4000-8000-0000000000c1',
    credential: { provider: 'anthropic', apiKey: KEY, credentialRefId: 'cref-anthropic-1', scope: 'client' },
    timeoutMs: 5000,
    baseUrl: emu.url,
    ...over,
  };
}
const req: TextRequest = {
  system: 'You write posts in the voice of a bakery.',
  prompt: 'Three lines about rye bread.',
  model: 'claude-sonnet-4-5-20250929',
  maxOutputTokens: 300,
  temperature: 0.4,
};

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

describe('Anthropic Messages adapter against the emulator', () => {
  it('sends the documented request: path, key and version headers, body fields', async () => {
    await provider.generateText(ctx(), req);
    const sent = emu.server.last()!;
    expect(sent.method).toBe('POST');
    expect(sent.path).toBe('/v1/messages');
    expect(sent.headers['x-api-key']).toBe(KEY);
    expect(sent.headers['anthropic-version']).toBe('2023-06-01');
    expect(sent.headers['content-type']).toBe('application/json');
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.json).toEqual({
      model: 'claude-sonnet-4-5-20250929',
      max_tokens: 300,
      system: 'You write posts in the voice of a bakery.',
      messages: [{ role: 'user', content: 'Three lines about rye bread.' }],
      temperature: 0.4,
    });
  });

  it('maps the answer: text, model, stop, usage tokens and their cost from the price table', async () => {
    emu.setReply('Rye, patience, fire.');
    const out = await provider.generateText(ctx(), req);
    expect(out.text).toBe('Rye, patience, fire.');
    expect(out.model).toBe('claude-sonnet-4-5-20250929');
    expect(out.finish).toBe('stop');
    const { inputTokens, outputTokens, costMicros } = out.usage;
    expect(inputTokens).toBeGreaterThan(0);
    expect(outputTokens).toBeGreaterThan(0);
    // Sonnet 4.5: $3 in / $15 out per million tokens = 3 and 15 micro-dollars a token.
    expect(costMicros).toBe(inputTokens! * 3 + outputTokens! * 15);
  });

  it('uses the default model when none is asked for, and maps max_tokens to length', async () => {
    emu.setReply('x'.repeat(400));
    const out = await provider.generateText(ctx(), { prompt: 'p', maxOutputTokens: 10 });
    expect((emu.server.last()!.json as { model: string }).model).toBe('claude-sonnet-4-5');
    expect(out.finish).toBe('length');
    expect(out.usage.outputTokens).toBe(10);
  });

  it('throws refused on stop_reason "refusal" (the documented test string, and the fault knob)', async () => {
    const byMagic = await failure(provider.generateText(ctx(), { ...req, prompt: ANTHROPIC_REFUSAL_MAGIC }));
    expect(byMagic.failure).toBe('refused');
    expect(byMagic.details.vendorCode).toBe('refusal');
    emu.server.inject({ kind: 'refuse' });
    expect((await failure(provider.generateText(ctx(), req))).failure).toBe('refused');
  });

  it('[C-52] maps 429 rate_limit_error to rate_limited with Retry-After', async () => {
    emu.server.rateLimit('17');
    const err = await failure(provider.generateText(ctx(), req));
    expect(err.failure).toBe('rate_limited');
    expect(err.details).toMatchObject({ status: 429, retryAfterMs: 17_000, vendorCode: 'rate_limit_error' });
  });

  it('maps 529 overloaded_error and 500 api_error to unavailable', async () => {
    emu.server.inject({ kind: 'status', status: 529 });
    const overloaded = await failure(provider.generateText(ctx(), req));
    expect(overloaded.failure).toBe('unavailable');
    expect(overloaded.details.vendorCode).toBe('overloaded_error');
    emu.server.inject({ kind: 'status', status: 500 });
    expect((await failure(provider.generateText(ctx(), req))).failure).toBe('unavailable');
  });

  it('[C-51] gives up on a hanging API at the deadline as unavailable', async () => {
    emu.server.inject({ kind: 'hang' });
    const err = await failure(provider.generateText(ctx({ timeoutMs: 250 }), req));
    expect(err.failure).toBe('unavailable');
    expect(err.message).toContain('timed out after 250 ms');
  }, 15_000);

  it('[C-13] maps a wrong key to unauthorized without naming the key', async () => {
    const wrong = 'sk-ant-api03-revoked-key-999999999999';
    const err = await failure(provider.generateText(ctx({ credential: { ...ctx().credential, apiKey: wrong } }), req));
    expect(err.failure).toBe('unauthorized');
    expect(err.details.vendorCode).toBe('authentication_error');
    expect(`${err.message} ${JSON.stringify(err)}`).not.toContain(wrong);
  });

  it('parks the monthly spend limit (a 429 that no retry fixes) as unauthorized', async () => {
    emu.server.inject({ kind: 'custom', name: 'spend_limit' });
    const err = await failure(provider.generateText(ctx(), req));
    expect(err.failure).toBe('unauthorized');
    expect(err.retryable).toBe(false);
  });

  it('maps the emulator refusing a malformed request (temperature above 1) to bad_request', async () => {
    const err = await failure(provider.generateText(ctx(), { ...req, temperature: 1.5 }));
    expect(err.failure).toBe('bad_request');
    expect(err.details).toMatchObject({ status: 400, vendorCode: 'invalid_request_error' });
  });
});

describe('Anthropic forced tool for a response schema against the emulator', () => {
  type Sent = { tools?: { name: string; description?: string; input_schema: unknown }[]; tool_choice?: unknown };

  it('sends the classifier’s schema as the input_schema of one forced tool; its input parses as a classification', async () => {
    const request = classifierRequest();
    const out = await provider.generateText(ctx(), request);
    const sent = emu.server.last()!.json as Sent;
    expect(sent.tools).toEqual([
      {
        name: CLASSIFICATION_SCHEMA_NAME,
        description: expect.any(String) as unknown as string,
        input_schema: CLASSIFICATION_JSON_SCHEMA,
      },
    ]);
    expect(sent.tool_choice).toEqual({ type: 'tool', name: CLASSIFICATION_SCHEMA_NAME });
    expect(out.finish).toBe('stop');
    expect(parseClassification(out.text)).toMatchObject({ intent: 'question', sensitive: false });
    expect(out.usage.outputTokens).toBeGreaterThan(0);
  });

  it('the drafter’s answer comes back the same way and parses', async () => {
    const out = await provider.generateText(ctx(), drafterRequest());
    expect(parseAnswer(out.text)).toEqual(expect.any(String));
  });

  it('a forced answer the test sets is passed on as it is, for its caller to refuse', async () => {
    emu.setReply(JSON.stringify({ intent: 'praise', sentiment: 'positive', flags: [], sensitive: false, note: 'x' }));
    const out = await provider.generateText(ctx(), classifierRequest());
    expect(JSON.parse(out.text)).toHaveProperty('note', 'x');
    expect(parseClassification(out.text)).toBeNull();
  });

  it('a tool call cut off at max_tokens is no answer: length, and nothing that parses', async () => {
    const out = await provider.generateText(ctx(), { ...classifierRequest(), maxOutputTokens: 3 });
    expect(out.finish).toBe('length');
    expect(parseClassification(out.text)).toBeNull();
  });

  it('a malformed schema is refused with the API’s 400 invalid_request_error, read as bad_request', async () => {
    const err = await failure(provider.generateText(ctx(), malformedSchemaRequest()));
    expect(err).toMatchObject({
      failure: 'bad_request',
      details: { status: 400, vendorCode: 'invalid_request_error' },
    });
    const res = await fetch(`${emu.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': KEY, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
      body: JSON.stringify(emu.server.last()!.json),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      type: 'error',
      error: {
        type: 'invalid_request_error',
        message: expect.stringContaining('tools.0.custom.input_schema: JSON schema is invalid') as unknown as string,
      },
    });
  });

  it('an input_schema that is not an object schema is refused as bad_request', async () => {
    const err = await failure(
      provider.generateText(ctx(), {
        prompt: 'p',
        maxOutputTokens: 50,
        responseSchema: { name: 'just_a_string', schema: { type: 'string' } },
      }),
    );
    expect(err).toMatchObject({ failure: 'bad_request', details: { status: 400 } });
  });

  it('without a response schema no tools are offered', async () => {
    await provider.generateText(ctx(), req);
    const sent = emu.server.last()!.json as Sent;
    expect(sent.tools).toBeUndefined();
    expect(sent.tool_choice).toBeUndefined();
  });
});
