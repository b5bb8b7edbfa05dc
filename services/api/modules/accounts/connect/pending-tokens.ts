import { z } from 'zod';
import type { OAuthTokens } from '../../../../core/connectors/connector.types';
import type { SecretsPort } from '../../../../core/secrets/secrets.port';

const tokensSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().optional(),
  expiresAt: z.string().optional(),
  refreshExpiresAt: z.string().optional(),
  issuedAt: z.string().optional(),
  scope: z.string().optional(),
});

/**
 * Tokens between the code exchange and the operator's confirmation (C-11, C-12): in the secrets backend only,
 * under a key named by the attempt; the database holds the key, never the tokens.
 */
export class PendingTokens {
  constructor(private readonly secrets: SecretsPort) {}

  refFor(attemptId: string): string {
    return `oauth/pending/${attemptId}`;
  }

  async hold(attemptId: string, tokens: OAuthTokens): Promise<string> {
    const ref = this.refFor(attemptId);
    await this.secrets.put(ref, JSON.stringify(tokensSchema.parse(tokens)));
    return ref;
  }

  async read(ref: string): Promise<OAuthTokens> {
    return tokensSchema.parse(JSON.parse(await this.secrets.get(ref)));
  }

  /** Deletes every secret an attempt left behind (verifier, held tokens); deleting twice is harmless. */
  async forget(...refs: (string | null | undefined)[]): Promise<void> {
    for (const ref of refs) if (ref) await this.secrets.delete(ref);
  }
}
