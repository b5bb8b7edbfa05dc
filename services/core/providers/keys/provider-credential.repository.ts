import type { EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import { CredentialRef, ProviderCredentialRow } from '../../database/entities';
import type { ProviderId } from '../provider.types';

/** A key's reference as resolution needs it: where its secret is and whose it is. */
export interface KeyRef {
  provider: ProviderId;
  credentialRefId: string;
  secretKey: string;
  setAt: Date;
  scope: 'client' | 'agency';
}

/** Rows of `provider_credentials` and their CredentialRefs; every read is under the caller's tenant scope (RLS). */
export class ProviderCredentialRepository {
  /** The client's own key: the row must name the client AND its CredentialRef must belong to the client too. */
  async clientKey(m: EntityManager, clientId: string, provider: ProviderId): Promise<KeyRef | null> {
    const rows: { credential_ref_id: string; secret_key: string; set_at: Date }[] = await m.query(
      `SELECT k.credential_ref_id, r.secret_key, k.set_at
       FROM provider_credentials k JOIN credential_refs r ON r.id = k.credential_ref_id
       WHERE k.client_id = $1 AND k.provider = $2 AND r.client_id = $1 AND r.rotated_at IS NULL`,
      [clientId, provider],
    );
    const r = rows[0];
    return r
      ? { provider, credentialRefId: r.credential_ref_id, secretKey: r.secret_key, setAt: r.set_at, scope: 'client' }
      : null;
  }

  /** The agency fallbacks that apply to a client in scope (security-definer: agency rows of the client's agency only). */
  async agencyKeys(m: EntityManager, clientId: string, agencyId: string): Promise<KeyRef[]> {
    const rows: {
      provider: ProviderId;
      credential_ref_id: string;
      secret_key: string;
      agency_id: string;
      set_at: Date;
    }[] = await m.query('SELECT * FROM raize_agency_provider_keys($1)', [clientId]);
    return rows
      .filter((r) => r.agency_id === agencyId)
      .map((r) => ({
        provider: r.provider,
        credentialRefId: r.credential_ref_id,
        secretKey: r.secret_key,
        setAt: r.set_at,
        scope: 'agency' as const,
      }));
  }

  async clientKeys(m: EntityManager, clientId: string): Promise<ProviderCredentialRow[]> {
    return m.find(ProviderCredentialRow, { where: { clientId }, order: { provider: 'ASC' } });
  }

  /** The row for (owner, provider), locked for a rotation; clientId null is the agency's fallback. */
  async current(
    m: EntityManager,
    owner: { agencyId: string; clientId: string | null },
    provider: ProviderId,
  ): Promise<{ row: ProviderCredentialRow; ref: CredentialRef } | null> {
    const row = await m.findOne(ProviderCredentialRow, {
      where: { agencyId: owner.agencyId, clientId: owner.clientId ?? IsNull(), provider },
      lock: { mode: 'pessimistic_write' },
    });
    if (!row) return null;
    const ref = await m.findOneOrFail(CredentialRef, { where: { id: row.credentialRefId } });
    return { row, ref };
  }
}
