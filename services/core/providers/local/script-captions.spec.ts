import { scriptCaptions, spokenSeconds } from './script-captions';

describe('script captions', () => {
  it('runs sentence by sentence, cuts long ones, and paces each caption by its words over the whole clip', () => {
    const caps = scriptCaptions('Hello there. One two three four five six seven eight nine.', 11);
    expect(caps.map((c) => c.text)).toEqual(['Hello there.', 'One two three four five six seven', 'eight nine.']);
    expect(caps.map((c) => [c.from, c.to])).toEqual([
      [0, 2],
      [2, 9],
      [9, 11],
    ]);
  });

  it('never makes more than 20 captions, whatever the script', () => {
    const script = Array.from({ length: 40 }, (_, i) => `Sentence ${i}.`).join(' ');
    const caps = scriptCaptions(script, 20);
    expect(caps).toHaveLength(20);
    expect(caps[19].to).toBe(20);
    expect(caps.map((c) => c.text).join(' ')).toBe(script);
  });

  it('reads at 150 words a minute within the bounds', () => {
    expect(spokenSeconds(10, 3, 20)).toBe(4);
    expect(spokenSeconds(1, 3, 20)).toBe(3);
    expect(spokenSeconds(200, 3, 20)).toBe(20);
  });
});
