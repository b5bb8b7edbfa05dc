import type { BrowserProfileMode, HybridWriter, PublishLane } from '../../gql/graphql';

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
  hybrid: 'Hybrid: one side publishes, the other reads the post back',
};

/** The lane choices an Admin makes: the hybrid lane twice, once per side that publishes. */
export type LaneChoice = { lane: PublishLane; hybridWriter?: HybridWriter };
export const LANE_CHOICES: { key: string; choice: LaneChoice; words: string }[] = [
  { key: 'api', choice: { lane: 'api' }, words: LANE_WORDS.api },
  { key: 'browser', choice: { lane: 'browser' }, words: LANE_WORDS.browser },
  {
    key: 'hybrid:api',
    choice: { lane: 'hybrid', hybridWriter: 'api' },
    words: 'Hybrid: publish through the API, read the post back through the web page',
  },
  {
    key: 'hybrid:browser',
    choice: { lane: 'hybrid', hybridWriter: 'browser' },
    words: 'Hybrid: publish through the web page, read the post back through the API',
  },
];
export const laneKey = (lane: PublishLane, writer?: HybridWriter | null): string =>
  lane === 'hybrid' ? `hybrid:${writer ?? 'api'}` : lane;

/** The lanes that act through a browser profile (the API refuses them without one). */
export const NEEDS_PROFILE: ReadonlySet<PublishLane> = new Set<PublishLane>(['browser', 'hybrid']);

export const TWO_ADMINS =
  'Side effects need two different Admins of the agency: one requests, another approves (C-42). Re-attaching or ' +
  'setting the profile read-only clears both.';
