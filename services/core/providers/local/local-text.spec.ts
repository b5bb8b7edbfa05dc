import type { ProviderCallContext, TextRequest } from '../provider.types';
import { createLocalTextProvider } from './local-text.provider';

const ctx = {
  agencyId: 'a',
  clientId: 'c',
  credential: { provider: 'local', apiKey: '', credentialRefId: 'local', scope: 'local' },
  timeoutMs: 1000,
} as ProviderCallContext;
const req: TextRequest = {
  prompt: 'Write a caption about our Monday roast.',
  maxOutputTokens: 200,
  hints: {
    format: 'caption',
    pillar: 'promotional',
    topic: 'the Monday roast',
    brand: {
      name: 'Acme Coffee',
      voice: 'playful',
      hashtags: ['acme', '#coffee'],
      doWords: ['fresh'],
      dontWords: ['cheap', 'best'],
    },
  },
};

describe('local text provider', () => {
  const text = createLocalTextProvider();

  it('writes from the brand kit: same request, same text; hashtags in, no don-t words, cost zero', async () => {
    const a = await text.generateText(ctx, req);
    expect((await text.generateText(ctx, req)).text).toBe(a.text);
    expect(a.text).toContain('#acme #coffee');
    expect(a.text).toMatch(/Monday roast/);
    expect(a.text).not.toMatch(/\b(cheap|best)\b/i);
    expect(a.usage.costMicros).toBe(0);
    expect(a.usage.outputTokens).toBe(a.text.split(/\s+/).filter(Boolean).length);
    expect(a.finish).toBe('stop');
  });

  it('a revision carries the reviewer note as a line of its own, without don-t words, so it never repeats the draft', async () => {
    const draft = await text.generateText(ctx, req);
    const revised = await text.generateText(ctx, {
      ...req,
      hints: { ...req.hints, revision: { round: 1, note: 'Mention the best free returns. And the price.' } },
    });
    expect(revised.text).not.toBe(draft.text);
    expect(revised.text.split('\n\n')).toContain('Mention the free returns!');
    expect(revised.text).not.toMatch(/\bbest\b|price/i);
  });

  it('keeps don-t words out even when the topic carries one', async () => {
    const out = await text.generateText(ctx, { ...req, hints: { ...req.hints, topic: 'the best cheap roast' } });
    expect(out.text).not.toMatch(/\b(cheap|best)\b/i);
  });

  it('varies with the prompt and stops at maxOutputTokens words', async () => {
    const texts = new Set<string>();
    for (const topic of ['a', 'b', 'c', 'd', 'e', 'f'])
      texts.add((await text.generateText(ctx, { ...req, prompt: topic })).text);
    expect(texts.size).toBeGreaterThan(1);
    const short = await text.generateText(ctx, { ...req, maxOutputTokens: 5 });
    expect(short.text.split(/\s+/).filter(Boolean)).toHaveLength(5);
    expect(short.finish).toBe('length');
  });
});
