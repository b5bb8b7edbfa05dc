import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../core/audit/audit.service';
import { BROWSER_STOP_MESSAGES } from '../../../../workflows/contracts/vocabulary/browser-lane';
import { BrowserProfileService } from '../../../core/browser/browser-profile.service';
import type { BrowserProfileView } from '../../../core/browser/browser-profile.view';
import { BrowserProfile, PlatformAccount } from '../../../core/database/entities';
import { SecretsPort } from '../../../core/secrets/secrets.port';
import { Actor } from '../../auth/actor';
import { notFound } from '../../errors/app-error';
import { AUDIT, DATA_SOURCE, SECRETS } from '../../platform/tokens';
import { AgencyAdminAccess } from './agency-admin.access';
import { answeringBrowserProfileErrors } from './browser-profile.exception';
import { AttachBrowserProfileInput } from './dtos/attach-browser-profile.input';
import { BrowserProfileModel } from './models/browser-profile.model';
import { OperatorNamesRepository } from './operator-names.repository';

/**
 * The browser lane's profiles through the API (issue #17): thin over the core BrowserProfileService, which owns the
 * vault, the signed manifest and the two-Admin rule (C-40, C-41, C-42). Here: who may ask, in which order (the role
 * before anything about the input, so a stranger learns nothing), and the answer in the operator's words.
 */
@Injectable()
export class BrowserProfilesService {
  private readonly core: BrowserProfileService;
  private readonly names = new OperatorNamesRepository();

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(SECRETS) secrets: SecretsPort,
    @Inject(AUDIT) audit: AuditService,
    private readonly admins: AgencyAdminAccess,
  ) {
    this.core = new BrowserProfileService({ ds, secrets, audit });
  }

  async profile(actor: Actor, platformAccountId: string): Promise<BrowserProfileModel | null> {
    const account = await this.account(platformAccountId);
    await this.admins.requireReader(actor, account.clientId, 'platform account');
    return this.view(account.clientId, account.id);
  }

  async attach(actor: Actor, input: AttachBrowserProfileInput): Promise<BrowserProfileModel> {
    const account = await this.account(input.platformAccountId);
    await this.admins.requireAdmin(actor, account.clientId, 'platform account');
    const view = await answeringBrowserProfileErrors(() =>
      this.core.attach({
        agencyId: account.agencyId,
        clientId: account.clientId,
        platformAccountId: account.id,
        storageState: input.storageState,
        displayName: input.displayName?.trim() || null,
        actorId: actor.userId,
      }),
    );
    return this.model(view);
  }

  async requestSideEffects(actor: Actor, profileId: string, note: string | null): Promise<BrowserProfileModel> {
    const p = await this.profileOf(actor, profileId, 'decider');
    const view = await answeringBrowserProfileErrors(() =>
      this.core.requestSideEffects({ clientId: p.clientId, profileId: p.id, actorId: actor.userId, note }),
    );
    return this.model(view);
  }

  async approveSideEffects(actor: Actor, profileId: string): Promise<BrowserProfileModel> {
    const p = await this.profileOf(actor, profileId, 'decider');
    const view = await answeringBrowserProfileErrors(() =>
      this.core.approveSideEffects({ clientId: p.clientId, profileId: p.id, actorId: actor.userId }),
    );
    return this.model(view);
  }

  async setReadOnly(actor: Actor, profileId: string, reason: string): Promise<BrowserProfileModel> {
    const p = await this.profileOf(actor, profileId, 'admin');
    const view = await answeringBrowserProfileErrors(() =>
      this.core.setReadOnly({
        clientId: p.clientId,
        profileId: p.id,
        actor: `user:${actor.userId}`,
        reason: { code: 'operator', message: reason },
      }),
    );
    return this.model(view);
  }

  async detach(actor: Actor, profileId: string): Promise<boolean> {
    const p = await this.profileOf(actor, profileId, 'admin');
    await answeringBrowserProfileErrors(() =>
      this.core.detach({ clientId: p.clientId, profileId: p.id, actorId: actor.userId }),
    );
    return true;
  }

  /** Whether the account has a profile attached (the browser and hybrid lanes need one). */
  async hasProfile(clientId: string, platformAccountId: string): Promise<boolean> {
    return !!(await this.core.view(this.ds.manager, { clientId, platformAccountId }));
  }

  /** The account, as row-level security lets the caller see it; another tenant's reads as missing (C-02). */
  private async account(id: string): Promise<PlatformAccount> {
    const account = await this.ds.getRepository(PlatformAccount).findOne({ where: { id } });
    if (!account) throw notFound('platform account');
    return account;
  }

  /**
   * The profile's row (ids only), as row-level security lets the caller see it, once the actor may act on it: an
   * Admin of the agency, or (`decider`) anyone on the client for the two-Admin steps, whose role the core checks
   * and audits with every refusal (C-42), so a Manager's attempt to approve is on the trail too.
   */
  private async profileOf(actor: Actor, profileId: string, who: 'admin' | 'decider'): Promise<BrowserProfile> {
    const p = await this.ds.getRepository(BrowserProfile).findOne({
      select: { id: true, clientId: true, platformAccountId: true },
      where: { id: profileId },
    });
    if (!p) throw notFound('browser profile');
    if (who === 'admin') await this.admins.requireAdmin(actor, p.clientId, 'browser profile');
    else await this.admins.requireReader(actor, p.clientId, 'browser profile');
    return p;
  }

  private async view(clientId: string, platformAccountId: string): Promise<BrowserProfileModel | null> {
    const view = await this.core.view(this.ds.manager, { clientId, platformAccountId });
    return view && this.model(view);
  }

  private async model(view: BrowserProfileView): Promise<BrowserProfileModel> {
    return toModel(view, await this.names.of(this.ds.manager, view.clientId));
  }
}

function toModel(
  v: BrowserProfileView,
  operator: Awaited<ReturnType<OperatorNamesRepository['of']>>,
): BrowserProfileModel {
  const check = v.lastCheck;
  return {
    id: v.id,
    platformAccountId: v.platformAccountId,
    mode: v.mode,
    modeReason: v.modeReason,
    hybridWriter: v.hybridWriter,
    manifest: v.manifest && {
      handle: v.manifest.handle,
      externalAccountId: v.manifest.externalAccountId,
      displayName: v.manifest.displayName,
      issuedAt: new Date(v.manifest.issuedAt),
    },
    manifestValid: v.manifestValid,
    sideEffectsRequestedBy: operator(v.sideEffectsRequestedBy),
    sideEffectsRequestedAt: v.sideEffectsRequestedAt,
    sideEffectsNote: v.sideEffectsNote,
    sideEffectsApprovedBy: operator(v.sideEffectsApprovedBy),
    sideEffectsApprovedAt: v.sideEffectsApprovedAt,
    runnerId: v.runnerId,
    lastCheckAt: v.lastCheckAt,
    lastCheck: check && {
      ok: check.ok,
      stopKind: check.stopKind,
      stopMessage: check.stopKind ? BROWSER_STOP_MESSAGES[check.stopKind] : null,
      missingSelectors: check.missingSelectors,
      observedHandle: check.observed?.handle ?? null,
      detail: check.detail,
    },
    selectorMapVersion: v.selectorMapVersion,
  };
}
