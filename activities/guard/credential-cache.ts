import type { EntityManager } from 'typeorm';
import type { ConnectorCredential } from '../../services/core/connectors/connector.types';
import type { CredentialStore } from '../../services/core/secrets/credential-store';

interface Entry {
  value: ConnectorCredential;
  expiresAt: number;
}

/**
 * Reads a credential from the secrets backend once per attempt, not once per call: a guard attempt makes several
 * platform calls with the same token. Entries live a minute; the key includes the owning client, and an entry is
 * filled only through the store's own client-checked lookup (C-11, C-02). A reconnect stores new tokens under a
 * new reference, so it is never served a stale entry; a token the platform refuses (401/403) is forgotten.
 */
export class CredentialCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly store: CredentialStore,
    private readonly ttlMs = 60_000,
    private readonly clock: () => number = Date.now,
  ) {}

  async load(m: EntityManager, clientId: string, credentialRefId: string): Promise<ConnectorCredential> {
    const key = `${clientId}/${credentialRefId}`;
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > this.clock()) return hit.value;
    const tokens = await this.store.loadOAuthTokens(m, clientId, credentialRefId);
    const value = { accessToken: tokens.accessToken };
    if (this.entries.size > 1000) this.entries.clear();
    this.entries.set(key, { value, expiresAt: this.clock() + this.ttlMs });
    return value;
  }

  forget(clientId: string, credentialRefId: string): void {
    this.entries.delete(`${clientId}/${credentialRefId}`);
  }
}
