import { createOpenAiImageProvider, createOpenAiTextProvider } from '../../../services/core/providers/openai';
import type { ImageRequest, ProviderCallContext, TextRequest } from '../../../services/core/providers/provider.types';
import { ProviderError } from '../../../services/core/providers/provider.types';
import type { OpenAiEmulator } from '../../../services/emulators/providers/openai.emulator';
import { startOpenAiEmulator } from '../../../services/emulators/providers/openai.emulator';
import { parseAnswer } from '../../../services/core/engagement/reply/answer.schema';
import {
  CLASSIFICATION_SCHEMA_NAME,
  parseClassification,
} from '../../../services/core/engagement/router/classification.schema';
import { classifierRequest, drafterRequest, malformedSchemaRequest } from './structured-output.fixtures';

const KEY = 'sk-proj-client-b-key-0123456789abcdefghij';
const text = createOpenAiTextProvider();
const image = createOpenAiImageProvider();
let emu: OpenAiEmulator;

beforeAll(async () => {
  emu = await startOpenAiEmulator({ apiKeys: [KEY] });
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.server.reset();
  emu.setReply(undefined);
});

function ctx(over: Partial<ProviderCallContext> = {}): ProviderCallContext {
  return {
    agencyId: '00000000-0000-4000-8000-0000000000a2',
    clientId: '00000000-0000-4000-8000-0000000000c2',
    credential: { provider: 'openai', apiKey: KEY, credentialRefId: 'cref-openai-1', scope: 'client' },
    timeoutMs: 5000,
    baseUrl: emu.url,
    ...over,
  };
}
const textReq: TextRequest = {
  system: 'Brand voice: warm, short.',
  prompt: 'A caption for a new espresso blend.',
  model: 'gpt-4o-mini-2024-07-18',
  maxOutputTokens: 200,
  temperature: 0.7,
};
const imageReq: ImageRequest = { prompt: 'A cup of espresso on a marble table', width: 1080, height: 1350 };

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

