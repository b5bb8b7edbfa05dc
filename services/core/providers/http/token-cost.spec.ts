import { priceOfModel, tokenCostMicros } from './token-cost';

const table = {
  'gpt-4o': { inputUsdPerMTok: 2.5, outputUsdPerMTok: 10 },
  'gpt-4o-mini': { inputUsdPerMTok: 0.15, outputUsdPerMTok: 0.6 },
};
const dearest = { inputUsdPerMTok: 15, outputUsdPerMTok: 60 };

describe('token cost', () => {
  it('matches the longest prefix (dated model ids)', () => {
    expect(priceOfModel(table, dearest, 'gpt-4o-mini-2024-07-18')).toBe(table['gpt-4o-mini']);
    expect(priceOfModel(table, dearest, 'gpt-4o-2024-08-06')).toBe(table['gpt-4o']);
  });

  it('charges an unknown model at the fallback (the dearest)', () => {
    expect(priceOfModel(table, dearest, 'mystery-1')).toBe(dearest);
  });

  it('turns USD per million tokens into micro-dollars', () => {
    // 1000 in × $2.50/M + 500 out × $10/M = $0.0025 + $0.005 = 7500 µ$
    expect(tokenCostMicros(table['gpt-4o'], 1000, 500)).toBe(7500);
  });
});
