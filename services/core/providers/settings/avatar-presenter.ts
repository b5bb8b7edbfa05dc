import { z } from 'zod';
import type { ProviderId } from '../provider.types';

/**
 * A vendor's avatar or voice id. HeyGen's ids are opaque tokens; anything else in a request body is a bug or an
 * injection attempt, so the API, the database and the adapter all hold them to this one pattern.
 */
export const PRESENTER_ID = /^[A-Za-z0-9_-]{1,128}$/;
export const PRESENTER_ID_RULE = '1 to 128 letters, digits, "_" or "-"';

/** Who presents a client's avatar videos: the vendor's avatar and voice (ids, not secrets). */
export interface AvatarPresenter {
  avatarId: string;
  voiceId: string;
}

const presenterId = (what: string) =>
  z.string().regex(PRESENTER_ID, `the ${what} must be ${PRESENTER_ID_RULE} (as HeyGen shows it)`);

/** Validates a presenter from input or the database (a trust boundary either way). */
export const avatarPresenterSchema = z
  .object({ avatarId: presenterId('avatar id'), voiceId: presenterId('voice id') })
  .strict();

/**
 * Avatar providers that render the presenter they are told and cannot pick one themselves. The local provider
 * draws its own figure (a presenter's avatar id only seeds it), so it needs none.
 */
const NEEDS_PRESENTER: readonly ProviderId[] = ['heygen'];

export function needsPresenter(provider: ProviderId): boolean {
  return NEEDS_PRESENTER.includes(provider);
}
