/** Why a delivery was refused; the answer says only 401 and a short code, never which secret or what was expected. */
export type RefusalReason = 'missing_signature' | 'bad_signature' | 'stale_timestamp' | 'not_configured';

export type Verdict = { ok: true } | { ok: false; reason: RefusalReason };

export const VERIFIED: Verdict = { ok: true };
export const refused = (reason: RefusalReason): Verdict => ({ ok: false, reason });

/** A signed Unix timestamp in seconds, within `toleranceSeconds` of now either way (C-32). */
export function freshTimestamp(raw: string | undefined, nowMs: number, toleranceSeconds: number): boolean | null {
  if (raw === undefined) return null;
  if (!/^\d{1,12}$/.test(raw)) return false;
  return Math.abs(nowMs / 1000 - Number(raw)) <= toleranceSeconds;
}
