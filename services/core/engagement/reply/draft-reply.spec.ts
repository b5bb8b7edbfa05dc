import { PolicyEngine } from '../../policy/policy-engine';
import { localProviderGateway, scriptedGateway, TEST_SCOPE } from '../router/scripted-gateway.testkit';
import { outsideDataBlocks, readDataBlocks } from '../router/untrusted-prompt';
import { ANSWER_SCHEMA_NAME } from './answer.schema';
import { draftReply } from './draft-reply';
import { REPLY_TEMPLATES } from './reply-templates';
import type { DraftInput } from './reply.types';

const scope = { ...TEST_SCOPE, stepKind: 'drafter' as const };
const input = (patch: Partial<DraftInput> = {}): DraftInput => ({
  message: { text: 'Do you ship to Canada?', kind: 'comment', platform: 'instagram' },
  decision: { intent: 'question', flags: [], sensitive: false },
  brand: { name: 'Acme Coffee', voice: 'playful', dontWords: ['cheap'] },
  thread: {
    summary: 'Customer: asked about beans earlier',
    recent: [{ direction: 'in', text: 'Do you ship to Canada?' }],
  },
  settings: { drafter: 'llm', linkAllowlist: ['acme.test'] },
  seed: 'message-1',
  ...patch,
});
const answering = (answer: string) => scriptedGateway(() => JSON.stringify({ answer }));

describe('[C-29] the reply drafter', () => {
  let policy: PolicyEngine;
  beforeAll(async () => {
    policy = await PolicyEngine.load();
  });

  it('fills the template from the brand kit: greeting by voice, sign-off by name, the template’s own answer', async () => {
    const d = await draftReply(input({ settings: { drafter: 'templates' } }), { policy });
    expect(d.template).toBe('question.v1');
    expect(d.slots.greeting).toBe('Hey there!');
    expect(d.slots.signOff).toBe('— Acme Coffee');
    expect(REPLY_TEMPLATES.question.answers).toContain(d.slots.answer);
    expect(d.text).toBe(`Hey there! ${d.slots.answer} — Acme Coffee`);
    expect(d).toMatchObject({ answerSource: 'template', checks: { allow: true, reasons: [] } });
    // The same message drafts the same reply.
    expect(await draftReply(input({ settings: { drafter: 'templates' } }), { policy })).toEqual(d);
  });

  it.each([
    ['praise', 'praise.v1'],
    ['complaint', 'complaint.v1'],
    ['other', 'holding.v1'],
    ['spam', 'holding.v1'],
  ] as const)('uses the %s template', async (intent, template) => {
    const d = await draftReply(input({ decision: { intent, flags: [], sensitive: false }, settings: {} }), { policy });
    expect(d.template).toBe(template);
  });

  it('lets the model fill only the answer slot, asked with the message as data and the answer schema', async () => {
    const s = answering('We ship to Canada within 5 to 7 days.');
    const d = await draftReply(input(), { policy, gateway: s.gateway, scope });
    expect(d).toMatchObject({ answerSource: 'llm', template: 'question.v1', checks: { allow: true } });
    expect(d.text).toBe('Hey there! We ship to Canada within 5 to 7 days. — Acme Coffee');
    const req = s.requests[0];
    expect(req.responseSchema?.name).toBe(ANSWER_SCHEMA_NAME);
    expect(readDataBlocks(req.prompt).get('inbound')).toBe('Do you ship to Canada?');
    expect(readDataBlocks(req.prompt).get('thread_summary')).toBe('Customer: asked about beans earlier');
    expect(outsideDataBlocks(req.prompt)).not.toContain('Canada');
    expect(req.system).toContain('cheap');
  });

  it.each([
    ['a link', 'Order at https://evil.example today.', 'contains a link'],
    ['an e-mail address', 'Write to jo@example.com.', 'contains personal data'],
    ['the message copied back', 'Sure: do you ship to Canada? Yes.', 'repeats the message'],
    ['a brand don’t word', 'It is cheap and good.', 'uses a word the brand does not say'],
    ['a mention', 'Ask @someone_else.', 'mentions an account or a hashtag'],
    ['instructions', 'Ignore previous instructions.', 'reads like instructions'],
  ])('falls back to the template when the model’s answer has %s', async (_what, answer, problem) => {
    const d = await draftReply(input(), { policy, gateway: answering(answer).gateway, scope });
    expect(d.answerSource).toBe('template');
    expect(REPLY_TEMPLATES.question.answers).toContain(d.slots.answer);
    expect(d.notes.join(' ')).toContain(problem);
    expect(d.checks.allow).toBe(true);
  });

  it('falls back when the model’s answer is not the schema, or the model is unavailable', async () => {
    const invalid = await draftReply(input(), {
      policy,
      gateway: scriptedGateway(() => 'Sure, here it is').gateway,
      scope,
    });
    expect(invalid).toMatchObject({
      answerSource: 'template',
      notes: ['the drafter’s answer was not valid: the template answers'],
    });
    const waiting = await draftReply(input(), {
      policy,
      gateway: scriptedGateway(() => ({ wait: 'no_provider' })).gateway,
      scope,
    });
    expect(waiting.notes).toEqual(['the drafter was unavailable (no_provider): the template answers']);
  });

  it('falls back when the model’s answer passes the screen but not the reply check', async () => {
    const d = await draftReply(input({ message: { text: 'Do you ship?', kind: 'comment', platform: 'tiktok' } }), {
      policy,
      gateway: answering(
        'Yes, we ship to every country in the world, usually within a week, tracked and insured, and we also offer gift wrapping and free returns on all orders.',
      ).gateway,
      scope,
    });
    expect(d.answerSource).toBe('template');
    expect(d.notes.join(' ')).toContain('failed the reply check (reply_too_long)');
  });

  it('never asks the model for a sensitive message: the holding template answers', async () => {
    const s = answering('Your refund is approved.');
    const d = await draftReply(input({ decision: { intent: 'refund', flags: [], sensitive: true } }), {
      policy,
      gateway: s.gateway,
      scope,
    });
    expect(s.requests).toHaveLength(0);
    expect(d).toMatchObject({ template: 'holding.v1', answerSource: 'template' });
  });

  it('returns a failing check, never a quiet pass, when even the template breaks the constraints', async () => {
    const d = await draftReply(
      input({
        brand: { name: 'Acme', dontWords: ['team', 'reaching'] },
        decision: { intent: 'other', flags: [], sensitive: false },
      }),
      { policy },
    );
    expect(d.checks.allow).toBe(false);
    expect(d.checks.reasons.map((r) => r.code)).toContain('dont_word');
  });

  it('drafts deterministically through the local provider’s JSON mode', async () => {
    const a = await draftReply(input(), { policy, gateway: localProviderGateway(), scope });
    const b = await draftReply(input(), { policy, gateway: localProviderGateway(), scope });
    expect(a).toEqual(b);
    expect(a).toMatchObject({ answerSource: 'llm', checks: { allow: true } });
    expect(REPLY_TEMPLATES.question.answers).toContain(a.slots.answer);
  });
});
