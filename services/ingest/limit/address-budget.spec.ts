import { AddressBudget } from './address-budget';

describe('AddressBudget (fake clock)', () => {
  const budget = (maxAddresses = 100) => new AddressBudget({ burst: 3, perMinute: 6, maxAddresses });

  it('[C-33] an address is heard until it has failed its burst, then refused until its budget refills', () => {
    const b = budget();
    for (let i = 0; i < 3; i++) {
      expect(b.blockedFor('198.51.100.7', 0)).toBe(0);
      b.failed('198.51.100.7', 0);
    }
    // 6 a minute: one failure allowed again every 10 s.
    expect(b.blockedFor('198.51.100.7', 0)).toBe(10_000);
    expect(b.blockedFor('198.51.100.7', 4_000)).toBe(6_000);
    expect(b.blockedFor('198.51.100.7', 10_000)).toBe(0);
    // Another address is not touched by it.
    expect(b.blockedFor('198.51.100.8', 0)).toBe(0);
  });

  it('failures let in together push the block out in proportion, to a bound', () => {
    const b = budget();
    for (let i = 0; i < 50; i++) b.failed('a', 0);
    // Debt floors at -burst: (1 + 3) tokens at 0.1/s.
    expect(b.blockedFor('a', 0)).toBe(40_000);
  });

  it('tracks only addresses that failed, and forgets one whose budget has refilled', () => {
    const b = budget();
    expect(b.blockedFor('good', 0)).toBe(0);
    expect(b.size).toBe(0);
    b.failed('once', 0);
    expect(b.size).toBe(1);
    expect(b.blockedFor('once', 5_000)).toBe(0);
    expect(b.size).toBe(1);
    expect(b.blockedFor('once', 10_000)).toBe(0);
    expect(b.size).toBe(0);
  });

  it('is bounded: over the cap the address idle longest is forgotten, one still flooding is kept', () => {
    const b = budget(10);
    for (let i = 0; i < 3; i++) b.failed('flooder', 0);
    for (let n = 0; n < 1000; n++) {
      b.failed(`spray-${n}`, n);
      // The flooder keeps knocking, and each refusal keeps it recent.
      if (n % 5 === 0) expect(b.blockedFor('flooder', n)).toBeGreaterThan(0);
      expect(b.size).toBeLessThanOrEqual(10);
    }
    expect(b.blockedFor('flooder', 1000)).toBeGreaterThan(0);
    expect(b.blockedFor('spray-0', 1000)).toBe(0);
  });
});
