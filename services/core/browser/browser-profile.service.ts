import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { BROWSER_MODE_REASON_CODES } from '../../../workflows/contracts/vocabulary/browser-lane';
import type { AuditInput, AuditService } from '../audit/audit.service';
import { BrowserProfile, PlatformAccount, type BrowserModeReason } from '../database/entities';
import { MembershipRepository } from '../repositories/membership.repository';
import type { SecretsPort } from '../secrets/secrets.port';
import { browserCheckSchema, type BrowserCheckInput } from './browser-check';
import { existingManifestKey, manifestKey, signManifest, type BrowserManifest } from './browser-manifest';
import { BrowserProfileError, type BrowserProfileErrorCode } from './browser-profile.errors';
import { BrowserProfileRepository, type ProfileRef } from './browser-profile.repository';
import {
  checkManifest,
  readOnlyReset,
  REATTACHED_REASON,
  toView,
  type BrowserProfileView,
  type ManifestProblem,
} from './browser-profile.view';
import { ProfileVault } from './profile-vault';
import { InvalidStorageStateError, parseStorageState, type StorageState } from './storage-state.schema';

export type { BrowserProfileView } from './browser-profile.view';

export interface BrowserProfileServiceDeps {
  /** the tenant-scoped DataSource: every method runs in the caller's scope, so row-level security applies too */
  ds: DataSource;
  secrets: SecretsPort;
  audit: Pick<AuditService, 'append'>;
  now?: () => Date;
}

export interface AttachBrowserProfileInput {
  agencyId: string;
  clientId: string;
  platformAccountId: string;
  /** what the operator uploaded: a storage state object or its JSON text; validated here */
  storageState: unknown;
  /** the name the page shows next to the handle, when the operator gives it (checked by the runner, C-41) */
  displayName?: string | null;
  actorId: string;
}

const uuid = z.uuid();
const ref = z.object({ clientId: uuid, profileId: uuid });
const attachIds = z.object({ agencyId: uuid, clientId: uuid, platformAccountId: uuid, actorId: uuid });
const displayNameSchema = z.string().trim().max(300).nullish();
const noteSchema = z.string().trim().max(500).nullish();
/** `user:<id>`, `system:<component>` or `workflow:<id>`, as the audit trail names actors. */
const actorSchema = z.string().regex(/^(user|system|workflow):[A-Za-z0-9._:/-]{1,300}$/);
const reasonSchema = z.object({ code: z.enum(BROWSER_MODE_REASON_CODES), message: z.string().trim().min(1).max(500) });

type Step = 'request' | 'approve';
type Outcome<T> = { ok: T } | { refused: BrowserProfileErrorCode };

/**
 * A client account's browser profile (issue #17): its encrypted session (C-40), its signed manifest (C-41) and its
 * mode, switched to side effects only by two different Admins (C-42; checked here, not only in the API). Every
 * mutation is audited in the transaction that makes it; refusals are audited and committed before they are thrown.
 */
export class BrowserProfileService {
  private readonly repo = new BrowserProfileRepository();
  private readonly memberships = new MembershipRepository();
  private readonly vault: ProfileVault;

