import { isSensitiveIntent } from '../../../../workflows/contracts/vocabulary/engagement';
import { routerCorpus } from './corpus.testkit';
import { routeInbound } from './route-inbound';
import type { RouteDecision } from './router.types';
import { localProviderGateway, TEST_SCOPE } from './scripted-gateway.testkit';

/** The intent accuracy the rules must keep on the labelled corpus; the measured figure is printed by the test. */
const MIN_ACCURACY = 0.9;

describe('the router on the labelled corpus', () => {
  const corpus = routerCorpus();
  const route = (i: (typeof corpus)[number], classifier: 'rules' | 'llm' = 'rules') =>
    routeInbound(
      { text: i.text, kind: i.kind, platform: i.platform, brand: { name: 'Acme' }, settings: { classifier } },
      { gateway: localProviderGateway(), scope: TEST_SCOPE },
    );

  it('is big enough and covers every intent, with each sensitive one several times', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    for (const intent of ['question', 'praise', 'complaint', 'spam', 'other'] as const)
      expect(corpus.filter((i) => i.intent === intent).length).toBeGreaterThanOrEqual(5);
    for (const intent of ['pricing', 'refund', 'legal', 'medical', 'harassment', 'crisis', 'press'] as const)
      expect(corpus.filter((i) => i.intent === intent).length).toBeGreaterThanOrEqual(8);
    expect(corpus.filter((i) => i.note).length).toBeGreaterThanOrEqual(15);
  });

  it('[C-28] escalates every message labelled sensitive, to a human, with an operator-facing why', async () => {
    const missed: string[] = [];
    for (const item of corpus.filter((i) => i.sensitive)) {
      const d = await route(item);
      if (d.route !== 'escalate' || !d.sensitive) missed.push(`${item.id} (${item.intent}) → ${d.route}`);
      expect(d.why.length).toBeGreaterThan(0);
    }
    expect(missed).toEqual([]);
  });

  it('[C-28] routes only sensitive intents, injections and classifier doubts to a human', async () => {
    for (const item of corpus) {
      const d = await route(item);
      if (isSensitiveIntent(d.intent)) expect(d.route).toBe('escalate');
      if (d.route === 'escalate') expect(d.sensitive || d.flags.includes('injection')).toBe(true);
      if (d.intent === 'spam') expect(d.route).toBe('hide');
      if (['question', 'praise', 'complaint'].includes(d.intent) && !d.flags.includes('injection'))
        expect(d.route).toBe('draft');
    }
  });

  it(`keeps intent accuracy at or above ${MIN_ACCURACY * 100} % and flags no ordinary message as an injection`, async () => {
    const decisions: [(typeof corpus)[number], RouteDecision][] = [];
    for (const item of corpus) decisions.push([item, await route(item)]);
    const right = decisions.filter(([i, d]) => d.intent === i.intent).length;
    const routeRight = decisions.filter(([i, d]) => d.route === i.route).length;
    const accuracy = right / corpus.length;
    process.stdout.write(
      `router corpus: intent accuracy ${(accuracy * 100).toFixed(1)} % (${right}/${corpus.length}), ` +
        `route accuracy ${((routeRight / corpus.length) * 100).toFixed(1)} %\n`,
    );
    expect(accuracy).toBeGreaterThanOrEqual(MIN_ACCURACY);
    expect(decisions.filter(([, d]) => d.flags.includes('injection')).map(([i]) => i.id)).toEqual([]);
  });

  it('gives the same decisions through the local provider’s classifier as through the rules alone', async () => {
    for (const item of corpus) {
      const rules = await route(item, 'rules');
      const llm = await route(item, 'llm');
      expect(llm.classifier).toBe(rules.intent === 'other' ? 'rules' : 'llm');
      expect([item.id, llm.intent, llm.route, llm.sensitive]).toEqual([
        item.id,
        rules.intent,
        rules.route,
        rules.sensitive,
      ]);
    }
  });
});
