import { BROWSER_PROFILE_ERROR_CODES, BrowserProfileError } from '../../../core/browser/browser-profile.errors';
import { AppError, AppErrorCode, notFound } from '../../errors/app-error';
import { browserProfileErrorToAppError } from './browser-profile.exception';

describe('browser profile refusals as GraphQL errors', () => {
  it.each(BROWSER_PROFILE_ERROR_CODES.map((c) => [c]))('%s becomes an AppError with a message', (code) => {
    const e = browserProfileErrorToAppError(new BrowserProfileError(code));
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message.length).toBeGreaterThan(10);
  });

  it('[C-42] the same Admin twice is FORBIDDEN and says a different Admin must approve', () => {
    const e = browserProfileErrorToAppError(new BrowserProfileError('same_admin')) as AppError;
    expect(e.code).toBe(AppErrorCode.Forbidden);
    expect(e.message).toMatch(/different Admin/);
  });

  it("another client's profile answers exactly like a missing one", () => {
    expect(browserProfileErrorToAppError(new BrowserProfileError('not_found'))).toEqual(notFound('browser profile'));
  });

  it('leaves other errors alone', () => {
    const other = new Error('boom');
    expect(browserProfileErrorToAppError(other)).toBe(other);
  });
});
