/**
 * Personal data a public comment or a reply must not carry: e-mail addresses, phone numbers, payment card numbers
 * (Luhn-valid, so an order number is not a card) and IBANs (mod-97-valid). Used by the router (flag `pii`) and by
 * the reply check (C-29), so both agree on what counts.
 */
export type PiiKind = 'email' | 'phone' | 'card' | 'iban';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/giu;
// A run of digits with the usual separators; the digit count decides below.
const DIGIT_RUN = /\+?\d[\d\s().-]{6,}\d/g;
const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b/gi;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function ibanValid(raw: string): boolean {
  const iban = raw.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const c of moved) {
    const v = /\d/.test(c) ? c : String(c.charCodeAt(0) - 55);
    for (const d of v) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

/** Each kind of personal data found in the text (the values themselves are never returned: nothing to log). */
export function detectPii(text: string): PiiKind[] {
  const found = new Set<PiiKind>();
  if (text.match(EMAIL)) found.add('email');
  let rest = text;
  for (const m of text.match(IBAN) ?? [])
    if (ibanValid(m)) {
      found.add('iban');
      rest = rest.replace(m, ' ');
    }
  for (const m of rest.match(DIGIT_RUN) ?? []) {
    const digits = m.replace(/\D/g, '');
    if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) found.add('card');
    // 9 to 15 digits written like a phone number: an international prefix, or grouped with separators.
    else if (digits.length >= 9 && digits.length <= 15 && (m.startsWith('+') || /[\s().-]/.test(m))) found.add('phone');
  }
  return [...found].sort();
}
