export type ConnectorErrorKind = 'auth' | 'rate_limited' | 'transient' | 'permanent' | 'outcome_unknown' | 'not_found';

/**
 * Typed failures so the guard can choose: retry (transient), wait (rate_limited, honouring retryAfter),
 * reconcile first (outcome_unknown: the request may have been applied), or stop (auth, permanent).
 */
export class ConnectorError extends Error {
  constructor(
    readonly kind: ConnectorErrorKind,
    message: string,
    readonly details: { status?: number; retryAfterSeconds?: number; requestId?: string } = {},
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}
