import type { ConnectorErrorKind } from '../connectors/connector.errors';
import type { HealthSignal } from '../../../workflows/contracts/vocabulary/health-signals';

export const HEALTH_SEVERITIES = ['critical', 'warning', 'info'] as const;
/** critical: nothing publishes until someone acts; warning: it will soon, or some posts fail; info: worth a look. */
export type HealthSeverity = (typeof HEALTH_SEVERITIES)[number];

/** What an operator reads about one problem. `{platform}` is replaced by the platform's display name. */
export interface OperatorWords {
  headline: string;
  whatToDo: string;
  severity: HealthSeverity;
}

/**
 * One entry per health signal: a signal added to the vocabulary without words here does not compile, so the health
 * centre never shows a bare code. Written for agency operators, not engineers: what happened, then what to do.
 */
export const OPERATOR_WORDS: Record<HealthSignal, OperatorWords> = {
  token_revoked: {
    headline: '{platform} no longer accepts this connection',
    whatToDo:
      'Someone removed Raize’s access on {platform} (or changed the password). Reconnect the account, signed in as ' +
      'the same account; posts to it wait until then.',
    severity: 'critical',
  },
  token_expired: {
    headline: 'The connection to {platform} has expired',
    whatToDo: 'Reconnect the account, signed in as the same account; posts to it wait until then.',
    severity: 'critical',
  },
  refresh_expired: {
    headline: 'The connection to {platform} ran out and cannot be renewed automatically',
    whatToDo: 'Reconnect the account, signed in as the same account; posts to it wait until then.',
    severity: 'critical',
  },
  reconsent_due: {
    headline: '{platform} needs the account owner to sign in again soon',
    whatToDo:
      '{platform} does not let Raize renew this connection on its own. Ask whoever owns the account to reconnect ' +
      'it before the date shown, or publishing stops then.',
    severity: 'warning',
  },
  api_version_sunset: {
    headline: '{platform} has retired the API version Raize uses',
    whatToDo:
      'Publishing to {platform} fails until Raize is updated to a newer API version. Tell whoever runs your Raize ' +
      'installation.',
    severity: 'critical',
  },
  action_blocked: {
    headline: '{platform} blocked publishing from this account as suspected spam',
    whatToDo:
      'Raize does not retry this on its own. Open the account in the {platform} app, clear any warning there, ' +
      'slow down posting, then reschedule the post.',
    severity: 'critical',
  },
  daily_limit: {
    headline: 'The account reached {platform}’s daily posting limit',
    whatToDo: 'Posts resume when the limit resets. Spread the remaining posts over the next days.',
    severity: 'warning',
  },
  quota_exhausted: {
    headline: 'Raize’s {platform} API quota is used up',
    whatToDo:
      'Calls to {platform} wait until the quota resets. If it happens often, ask whoever runs your Raize ' +
      'installation to request a higher quota.',
    severity: 'warning',
  },
  private_only: {
    headline: '{platform} publishes Raize’s posts privately only',
    whatToDo:
      'Until {platform} has reviewed Raize’s app, every post stays private. Ask whoever runs your Raize ' +
      'installation to complete the platform’s review.',
    severity: 'warning',
  },
  app_in_testing: {
    headline: 'Raize’s {platform} app is in testing mode',
    whatToDo:
      'The connection stops working a few days after each sign-in. Ask whoever runs your Raize installation to ' +
      'publish the app on {platform}.',
    severity: 'warning',
  },
  missing_permissions: {
    headline: 'The connection lacks permissions Raize needs on {platform}',
    whatToDo: 'Reconnect the account and grant every permission {platform} asks for.',
    severity: 'critical',
  },
  cannot_post: {
    headline: '{platform} says this account cannot post right now',
    whatToDo: 'Open the account in the {platform} app and check for warnings or restrictions, then try again.',
    severity: 'critical',
  },
  media_rejected: {
    headline: '{platform} refused a post’s image or video',
    whatToDo: 'Check the file’s type, size and length against {platform}’s rules, replace it and reschedule.',
    severity: 'info',
  },
  platform_unavailable: {
    headline: '{platform} is not answering properly',
    whatToDo: 'Raize retries on its own. If it lasts, check the platform’s status page.',
    severity: 'warning',
  },
  rate_limited: {
    headline: '{platform} asked Raize to slow down',
    whatToDo: 'Nothing to do: Raize waits as long as the platform asks and then carries on.',
    severity: 'info',
  },
};

