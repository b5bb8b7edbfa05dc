import type { ApiTokenScope } from '../../core/database/entities';

/** Who is making a request; on every request's context. */
export interface Actor {
  userId: string;
  via: 'session' | 'api-token' | 'dev-token';
  sessionId?: string;
  tokenId?: string;
  /** an API token's scopes; sessions and dev tokens carry the user's full roles */
  scopes?: ApiTokenScope[];
}
