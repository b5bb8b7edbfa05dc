import type { BrowserProfileMode, PublishLane } from '../../gql/graphql';

// Keyed by the API's enums (codegen): a mode or lane added there fails to compile here until it has words.

export const MODE_WORDS: Record<BrowserProfileMode, { label: string; tone: 'success' | 'warning'; what: string }> = {
  read_only: {
    label: 'Read-only',
    tone: 'success',
    what: 'Raize may read through this profile (its identity, its posts) but clicks nothing that changes the account.',
  },
  side_effects: {
    label: 'Side effects on',
    tone: 'warning',
    what: 'Raize may publish through this profile, after the guard, the policy and an identity check on every page.',
  },
};

export const LANE_WORDS: Record<PublishLane, string> = {
  api: "API: through the platform's API with the connected token",
  browser: "Browser: through the platform's web pages with the attached profile",
  hybrid: 'Hybrid: the API where it can, the browser profile for the rest',
};

export const LANE_ORDER: PublishLane[] = ['api', 'browser', 'hybrid'];

/** The lanes that act through a browser profile (the API refuses them without one). */
export const NEEDS_PROFILE: ReadonlySet<PublishLane> = new Set<PublishLane>(['browser', 'hybrid']);

export const TWO_ADMINS =
  'Side effects need two different Admins of the agency: one requests, another approves (C-42). Re-attaching or ' +
  'setting the profile read-only clears both.';
