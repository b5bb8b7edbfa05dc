import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(buf: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(s: string): Buffer {
  const clean = s.replace(/=+$/, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const c of clean) {
    const idx = ALPHABET.indexOf(c);
    if (idx < 0) throw new Error('invalid base32');
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** RFC 6238 TOTP with SHA-1, 6 digits, 30 s steps (what authenticator apps use). */
export function totpCode(secret: string, at = Date.now(), step = 30): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / step)));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  const bin = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(bin % 1_000_000).padStart(6, '0');
}

/** The 30 s time step (counter) a moment falls in. */
export function totpStep(at = Date.now(), step = 30): number {
  return Math.floor(at / 1000 / step);
}

/**
 * The time step `code` belongs to, among the current step and one on either side (clock drift), or null. The
 * caller records it and refuses any later code of that step or an earlier one, so a code works once (C-06).
 */
export function totpStepOf(secret: string, code: string, at = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  let matched: number | null = null;
  // Every candidate is compared (no early exit), so timing does not tell which step matched.
  for (const d of [-1, 0, 1]) {
    const expected = Buffer.from(totpCode(secret, at + d * 30_000));
    if (timingSafeEqual(expected, Buffer.from(code))) matched = totpStep(at) + d;
  }
  return matched;
}

/** Accepts the current step and one on either side, for clock drift; says nothing about replays (totpStepOf). */
export function verifyTotp(secret: string, code: string, at = Date.now()): boolean {
  return totpStepOf(secret, code, at) !== null;
}

export function otpauthUrl(secret: string, account: string, issuer = 'Raize'): string {
  return `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(account)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}
