// Issuing OAuth access / refresh token pairs. Only SHA-256 hashes of tokens are stored.
import { randomToken, sha256Hex } from './secrets';
import type { SandboxDeps } from './deps';
import type { TokenResponse } from './sandbox.types';

export interface IssueTokensInput {
  userId: string;
  clientId: string;
  scope: string;
  grantId: string;
  expiresInSeconds?: number;
}

export function issueTokens(deps: SandboxDeps, input: IssueTokensInput): TokenResponse {
  const { store } = deps;
  const now = store.now();
  const expiresIn = input.expiresInSeconds ?? deps.accessTokenTtlSeconds;
  const accessToken = randomToken();
  const refreshToken = randomToken();
  store.mutate((state) => {
    // Drop long-expired access tokens and used / expired codes so the state does not grow forever.
    state.tokens = state.tokens.filter((t) => t.expiresAt === null || t.expiresAt > now - 3600_000);
    state.authCodes = state.authCodes.filter((c) => c.expiresAt > now - 600_000);
    const base = { userId: input.userId, clientId: input.clientId, scope: input.scope, grantId: input.grantId };
    state.tokens.push({
      ...base,
      tokenHash: sha256Hex(accessToken),
      kind: 'access',
      expiresAt: now + expiresIn * 1000,
    });
    state.tokens.push({ ...base, tokenHash: sha256Hex(refreshToken), kind: 'refresh', expiresAt: null });
  });
  return {
    access_token: accessToken,
    refresh_token: refreshToken,
    token_type: 'Bearer',
    expires_in: expiresIn,
    scope: input.scope,
  };
}

/** Revokes every token issued under a grant (authorization code reuse). */
export function revokeGrant(deps: SandboxDeps, grantId: string): void {
  deps.store.mutate((state) => {
    state.tokens = state.tokens.filter((t) => t.grantId !== grantId);
  });
}
