import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import type { AuditService } from '../../audit/audit.service';
import { ProviderCredentialRow } from '../../database/entities';
import { readOptionalSecret, type SecretsPort } from '../../secrets/secrets.port';
import { PROVIDER_IDS, type ProviderCredential, type ProviderId } from '../provider.types';
import { keyFingerprint } from './key-fingerprint';
import { ProviderCredentialRepository, type KeyRef } from './provider-credential.repository';
import { InvalidProviderKeyError, NoProviderKeyError } from './provider-key.errors';

/** Providers that take a key (the local one needs none). */
export const KEYED_PROVIDERS = PROVIDER_IDS.filter((p) => p !== 'local') as Exclude<ProviderId, 'local'>[];

const uuid = z.string().uuid();
const setKeySchema = z.object({
  agencyId: uuid,
  clientId: uuid.nullable(),
  provider: z.enum(KEYED_PROVIDERS as [Exclude<ProviderId, 'local'>, ...Exclude<ProviderId, 'local'>[]]),
  // Vendors' keys are printable ASCII without spaces; the messages name the rule, never the value.
  apiKey: z
    .string()
    .min(8, 'the key is too short (8 characters at least)')
    .max(512, 'the key is too long (512 characters at most)')
    .regex(/^[\x21-\x7e]+$/, 'the key may hold printable characters only, without spaces'),
  actorId: uuid,
});
const storedKeySchema = z.object({ apiKey: z.string().min(1) });

/** Checked with zod inside (provider, key format, ids): callers may pass what they were given. */
export interface SetProviderKeyInput {
  agencyId: string;
  clientId: string | null;
  provider: string;
  apiKey: string;
  actorId: string;
}
export interface ProviderKeyView {
  provider: ProviderId;
  scope: 'client' | 'agency';
  setAt: Date;
}

/**
 * BYOK keys (C-11): written once through the secrets port, referenced by a CredentialRef, never read back out of
 * this class except by `resolve`, which hands the key to the one call that needs it. Every method runs in the
 * caller's tenant scope (an operator's request or a client's background work), so row-level security applies too.
 */
export class ProviderKeyService {
  private readonly repo = new ProviderCredentialRepository();

  constructor(private readonly deps: { ds: DataSource; secrets: SecretsPort; audit: AuditService }) {}

  /** Stores (or rotates) a key; the same key again changes nothing. Returns what the API may show: no key material. */
  async setKey(input: SetProviderKeyInput): Promise<ProviderKeyView & { changed: boolean }> {
    const parsed = setKeySchema.safeParse(input);
    if (!parsed.success)
      throw new InvalidProviderKeyError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const { agencyId, clientId, provider, apiKey, actorId } = parsed.data;
    const owner = { agencyId, clientId };
    const scope = clientId ? 'client' : 'agency';
    const fingerprint = keyFingerprint(apiKey);

    const secretKey = `${clientId ? `clients/${clientId}` : `agencies/${agencyId}`}/provider-keys/${provider}/${randomUUID()}`;
    await this.deps.secrets.put(secretKey, JSON.stringify({ apiKey }));
    let retired: string | undefined;
    try {
      const result = await this.deps.ds.transaction(async (m) => {
        const existing = await this.repo.current(m, owner, provider);
        if (existing?.row.fingerprint === fingerprint)
          return { provider, scope, setAt: existing.row.setAt, changed: false } as const;
        const refs: { id: string }[] = await m.query(
          `INSERT INTO credential_refs (agency_id, client_id, kind, backend, secret_key)
           VALUES ($1, $2, 'provider_key', $3, $4) RETURNING id`,
          [agencyId, clientId, this.deps.secrets.backend, secretKey],
        );
        const setAt = new Date();
        if (existing) {
          await m.query('UPDATE credential_refs SET rotated_at = now() WHERE id = $1', [existing.ref.id]);
          await m.update(
            ProviderCredentialRow,
            { id: existing.row.id },
            { credentialRefId: refs[0].id, fingerprint, setBy: actorId, setAt },
          );
          retired = existing.ref.secretKey;
        } else {
          await m.insert(ProviderCredentialRow, {
            agencyId,
            clientId,
            provider,
            credentialRefId: refs[0].id,
            fingerprint,
            setBy: actorId,
            setAt,
          });
        }
        await this.deps.audit.append(
          {
            agencyId,
            clientId,
            actor: `user:${actorId}`,
            action: 'provider_key.set',
            subjectType: 'provider_key',
            subjectId: refs[0].id,
            data: { provider, scope, rotated: !!existing },
          },
          m,
        );
        return { provider, scope, setAt, changed: true } as const;
      });
      if (!result.changed) await this.deps.secrets.delete(secretKey);
      // The old key's value goes once the new reference is committed; calls under way already hold it.
      if (retired) await this.deps.secrets.delete(retired).catch(() => undefined);
      return result;
    } catch (err) {
      // Nothing was recorded: the value written first must not outlive the failed write.
      await this.deps.secrets.delete(secretKey).catch(() => undefined);
      throw err;
    }
  }

