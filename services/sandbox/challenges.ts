// The unpleasant pages a real platform puts in front of a logged-in account, switched on per user by the admin API:
// a captcha wall (nothing works until a human solves it; here: until the admin clears it) and a cookie-consent
// dialog (pages render, but posting is refused until the user accepts).
import type { StoredUser } from './store';
import type { UserChallengeState } from './sandbox.types';

export const CHALLENGE_KINDS = ['captcha', 'consent'] as const;
export type ChallengeKind = (typeof CHALLENGE_KINDS)[number];

/** The challenge that stands in the user's way now: consent stops standing once the user accepted it. */
export function activeChallenge(user: StoredUser): ChallengeKind | null {
  if (user.challenge === 'captcha') return 'captcha';
  if (user.challenge === 'consent' && !user.consentAcceptedAt) return 'consent';
  return null;
}

export function challengeState(user: StoredUser): UserChallengeState {
  return {
    userId: user.id,
    kind: user.challenge ?? null,
    consentAcceptedAt: user.consentAcceptedAt ?? null,
    active: activeChallenge(user),
  };
}
