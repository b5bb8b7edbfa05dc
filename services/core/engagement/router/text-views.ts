/**
 * The views of an inbound text the rules match against. Attackers obfuscate instructions with look-alike letters,
 * invisible characters, accents, digits for letters and spaced-out words, so each rule family reads the view that
 * undoes the tricks it cares about; real non-Latin text keeps its own view for the multilingual patterns.
 */
export interface TextViews {
  /** NFKC, lower case, invisible characters and accents removed, whitespace collapsed (keeps punctuation) */
  plain: string;
  /** `plain` with Cyrillic/Greek look-alikes and digit-for-letter tricks folded to Latin letters */
  folded: string;
  /** `folded` with everything but letters removed: "i.g.n.o.r.e  a l l" becomes "ignoreall" */
  squashed: string;
}

// Cyrillic and Greek letters that render like Latin ones (the common homoglyph set of confusables.txt).
const LOOKALIKES = 'авеёкмнорстухіїјѕԁԛԝһɡıαβεηικνορτυχγ';
const LATIN = 'abeekmhopctyxiijsdqwhgiabenikvoptuxy';
const HOMOGLYPHS: Record<string, string> = Object.fromEntries([...LOOKALIKES].map((c, i) => [c, LATIN[i]]));
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
// Format characters (zero-width, bidi overrides, soft hyphen) and variation selectors change nothing a reader sees.
const INVISIBLE = /[\p{Cf}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}\u034F\u115F\u1160\u3164\uFFA0]/gu;
const MARKS = /\p{M}+/gu;

export function textViews(text: string): TextViews {
  const plain = text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .normalize('NFD')
    .replace(MARKS, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
  const folded = plain
    .split(/(\s+)/)
    .map((token) => foldToken(token))
    .join('');
  const squashed = folded.replace(/[^a-z]+/g, '');
  return { plain, folded, squashed };
}

function foldToken(token: string): string {
  const chars = [...token].map((c) => HOMOGLYPHS[c] ?? c);
  // Digits and symbols count as letters only inside a word that has letters ("1gn0re", "$y$tem"), so "24/7" or
  // "$20" stay numbers; links and addresses keep theirs.
  const trick = chars.some((c) => /[a-z]/.test(c)) && !/[./:]/.test(token);
  return chars.map((c) => (trick && c in LEET ? LEET[c] : c)).join('');
}
