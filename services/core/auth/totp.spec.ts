import { base32Decode, base32Encode, totpCode, totpStep, totpStepOf, verifyTotp } from './totp';

describe('TOTP (RFC 6238)', () => {
  // RFC 6238 appendix B, SHA-1 seed "12345678901234567890".
  const secret = base32Encode(Buffer.from('12345678901234567890'));
  it('matches the RFC test vectors', () => {
    expect(totpCode(secret, 59_000)).toBe('287082');
    expect(totpCode(secret, 1111111109_000)).toBe('081804');
    expect(totpCode(secret, 2000000000_000)).toBe('279037');
  });
  it('accepts one step of drift and nothing more', () => {
    const now = 1_800_000_000_000;
    expect(verifyTotp(secret, totpCode(secret, now - 30_000), now)).toBe(true);
    expect(verifyTotp(secret, totpCode(secret, now - 90_000), now)).toBe(false);
    expect(verifyTotp(secret, 'abcdef', now)).toBe(false);
  });
  it('[C-06] names the time step a code belongs to, so a used step can be refused', () => {
    const now = 1_800_000_000_000;
    const step = totpStep(now);
    expect(totpStepOf(secret, totpCode(secret, now), now)).toBe(step);
    expect(totpStepOf(secret, totpCode(secret, now - 30_000), now)).toBe(step - 1);
    expect(totpStepOf(secret, totpCode(secret, now + 30_000), now)).toBe(step + 1);
    expect(totpStepOf(secret, totpCode(secret, now + 90_000), now)).toBeNull();
    expect(totpStepOf(secret, '12345', now)).toBeNull();
  });
  it('round-trips base32', () => {
    expect(base32Decode(base32Encode(Buffer.from('raize!'))).toString()).toBe('raize!');
  });
});
