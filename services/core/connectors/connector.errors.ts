import type { HealthSignal } from '../../../workflows/contracts/vocabulary/health-signals';

export type ConnectorErrorKind = 'auth' | 'rate_limited' | 'transient' | 'permanent' | 'outcome_unknown' | 'not_found';

/** Why a call got no answer: our deadline, the caller's cancellation, or the network. */
export type ConnectorTransportFailure = 'timeout' | 'cancelled' | 'network';

export interface ConnectorErrorDetails {
  status?: number;
  retryAfterSeconds?: number;
  /** the platform's request id, from its response header, when it answered */
  requestId?: string;
  /** set when there was no answer at all */
  transport?: ConnectorTransportFailure;
  /** the platform's own error code (and subcode), e.g. `9007/2207051`, `spam_risk_too_many_posts` */
  platformCode?: string;
  /** what this means for the connection; the health centre and the token workflow act on it */
  health?: HealthSignal;
  /**
   * Do not try again before this ISO time (a daily limit until its window rolls). With kind `rate_limited` the guard
   * waits; with `permanent` it stops and an operator decides.
   */
  retryAt?: string;
}

/**
 * Typed failures so the guard can choose: retry (transient), wait (rate_limited, honouring retryAfter),
 * reconcile first (outcome_unknown: the request may have been applied), or stop (auth, permanent).
 * Messages name the route shape only (`POST /posts`), never ids, queries or bodies: they end up in
 * workflow histories and logs.
 */
export class ConnectorError extends Error {
  constructor(
    readonly kind: ConnectorErrorKind,
    message: string,
    readonly details: ConnectorErrorDetails = {},
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}
