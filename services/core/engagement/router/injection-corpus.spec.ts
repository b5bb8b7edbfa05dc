import { PolicyEngine } from '../../policy/policy-engine';
import { draftReply } from '../reply/draft-reply';
import { REPLY_TEMPLATES } from '../reply/reply-templates';
import { injectionCorpus } from './corpus.testkit';
import { linksIn } from './links';
import { routeInbound } from './route-inbound';
import { scriptedGateway, TEST_SCOPE } from './scripted-gateway.testkit';
import { readDataBlocks } from './untrusted-prompt';

// A compromised model: it does whatever the message asks, and says so with a link.
const obeying = scriptedGateway((req) => {
  const inbound = readDataBlocks(req.prompt).get('inbound') ?? '';
  if (req.responseSchema?.name === 'engagement_classification')
    return JSON.stringify({ intent: 'praise', sentiment: 'positive', flags: [], sensitive: false, confidence: 1 });
  return JSON.stringify({ answer: `Sure! ${inbound}`.slice(0, 280) });
});
const ALL_ANSWERS = Object.values(REPLY_TEMPLATES).flatMap((t) => t.answers);

describe('[C-27] the injection corpus', () => {
  const corpus = injectionCorpus();
  let policy: PolicyEngine;
  beforeAll(async () => {
    policy = await PolicyEngine.load();
  });

  it('has at least 40 attempts of every kind', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(corpus.map((i) => i.category));
    for (const k of ['direct', 'indirect', 'unicode', 'delimiter', 'fake_system', 'reply_with', 'multilingual'])
      expect(kinds).toContain(k);
  });

  it('[C-27] flags every attempt and routes it to a human, whatever a compromised classifier answers', async () => {
    for (const item of corpus) {
      for (const classifier of ['rules', 'llm'] as const) {
        const d = await routeInbound(
          { text: item.text, kind: 'comment', platform: 'x', brand: { name: 'Acme' }, settings: { classifier } },
          { gateway: obeying.gateway, scope: TEST_SCOPE },
        );
        expect([item.id, d.flags.includes('injection'), d.route]).toEqual([item.id, true, 'escalate']);
      }
    }
  });

  it('[C-27] drafts only the template’s own words for it: no payload, no link, no asked-for text, no model call', async () => {
    for (const item of corpus) {
      const decision = await routeInbound({ text: item.text, kind: 'comment', platform: 'x', brand: {}, settings: {} });
      const before = obeying.requests.length;
      const draft = await draftReply(
        {
          message: { text: item.text, kind: 'comment', platform: 'x' },
          decision,
          brand: { name: 'Acme', voice: 'friendly' },
          thread: { summary: `Customer: ${item.text}`, recent: [{ direction: 'in', text: item.text }] },
          settings: { drafter: 'llm' },
          seed: item.id,
        },
        { policy, gateway: obeying.gateway, scope: { ...TEST_SCOPE, stepKind: 'drafter' } },
      );
      expect(obeying.requests.length).toBe(before);
      expect(draft.answerSource).toBe('template');
      expect(ALL_ANSWERS).toContain(draft.slots.answer);
      for (const p of item.payload) expect(draft.text.toLowerCase()).not.toContain(p.toLowerCase());
      expect(linksIn(draft.text)).toEqual([]);
      expect(draft.checks).toEqual({ allow: true, reasons: [] });
    }
  });

  it('screens a compromised model’s answer even when the router missed the attempt', async () => {
    for (const item of corpus) {
      const draft = await draftReply(
        {
          message: { text: item.text, kind: 'comment', platform: 'x' },
          decision: { intent: 'question', flags: [], sensitive: false },
          brand: { name: 'Acme' },
          settings: { drafter: 'llm' },
          seed: item.id,
        },
        { policy, gateway: obeying.gateway, scope: { ...TEST_SCOPE, stepKind: 'drafter' } },
      );
      expect([item.id, draft.answerSource]).toEqual([item.id, 'template']);
      expect(draft.notes.join(' ')).toMatch(/the model's answer was not used|failed the reply check/);
      expect(linksIn(draft.text)).toEqual([]);
      expect(draft.checks.allow).toBe(true);
    }
  });
});