describe('OpenAI Chat Completions adapter against the emulator', () => {
  it('sends the documented request: path, bearer key, messages, max_completion_tokens, store off', async () => {
    await text.generateText(ctx(), textReq);
    const sent = emu.server.last()!;
    expect(sent.path).toBe('/v1/chat/completions');
    expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(sent.json).toEqual({
      model: 'gpt-4o-mini-2024-07-18',
      messages: [
        { role: 'system', content: 'Brand voice: warm, short.' },
        { role: 'user', content: 'A caption for a new espresso blend.' },
      ],
      max_completion_tokens: 200,
      temperature: 0.7,
      store: false,
    });
  });

  it('maps the answer: text, finish, usage tokens and their cost', async () => {
    emu.setReply('Bold, smooth, yours.');
    const out = await text.generateText(ctx(), textReq);
    expect(out).toMatchObject({ text: 'Bold, smooth, yours.', model: 'gpt-4o-mini-2024-07-18', finish: 'stop' });
    const { inputTokens, outputTokens, costMicros } = out.usage;
    expect(inputTokens).toBeGreaterThan(0);
    expect(outputTokens).toBeGreaterThan(0);
    // gpt-4o-mini: $0.15 in / $0.60 out per million tokens.
    expect(costMicros).toBe(Math.round(inputTokens! * 0.15 + outputTokens! * 0.6));
  });

  it('maps finish_reason length', async () => {
    emu.setReply('y'.repeat(200));
    expect((await text.generateText(ctx(), { ...textReq, maxOutputTokens: 5 })).finish).toBe('length');
  });

  it('throws refused on a message.refusal and on finish_reason content_filter', async () => {
    emu.server.inject({ kind: 'refuse' });
    const refusal = await failure(text.generateText(ctx(), textReq));
    expect(refusal.failure).toBe('refused');
    expect(refusal.details.vendorCode).toBe('refusal');
    emu.server.inject({ kind: 'custom', name: 'content_filter' });
    const filtered = await failure(text.generateText(ctx(), textReq));
    expect(filtered.failure).toBe('refused');
    expect(filtered.details.vendorCode).toBe('content_filter');
  });

  it('[C-52] maps 429 rate_limit_exceeded to rate_limited, with Retry-After or the x-ratelimit reset', async () => {
    emu.server.rateLimit('9');
    const a = await failure(text.generateText(ctx(), textReq));
    expect(a.failure).toBe('rate_limited');
    expect(a.details).toMatchObject({ retryAfterMs: 9000, vendorCode: 'rate_limit_exceeded' });
    emu.server.rateLimit(undefined, 1, { 'x-ratelimit-remaining-tokens': '0', 'x-ratelimit-reset-tokens': '2s' });
    expect((await failure(text.generateText(ctx(), textReq))).details.retryAfterMs).toBe(2000);
  });

  it('parks an exhausted billing quota (429 insufficient_quota) as unauthorized', async () => {
    emu.server.inject({ kind: 'custom', name: 'insufficient_quota' });
    const err = await failure(text.generateText(ctx(), textReq));
    expect(err.failure).toBe('unauthorized');
    expect(err.retryable).toBe(false);
  });

  it('maps 500 and 503 to unavailable, and a hang to unavailable at the deadline', async () => {
    emu.server.inject({ kind: 'status', status: 500 });
    expect((await failure(text.generateText(ctx(), textReq))).failure).toBe('unavailable');
    emu.server.inject({ kind: 'status', status: 503, headers: { 'retry-after': '4' } });
    const overloaded = await failure(text.generateText(ctx(), textReq));
    expect(overloaded).toMatchObject({ failure: 'unavailable', details: { retryAfterMs: 4000 } });
    emu.server.inject({ kind: 'hang' });
    expect((await failure(text.generateText(ctx({ timeoutMs: 250 }), textReq))).failure).toBe('unavailable');
  }, 15_000);

  it('[C-13] maps a wrong key to unauthorized; the masked key the vendor echoes is not passed on', async () => {
    const wrong = 'sk-proj-revoked-key-zzzzzzzzzzzzzzzz9876';
    const err = await failure(text.generateText(ctx({ credential: { ...ctx().credential, apiKey: wrong } }), textReq));
    expect(err.failure).toBe('unauthorized');
    expect(err.details.vendorCode).toBe('invalid_api_key');
    const everything = `${err.message} ${JSON.stringify(err)}`;
    expect(everything).not.toContain(wrong);
    expect(everything).not.toContain('9876');
  });
});

