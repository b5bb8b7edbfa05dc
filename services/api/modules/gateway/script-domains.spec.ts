import { normalizeScriptDomains } from './script-domains';

describe('script domains (C-38)', () => {
  it('keeps host names, lower-cased and once each', () => {
    expect(normalizeScriptDomains(['API.example.com', 'api.example.com.', 'cdn.example.org'])).toEqual({
      ok: true,
      domains: ['api.example.com', 'cdn.example.org'],
    });
  });

  it.each([
    'https://example.com',
    'example.com/path',
    'example.com:443',
    '169.254.169.254',
    '10.0.0.1',
    '[::1]',
    'localhost',
    '*.example.com',
    'exa mple.com',
    '-bad.example.com',
    'example.123',
    '',
  ])('refuses %j', (d) => {
    expect(normalizeScriptDomains([d])).toEqual({ ok: false, bad: d });
  });
});
