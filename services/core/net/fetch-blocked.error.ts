/** Why the guarded fetcher refused or stopped a fetch (C-35). Stable codes: callers show them to operators. */
export const FETCH_BLOCKED_REASONS = [
  'scheme',
  'private_address',
  'too_many_redirects',
  'too_large',
  'timeout',
  'bad_url',
  'dns',
  'credentials_in_url',
] as const;
export type FetchBlockedReason = (typeof FETCH_BLOCKED_REASONS)[number];

const MESSAGES: Record<FetchBlockedReason, string> = {
  scheme: 'the URL scheme is not allowed',
  private_address: 'the URL points to a private, loopback, link-local or otherwise internal address',
  too_many_redirects: 'the URL redirected too many times',
  too_large: 'the response is larger than allowed',
  timeout: 'the fetch took longer than allowed',
  bad_url: 'the URL is not valid',
  dns: 'the host name could not be resolved',
  credentials_in_url: 'URLs carrying a user name or password are not accepted',
};

/**
 * A fetch the guard refused. The message names the reason and at most the host: never the path, query or
 * userinfo, which is where URLs carry tokens and signatures.
 */
export class FetchBlockedError extends Error {
  constructor(
    readonly reason: FetchBlockedReason,
    readonly host?: string,
  ) {
    super(`fetch blocked (${reason}): ${MESSAGES[reason]}`);
    this.name = 'FetchBlockedError';
  }
}

/** The connection failed after every check passed (refused, reset, TLS): not a policy decision. */
export class FetchNetworkError extends Error {
  constructor(
    readonly code: string,
    /** the address the socket was pinned to */
    readonly address: string,
  ) {
    super(`fetch failed (${code})`);
    this.name = 'FetchNetworkError';
  }
}