/** Words for a connector error that carries no health signal, by its kind. */
export const ERROR_KIND_WORDS: Record<ConnectorErrorKind, Omit<OperatorWords, 'severity'>> = {
  auth: {
    headline: '{platform} refused the connection’s credentials',
    whatToDo: 'If this repeats, reconnect the account, signed in as the same account.',
  },
  rate_limited: {
    headline: '{platform} asked Raize to slow down',
    whatToDo: 'Nothing to do: Raize waits as long as the platform asks and then carries on.',
  },
  transient: {
    headline: '{platform} had a temporary problem',
    whatToDo: 'Raize retries on its own. If it lasts, check the platform’s status page.',
  },
  permanent: {
    headline: '{platform} refused a request',
    whatToDo: 'Raize does not retry it. Check the post against the platform’s rules, fix it and reschedule.',
  },
  outcome_unknown: {
    headline: '{platform} did not say whether a request went through',
    whatToDo: 'Raize checks the account’s posts before trying again, so nothing is posted twice. Nothing to do.',
  },
  not_found: {
    headline: '{platform} could not find what Raize asked for',
    whatToDo: 'If the post was deleted on the platform, nothing to do; otherwise reconnect the account.',
  },
};

/** Words for account states that are not a platform's signal, but Raize's own decision. */
export const ACCOUNT_STATE_WORDS = {
  account_quarantined: {
    headline: 'The {platform} connection now belongs to another account, so Raize stopped using it',
    whatToDo:
      'Nothing is published to it. Check who signed in on {platform}, then reconnect the account signed in as the ' +
      'right one.',
    severity: 'critical',
  },
  account_read_only: {
    headline: 'This {platform} account is read only in Raize',
    whatToDo: 'Raize reads it but does not publish to it. An Admin can connect it again to publish.',
    severity: 'warning',
  },
} as const satisfies Record<string, OperatorWords>;

/**
 * Raize's own finding about the account's posts (issue #15), not a platform's signal nor an account state: `{count}`
 * and `{days}` are put in with `{platform}`.
 */
export const RECEIPTS_BROKEN_WORDS: OperatorWords = {
  headline: 'Posts were removed or changed on {platform} after publishing: {count} in the last {days} days',
  whatToDo:
    'Someone took the post down, edited it or moved it to another account on {platform}. Open the post in Raize: ' +
    'its receipt checks say what changed and when. Check with the client; their report lists it.',
  severity: 'warning',
};

/** How long a broken receipt stays on the account's attention list: long enough to be seen, not forever. */
export const RECEIPTS_BROKEN_NOTICE_DAYS = 7;

export type AccountStateAttention = keyof typeof ACCOUNT_STATE_WORDS;

/** The words with the platform's name put in. */
export function inWords<T extends { headline: string; whatToDo: string }>(words: T, platformName: string): T {
  const put = (s: string) => s.replaceAll('{platform}', platformName);
  return { ...words, headline: put(words.headline), whatToDo: put(words.whatToDo) };
}

/** An API version that retires soon (the retired one has its signal's words): `{version}` and `{days}` are put in. */
export const SUNSET_SOON_WORDS: OperatorWords = {
  headline: '{platform} retires API version {version} in {days} days',
  whatToDo:
    'Raize must move to a newer {platform} API version before then, or publishing there stops. Tell whoever runs ' +
    'your Raize installation.',
  severity: 'warning',
};

/** How far before its sunset an API version becomes something to attend to. */
export const SUNSET_NOTICE_DAYS = 60;
