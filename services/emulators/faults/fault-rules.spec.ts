import { FaultRules } from './fault-rules';

const s503 = { kind: 'status' as const, status: 503 };

describe('FaultRules', () => {
  it('draws the first live matching rule, counting `times` down and dropping it when spent', () => {
    const rules = new FaultRules();
    rules.add({ fault: s503, match: { method: 'POST', path: '/posts*' }, times: 2 });
    expect(rules.draw('GET', '/posts')).toBeUndefined();
    expect(rules.draw('POST', '/posts/1')).toEqual(s503);
    expect(rules.draw('post', '/posts')).toEqual(s503);
    expect(rules.draw('POST', '/posts')).toBeUndefined();
    expect(rules.list()).toEqual([]);
  });

  it('a storm (`forMs`) holds every matching request until it ends, then is gone by itself', () => {
    let now = 1_000;
    const rules = new FaultRules(() => now);
    rules.add({ fault: s503, forMs: 5_000 });
    for (let i = 0; i < 50; i++) expect(rules.draw('GET', '/anything')).toEqual(s503);
    now += 4_999;
    expect(rules.draw('GET', '/x')).toEqual(s503);
    now += 1;
    expect(rules.draw('GET', '/x')).toBeUndefined();
    expect(rules.list()).toEqual([]);
  });

  it('a rate draws that share of the requests (random injected), and counts what it drew', () => {
    const draws = [0.1, 0.9, 0.49, 0.5];
    const rules = new FaultRules(Date.now, () => draws.shift()!);
    rules.add({ fault: s503, rate: 0.5 });
    const got = [1, 2, 3, 4].map(() => rules.draw('GET', '/'));
    expect(got).toEqual([s503, undefined, s503, undefined]);
    expect(rules.list()[0]).toMatchObject({ drawn: 2, rate: 0.5 });
  });

  it('set replaces the set; rules keep their order; clear empties it', () => {
    const rules = new FaultRules();
    rules.add({ fault: { kind: 'drop' } });
    rules.set([{ fault: { kind: 'hang' }, times: 1 }, { fault: s503 }]);
    expect(rules.draw('GET', '/')).toEqual({ kind: 'hang' });
    expect(rules.draw('GET', '/')).toEqual(s503);
    rules.clear();
    expect(rules.draw('GET', '/')).toBeUndefined();
  });
});
