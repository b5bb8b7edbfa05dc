/**
 * Why the browser profile service refused (stable: the API maps each to a GraphQL error, tests match on them).
 * - `same_admin`: the Admin who asked for side effects cannot also approve them (C-42)
 * - `not_admin`: the requester or the approver does not hold the Admin role on the agency (C-42)
 * - `no_request`: nothing to approve: no Admin asked for side effects (or a read-only switch cleared the request)
 * - `not_found`: no such profile or account for this client (another client's answers the same)
 * - `invalid_state`: the uploaded storage state is not a usable Playwright storage state, or a field typed with it
 *   (display name, note) is out of bounds; the message says which
 * - `already_enabled`: the profile is in side-effect mode already
 * - `manifest_invalid`: the stored manifest is unsigned, altered or bound to another profile (C-41)
 * - `profile_unreadable`: the stored session is missing or cannot be decrypted or read (C-40)
 */
export const BROWSER_PROFILE_ERROR_CODES = [
  'same_admin',
  'not_admin',
  'no_request',
  'not_found',
  'invalid_state',
  'already_enabled',
  'manifest_invalid',
  'profile_unreadable',
] as const;
export type BrowserProfileErrorCode = (typeof BROWSER_PROFILE_ERROR_CODES)[number];

const MESSAGES: Record<BrowserProfileErrorCode, string> = {
  same_admin: 'A different Admin must approve side effects: the Admin who asked cannot approve their own request.',
  not_admin: 'Only Admins of the agency can ask for or approve side effects on a browser profile.',
  no_request: 'No Admin has asked for side effects on this browser profile: there is nothing to approve.',
  not_found: 'No such browser profile or account for this client.',
  invalid_state: 'The browser session (storage state) is not usable.',
  already_enabled: 'This browser profile is in side-effect mode already.',
  manifest_invalid:
    "The profile's signed manifest does not check out (changed outside Raize?): detach the profile and attach it again.",
  profile_unreadable: 'The stored browser session cannot be opened: attach a fresh profile.',
};

/** A refusal safe to show an operator: no cookie, no state, no stack in the message. */
export class BrowserProfileError extends Error {
  constructor(
    readonly code: BrowserProfileErrorCode,
    message: string = MESSAGES[code],
  ) {
    super(message);
    this.name = 'BrowserProfileError';
  }
}
