import { ApplicationFailure } from '@temporalio/common';
import { ConnectorError } from '../../services/core/connectors/connector.errors';
import { FAILURE_TYPES } from '../../workflows/contracts/vocabulary/failure-types';
import { toActivityFailure } from './guard.errors';

const failureOf = (err: ConnectorError) => toActivityFailure(err) as ApplicationFailure;

describe('toActivityFailure', () => {
  it('[C-52] a rate limit waits exactly its Retry-After', () => {
    const f = failureOf(new ConnectorError('rate_limited', 'POST /posts answered 429', { retryAfterSeconds: 7 }));
    expect([f.type, f.nextRetryDelay, f.nonRetryable]).toEqual([FAILURE_TYPES.rateLimited, '7 seconds', false]);
  });

  it('[C-52] a 5xx that said when to come back waits that long; one that did not keeps the backoff', () => {
    const said = failureOf(
      new ConnectorError('outcome_unknown', 'POST /posts answered 503', { retryAfterSeconds: 30 }),
    );
    expect([said.type, said.nextRetryDelay]).toEqual([FAILURE_TYPES.outcomeUnknown, '30 seconds']);
    const read = failureOf(new ConnectorError('transient', 'GET /me answered 503', { retryAfterSeconds: 0 }));
    expect([read.type, read.nextRetryDelay]).toEqual([FAILURE_TYPES.transient, '1 seconds']);
    const silent = failureOf(new ConnectorError('outcome_unknown', 'POST /posts answered 500', { status: 500 }));
    expect([silent.type, silent.nextRetryDelay]).toEqual([FAILURE_TYPES.outcomeUnknown, undefined]);
  });

  it('stops on auth and permanent errors; leaves anything else alone', () => {
    expect(failureOf(new ConnectorError('auth', 'x')).nonRetryable).toBe(true);
    expect(failureOf(new ConnectorError('permanent', 'x')).nonRetryable).toBe(true);
    const other = new Error('not a connector error');
    expect(toActivityFailure(other)).toBe(other);
    expect(toActivityFailure(new ConnectorError('transient', 'x'))).toBeInstanceOf(ApplicationFailure);
  });
});
