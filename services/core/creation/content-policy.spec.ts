import { PolicyEngine } from '../policy/policy-engine';
import { contentPolicyInput } from './content-input';

// The content rule through the real wasm bundle (policies/dist, built by `npm run policies:build`), with the input
// built the way the content check activity builds it.
describe('raize/content/decision in the wasm bundle', () => {
  let engine: PolicyEngine;
  beforeAll(async () => {
    engine = await PolicyEngine.load();
  });
  const decide = (platform: string, text: string, brand = {}) =>
    engine.decideAt('raize/content/decision', contentPolicyInput({ platform, format: 'text', text, brand }));

  it('allows a clean post and asks for a human review all the same', () => {
    expect(decide('sandbox', 'Spring is here. #spring')).toEqual({ allow: true, reasons: [], needsApproval: true });
  });

  it('denies banned words as whole words, too many hashtags and links where the platform allows none', () => {
    const d = decide('instagram', 'Buy CHEAP jackets today: acme.test/sale', { bannedTerms: ['cheap'] });
    expect(d.allow).toBe(false);
    expect(d.reasons.map((r) => r.code)).toEqual(['banned_term', 'links_not_allowed']);
    expect(decide('sandbox', 'Cheaper by the dozen', { bannedTerms: ['cheap'] }).allow).toBe(true);
    expect(decide('x', '#a #b #c #d').reasons.map((r) => r.code)).toEqual(['too_many_hashtags']);
  });
});
