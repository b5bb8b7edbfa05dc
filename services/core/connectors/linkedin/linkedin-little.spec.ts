import { fromLittleText, toLittleText } from './linkedin-little';

describe('LinkedIn little text format', () => {
  it('escapes every reserved character, keeps #hashtags, and reads back to the same text', () => {
    const text = 'Launch (beta) [v2] {x} @team <b> a*b_c~d | back\\slash #Launch2026 # alone C# 100%';
    const little = toLittleText(text);
    expect(little).toBe(
      'Launch \\(beta\\) \\[v2\\] \\{x\\} \\@team \\<b\\> a\\*b\\_c\\~d \\| back\\\\slash #Launch2026 \\# alone C\\# 100%',
    );
    expect(fromLittleText(little)).toBe(text);
  });

  it('reads LinkedIn’s hashtag template and mentions as the text a member sees', () => {
    expect(fromLittleText('Hello {hashtag|\\#|Launch} and @[Ada \\(CEO\\)](urn:li:person:abc)')).toBe(
      'Hello #Launch and Ada (CEO)',
    );
  });

  it('leaves plain text, emoji and newlines alone', () => {
    const text = 'Grüße 👋\nline two: ok! "quoted" & more';
    expect(toLittleText(text)).toBe(text);
    expect(fromLittleText(text)).toBe(text);
  });
});
