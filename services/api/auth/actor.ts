import type { ApiTokenScope } from '../../core/database/entities';

/** Who is making a request; on every request's context. */
export interface Actor {
  userId: string;
  via: 'session' | 'api-token' | 'dev-token';
  sessionId?: string;
  tokenId?: string;
  /** an API token's scopes; sessions and dev tokens carry the user's full roles */
  scopes?: ApiTokenScope[];
  /**
   * Platform staff (global kill switch, payload decoding, Temporal links): read from the database by ActorGuard
   * (raize_staff()), never from a header or a membership; an API token has it only with the `staff` scope.
   * Absent means no (C-04, C-14).
   */
  staff?: boolean;
}