  /** Removes a key (its reference is kept, marked retired, for the usage rows that name it). */
  async removeKey(input: {
    agencyId: string;
    clientId: string | null;
    provider: ProviderId;
    actorId: string;
  }): Promise<boolean> {
    let retired: string | undefined;
    const removed = await this.deps.ds.transaction(async (m) => {
      const existing = await this.repo.current(m, input, input.provider);
      if (!existing) return false;
      await m.delete(ProviderCredentialRow, { id: existing.row.id });
      await m.query('UPDATE credential_refs SET rotated_at = now() WHERE id = $1', [existing.ref.id]);
      await this.deps.audit.append(
        {
          agencyId: input.agencyId,
          clientId: input.clientId,
          actor: `user:${input.actorId}`,
          action: 'provider_key.removed',
          subjectType: 'provider_key',
          subjectId: existing.ref.id,
          data: { provider: input.provider, scope: input.clientId ? 'client' : 'agency' },
        },
        m,
      );
      retired = existing.ref.secretKey;
      return true;
    });
    if (retired) await this.deps.secrets.delete(retired).catch(() => undefined);
    return removed;
  }

  /** The keys in effect for a client: its own, and its agency's fallbacks (provider, scope and date only). */
  async listForClient(m: EntityManager, owner: { agencyId: string; clientId: string }): Promise<ProviderKeyView[]> {
    const own = await this.repo.clientKeys(m, owner.clientId);
    const agency = await this.repo.agencyKeys(m, owner.clientId, owner.agencyId);
    return [
      ...own.map((r) => ({ provider: r.provider as ProviderId, scope: 'client' as const, setAt: r.setAt })),
      ...agency.map((r) => ({ provider: r.provider, scope: r.scope, setAt: r.setAt })),
    ].sort((a, b) => a.provider.localeCompare(b.provider) || a.scope.localeCompare(b.scope));
  }

  /** The agency's own fallback keys (for agency-level operators; RLS shows them to nobody else). */
  async listForAgency(m: EntityManager, agencyId: string): Promise<ProviderKeyView[]> {
    const rows = await m.find(ProviderCredentialRow, { where: { agencyId }, order: { provider: 'ASC' } });
    return rows
      .filter((r) => r.clientId === null)
      .map((r) => ({ provider: r.provider as ProviderId, scope: 'agency', setAt: r.setAt }));
  }

  /**
   * The key for one call: the client's own, else its agency's fallback, never another client's (the query names the
   * client on both the row and its CredentialRef, under row-level security). Throws NoProviderKeyError.
   */
  async resolve(input: { agencyId: string; clientId: string; provider: ProviderId }): Promise<ProviderCredential> {
    if (input.provider === 'local') return { provider: 'local', apiKey: '', credentialRefId: 'local', scope: 'local' };
    const m = this.deps.ds.manager;
    const ref: KeyRef | undefined =
      (await this.repo.clientKey(m, input.clientId, input.provider)) ??
      (await this.repo.agencyKeys(m, input.clientId, input.agencyId)).find((k) => k.provider === input.provider);
    if (!ref) throw new NoProviderKeyError(input.provider);
    const raw = await readOptionalSecret(this.deps.secrets, ref.secretKey);
    if (raw === undefined) throw new NoProviderKeyError(input.provider);
    const { apiKey } = storedKeySchema.parse(JSON.parse(raw));
    return { provider: input.provider, apiKey, credentialRefId: ref.credentialRefId, scope: ref.scope };
  }
}
