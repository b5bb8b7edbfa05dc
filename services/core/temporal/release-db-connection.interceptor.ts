import { withoutDatabaseConnection } from '../tenancy/tenant-scope';
import { interceptEveryCall } from './every-client-call';

/**
 * Every Temporal call of a client runs without the caller's pooled database connection (C-01, C-10): a request
 * waiting on a slow or unreachable Temporal server keeps no connection other requests need. Inside an open
 * transaction the connection stays (withoutDatabaseConnection keeps it); the next query takes one again.
 */
export const releaseDbConnectionInterceptor = interceptEveryCall(withoutDatabaseConnection);
