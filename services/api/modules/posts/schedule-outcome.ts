import type { SchedulePublishError } from '../../../core/publishing/schedule-publish';
import { AppError, AppErrorCode, notFound } from '../../errors/app-error';

export { publishOptionsFrom } from '../../../core/publishing/publish-options';

/** A refused schedule as the operator's answer. */
export function scheduleError(err: SchedulePublishError): AppError {
  switch (err.code) {
    case 'account_not_found':
      return notFound('platform account');
    case 'asset_not_found':
      return notFound('asset');
    case 'not_publishable':
      return new AppError(AppErrorCode.BadInput, err.message);
    case 'account_not_connected':
    case 'duplicate':
      return new AppError(AppErrorCode.Conflict, err.message);
    case 'scheduler_unavailable':
      return new AppError(AppErrorCode.Unavailable, err.message);
  }
}
