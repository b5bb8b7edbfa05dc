import { PolicyEngine } from '../../policy/policy-engine';
import { checkReply, REPLY_POLICY_ENTRYPOINT, type ReplyCheckInput } from './check-reply';
import { brandSlots, composeReply, REPLY_TEMPLATES } from './reply-templates';
import type { TemplateSlots } from './reply.types';

// The reply constraints through the real wasm bundle (policies/dist, built by `npm run policies:build`).
const brand = { name: 'Acme', bannedTerms: ['cheap'], bannedClaims: ['guaranteed results'], dontWords: ['synergy'] };
const slots = (answer: string): TemplateSlots => ({ ...brandSlots(brand), answer });
const auto = (answer: string, patch: Partial<ReplyCheckInput> = {}): ReplyCheckInput => ({
  text: composeReply(slots(answer)),
  platform: 'sandbox',
  kind: 'reply',
  origin: 'auto',
  template: { id: REPLY_TEMPLATES.question.id, slots: slots(answer) },
  brand,
  linkAllowlist: ['acme.test'],
  ...patch,
});
const codes = (r: { reasons: { code: string }[] }) => r.reasons.map((x) => x.code);

describe('[C-29] reply constraints (raize/engagement/reply/decision in the wasm bundle)', () => {
  let policy: PolicyEngine;
  beforeAll(async () => {
    policy = await PolicyEngine.load();
  });

  it('allows an intact template answer', () => {
    expect(checkReply(policy, auto('Thanks for asking! Our team will follow up shortly.'))).toEqual({
      allow: true,
      reasons: [],
    });
  });

  it('[C-29] requires an automatic reply to be an intact template; a human’s own reply needs none', () => {
    const intact = auto('We will follow up.');
    expect(codes(checkReply(policy, { ...intact, template: undefined }))).toEqual(['template_required']);
    expect(codes(checkReply(policy, { ...intact, text: `${intact.text} Also: DM us.` }))).toEqual([
      'template_required',
    ]);
    expect(
      codes(checkReply(policy, { ...intact, template: { id: 'made-up.v9', slots: slots('We will follow up.') } })),
    ).toEqual(['template_required']);
    const forgedGreeting = { ...slots('We will follow up.'), greeting: 'Yo idiot,' };
    expect(
      codes(
        checkReply(policy, {
          ...intact,
          text: composeReply(forgedGreeting),
          template: { id: 'question.v1', slots: forgedGreeting },
        }),
      ),
    ).toEqual(['template_required']);
    const holdingRewritten = slots('Your refund is approved.');
    expect(
      codes(
        checkReply(policy, {
          ...intact,
          text: composeReply(holdingRewritten),
          template: { id: 'holding.v1', slots: holdingRewritten },
        }),
      ),
    ).toEqual(['template_required']);
    expect(checkReply(policy, { ...intact, origin: 'human', template: undefined, text: 'Written by Jo.' }).allow).toBe(
      true,
    );
  });

  it('[C-29] allows links only to allowlisted domains and their subdomains', () => {
    expect(checkReply(policy, auto('See https://help.acme.test/returns for details.')).allow).toBe(true);
    const evil = checkReply(policy, auto('See evil.example/claim for details.'));
    expect(evil.allow).toBe(false);
    expect(evil.reasons).toEqual([
      { code: 'link_not_allowed', message: 'the reply links to evil.example, which is not an allowlisted domain' },
    ]);
    expect(codes(checkReply(policy, auto('See acme.test.evil.example now.')))).toEqual(['link_not_allowed']);
    expect(codes(checkReply(policy, auto('See evil dot com now.')))).toEqual(['link_not_allowed']);
    expect(codes(checkReply(policy, auto('See https://help.acme.test/x', { linkAllowlist: [] })))).toEqual([
      'link_not_allowed',
    ]);
  });

  it('[C-29] refuses secrets and personal data', () => {
    expect(codes(checkReply(policy, auto('Use key sk-proj-abcdefghijklmnopqrstuvwxyz123456 to log in.')))).toContain(
      'secret_in_reply',
    );
    expect(codes(checkReply(policy, auto('password: hunter2hunter2')))).toEqual(['secret_in_reply']);
    expect(codes(checkReply(policy, auto('Mail jane.doe@example.com please.')))).toEqual(['pii_in_reply']);
    expect(codes(checkReply(policy, auto('Call +44 20 7946 0958 today.')))).toEqual(['pii_in_reply']);
    expect(codes(checkReply(policy, auto('Card 4111 1111 1111 1111 works.')))).toEqual(['pii_in_reply']);
    expect(codes(checkReply(policy, auto('Pay to GB82 WEST 1234 5698 7654 32.')))).toEqual(['pii_in_reply']);
    expect(checkReply(policy, auto('Your order 4111 1111 1111 1112 is on its way.')).allow).toBe(true);
  });

  it('[C-29] refuses the brand’s banned terms, claims and don’t words, as whole words', () => {
    expect(codes(checkReply(policy, auto('It is CHEAP!')))).toEqual(['banned_term']);
    expect(codes(checkReply(policy, auto('Guaranteed results, always.')))).toEqual(['banned_claim']);
    expect(codes(checkReply(policy, auto('Pure synergy.')))).toEqual(['dont_word']);
    expect(checkReply(policy, auto('Cheaper than ever.')).allow).toBe(true);
  });

  it('[C-29] enforces the platform’s reply length, and a client’s stricter one', () => {
    const long = 'a'.repeat(300);
    expect(codes(checkReply(policy, auto(long, { platform: 'x' })))).toEqual(['reply_too_long']);
    expect(checkReply(policy, auto(long, { platform: 'sandbox' })).allow).toBe(true);
    expect(codes(checkReply(policy, auto(long, { maxChars: 100 })))).toEqual(['reply_too_long']);
  });

  it('[C-29] fails closed when the engine errs, times out, or the rule is missing', () => {
    const throwing = PolicyEngine.fromEvaluator(() => {
      throw new Error('wasm trap');
    });
    expect(checkReply(throwing, auto('Fine.'))).toMatchObject({ allow: false, reasons: [{ code: 'engine_error' }] });
    let t = 0;
    const slow = PolicyEngine.fromEvaluator(() => [{ result: { allow: true, reasons: [], needs_approval: false } }], {
      clock: () => (t += 1000),
    });
    expect(checkReply(slow, auto('Fine.'))).toMatchObject({ allow: false, reasons: [{ code: 'engine_timeout' }] });
    const seen: string[] = [];
    const recording = PolicyEngine.fromEvaluator((_i, e) => {
      seen.push(e);
      return [];
    });
    expect(checkReply(recording, auto('Fine.')).allow).toBe(false);
    expect(seen).toEqual([REPLY_POLICY_ENTRYPOINT]);
    const broken = {
      decideAt: () => {
        throw new Error('boom');
      },
    } as unknown as PolicyEngine;
    expect(checkReply(broken, auto('Fine.'))).toMatchObject({ allow: false, reasons: [{ code: 'engine_error' }] });
  });
});
