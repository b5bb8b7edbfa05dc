// The reasons an account's status carries (PlatformAccount.statusReason, a String in the API): the health signals
// of workflows/contracts/vocabulary/health-signals.ts that stop an account, and the guard's quarantine. Worded as
// the health centre words them (services/core/connector-health/operator-words.ts); unknown codes keep their own.
const REASONS: Partial<Record<string, string>> = {
  token_revoked:
    '{platform} no longer accepts this connection: someone removed Raize’s access there or changed the password.',
  token_expired: 'The connection to {platform} has expired.',
  refresh_expired: 'The connection to {platform} ran out and cannot be renewed automatically.',
  reconsent_due: '{platform} needs the account owner to sign in again.',
  missing_permissions: 'The connection lacks permissions Raize needs on {platform}.',
  fingerprint_mismatch: '{platform} answered as a different account than the one connected; publishing is stopped.',
};

/** The account's status reason in an operator's words. */
export function statusReasonText(reason: string, platformName: string): string {
  const words = REASONS[reason];
  return words ? words.replaceAll('{platform}', platformName) : reason.replace(/_/g, ' ');
}
