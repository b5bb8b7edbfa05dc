import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { CredentialRef } from '../database/entities';
import type { SecretsPort } from './secrets.port';

const oauthTokensSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().optional(),
  expiresAt: z.string().optional(),
});
export type OAuthTokens = z.infer<typeof oauthTokensSchema>;

/** Stores a client's platform tokens in the secrets backend and only the reference in the database. */
export class CredentialStore {
  constructor(private readonly secrets: SecretsPort) {}

  async saveOAuthTokens(
    m: EntityManager,
    owner: { agencyId: string; clientId: string },
    tokens: OAuthTokens,
  ): Promise<CredentialRef> {
    const secretKey = `clients/${owner.clientId}/credentials/${randomUUID()}`;
    await this.secrets.put(secretKey, JSON.stringify(oauthTokensSchema.parse(tokens)));
    return m.save(
      CredentialRef,
      m.create(CredentialRef, {
        agencyId: owner.agencyId,
        clientId: owner.clientId,
        kind: 'oauth_tokens',
        backend: this.secrets.backend,
        secretKey,
      }),
    );
  }

  /** Reads a credential only for the client that owns the reference. */
  async loadOAuthTokens(m: EntityManager, clientId: string, credentialRefId: string): Promise<OAuthTokens> {
    const ref = await m.findOne(CredentialRef, { where: { id: credentialRefId, clientId } });
    if (!ref) throw new Error('credential reference not found for this client');
    return oauthTokensSchema.parse(JSON.parse(await this.secrets.get(ref.secretKey)));
  }
}
