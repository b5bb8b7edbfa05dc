import { classifyByRules } from './rules.classifier';
import { textViews } from './text-views';
import { slaSecondsFor, SLA_SECONDS } from './sla';

describe('the router’s rules', () => {
  it('undoes look-alike letters, invisible characters, accents, digits for letters and spacing', () => {
    expect(textViews('Ιgnоre\u200b prevïous').folded).toBe('ignore previous');
    expect(textViews('1gn0re 24/7 $20').folded).toBe('ignore 24/7 $20');
    expect(textViews('i.g.n.o.r.e  a l l').squashed).toBe('ignoreall');
    expect(textViews('ＦＵＬＬ width').plain).toBe('full width');
  });

  it('flags links, personal data and profanity whatever the intent, with an operator-facing why', () => {
    const r = classifyByRules('Love it! mail me at jo@example.com or see acme.test, damn good', ['acme.test']);
    expect(r.intent).toBe('praise');
    expect(r.flags).toEqual(['link', 'pii', 'profanity']);
    expect(r.why).toEqual(expect.arrayContaining(['contains a link', 'contains an e-mail address', 'uses profanity']));
  });

  it('treats one unknown link with nothing else to say as spam, but not an allowlisted one', () => {
    expect(classifyByRules('cool-deals.example').intent).toBe('spam');
    expect(classifyByRules('Love it! see cool-deals.example').intent).toBe('spam');
    expect(classifyByRules('acme.test/new', ['acme.test']).intent).toBe('other');
    expect(classifyByRules('is this the same as acme.test/x?', []).intent).toBe('question');
  });

  it('reports every sensitive intent it matched and names the most urgent', () => {
    const r = classifyByRules('I want a refund or my lawyer will sue, and honestly I want to die');
    expect(r.intent).toBe('crisis');
    expect(r.sensitiveMatches).toEqual(['crisis', 'legal', 'refund']);
    expect(r.sentiment).toBe('negative');
  });

  it('keeps a money scam spam, but a price question with an amount sensitive', () => {
    expect(classifyByRules('Earn $500 a day, ask me how').intent).toBe('spam');
    expect(classifyByRules('Is the $49 plan billed monthly?').intent).toBe('pricing');
  });

  it('tells a phone number from an order number and a card from a random number', () => {
    expect(classifyByRules('call me on +44 20 7946 0958').flags).toContain('pii');
    expect(classifyByRules('order 5521998877 is late').flags).not.toContain('pii');
    expect(classifyByRules('my card 4111-1111-1111-1111 was charged').flags).toContain('pii');
    expect(classifyByRules('ref 4111-1111-1111-1112 please').flags).not.toContain('pii');
  });

  it('gives sensitive intents the short SLA, a person in crisis the shortest', () => {
    expect(slaSecondsFor({ intent: 'refund', sensitive: true })).toBe(3600);
    expect(slaSecondsFor({ intent: 'crisis', sensitive: true })).toBe(900);
    expect(slaSecondsFor({ intent: 'question', sensitive: false })).toBe(86_400);
    expect(slaSecondsFor({ intent: 'question', sensitive: true })).toBe(3600);
    expect(Object.keys(SLA_SECONDS)).toHaveLength(12);
  });
});
