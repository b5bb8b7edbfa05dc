import { ApplicationFailure } from '@temporalio/common';
import { ConnectorError } from '../../services/core/connectors/connector.errors';

/** A payload that names objects of another tenant, or that no longer matches the stored job (C-05). */
export function tenantRefused(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: 'TenantRefused', message, nonRetryable: true });
}

/**
 * Maps connector failures to Temporal's retry semantics: rate limits wait exactly as long as the platform
 * asked (C-52), unknown outcomes retry (the next attempt reconciles first), auth and permanent errors stop.
 */
export function toActivityFailure(err: unknown): unknown {
  if (!(err instanceof ConnectorError)) return err;
  switch (err.kind) {
    case 'rate_limited':
      return ApplicationFailure.create({
        type: 'RateLimited', message: err.message, nextRetryDelay: `${Math.max(1, err.details.retryAfterSeconds ?? 60)} seconds`,
      });
    case 'auth':
      return ApplicationFailure.create({ type: 'AuthError', message: err.message, nonRetryable: true });
    case 'permanent':
    case 'not_found':
      return ApplicationFailure.create({ type: 'PermanentPublishError', message: err.message, nonRetryable: true });
    default:
      return ApplicationFailure.create({ type: err.kind === 'outcome_unknown' ? 'OutcomeUnknown' : 'TransientPublishError', message: err.message });
  }
}
