import { isAllowedUrl, normaliseOrigins } from './route-guard';

describe('route guard', () => {
  const allowed = normaliseOrigins(['http://127.0.0.1:4010/', 'https://sandbox.example']);

  it('allows exactly the platform origins (and the in-browser data:/blob: schemes)', () => {
    expect(isAllowedUrl('http://127.0.0.1:4010/compose?x=1', allowed)).toBe(true);
    expect(isAllowedUrl('https://sandbox.example/p/1', allowed)).toBe(true);
    expect(isAllowedUrl('wss://sandbox.example/live', allowed)).toBe(true);
    expect(isAllowedUrl('data:image/png;base64,AAAA', allowed)).toBe(true);
  });

  it('blocks other hosts, ports and schemes', () => {
    for (const url of [
      'http://127.0.0.1:4011/',
      'http://localhost:4010/',
      'http://sandbox.example/',
      'https://evil.example/collect?c=1',
      'https://sandbox.example.evil.example/',
      'ws://127.0.0.1:9999/',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(isAllowedUrl(url, allowed)).toBe(false);
    }
  });

  it('refuses a configured origin that is not a web origin', () => {
    expect(() => normaliseOrigins(['file:///tmp'])).toThrow(/not a web origin/);
  });
});
