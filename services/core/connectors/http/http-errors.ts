import type { ConnectorTransportFailure } from '../connector.errors';
import { ConnectorError } from '../connector.errors';
import { parseRetryAfter } from './retry-after';

/** A call as errors describe it: the method and the route shape, never the concrete path. */
export interface CallShape {
  method: string;
  route: string;
}

const isWrite = (method: string) => method.toUpperCase() !== 'GET';
const label = (c: CallShape) => `${c.method.toUpperCase()} ${c.route}`;

/**
 * No answer. A write may have reached the platform and been applied (Postiz's double post), so the guard must
 * reconcile before it writes again; a read can simply be retried.
 */
export function transportError(call: CallShape, failure: ConnectorTransportFailure, timeoutMs: number): ConnectorError {
  const what =
    failure === 'timeout'
      ? `timed out after ${timeoutMs} ms`
      : failure === 'cancelled'
        ? 'was cancelled by the caller'
        : 'failed on the network';
  if (isWrite(call.method))
    return new ConnectorError('outcome_unknown', `${label(call)} ${what}; the platform may have applied it`, {
      transport: failure,
    });
  return new ConnectorError('transient', `${label(call)} ${what}`, { transport: failure });
}

/** A call cancelled before it left: nothing reached the platform, even for a write. */
export function notSentError(call: CallShape): ConnectorError {
  return new ConnectorError('transient', `${label(call)} was cancelled before it was sent`, { transport: 'cancelled' });
}

/** Maps a non-2xx answer to a typed connector error. */
export function statusError(
  call: CallShape,
  status: number,
  headers: Headers,
  requestId: string | undefined,
  now: number = Date.now(),
): ConnectorError {
  const msg = `${label(call)} answered ${status}`;
  if (status === 401 || status === 403) return new ConnectorError('auth', msg, { status, requestId });
  if (status === 404) return new ConnectorError('not_found', msg, { status, requestId });
  if (status === 429)
    return new ConnectorError('rate_limited', msg, {
      status,
      requestId,
      retryAfterSeconds: parseRetryAfter(headers.get('retry-after'), now),
    });
  if (status >= 500) {
    // A 5xx on a write may come after the platform applied it: unknown, reconcile before retrying. A 503 may say
    // when the platform expects to be back (RFC 9110 §10.2.3): the next attempt waits that long, not our backoff.
    const header = headers.get('retry-after');
    return new ConnectorError(isWrite(call.method) ? 'outcome_unknown' : 'transient', msg, {
      status,
      requestId,
      ...(header ? { retryAfterSeconds: parseRetryAfter(header, now) } : {}),
    });
  }
  return new ConnectorError('permanent', msg, { status, requestId });
}

/**
 * A 2xx whose body we cannot use. After a write the platform said yes, so the post probably exists: unknown.
 * For a read, `unparsable` (not JSON: a proxy page, a cut connection) may pass on retry; a well-formed body of
 * the wrong shape means the platform changed its API and will not.
 */
export function badAnswerError(
  call: CallShape,
  status: number,
  requestId: string | undefined,
  problem: 'unparsable' | 'unexpected_shape',
): ConnectorError {
  const what = problem === 'unparsable' ? 'a body that is not JSON' : 'a body of an unexpected shape';
  if (isWrite(call.method))
    return new ConnectorError(
      'outcome_unknown',
      `${label(call)} answered ${status} with ${what}; the platform may have applied it`,
      { status, requestId },
    );
  return new ConnectorError(
    problem === 'unparsable' ? 'transient' : 'permanent',
    `${label(call)} answered ${status} with ${what}`,
    { status, requestId },
  );
}
