/**
 * The browser lane's words (issue #17), defined once: a profile's modes, why the runner stopped before acting, and
 * why a profile was put back to read-only.
 */

/** `read_only` until two different Admins switch a profile to `side_effects` (C-42). */
export const BROWSER_PROFILE_MODES = ['read_only', 'side_effects'] as const;
export type BrowserProfileMode = (typeof BROWSER_PROFILE_MODES)[number];

/** Why the runner stopped before touching anything on the page (C-41, C-43): each one switches the profile read-only. */
export const BROWSER_STOP_KINDS = [
  'identity_mismatch',
  'selector_drift',
  'captcha',
  'consent',
  'login_wall',
  'manifest_invalid',
  'profile_unreadable',
] as const;
export type BrowserStopKind = (typeof BROWSER_STOP_KINDS)[number];

/** What an operator reads for each stop: what happened, then what to do. No page content, no cookie, no URL. */
export const BROWSER_STOP_MESSAGES: Record<BrowserStopKind, string> = {
  identity_mismatch:
    'The page showed a different account than the one this profile was attached for. Check which account the ' +
    'browser session is signed in to, then attach a fresh profile for the right account.',
  selector_drift:
    'The platform changed its page: an element Raize looks for is missing or different, so nothing was clicked. ' +
    'The profile is read-only until the selector map for this platform is updated.',
  captcha:
    'The platform asked for a CAPTCHA. Sign in to the account in a normal browser, solve it, and attach a fresh profile.',
  consent:
    'The platform asked to accept terms or a consent screen. Accept it in a normal browser, then attach a fresh profile.',
  login_wall:
    'The platform asked to sign in again: the session in this profile has ended. Sign in in a normal browser and ' +
    'attach a fresh profile.',
  manifest_invalid:
    "The profile's signed manifest does not match what is stored: it may have been changed outside Raize. Detach the " +
    'profile and attach it again.',
  profile_unreadable:
    'The stored browser session could not be opened (missing, or not readable with this installation\u2019s key). ' +
    'Attach a fresh profile.',
};

/**
 * Why a profile is read-only, stored with the mode: a stop of the runner, an operator's choice, or a new session
 * attached (new cookies are new trust, so side effects need two Admins again).
 */
export const BROWSER_MODE_REASON_CODES = [...BROWSER_STOP_KINDS, 'operator', 'reattached'] as const;
export type BrowserModeReasonCode = (typeof BROWSER_MODE_REASON_CODES)[number];

export function isBrowserStopKind(value: string): value is BrowserStopKind {
  return (BROWSER_STOP_KINDS as readonly string[]).includes(value);
}

/** The steps of a browser action that leave proof (C-44): the compose page before the click, the post, the read-back. */
export const BROWSER_PROOF_STEPS = ['compose', 'published', 'read_back'] as const;
export type BrowserProofStep = (typeof BROWSER_PROOF_STEPS)[number];

/** On the hybrid lane, which side publishes; the other reads the post back (API + page, or page + API). */
export const HYBRID_WRITERS = ['api', 'browser'] as const;
export type HybridWriter = (typeof HYBRID_WRITERS)[number];
