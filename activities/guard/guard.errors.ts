import { ApplicationFailure } from '@temporalio/common';
import { ConnectorError } from '../../services/core/connectors/connector.errors';
import { FAILURE_TYPES } from '../../workflows/contracts/vocabulary/failure-types';

/** A payload that names objects of another tenant, or that no longer matches the stored job (C-05). */
export function tenantRefused(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: FAILURE_TYPES.tenantRefused, message, nonRetryable: true });
}

/** Retry later without having called the platform (lease held, settle window, pacing). */
export function retryAfter(type: string, message: string, seconds: number): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nextRetryDelay: `${Math.max(1, Math.ceil(seconds))} seconds` });
}

/**
 * Maps connector failures to Temporal's retry semantics: rate limits wait exactly as long as the platform
 * asked (C-52), unknown outcomes retry (the next attempt reconciles first), auth and permanent errors stop.
 */
export function toActivityFailure(err: unknown): unknown {
  if (!(err instanceof ConnectorError)) return err;
  switch (err.kind) {
    case 'rate_limited':
      return retryAfter(FAILURE_TYPES.rateLimited, err.message, err.details.retryAfterSeconds ?? 60);
    case 'auth':
      return ApplicationFailure.create({ type: FAILURE_TYPES.authError, message: err.message, nonRetryable: true });
    case 'permanent':
    case 'not_found':
      return ApplicationFailure.create({ type: FAILURE_TYPES.permanent, message: err.message, nonRetryable: true });
    // A platform that said when it will be back (a 503's Retry-After) is asked again then, not on our backoff.
    case 'outcome_unknown':
      return err.details.retryAfterSeconds !== undefined
        ? retryAfter(FAILURE_TYPES.outcomeUnknown, err.message, err.details.retryAfterSeconds)
        : ApplicationFailure.create({ type: FAILURE_TYPES.outcomeUnknown, message: err.message });
    case 'transient':
      return err.details.retryAfterSeconds !== undefined
        ? retryAfter(FAILURE_TYPES.transient, err.message, err.details.retryAfterSeconds)
        : ApplicationFailure.create({ type: FAILURE_TYPES.transient, message: err.message });
  }
}
