import { findPii, isPhoneNumber, scrubPii } from './mask-pii';

describe('findPii (C-44)', () => {
  it.each([
    ['+1 415 555 0100'],
    ['(415) 555-0100'],
    ['+44 20 7946 0958'],
    ['+1 (415) 555-0100'],
    ['+14155550100'],
    ['+44 (0) 20 7946 0958'],
    ['415-555-0100'],
    ['415.555.0100'],
    ['1-800-555-0100'],
    ['020 7946 0958'],
    ['07700 900123'],
    ['06 12 34 56 78'],
    ['0044 20 7946 0958'],
    ['+33 6 12 34 56 78'],
    ['+49 30 1234567'],
  ])('finds the phone number %s', (phone) => {
    const text = `Call me on ${phone}, thanks.`;
    expect(scrubPii(text).text).toBe('Call me on [phone], thanks.');
  });

  it.each([['a@b.co'], ['jane.doe+news@example.com'], ['ops@mail.sandbox.example.org'], ['X_Y-1@sub-domain.io']])(
    'finds the email %s',
    (email) => {
      expect(scrubPii(`write to <${email}> today`).text).toBe('write to <[email]> today');
    },
  );

  it.each([
    ['2024-01-15'],
    ['2024-01-15T10:00:00.000Z'],
    ['15/01/2024'],
    ['01.02.2024'],
    ['2024-01-15 10:30'],
    ['10:30:45'],
    ['sbx_u_0123456789'],
    ['sbx_p_4155550100'],
    ['$1,234.56'],
    ['€1 234 567'],
    ['1 234 567 views'],
    ['1.234.567'],
    ['12.5%'],
    ['1700000000'],
    ['192.168.100.100'],
    ['978-3-16-148410-0'],
    ['v1.65.1'],
    ['123e4567-e89b-12d3-a456-426614174000'],
    ['#12345678'],
    ['/p/12345678901'],
    ['0 0 1024 768'],
  ])('leaves %s alone', (text) => {
    expect(findPii(`on ${text} here`)).toEqual([]);
  });

  it('separates two numbers written side by side and an email holding digits', () => {
    expect(scrubPii('415-555-0100 020 7946 0958').text).toBe('[phone] [phone]');
    expect(scrubPii('+14155550100@example.com or +1 415 555 0100')).toEqual({ text: '[email] or [phone]', count: 2 });
  });

  it('finds numbers split by non-breaking spaces, in attributes and tel: links', () => {
    expect(scrubPii('+1\u00a0415\u00a0555\u00a00100').text).toBe('[phone]');
    expect(scrubPii('<a href="tel:+14155550100" title="a@b.co">').text).toBe('<a href="tel:[phone]" title="[email]">');
  });

  it('reports spans as offsets into the text', () => {
    const text = 'x a@b.co y (415) 555-0100';
    expect(findPii(text).map((s) => [s.kind, text.slice(s.start, s.end)])).toEqual([
      ['email', 'a@b.co'],
      ['phone', '(415) 555-0100'],
    ]);
  });

  it('isPhoneNumber refuses layout runs and odd parentheses', () => {
    expect(isPhoneNumber('415  555 0100')).toBe(false);
    expect(isPhoneNumber('(1)(2) 345 6789')).toBe(false);
    expect(isPhoneNumber('555 0100')).toBe(false);
  });
});
