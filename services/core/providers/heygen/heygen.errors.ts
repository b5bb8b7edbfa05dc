import type { ProviderFailureClass } from '../provider.types';
import { heygenErrorBody } from './heygen.wire';

/**
 * Codes HeyGen documents for text or media its moderation rejects (https://docs.heygen.com/reference/errors:
 * 400105 BLOCKED_WORDS_DETECTED, 40039 INVALID_TEXT_INPUT "Invalid text detected"; the newer string codes likewise).
 * These are refusals: no retry, the item is parked with the reason.
 */
const REFUSAL_CODES: ReadonlySet<string> = new Set([
  '400105',
  '40039',
  'BLOCKED_WORDS_DETECTED',
  'INVALID_TEXT_INPUT',
  'content_moderation',
  'content_policy_violation',
  'moderation_failed',
]);
const MODERATION = /moderat|blocked words|content polic|violat|inappropriate/i;
/** 40009 INVALID_CREDENTIALS, 400112 UNAUTHORIZED, 401057/401056 OAuth tokens: answered with HTTP 400 by v1 paths. */
const AUTH_CODES: ReadonlySet<string> = new Set(['40009', '400112', '401056', '401057', 'unauthorized', 'forbidden']);

export function isHeyGenRefusal(code: string | number | null | undefined, message?: string | null): boolean {
  return (
    (code !== null && code !== undefined && REFUSAL_CODES.has(String(code))) || (!!message && MODERATION.test(message))
  );
}

/** Refines the generic HTTP mapping with the body's code. */
export function classifyHeyGenError(_status: number, body: unknown): ProviderFailureClass | undefined {
  const parsed = heygenErrorBody.safeParse(body);
  if (!parsed.success) return undefined;
  const { code, message } = parsed.data.error;
  if (isHeyGenRefusal(code, message)) return 'refused';
  if (code !== null && code !== undefined && AUTH_CODES.has(String(code))) return 'unauthorized';
  // Out of credits: no retry helps and it is not our bug; an operator has to act on the account, as for a bad key.
  if (code === 'insufficient_credit' || code === 'insufficient_credits') return 'unauthorized';
  return undefined;
}
