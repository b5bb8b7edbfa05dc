import { containsUrl, findUrls, restoreXText, X_MAX_WEIGHTED_LENGTH, xWeightedLength } from './x-text';

describe('xWeightedLength: X’s weighted count', () => {
  it('counts Latin text by code point and CJK double', () => {
    expect(xWeightedLength('hello')).toBe(5);
    expect(xWeightedLength('café')).toBe(4);
    // NFD input counts as its NFC form
    expect(xWeightedLength('cafe\u0301')).toBe(4);
    expect(xWeightedLength('日本語')).toBe(6);
  });

  it('counts any URL as 23, however long', () => {
    const long = `https://example.com/${'a'.repeat(200)}`;
    expect(xWeightedLength(`see ${long}`)).toBe(4 + 23);
    expect(xWeightedLength('see www.example.org')).toBe(4 + 23);
    expect(xWeightedLength('see raize.io/launch')).toBe(4 + 23);
  });

  it('counts an emoji as 2, with skin tones and ZWJ sequences', () => {
    expect(xWeightedLength('👾')).toBe(2);
    expect(xWeightedLength('🙋🏽')).toBe(2);
    expect(xWeightedLength('👨‍👩‍👧‍👦')).toBe(2);
    expect(xWeightedLength('©')).toBe(1);
  });

  it('draws the line at 280', () => {
    expect(xWeightedLength('a'.repeat(280))).toBe(X_MAX_WEIGHTED_LENGTH);
    expect(xWeightedLength('界'.repeat(141))).toBeGreaterThan(X_MAX_WEIGHTED_LENGTH);
  });
});

describe('URLs in a text', () => {
  it('finds links with a scheme, www, or a common TLD, without trailing punctuation', () => {
    expect(findUrls('Go to https://raize.example/a?b=1. Or www.raize.io, or raize.com!')).toEqual([
      'https://raize.example/a?b=1',
      'www.raize.io',
      'raize.com',
    ]);
    expect(containsUrl('no links here, version 1.2')).toBe(false);
  });
});

describe('restoreXText: the text we sent, from the text X shows', () => {
  it('puts expanded URLs back, removes the media link, unescapes HTML entities', () => {
    const shown = 'Fish &amp; chips &lt;3 https://t.co/abc123 https://t.co/pic999';
    const urls = [
      { url: 'https://t.co/abc123', expanded_url: 'https://raize.example/menu?a=1&b=2' },
      { url: 'https://t.co/pic999', expanded_url: 'https://x.com/raize/status/1/photo/1', media_key: '3_1' },
    ];
    expect(restoreXText(shown, urls)).toBe('Fish & chips <3 https://raize.example/menu?a=1&b=2');
  });

  it('leaves text without entities alone (but unescaped)', () => {
    expect(restoreXText('a &gt; b')).toBe('a > b');
  });
});
