import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_REASON_CODES } from '../../../workflows/contracts/vocabulary/creation-status';
import { contentPolicyInput, hashtagsOf, linksOf, normaliseWords } from './content-input';
import { platformPreview } from './platform-preview';

describe('the content policy input', () => {
  it('normalises words so a term matches whole words only, whatever the case and punctuation', () => {
    expect(normaliseWords('Cheap!  Really-CHEAP… “cheaper”')).toBe('cheap really cheap cheaper');
    expect(normaliseWords('ＣＨＥＡＰ')).toBe('cheap');
  });

  it('finds hashtags and links, not e-mail addresses or hashtags as links', () => {
    const text = 'New #Spring range at https://acme.test/s and www.acme.test, mail hi@acme.test #summer_24 a#b';
    expect(hashtagsOf(text)).toEqual(['#Spring', '#summer_24']);
    expect(linksOf(text)).toEqual(['https://acme.test/s', 'www.acme.test']);
    expect(linksOf('Bare domain acme.shop/offer too')).toEqual(['acme.shop/offer']);
  });

  it('builds the policy input with the brand words normalised the same way', () => {
    const input = contentPolicyInput({
      platform: 'sandbox',
      format: 'text',
      text: 'Guaranteed Results!',
      brand: { bannedClaims: ['  guaranteed   results '], dontWords: ['', 'Synergy'] },
      settings: { linksAllowed: false },
    });
    expect(input).toMatchObject({
      words: 'guaranteed results',
      brand: { banned_terms: [], banned_claims: ['guaranteed results'], dont_words: ['synergy'] },
      settings: { links_allowed: false },
    });
  });

  it('knows every reason code the content policy gives (the Rego and the vocabulary agree)', () => {
    const rego = readFileSync(join(__dirname, '../../../policies/raize/content/content.rego'), 'utf8');
    const emitted = new Set([...rego.matchAll(/reason\("([a-z_]+)"/g)].map((m) => m[1]));
    expect([...emitted].sort()).toEqual([...CONTENT_REASON_CODES].sort());
  });
});

describe('the per-platform preview', () => {
  it("cuts the feed text at a word boundary before the platform's cut, and counts code points", () => {
    const text = `${'word '.repeat(40)}end 🎉`;
    const p = platformPreview('sandbox', text);
    expect(p.truncated).toBe(true);
    expect([...p.feedText].length).toBeLessThanOrEqual(141);
    expect(p.feedText.endsWith('word…')).toBe(true);
    expect(p.characters).toBe([...text].length);
    expect(p.overLimit).toBe(false);
  });

  it('shows the whole text when it fits, and the platform limits from the policy data', () => {
    const p = platformPreview('x', 'Hello #a #b #c #d https://acme.test');
    expect(p).toMatchObject({
      truncated: false,
      feedText: 'Hello #a #b #c #d https://acme.test',
      characterLimit: 280,
      hashtags: ['#a', '#b', '#c', '#d'],
      hashtagLimit: 3,
      links: ['https://acme.test'],
      mediaAspect: '16:9',
    });
    expect(platformPreview('nowhere', 'x')).toMatchObject({ characterLimit: 2200, mediaAspect: '1:1' });
  });
});
