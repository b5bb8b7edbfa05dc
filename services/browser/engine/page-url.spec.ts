import { loadSelectorMap } from '../selector-maps/selector-map.loader';
import { matchPageUrl, pageUrl, safeUrl } from './page-url';

describe('page URLs', () => {
  const map = loadSelectorMap('sandbox');
  const base = 'http://127.0.0.1:4010';

  it('fills and escapes the path parameters', () => {
    expect(pageUrl(map, base, 'post', { id: 'sbx_p_1' })).toBe(`${base}/p/sbx_p_1`);
    expect(pageUrl(map, base, 'profile', { username: 'a b/c' })).toBe(`${base}/u/a%20b%2Fc`);
    expect(() => pageUrl(map, base, 'post')).toThrow(/needs its id/);
  });

  it('reads the parameters back only from the same origin and page', () => {
    expect(matchPageUrl(map, base, 'post', `${base}/p/sbx_p_1`)).toEqual({ id: 'sbx_p_1' });
    expect(matchPageUrl(map, base, 'post', `${base}/compose`)).toBeNull();
    expect(matchPageUrl(map, base, 'post', 'http://127.0.0.1:4011/p/sbx_p_1')).toBeNull();
  });

  it('keeps origin and path only', () => {
    expect(safeUrl('https://x.example/login?token=secret#frag')).toBe('https://x.example/login');
  });
});
