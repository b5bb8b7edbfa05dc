/**
 * ApplicationFailure types that activities throw and workflows read. Names are wire values recorded in
 * histories: never rename one.
 */
export const FAILURE_TYPES = {
  /** the input names objects of another tenant, or no longer matches the stored job (C-05); never retried */
  tenantRefused: 'TenantRefused',
  /**
   * a tenant refusal of the side effect itself: the job's idempotency key is held by another tenant's or account's
   * ledger row (C-05); the input matched its job, so the job is marked failed; never retried
   */
  ledgerTenantRefused: 'LedgerTenantRefused',
  /** the platform said 429; retried after exactly its Retry-After (C-52) */
  rateLimited: 'RateLimited',
  /** the platform refused the credential (401/403); never retried */
  authError: 'AuthError',
  /** the platform refused the request for good (4xx); never retried */
  permanent: 'PermanentPublishError',
  /** a write timed out or got a 5xx: it may have been applied; the next attempt reconciles first */
  outcomeUnknown: 'OutcomeUnknown',
  /** a read or a connection failed before anything was sent */
  transient: 'TransientPublishError',
  /** another attempt holds a live lease on this side effect; retried without calling the platform */
  leaseHeld: 'LeaseHeld',
  /** an unknown outcome is still inside the platform's processing window; look again later before posting */
  settling: 'Settling',
  /** pacing: the account's last side effect was too recent; retried after the gap (C-25) */
  paced: 'Paced',
  /** more than one platform post could be ours: a human decides, nothing is sent again */
  reconcileAmbiguous: 'ReconcileAmbiguous',
  /**
   * the MCP tool gateway refused an episode's tool call (not allowed, disabled for the tenant, over budget…; the
   * gateway's code is in the failure's details); no retry changes the answer, a human does (issue #16)
   */
  gatewayRefused: 'GatewayRefused',
} as const;
export type FailureType = (typeof FAILURE_TYPES)[keyof typeof FAILURE_TYPES];

/** Failure types no retry can fix: a side-effect activity stops at once on these. */
export const NON_RETRYABLE_FAILURES: FailureType[] = [
  FAILURE_TYPES.tenantRefused,
  FAILURE_TYPES.ledgerTenantRefused,
  FAILURE_TYPES.permanent,
  FAILURE_TYPES.authError,
  FAILURE_TYPES.reconcileAmbiguous,
];
