import type { WorkflowClientInterceptor } from '@temporalio/client';
import { withoutDatabaseConnection } from '../tenancy/tenant-scope';

/**
 * Every Temporal call of a client runs without the caller's pooled database connection (C-01, C-10): a request
 * waiting on a slow or unreachable Temporal server keeps no connection other requests need. Inside an open
 * transaction the connection stays (withoutDatabaseConnection keeps it); the next query takes one again.
 */
export const releaseDbConnectionInterceptor: WorkflowClientInterceptor = {
  start: (input, next) => withoutDatabaseConnection(() => next(input)),
  startWithDetails: (input, next) => withoutDatabaseConnection(() => next(input)),
  startUpdate: (input, next) => withoutDatabaseConnection(() => next(input)),
  startUpdateWithStart: (input, next) => withoutDatabaseConnection(() => next(input)),
  signal: (input, next) => withoutDatabaseConnection(() => next(input)),
  signalWithStart: (input, next) => withoutDatabaseConnection(() => next(input)),
  query: (input, next) => withoutDatabaseConnection(() => next(input)),
  terminate: (input, next) => withoutDatabaseConnection(() => next(input)),
  cancel: (input, next) => withoutDatabaseConnection(() => next(input)),
  describe: (input, next) => withoutDatabaseConnection(() => next(input)),
};
