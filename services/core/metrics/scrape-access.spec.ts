import { scrapeAccess } from './scrape-access';

const token = 'a'.repeat(40);

describe('scrapeAccess', () => {
  it('serves nothing in production without a token', () => {
    expect(scrapeAccess({ env: 'production' }, undefined)).toBe('disabled');
    expect(scrapeAccess({ env: 'production' }, `Bearer ${token}`)).toBe('disabled');
  });

  it('is open in development and tests when no token is configured', () => {
    expect(scrapeAccess({ env: 'development' }, undefined)).toBe('allow');
    expect(scrapeAccess({ env: 'test' }, undefined)).toBe('allow');
  });

  it('wants exactly the token once one is configured, in every environment', () => {
    for (const env of ['production', 'development', 'test'] as const) {
      expect(scrapeAccess({ env, token }, `Bearer ${token}`)).toBe('allow');
      expect(scrapeAccess({ env, token }, undefined)).toBe('unauthorized');
      expect(scrapeAccess({ env, token }, `Bearer ${token}x`)).toBe('unauthorized');
      expect(scrapeAccess({ env, token }, token)).toBe('unauthorized');
    }
  });
});
