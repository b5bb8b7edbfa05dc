import { chunkText } from './chunker';
import { splitSentences, summarize } from './summarizer';
import { queryTerms, tokenize, topTerms } from './text-terms';

describe('summaries, chunks and terms', () => {
  const text =
    'Acme Coffee roasts beans in Berlin. Every roast is small-batch and traceable. ' +
    'We ship across Europe within two days. Our baristas train for six months.\n\n' +
    'Roast profiles: light roast for filter, dark roast for espresso. Beans are organic.';

  it('summarises with the opening sentences and the top terms, deterministically', () => {
    const s = summarize(text);
    expect(s.summary).toBe(
      'Acme Coffee roasts beans in Berlin. Every roast is small-batch and traceable. We ship across Europe within two days.\n' +
        'Key terms: roast, beans, acme, coffee, roasts, berlin, every, small-batch.',
    );
    expect(s.topTerms[0]).toBe('roast');
    expect(summarize(text)).toEqual(s);
  });

  it('cuts an overlong first sentence', () => {
    const s = summarize('word '.repeat(500));
    expect(s.summary.split('\n')[0].length).toBeLessThanOrEqual(400);
  });

  it('splits sentences at ends followed by a capital or a digit', () => {
    expect(splitSentences('One. Two! 3 is next? e.g. this stays')).toEqual([
      'One.',
      'Two!',
      '3 is next? e.g. this stays',
    ]);
  });

  it('chunks at paragraph and sentence boundaries within the size', () => {
    const long = Array.from({ length: 60 }, (_, i) => `Sentence number ${i} talks about coffee.`).join(' ');
    const chunks = chunkText(`${long}\n\nShort tail.`, 300);
    expect(chunks.every((c) => c.length <= 300)).toBe(true);
    expect(chunks.join(' ').replace(/\s+/g, ' ')).toBe(`${long} Short tail.`);
    expect(chunks.slice(0, -1).every((c) => /[.!?]$/.test(c))).toBe(true);
    expect(chunkText('x'.repeat(650), 300).map((c) => c.length)).toEqual([300, 300, 50]);
  });

  it('tokenizes without stop words, keeps other scripts', () => {
    expect(tokenize("The barista's Café au lait — 100% Kaffee, über gut")).toEqual([
      'barista',
      'café',
      'au',
      'lait',
      '100',
      'kaffee',
      'über',
      'gut',
    ]);
    expect(topTerms(['b', 'a', 'b', 'c', 'a'], 2)).toEqual(['b', 'a']);
    expect(queryTerms('coffee coffee the beans')).toEqual(['coffee', 'beans']);
  });
});
