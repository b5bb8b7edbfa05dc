import { brandKitPatchSchema } from './brand-kit.schema';

describe('brandKitPatchSchema', () => {
  it('normalises colours, hashtags and word lists', () => {
    const parsed = brandKitPatchSchema.parse({
      colours: ['#ABC', '#1a2B3c', '#aabbcc'],
      hashtags: ['coffee', '#Roast', ' #coffee '],
      doWords: [' fresh  roast ', 'Fresh roast', ''],
    });
    expect(parsed).toEqual({
      colours: ['#aabbcc', '#1a2b3c'],
      hashtags: ['#coffee', '#Roast'],
      doWords: ['fresh roast'],
    });
  });

  it.each([
    [{ colours: ['red'] }, 'colours are hex codes'],
    [{ colours: ['#12345g'] }, 'colours are hex codes'],
    [{ colours: Array(13).fill('#000000') }, 'at most 12 colours'],
    [{ hashtags: ['#two words'] }, 'hashtags are # followed by'],
    [{ name: '  ' }, 'name must not be empty'],
    [{ voice: 'x'.repeat(2001) }, '2000'],
    [{ bannedClaims: ['x'.repeat(201)] }, 'at most 200 characters'],
    [{ logoArtifactKey: '../../etc/passwd' }, 'not an image key'],
    [{ unknownField: 1 }, 'Unrecognized key'],
  ])('refuses %j', (input, message) => {
    const r = brandKitPatchSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain(message);
  });

  it('accepts a logo key of the artifact store and null to clear it', () => {
    const key = `${'a'.repeat(8)}-0000-4000-8000-${'b'.repeat(12)}/${'c'.repeat(8)}-0000-4000-8000-${'d'.repeat(12)}/image/${'e'.repeat(64)}.png`;
    expect(brandKitPatchSchema.parse({ logoArtifactKey: key }).logoArtifactKey).toBe(key);
    expect(brandKitPatchSchema.parse({ logoArtifactKey: null }).logoArtifactKey).toBeNull();
  });
});