  constructor(private readonly deps: BrowserProfileServiceDeps) {
    this.vault = new ProfileVault(deps.secrets);
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /**
   * Attaches (or replaces) the session of an account of the client. The manifest is built from the account's stored
   * identity, never from the upload. A re-attach resets the mode to read-only: new cookies are new trust.
   */
  async attach(input: AttachBrowserProfileInput): Promise<BrowserProfileView> {
    const ids = attachIds.safeParse(input);
    if (!ids.success) throw new BrowserProfileError('not_found');
    const { agencyId, clientId, platformAccountId, actorId } = ids.data;
    const displayName = displayNameSchema.safeParse(input.displayName);
    if (!displayName.success)
      throw new BrowserProfileError('invalid_state', 'The display name is too long (300 characters at most).');
    const state = storageStateOf(input.storageState);
    const key = await manifestKey(this.deps.ds, this.deps.secrets);

    // First drop any side-effect trust the old session had, committed before the new session is written: a failure
    // later can leave new cookies under the old manifest, never under side effects.
    const prepared = await this.deps.ds.transaction(async (m) => {
      const account = await m.findOne(PlatformAccount, { where: { id: platformAccountId, clientId, agencyId } });
      if (!account) return null;
      const existing = await this.repo.byAccount(m, { clientId, platformAccountId }, true);
      if (existing && (existing.mode !== 'read_only' || existing.sideEffectsRequestedBy))
        await this.repo.update(m, this.refOf(existing), { ...readOnlyReset(REATTACHED_REASON), updatedAt: this.now() });
      return { profileId: existing?.id ?? randomUUID(), previousMode: existing?.mode ?? null };
    });
    if (!prepared) throw new BrowserProfileError('not_found');
    const { profileId } = prepared;
    const secretKey = await this.vault.store({ clientId, profileId }, state);
    try {
      const row = await this.deps.ds.transaction(async (m) => {
        const account = await m.findOne(PlatformAccount, { where: { id: platformAccountId, clientId, agencyId } });
        if (!account) throw new BrowserProfileError('not_found');
        const existing = await this.repo.byAccount(m, { clientId, platformAccountId }, true);
        if (existing && existing.id !== profileId)
          throw new Error('the browser profile was replaced while attaching: try again');
        const now = this.now();
        const manifest: BrowserManifest = {
          v: 1,
          profileId,
          platformAccountId,
          clientId,
          agencyId,
          platform: account.platform,
          externalAccountId: account.externalAccountId,
          handle: account.handle,
          displayName: displayName.data || null,
          issuedAt: now.toISOString(),
        };
        const fields = {
          secretKey,
          manifest: { ...manifest },
          manifestSignature: signManifest(key, manifest),
          ...readOnlyReset(existing ? REATTACHED_REASON : null),
          lastCheck: null,
          lastCheckAt: null,
          updatedAt: now,
        };
        if (existing) await this.repo.update(m, this.refOf(existing), fields);
        else
          await this.repo.insert(
            m,
            m.create(BrowserProfile, {
              ...fields,
              id: profileId,
              agencyId,
              clientId,
              platformAccountId,
              platform: account.platform,
              runnerId: null,
              selectorMapVersion: null,
              createdBy: actorId,
              createdAt: now,
            }),
          );
        // Counts only: the audit trail never holds a cookie, a local storage entry or anything of the session.
        await this.audit(m, { agencyId, clientId, profileId }, `user:${actorId}`, 'browser.profile_attached', {
          platformAccountId,
          platform: account.platform,
          reattached: !!existing,
          previousMode: prepared.previousMode,
          cookies: state.cookies.length,
          origins: state.origins.length,
        });
        return (await this.repo.byId(m, { clientId, profileId }))!;
      });
      return toView(row, key);
    } catch (err) {
      // A session no row points at must not outlive the failed write (a re-attach's row still points at it).
      const kept = await this.deps.ds.manager.findOne(BrowserProfile, { where: { id: profileId, clientId } });
      if (!kept) await this.vault.remove(secretKey).catch(() => undefined);
      throw err;
    }
  }

  /** One Admin asks for side effects (C-42); a different Admin must approve. */
  async requestSideEffects(input: {
    clientId: string;
    profileId: string;
    actorId: string;
    note?: string | null;
  }): Promise<BrowserProfileView> {
    const note = noteSchema.safeParse(input.note);
    if (!note.success) throw new BrowserProfileError('invalid_state', 'The note is too long (500 characters at most).');
    return this.decide('request', input, async (m, row) => {
      if (row.mode === 'side_effects') return { refused: 'already_enabled' };
      if (!(await this.isAdmin(m, input.actorId, row.agencyId))) return { refused: 'not_admin' };
      const now = this.now();
      await this.repo.update(m, this.refOf(row), {
        sideEffectsRequestedBy: input.actorId,
        sideEffectsRequestedAt: now,
        sideEffectsNote: note.data || null,
        sideEffectsApprovedBy: null,
        sideEffectsApprovedAt: null,
        updatedAt: now,
      });
      await this.audit(m, row, `user:${input.actorId}`, 'browser.side_effects_requested', {
        platformAccountId: row.platformAccountId,
        note: note.data || null,
      });
      return { ok: undefined };
    });
  }

  /** A second, different Admin approves: only then does the profile act on the platform (C-42). */
  async approveSideEffects(input: {
    clientId: string;
    profileId: string;
    actorId: string;
  }): Promise<BrowserProfileView> {
    return this.decide('approve', input, async (m, row) => {
      if (row.mode === 'side_effects') return { refused: 'already_enabled' };
      const requester = row.sideEffectsRequestedBy;
      if (!requester) return { refused: 'no_request' };
      if (!(await this.isAdmin(m, input.actorId, row.agencyId))) return { refused: 'not_admin' };
      if (requester === input.actorId) return { refused: 'same_admin' };
      // The requester's role is read again now: an Admin demoted since asking no longer counts as the first Admin.
      if (!(await this.isAdmin(m, requester, row.agencyId))) return { refused: 'not_admin' };
      const now = this.now();
      await this.repo.update(m, this.refOf(row), {
        mode: 'side_effects',
        modeReason: null,
        sideEffectsApprovedBy: input.actorId,
        sideEffectsApprovedAt: now,
        updatedAt: now,
      });
      await this.audit(m, row, `user:${input.actorId}`, 'browser.side_effects_enabled', {
        platformAccountId: row.platformAccountId,
        requestedBy: requester,
        approvedBy: input.actorId,
      });
      return { ok: undefined };
    });
  }

  /**
   * Back to read-only (the runner on drift or a challenge, C-43, or an Admin), clearing any request and approval:
   * side effects need two Admins again. `actor`: `system:<component>`, `workflow:<id>` or `user:<id>` (an Admin).
   */
  async setReadOnly(input: {
    clientId: string;
    profileId: string;
    actor: string;
    reason: BrowserModeReason;
  }): Promise<BrowserProfileView> {
    const ids = ref.safeParse(input);
    const actor = actorSchema.safeParse(input.actor);
    const reason = reasonSchema.safeParse(input.reason);
    if (!ids.success) throw new BrowserProfileError('not_found');
    if (!actor.success || !reason.success) throw new Error('setReadOnly needs an audit actor and a known reason code');
    const row = await this.deps.ds.transaction(async (m) => {
      const row = await this.repo.byId(m, ids.data, true);
      if (!row) throw new BrowserProfileError('not_found');
      const userId = actor.data.startsWith('user:') ? actor.data.slice('user:'.length) : null;
      if (userId && !(uuid.safeParse(userId).success && (await this.isAdmin(m, userId, row.agencyId))))
        throw new BrowserProfileError('not_admin', 'Only Admins of the agency can put a browser profile in read-only.');
      const changed =
        row.mode !== 'read_only' || !!row.sideEffectsRequestedBy || row.modeReason?.code !== reason.data.code;
      // A runner repeating the same stop changes nothing and records nothing more.
      if (!changed) return row;
      await this.repo.update(m, ids.data, { ...readOnlyReset(reason.data), updatedAt: this.now() });
      await this.audit(m, row, actor.data, 'browser.profile_read_only', {
        platformAccountId: row.platformAccountId,
        reason: reason.data.code,
        previousMode: row.mode,
        clearedRequest: !!row.sideEffectsRequestedBy,
      });
      return (await this.repo.byId(m, ids.data))!;
    });
    return toView(row, await existingManifestKey(this.deps.secrets));
  }

  /** Removes the session from the secrets backend and the row; once this returns, the cookies are gone. */
  async detach(input: { clientId: string; profileId: string; actorId: string }): Promise<void> {
    const ids = ref.safeParse(input);
    if (!ids.success) throw new BrowserProfileError('not_found');
    await this.deps.ds.transaction(async (m) => {
      const row = await this.repo.byId(m, ids.data, true);
      if (!row) throw new BrowserProfileError('not_found');
      await this.repo.remove(m, ids.data);
      await this.audit(m, row, `user:${input.actorId}`, 'browser.profile_detached', {
        platformAccountId: row.platformAccountId,
        platform: row.platform,
      });
      // Last before the commit: if the secret cannot be deleted nothing is, and the operator can try again.
      await this.vault.remove(this.vault.keyFor(ids.data));
    });
  }

  /** The account's profile as the API shows it, or null; never the session. */
  async view(m: EntityManager, q: { clientId: string; platformAccountId: string }): Promise<BrowserProfileView | null> {
    if (!uuid.safeParse(q.clientId).success || !uuid.safeParse(q.platformAccountId).success) return null;
    const row = await this.repo.byAccount(m, q);
    return row ? toView(row, await existingManifestKey(this.deps.secrets)) : null;
  }

  /** The client's profiles, oldest first. */
  async list(m: EntityManager, q: { clientId: string }): Promise<BrowserProfileView[]> {
    if (!uuid.safeParse(q.clientId).success) return [];
    const rows = await this.repo.listForClient(m, q.clientId);
    const key = rows.length ? await existingManifestKey(this.deps.secrets) : undefined;
    return rows.map((r) => toView(r, key));
  }

  /**
   * The session for one action, handed out only after the manifest checked out (C-41): an unsigned, altered or
   * misbound manifest is audited (`browser.manifest_refused`) and refused. Call it outside a transaction of your own,
   * or the refusal's audit event rolls back with it.
   */
  async openForAction(
    m: EntityManager,
    q: { clientId: string; profileId: string },
  ): Promise<{ profile: BrowserProfileView; manifest: BrowserManifest; state: StorageState }> {
    const ids = ref.safeParse(q);
    if (!ids.success) throw new BrowserProfileError('not_found');
    const row = await this.repo.byId(m, ids.data);
    if (!row) throw new BrowserProfileError('not_found');
    const key = await existingManifestKey(this.deps.secrets);
    const checked = checkManifest(row, key);
    if ('problem' in checked) return this.refuseManifest(m, row, checked.problem);
    // The row's secret key is database data too: it must be this profile's own.
    if (row.secretKey !== this.vault.keyFor(ids.data)) return this.refuseManifest(m, row, 'secret_key_mismatch');
    let state: StorageState;
    try {
      state = await this.vault.open(row.secretKey);
    } catch {
      // Missing, sealed under another master key, or not a storage state: the causes' messages stay in the backend.
      throw new BrowserProfileError('profile_unreadable');
    }
    return { profile: toView(row, key), manifest: checked.manifest, state };
  }

  /** Stores a runner's self-check as the profile's last check (and the selector map version it ran with). */
  async recordCheck(input: {
    clientId: string;
    profileId: string;
    check: BrowserCheckInput;
    selectorMapVersion?: string | null;
  }): Promise<void> {
    const ids = ref.safeParse(input);
    if (!ids.success) throw new BrowserProfileError('not_found');
    const check = browserCheckSchema.parse(input.check);
    const version = z.string().max(100).nullish().parse(input.selectorMapVersion);
    await this.deps.ds.transaction(async (m) => {
      const row = await this.repo.byId(m, ids.data, true);
      if (!row) throw new BrowserProfileError('not_found');
      await this.repo.update(m, ids.data, {
        lastCheck: check,
        lastCheckAt: this.now(),
        ...(version !== undefined ? { selectorMapVersion: version } : {}),
      });
    });
  }

  /** Audits the refusal in a transaction of its own (a savepoint inside the caller's), then refuses (C-41). */
  private async refuseManifest(
    m: EntityManager,
    row: BrowserProfile,
    problem: ManifestProblem | 'secret_key_mismatch',
  ): Promise<never> {
    await m.transaction((tm) =>
      this.audit(tm, row, 'system:browser-profiles', 'browser.manifest_refused', {
        platformAccountId: row.platformAccountId,
        problem,
      }),
    );
    throw new BrowserProfileError('manifest_invalid');
  }

  /**
   * The two-Admin steps: locks the profile, runs `body`, audits and commits a refusal before throwing it, so every
   * outcome is on the trail (C-42, C-48).
   */
  private async decide(
    step: Step,
    input: { clientId: string; profileId: string; actorId: string },
    body: (m: EntityManager, row: BrowserProfile) => Promise<Outcome<undefined>>,
  ): Promise<BrowserProfileView> {
    const ids = ref.safeParse(input);
    if (!ids.success || !uuid.safeParse(input.actorId).success) throw new BrowserProfileError('not_found');
    const result = await this.deps.ds.transaction(async (m): Promise<Outcome<BrowserProfile>> => {
      const row = await this.repo.byId(m, ids.data, true);
      if (!row) {
        await this.auditMissing(m, ids.data, input.actorId, step);
        return { refused: 'not_found' };
      }
      const outcome = await body(m, row);
      if ('refused' in outcome) {
        await this.audit(m, row, `user:${input.actorId}`, 'browser.side_effects_refused', {
          step,
          code: outcome.refused,
          platformAccountId: row.platformAccountId,
          requestedBy: row.sideEffectsRequestedBy,
        });
        return outcome;
      }
      return { ok: (await this.repo.byId(m, ids.data))! };
    });
    if ('refused' in result) throw new BrowserProfileError(result.refused);
    return toView(result.ok, await existingManifestKey(this.deps.secrets));
  }

  /** A refusal for a profile the scope cannot see, on the client's own trail when the scope can see the client. */
  private async auditMissing(m: EntityManager, ids: ProfileRef, actorId: string, step: Step): Promise<void> {
    const rows: { agency_id: string }[] = await m.query('SELECT agency_id FROM clients WHERE id = $1', [ids.clientId]);
    if (!rows[0]) return;
    await this.audit(
      m,
      { agencyId: rows[0].agency_id, clientId: ids.clientId, profileId: ids.profileId },
      `user:${actorId}`,
      'browser.side_effects_refused',
      { step, code: 'not_found' },
    );
  }

  private async isAdmin(m: EntityManager, userId: string, agencyId: string): Promise<boolean> {
    return (await this.memberships.agencyRoles(m, { userId, agencyId })).includes('Admin');
  }

  private refOf(row: BrowserProfile): ProfileRef {
    return { clientId: row.clientId, profileId: row.id };
  }

  private async audit(
    m: EntityManager,
    subject: { agencyId: string; clientId: string; id?: string; profileId?: string },
    actor: string,
    action: AuditInput['action'],
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.deps.audit.append(
      {
        agencyId: subject.agencyId,
        clientId: subject.clientId,
        actor,
        action,
        subjectType: 'browser_profile',
        subjectId: subject.profileId ?? subject.id!,
        data,
      },
      m,
    );
  }
}

function storageStateOf(input: unknown): StorageState {
  try {
    return parseStorageState(input);
  } catch (err) {
    if (err instanceof InvalidStorageStateError) throw new BrowserProfileError('invalid_state', err.message);
    throw err;
  }
}
