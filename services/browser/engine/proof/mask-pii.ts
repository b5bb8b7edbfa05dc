// The one place that says what an email address and a phone number look like on a page (C-44). The screenshot mask
// and the DOM scrub both call findPii, so what is hidden in one is hidden in the other.

export type PiiKind = 'email' | 'phone';

export interface PiiSpan {
  kind: PiiKind;
  /** UTF-16 offsets into the searched text, end exclusive */
  start: number;
  end: number;
}

const EMAIL =
  /[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}/g;

/**
 * A run of digits that might be one or more phone numbers: digits joined by spaces, dots, dashes and parentheses,
 * optionally after a "+". It must not touch a word, an id (sbx_u_123), a price ($, €, a decimal comma), a time
 * (10:30), a path or another number (1.5): those are not phones, and isPhoneNumber decides among the rest.
 */
const PHONE_CANDIDATE = /(?<![\w+@/$€£¥.,#=&?-])(?:\+|\((?=\d))?\d[\d \u00a0.()-]*\d(?![\w/:@$€£¥%]|[.,-]\d)/g;
const GROUP = /\+?\(?\d+\)?/g;
const NANP = /^(?:1[-. \u00a0])?(?:\(\d{3}\)|\d{3})[-. \u00a0]?\d{3}[-. \u00a0]\d{4}$/;

/**
 * Whether a candidate is written the way phone numbers are written:
 * international (+44 20 7946 0958, 0044 …), a parenthesised area code ((415) 555-0100), a national number with a
 * trunk 0 (020 7946 0958, 06 12 34 56 78) or the North American 415-555-0100 shape. Dates (2024-01-15), times,
 * grouped counts (1 234 567) and ids are none of those.
 */
export function isPhoneNumber(candidate: string): boolean {
  const s = candidate.trim();
  const digits = s.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  // one pair of parentheses at most, holding a short area or trunk code
  if (!/^[^()]*(\(\d{1,4}\)[^()]*)?$/.test(s)) return false;
  // one separator between groups: "1  2" or "1.-2" is layout, not a number
  if (/[ \u00a0.-]{2,}/.test(s.replace(/[()]/g, ''))) return false;
  if (s.startsWith('+')) return digits.length >= 8;
  if (s.startsWith('00')) return digits.length >= 10;
  if (NANP.test(s)) return true;
  if (s.startsWith('(')) return digits.length >= 9 && digits.length <= 11;
  if (s.startsWith('0')) {
    const first = /^0\d*/.exec(s)![0];
    return first.length >= 2 && first.length <= 5 && digits.length >= 9 && digits.length <= 11;
  }
  return false;
}

function findPhones(text: string, taken: readonly PiiSpan[]): PiiSpan[] {
  const found: PiiSpan[] = [];
  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    const base = m.index;
    // A candidate can hold two numbers side by side ("415-555-0100 020 7946 0958"): take the longest phone that
    // starts at each group, then go on after it.
    const groups = [...m[0].matchAll(GROUP)].map((g) => ({ start: g.index, end: g.index + g[0].length }));
    let i = 0;
    while (i < groups.length) {
      let next = i + 1;
      for (let j = groups.length - 1; j >= i; j--) {
        const start = base + groups[i]!.start;
        const end = base + groups[j]!.end;
        if (isPhoneNumber(text.slice(start, end)) && !taken.some((t) => t.start < end && start < t.end)) {
          found.push({ kind: 'phone', start, end });
          next = j + 1;
          break;
        }
      }
      i = next;
    }
  }
  return found;
}

/** Every email address and phone number in a text, in order, not overlapping (an email wins over digits inside it). */
export function findPii(text: string): PiiSpan[] {
  const emails: PiiSpan[] = [...text.matchAll(EMAIL)].map((m) => ({
    kind: 'email' as const,
    start: m.index,
    end: m.index + m[0].length,
  }));
  return [...emails, ...findPhones(text, emails)].sort((a, b) => a.start - b.start);
}

export const PII_PLACEHOLDERS: Record<PiiKind, string> = { email: '[email]', phone: '[phone]' };

/** The text with every email replaced by `[email]` and every phone number by `[phone]`, and how many were. */
export function scrubPii(text: string): { text: string; count: number } {
  const spans = findPii(text);
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + PII_PLACEHOLDERS[span.kind];
    at = span.end;
  }
  return { text: out + text.slice(at), count: spans.length };
}
