import { BrowserProfileError, type BrowserProfileErrorCode } from '../../../core/browser/browser-profile.errors';
import { AppError, AppErrorCode, notFound } from '../../errors/app-error';

/**
 * The GraphQL code of each refusal of the core service. Its messages are written for operators and never carry a
 * cookie or a state (services/core/browser/browser-profile.errors.ts), so they are shown as they are.
 */
const CODES: Record<BrowserProfileErrorCode, AppErrorCode> = {
  not_found: AppErrorCode.NotFound,
  // C-42: the same Admin twice, or someone who is not an Admin of the agency.
  same_admin: AppErrorCode.Forbidden,
  not_admin: AppErrorCode.Forbidden,
  // The profile is not in the state the step needs: nothing requested yet, or already on.
  no_request: AppErrorCode.Conflict,
  already_enabled: AppErrorCode.Conflict,
  // What the operator sent (the storage state, a note) is not usable.
  invalid_state: AppErrorCode.BadInput,
  // The stored profile cannot be trusted or opened: detach and attach again.
  manifest_invalid: AppErrorCode.Conflict,
  profile_unreadable: AppErrorCode.Conflict,
};

/**
 * The core service's refusals as GraphQL errors; anything else passes through untouched (an AppError keeps its
 * code, an unexpected error becomes the generic internal error without its message).
 */
export function browserProfileErrorToAppError(err: unknown): unknown {
  if (!(err instanceof BrowserProfileError)) return err;
  // Another client's profile answers exactly like a missing one (C-02): the API's own words for both.
  if (err.code === 'not_found') return notFound('browser profile');
  return new AppError(CODES[err.code], err.message);
}

/** Runs `fn`, answering the core's refusals in the operator's words. */
export async function answeringBrowserProfileErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw browserProfileErrorToAppError(err);
  }
}
