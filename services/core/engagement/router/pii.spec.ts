import { detectSecrets } from '../reply/secrets';
import { detectPii, ibanValid, luhnValid } from './pii';

describe('personal data and secret detectors', () => {
  it('checks cards with Luhn and IBANs with mod 97', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(ibanValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(ibanValid('GB82 WEST 1234 5698 7654 33')).toBe(false);
  });

  it('names the kinds it found, never the values', () => {
    expect(detectPii('jo@example.com, +1 (555) 123-4567, GB82WEST12345698765432, 5500 0000 0000 0004')).toEqual([
      'card',
      'email',
      'iban',
      'phone',
    ]);
    expect(detectPii('order 12345, 24/7, 2024-05-01')).toEqual([]);
  });

  it('finds key shapes, tokens and credential pairs, not ordinary long words', () => {
    expect(detectSecrets('AKIAIOSFODNN7EXAMPLE')).toEqual(['cloud access key']);
    expect(detectSecrets('ghp_0123456789abcdefghijABCDEFGHIJ012345')).toContain('access token');
    expect(detectSecrets('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc')).toContain('access token');
    expect(detectSecrets('api_key = abcdef123456')).toEqual(['credential']);
    expect(detectSecrets('https://user:hunter2@example.com')).toEqual(['credential in a link']);
    expect(detectSecrets('Donaudampfschifffahrtsgesellschaftskapitän and supercalifragilisticexpialidocious')).toEqual(
      [],
    );
  });
});
