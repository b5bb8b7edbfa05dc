import { avatarScript, MAX_SCRIPT_WORDS } from './avatar-script';

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

describe('the avatar script', () => {
  it('is what the caption says, without hashtags, sentences with links or thread numbers', () => {
    const caption =
      'Meet the spring range from Acme.\n\n1/ Light jackets in three colours.\n2/ See acme.test/spring for sizes.\n\n#spring #acme';
    expect(avatarScript(caption, 'brief')).toBe('Meet the spring range from Acme. Light jackets in three colours.');
  });

  it('keeps whole sentences within the bound', () => {
    const sentence = 'This sentence has exactly eight words in it.';
    const script = avatarScript(Array.from({ length: 10 }, () => sentence).join(' '), 'brief');
    expect(words(script)).toBe(40);
    expect(script.endsWith('in it.')).toBe(true);
    expect(words(script)).toBeLessThanOrEqual(MAX_SCRIPT_WORDS);
  });

  it('cuts one overlong sentence to its first words, and falls back to the brief when the caption says nothing', () => {
    const long = avatarScript(`${'word '.repeat(100)}end.`, 'brief');
    expect(words(long)).toBe(MAX_SCRIPT_WORDS);
    expect(long.length).toBeLessThanOrEqual(300);
    expect(avatarScript('#spring #acme', 'Light jackets in three colours')).toBe('Light jackets in three colours');
  });
});
