import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { CredentialRef } from '../database/entities';
import type { SecretsPort } from './secrets.port';

const oauthTokensSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().optional(),
  expiresAt: z.string().optional(),
  refreshExpiresAt: z.string().optional(),
  issuedAt: z.string().optional(),
  scope: z.string().optional(),
});
export type OAuthTokens = z.infer<typeof oauthTokensSchema>;

/** A pair just written under a new key: the reference points at it; the old secret goes once the caller commits. */
export interface RotatedTokens {
  ref: CredentialRef;
  tokens: OAuthTokens;
  /** deletes the previous pair's secret; call it only after the transaction that repointed the reference committed */
  retire: () => Promise<void>;
}

/** Stores a client's platform tokens in the secrets backend and only the reference in the database. */
export class CredentialStore {
  constructor(private readonly secrets: SecretsPort) {}

  async saveOAuthTokens(
    m: EntityManager,
    owner: { agencyId: string; clientId: string },
    tokens: OAuthTokens,
  ): Promise<CredentialRef> {
    const secretKey = this.newKey(owner.clientId);
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
    return this.read(ref);
  }

  /**
   * Locks the reference row (SELECT … FOR UPDATE, in the caller's transaction) and reads the pair it points at now.
   * Two workers refreshing at once queue here: the second reads the pair the first rotated, never the one the first
   * already spent (a platform that rotates refresh tokens voids the old one at its first use).
   */
  async lockOAuthTokens(
    m: EntityManager,
    clientId: string,
    credentialRefId: string,
  ): Promise<{ ref: CredentialRef; tokens: OAuthTokens }> {
    const ref = await m.findOne(CredentialRef, {
      where: { id: credentialRefId, clientId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!ref) throw new Error('credential reference not found for this client');
    return { ref, tokens: await this.read(ref) };
  }

  /**
   * Writes the new pair under a NEW secret key, then points the reference at it in the caller's transaction. A
   * crash before the commit leaves the reference on the old pair (and an unreferenced new secret); after it, on the
   * new one: never on neither, and never on a half-written value. A pair without a refresh token keeps the current
   * one: a platform that answers a refresh without one still honours the old one, so it must not be wiped.
   */
  async rotateOAuthTokens(m: EntityManager, ref: CredentialRef, next: OAuthTokens): Promise<RotatedTokens> {
    const current = await this.read(ref);
    const tokens = oauthTokensSchema.parse({ ...next, refreshToken: next.refreshToken ?? current.refreshToken });
    const previousKey = ref.secretKey;
    const secretKey = this.newKey(ref.clientId);
    await this.secrets.put(secretKey, JSON.stringify(tokens));
    const rotatedAt = new Date();
    const moved = await m.update(
      CredentialRef,
      { id: ref.id, clientId: ref.clientId, secretKey: previousKey },
      { secretKey, rotatedAt, backend: this.secrets.backend },
    );
    if (!moved.affected) {
      // Someone repointed the reference meanwhile (the caller did not hold its lock): keep theirs, drop ours.
      await this.secrets.delete(secretKey);
      throw new Error('the credential reference changed while its tokens were being rotated');
    }
    return {
      ref: Object.assign(ref, { secretKey, rotatedAt, backend: this.secrets.backend }),
      tokens,
      retire: () => this.secrets.delete(previousKey),
    };
  }

  private async read(ref: CredentialRef): Promise<OAuthTokens> {
    return oauthTokensSchema.parse(JSON.parse(await this.secrets.get(ref.secretKey)));
  }

  private newKey(clientId: string): string {
    return `clients/${clientId}/credentials/${randomUUID()}`;
  }
}