describe('OpenAI Images adapter against the emulator', () => {
  it('sends the documented request (portrait size for a portrait post) and returns the PNG bytes', async () => {
    const out = await image.generateImage(ctx(), imageReq);
    const sent = emu.server.last()!;
    expect(sent.path).toBe('/v1/images/generations');
    expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(sent.json).toEqual({
      model: 'gpt-image-1',
      prompt: 'A cup of espresso on a marble table',
      n: 1,
      size: '1024x1536',
      quality: 'medium',
      output_format: 'png',
    });
    expect(out.contentType).toBe('image/png');
    expect(out.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(out.model).toBe('gpt-image-1');
    // The pricing page's gpt-image-1 medium 1024x1536: $0.063 an image.
    expect(out.usage).toMatchObject({ images: 1, costMicros: 63_000 });
  });

  it('asks dall-e-3 for b64_json in its own sizes', async () => {
    const out = await image.generateImage(ctx(), { ...imageReq, model: 'dall-e-3', width: 1920, height: 1080 });
    expect(emu.server.last()!.json).toMatchObject({
      model: 'dall-e-3',
      size: '1792x1024',
      response_format: 'b64_json',
    });
    expect(out.contentType).toBe('image/png');
    expect(out.usage.costMicros).toBe(80_000);
  });

  it('throws refused on the safety system (moderation_blocked; content_policy_violation for dall-e)', async () => {
    emu.server.inject({ kind: 'refuse' });
    const blocked = await failure(image.generateImage(ctx(), imageReq));
    expect(blocked).toMatchObject({ failure: 'refused', details: { status: 400, vendorCode: 'moderation_blocked' } });
    emu.server.inject({ kind: 'refuse' });
    const dalle = await failure(image.generateImage(ctx(), { ...imageReq, model: 'dall-e-3' }));
    expect(dalle).toMatchObject({ failure: 'refused', details: { vendorCode: 'content_policy_violation' } });
  });

  it('[C-52] maps 429 to rate_limited with Retry-After, and 401 to unauthorized', async () => {
    emu.server.rateLimit('3');
    expect(await failure(image.generateImage(ctx(), imageReq))).toMatchObject({
      failure: 'rate_limited',
      details: { retryAfterMs: 3000 },
    });
    const err = await failure(
      image.generateImage(ctx({ credential: { ...ctx().credential, apiKey: 'sk-bad' } }), imageReq),
    );
    expect(err.failure).toBe('unauthorized');
  });
});

describe('OpenAI Structured Outputs against the emulator', () => {
  type Sent = {
    response_format?: { type: string; json_schema: { name: string; strict: boolean; schema: Record<string, unknown> } };
  };

  it('sends the classifier’s schema as response_format json_schema, strict, and the answer parses as a classification', async () => {
    const out = await text.generateText(ctx(), classifierRequest('gpt-4.1-mini'));
    const sent = emu.server.last()!.json as Sent;
    expect(sent.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: CLASSIFICATION_SCHEMA_NAME, strict: true, schema: expect.any(Object) as unknown },
    });
    const schema = sent.response_format!.json_schema.schema;
    expect(schema).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: ['intent', 'sentiment', 'flags', 'sensitive', 'confidence'],
    });
    expect(schema).not.toHaveProperty('$schema');
    expect(out.finish).toBe('stop');
    expect(parseClassification(out.text)).toMatchObject({ intent: 'question', sensitive: false });
  });

  it('sends the drafter’s answer schema without the length keywords strict mode refuses; the answer parses', async () => {
    const out = await text.generateText(ctx(), drafterRequest());
    const sent = emu.server.last()!.json as Sent;
    expect(sent.response_format?.json_schema.schema).toMatchObject({ properties: { answer: { type: 'string' } } });
    expect(JSON.stringify(sent.response_format)).not.toMatch(/minLength|maxLength/);
    expect(parseAnswer(out.text)).toEqual(expect.any(String));
  });

  it('a malformed schema is refused by the API with its 400 invalid_request_error, read as bad_request', async () => {
    const err = await failure(text.generateText(ctx(), malformedSchemaRequest()));
    expect(err).toMatchObject({
      failure: 'bad_request',
      details: { status: 400, vendorCode: 'invalid_request_error' },
    });
    // the vendor's body, as the adapter received it
    const res = await fetch(`${emu.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(emu.server.last()!.json),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        message: expect.stringMatching(
          /^Invalid schema for response_format 'broken_schema': In context=\('properties', 'intent', 'type'\)/,
        ) as unknown as string,
        type: 'invalid_request_error',
        param: 'response_format.json_schema',
        code: null,
      },
    });
  });

  it('strict mode refuses an object that is open or leaves a property optional', async () => {
    const open = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] };
    const optional = { ...open, required: [], additionalProperties: false };
    for (const schema of [open, optional]) {
      const err = await failure(
        text.generateText(ctx(), { prompt: 'p', maxOutputTokens: 50, responseSchema: { name: 'loose', schema } }),
      );
      expect(err.failure).toBe('bad_request');
    }
  });

  it('the answer is still checked by its caller: a non-conforming answer does not parse', async () => {
    emu.setReply(
      JSON.stringify({ intent: 'compliment', sentiment: 'positive', flags: [], sensitive: false, confidence: 1 }),
    );
    const out = await text.generateText(ctx(), classifierRequest());
    expect(parseClassification(out.text)).toBeNull();
  });
});
