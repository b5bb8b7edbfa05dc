import { MAX_SUMMARY_CHARS, recentMessages, summariseThread } from './thread-summary';

describe('thread summaries', () => {
  it('appends one bounded line per message, customer and brand', () => {
    const s = summariseThread('', [
      { direction: 'in', text: 'Do you ship\nto Canada?\u202e' },
      { direction: 'out', text: 'Yes, we do.' },
    ]);
    expect(s).toBe('Customer: Do you ship to Canada?\nBrand: Yes, we do.');
    expect(summariseThread(s, [{ direction: 'in', text: 'x'.repeat(500) }]).split('\n')[2]).toHaveLength(
      'Customer: '.length + 160,
    );
  });

  it('stays under the bound by dropping and counting the oldest lines, deterministically', () => {
    let s = '';
    for (let i = 0; i < 100; i++)
      s = summariseThread(s, [{ direction: 'in', text: `message ${i} ${'words '.repeat(10)}` }]);
    expect(s.length).toBeLessThanOrEqual(MAX_SUMMARY_CHARS);
    expect(s).toMatch(/^\[\d+ earlier messages omitted\]\n/);
    const omitted = Number(/^\[(\d+)/.exec(s)?.[1]);
    expect(omitted + s.split('\n').length - 1).toBe(100);
    expect(s).toContain('message 99');
    let again = '';
    for (let i = 0; i < 100; i++)
      again = summariseThread(again, [{ direction: 'in', text: `message ${i} ${'words '.repeat(10)}` }]);
    expect(again).toBe(s);
  });

  it('gives the drafter only the last messages', () => {
    expect(recentMessages([1, 2, 3, 4, 5, 6, 7])).toEqual([3, 4, 5, 6, 7]);
    expect(recentMessages([1], 3)).toEqual([1]);
  });
});
