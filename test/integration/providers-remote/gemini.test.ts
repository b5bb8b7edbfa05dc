import { ProviderError } from '../../../services/core/providers/provider.types';
import type { ProviderCallContext } from '../../../services/core/providers/provider.types';
import {
  createGeminiImageProvider,
  createGeminiTextProvider,
  geminiCostMicros,
} from '../../../services/core/providers/gemini';
import type { EmulatorServer } from '../../../services/emulators/emulator-server';
import { geminiQuotaError, startGeminiEmulator } from '../../../services/emulators/providers/gemini.emulator';
import { parseAnswer } from '../../../services/core/engagement/reply/answer.schema';
import {
  CLASSIFICATION_JSON_SCHEMA,
  parseClassification,
} from '../../../services/core/engagement/router/classification.schema';
import { classifierRequest, drafterRequest, malformedSchemaRequest } from './structured-output.fixtures';

// Gemini adapters against the emulator of Google's documented wire format: one exchange each, failures classified.
const KEY = 'AIzaSy-test-client-a-0123456789';
const OTHER_KEY = 'AIzaSy-test-client-b-9876543210';
const PROMPT = 'Write a caption about the secret launch of product Zephyr';
let emulator: EmulatorServer;

function ctx(over: Partial<ProviderCallContext> = {}, apiKey = KEY): ProviderCallContext {
  return {
    agencyId: 'agency-1',
    clientId: 'client-1',
    credential: { provider: 'gemini', apiKey, credentialRefId: 'cred-1', scope: 'client' },
    timeoutMs: 5_000,
    baseUrl: emulator.url,
    ...over,
  };
}

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(err)}`);
  return err;
}

beforeAll(async () => {
  emulator = await startGeminiEmulator({
    keys: [KEY, OTHER_KEY],
    reply: 'Zephyr arrives: lighter, quieter, ready for your morning run.',
  });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const text = createGeminiTextProvider();
const image = createGeminiImageProvider();

describe('Gemini text (generateContent)', () => {
  it('sends the documented request: path, x-goog-api-key, contents, systemInstruction, generationConfig', async () => {
    await text.generateText(ctx(), {
      system: 'You write for Brand X.',
      prompt: PROMPT,
      maxOutputTokens: 200,
      temperature: 0.4,
    });
    const req = emulator.last();
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/v1beta/models/gemini-2.5-flash:generateContent');
    expect(req?.headers['x-goog-api-key']).toBe(KEY);
    // The key travels in the header only: a URL is what proxies and access logs keep.
    expect(req?.query.has('key')).toBe(false);
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.json).toEqual({
      contents: [{ role: 'user', parts: [{ text: PROMPT }] }],
      systemInstruction: { parts: [{ text: 'You write for Brand X.' }] },
      generationConfig: { maxOutputTokens: 200, temperature: 0.4 },
    });
  });

  it('maps candidates[].content.parts[].text and usageMetadata to text, tokens and cost', async () => {
    const result = await text.generateText(ctx(), { prompt: PROMPT, maxOutputTokens: 200 });
    expect(result.text).toBe('Zephyr arrives: lighter, quieter, ready for your morning run.');
    expect(result.finish).toBe('stop');
    expect(result.model).toBe('gemini-2.5-flash');
    // The emulator counts one token a word: 10 in the prompt, 9 in the answer.
    expect(result.usage).toEqual({
      inputTokens: 10,
      outputTokens: 9,
      costMicros: geminiCostMicros('gemini-2.5-flash', 10, 9),
    });
    expect(result.usage.costMicros).toBe(Math.round(10 * 0.3 + 9 * 2.5));
  });

  it('maps finishReason MAX_TOKENS to a length stop with the truncated text', async () => {
    const result = await text.generateText(ctx(), { prompt: PROMPT, maxOutputTokens: 3, model: 'gemini-2.5-pro' });
    expect(emulator.last()?.path).toBe('/v1beta/models/gemini-2.5-pro:generateContent');
    expect(result.finish).toBe('length');
    expect(result.text).toBe('Zephyr arrives: lighter,');
  });

  it('uses the key of the call it is given, never another', async () => {
    await text.generateText(ctx({ clientId: 'client-2' }, OTHER_KEY), { prompt: PROMPT, maxOutputTokens: 20 });
    expect(emulator.last()?.headers['x-goog-api-key']).toBe(OTHER_KEY);
  });

  it('[C-51] 429 RESOURCE_EXHAUSTED is rate_limited with the wait from RetryInfo.retryDelay', async () => {
    emulator.inject({ kind: 'status', status: 429, body: geminiQuotaError('17s') });
    const err = await failure(text.generateText(ctx(), { prompt: PROMPT, maxOutputTokens: 20 }));
    expect(err.failure).toBe('rate_limited');
    expect(err.retryable).toBe(true);
    expect(err.details).toMatchObject({ status: 429, retryAfterMs: 17_000, vendorCode: '429' });
  });

  it('[C-51] 429 with a Retry-After header takes the header', async () => {
    emulator.rateLimit('3');
    const err = await failure(text.generateText(ctx(), { prompt: PROMPT, maxOutputTokens: 20 }));
    expect(err.failure).toBe('rate_limited');
    expect(err.details.retryAfterMs).toBe(3_000);
  });

  it.each([500, 503, 504])('[C-51] %i is unavailable (retryable)', async (status) => {
    emulator.inject({ kind: 'status', status });
    const err = await failure(text.generateText(ctx(), { prompt: PROMPT, maxOutputTokens: 20 }));
    expect(err.failure).toBe('unavailable');
    expect(err.details.status).toBe(status);
  });

  it('[C-51] a hang is cut at the deadline and is unavailable', async () => {
    emulator.inject({ kind: 'hang' });
    const err = await failure(text.generateText(ctx({ timeoutMs: 300 }), { prompt: PROMPT, maxOutputTokens: 20 }));
    expect(err.failure).toBe('unavailable');
    expect(err.message).toMatch(/timed out/);
  });

  it('[C-51] a dropped connection is unavailable', async () => {
    emulator.inject({ kind: 'drop' });
    const err = await failure(text.generateText(ctx(), { prompt: PROMPT, maxOutputTokens: 20 }));
    expect(err.failure).toBe('unavailable');
  });

  it('promptFeedback.blockReason is refused, never retried', async () => {
    emulator.inject({ kind: 'refuse' });
    const err = await failure(text.generateText(ctx(), { prompt: PROMPT, maxOutputTokens: 20 }));
    expect(err.failure).toBe('refused');
    expect(err.retryable).toBe(false);
    expect(err.details.vendorCode).toBe('SAFETY');
  });

  it('finishReason SAFETY on the candidate is refused', async () => {
    emulator.inject({ kind: 'custom', name: 'finish_safety' });
    const err = await failure(text.generateText(ctx(), { prompt: PROMPT, maxOutputTokens: 20 }));
    expect(err.failure).toBe('refused');
  });

  it('a wrong key (400 with ErrorInfo API_KEY_INVALID) is unauthorized, not a bad request', async () => {
    const err = await failure(text.generateText(ctx({}, 'AIzaSy-revoked'), { prompt: PROMPT, maxOutputTokens: 20 }));
    expect(err.failure).toBe('unauthorized');
    expect(err.details.status).toBe(400);
  });

  it('403 PERMISSION_DENIED is unauthorized', async () => {
    emulator.inject({ kind: 'status', status: 403 });
    const err = await failure(text.generateText(ctx(), { prompt: PROMPT, maxOutputTokens: 20 }));
    expect(err.failure).toBe('unauthorized');
  });

  it('a request the API rejects (400 INVALID_ARGUMENT) and a body that is not JSON are bad_request', async () => {
    const bad = await failure(text.generateText(ctx(), { prompt: PROMPT, maxOutputTokens: 20, temperature: 7 }));
    expect(bad.failure).toBe('bad_request');
    expect(bad.details).toMatchObject({ status: 400, vendorCode: '400' });
    emulator.inject({ kind: 'garbage' });
    const garbage = await failure(text.generateText(ctx(), { prompt: PROMPT, maxOutputTokens: 20 }));
    expect(garbage.failure).toBe('bad_request');
  });

  it('refuses a model id that would change the path, before sending anything', async () => {
    const err = await failure(text.generateText(ctx(), { prompt: PROMPT, maxOutputTokens: 20, model: '../files?x=' }));
    expect(err.failure).toBe('bad_request');
    expect(emulator.requests).toHaveLength(0);
  });

  it('[C-13] no error message carries the key or the prompt', async () => {
    const errors: ProviderError[] = [];
    emulator.inject({ kind: 'status', status: 429, body: geminiQuotaError('1s') });
    errors.push(await failure(text.generateText(ctx(), { prompt: PROMPT, maxOutputTokens: 20 })));
    emulator.inject({ kind: 'status', status: 500 });
    errors.push(await failure(text.generateText(ctx(), { prompt: PROMPT, maxOutputTokens: 20 })));
    emulator.inject({ kind: 'refuse' });
    errors.push(await failure(text.generateText(ctx(), { prompt: PROMPT, maxOutputTokens: 20 })));
    errors.push(
      await failure(text.generateText(ctx({}, 'AIzaSy-revoked-key'), { prompt: PROMPT, maxOutputTokens: 20 })),
    );
    emulator.inject({ kind: 'hang' });
    errors.push(await failure(text.generateText(ctx({ timeoutMs: 200 }), { prompt: PROMPT, maxOutputTokens: 20 })));
    for (const err of errors) {
      const shown = `${err.message} ${JSON.stringify(err.details)}`;
      expect(shown).not.toContain(KEY);
      expect(shown).not.toContain('AIzaSy-revoked-key');
      expect(shown).not.toContain('Zephyr');
      expect(shown).not.toContain(emulator.url);
    }
  });
});

describe('Gemini structured output (responseJsonSchema)', () => {
  type Sent = { generationConfig?: Record<string, unknown> };

  it('sends the classifier’s schema as responseJsonSchema with responseMimeType application/json; the answer parses', async () => {
    const out = await text.generateText(ctx(), classifierRequest());
    const sent = emulator.last()?.json as Sent;
    expect(sent.generationConfig).toEqual({
      maxOutputTokens: 200,
      temperature: 0,
      responseMimeType: 'application/json',
      responseJsonSchema: CLASSIFICATION_JSON_SCHEMA,
    });
    expect(out.finish).toBe('stop');
    expect(parseClassification(out.text)).toMatchObject({ intent: 'question', sensitive: false });
  });

  it('the drafter’s answer schema is answered with JSON that parses', async () => {
    const out = await text.generateText(ctx(), drafterRequest());
    expect(parseAnswer(out.text)).toEqual(expect.any(String));
  });

  it('an answer cut at maxOutputTokens is a length stop that does not parse', async () => {
    const out = await text.generateText(ctx(), { ...classifierRequest(), maxOutputTokens: 4 });
    expect(out.finish).toBe('length');
    expect(parseClassification(out.text)).toBeNull();
  });

  it('a malformed schema is refused with Google’s 400 INVALID_ARGUMENT, read as bad_request', async () => {
    const err = await failure(text.generateText(ctx(), malformedSchemaRequest()));
    expect(err).toMatchObject({ failure: 'bad_request', details: { status: 400, vendorCode: '400' } });
    const res = await fetch(`${emulator.url}/v1beta/models/gemini-2.5-flash:generateContent`, {
      method: 'POST',
      headers: { 'x-goog-api-key': KEY, 'content-type': 'application/json' },
      body: JSON.stringify(emulator.last()?.json),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        code: 400,
        status: 'INVALID_ARGUMENT',
        message: expect.stringContaining(
          'generation_config.response_json_schema.properties.intent.type',
        ) as unknown as string,
      },
    });
  });

  it('refuses what Gemini’s subset documents against: a $ref with siblings, an enum of objects', async () => {
    for (const schema of [
      { type: 'object', properties: { a: { $ref: '#/$defs/a', description: 'x' } }, $defs: { a: { type: 'string' } } },
      { type: 'object', properties: { a: { enum: [{ x: 1 }] } } },
    ]) {
      const err = await failure(
        text.generateText(ctx(), { prompt: PROMPT, maxOutputTokens: 20, responseSchema: { name: 's', schema } }),
      );
      expect(err).toMatchObject({ failure: 'bad_request', details: { status: 400 } });
    }
  });
});

describe('Gemini image (generateContent with an image model)', () => {
  it('asks for IMAGE output at the nearest documented aspect ratio and maps inlineData to bytes', async () => {
    const result = await image.generateImage(ctx(), { prompt: 'A poster for Zephyr', width: 1080, height: 1920 });
    const req = emulator.last();
    expect(req?.path).toBe('/v1beta/models/gemini-2.5-flash-image:generateContent');
    expect(req?.headers['x-goog-api-key']).toBe(KEY);
    expect(req?.json).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'A poster for Zephyr' }] }],
      generationConfig: { responseModalities: ['TEXT', 'IMAGE'], imageConfig: { aspectRatio: '9:16' } },
    });
    expect(result.contentType).toBe('image/png');
    expect(result.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(result.model).toBe('gemini-2.5-flash-image');
    expect(result.usage).toMatchObject({ images: 1, inputTokens: 4, outputTokens: 1290 });
    // 1290 image tokens at $30 per million is Google's $0.039 an image.
    expect(result.usage.costMicros).toBe(Math.round(4 * 0.3 + 1290 * 30));
  });

  it('picks 16:9 for a landscape and 1:1 for a square', async () => {
    await image.generateImage(ctx(), { prompt: 'wide', width: 1920, height: 1080 });
    expect(emulator.last()?.json).toMatchObject({ generationConfig: { imageConfig: { aspectRatio: '16:9' } } });
    await image.generateImage(ctx(), { prompt: 'square', width: 1080, height: 1080 });
    expect(emulator.last()?.json).toMatchObject({ generationConfig: { imageConfig: { aspectRatio: '1:1' } } });
  });

  it('finishReason IMAGE_SAFETY is refused', async () => {
    emulator.inject({ kind: 'refuse' });
    const err = await failure(image.generateImage(ctx(), { prompt: 'A poster', width: 512, height: 512 }));
    expect(err.failure).toBe('refused');
    expect(err.details.vendorCode).toBe('IMAGE_SAFETY');
  });

  it('[C-51] 503 is unavailable and 429 rate_limited for images too', async () => {
    emulator.inject({ kind: 'status', status: 503 });
    expect((await failure(image.generateImage(ctx(), { prompt: 'p', width: 512, height: 512 }))).failure).toBe(
      'unavailable',
    );
    emulator.inject({ kind: 'status', status: 429, body: geminiQuotaError('2.5s') });
    const limited = await failure(image.generateImage(ctx(), { prompt: 'p', width: 512, height: 512 }));
    expect(limited.failure).toBe('rate_limited');
    expect(limited.details.retryAfterMs).toBe(2_500);
  });

  it('an answer with no image part is a bad_request', async () => {
    // A text model answers text only: no inlineData to return.
    const err = await failure(
      image.generateImage(ctx(), { prompt: 'p', width: 512, height: 512, model: 'gemini-2.5-flash' }),
    );
    expect(err.failure).toBe('bad_request');
  });
});
