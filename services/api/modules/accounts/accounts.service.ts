import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { AuditService } from '../../../core/audit/audit.service';
import { ConnectorSettings, PlatformOAuth } from '../../../core/connectors/connector.types';
import { accountFingerprint } from '../../../core/connectors/content-fingerprint';
import { pkceChallenge, randomUrlToken } from '../../../core/connectors/pkce';
import { platformDescriptor, platformSettings } from '../../../core/connectors/platform-registry';
import { Client, OAuthAttempt, PlatformAccount } from '../../../core/database/entities';
import { CredentialStore } from '../../../core/secrets/credential-store';
import { SecretsPort } from '../../../core/secrets/secrets.port';
import { Actor } from '../../auth/actor';
import { AccessService } from '../../auth/access.service';
import { AppError, AppErrorCode, notFound } from '../../errors/app-error';
import { AUDIT, CONNECTOR_SETTINGS, CREDENTIALS, DATA_SOURCE, SECRETS } from '../../platform/tokens';
import { PlatformId } from '../../../../workflows/contracts/vocabulary/platform-id';
import {
  accountBoundElsewhere,
  CONNECT_REFUSALS,
  connectRefusedEvent,
  lockPlatformIdentity,
} from './connect/account-conflicts';
import { ConnectBinding, CookieSpec } from './connect/connect-binding';
import { ConnectSweeper } from './connect/connect-sweeper';
import { PendingTokens } from './connect/pending-tokens';
import { ConnectStartModel, PendingConnectModel, PlatformAccountModel } from './platform-account.model';

/** How long an attempt lives: the platform's sign-in and the operator's confirmation both fit inside. */
export const ATTEMPT_TTL_MS = 10 * 60 * 1000;

/** The operator's sign-in that started an attempt: only the same one may see and confirm it (C-12). */
const starterOf = (actor: Actor) => ({
  actorId: actor.userId,
  sessionId: actor.sessionId ?? null,
  apiTokenId: actor.tokenId ?? null,
});

@Injectable()
export class AccountsService {
  private readonly binding: ConnectBinding;
  private readonly pending: PendingTokens;

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(CONNECTOR_SETTINGS) private readonly connectorSettings: ConnectorSettings,
    @Inject(SECRETS) private readonly secrets: SecretsPort,
    @Inject(CREDENTIALS) private readonly credentials: CredentialStore,
    @Inject(AUDIT) private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly sweeper: ConnectSweeper,
  ) {
    this.binding = new ConnectBinding(secrets);
    this.pending = new PendingTokens(secrets);
  }

  private oauth(platform: PlatformId): PlatformOAuth {
    return platformDescriptor(platform).oauth(platformSettings(this.connectorSettings, platform));
  }

  async list(actor: Actor, clientId: string): Promise<PlatformAccountModel[]> {
    await this.access.requireClient(actor, clientId, 'client.read');
    return this.ds.getRepository(PlatformAccount).find({ where: { clientId }, order: { connectedAt: 'ASC' } });
  }

  /**
   * Step 1 of connecting: a state bound to client, operator and sign-in session, a PKCE verifier kept in the
   * secrets backend, and the binding cookie for this browser (the caller sets it on the response).
   */
  async startConnect(
    actor: Actor,
    clientId: string,
    platform: PlatformId,
  ): Promise<{ started: ConnectStartModel; cookie: CookieSpec }> {
    const { client } = await this.access.requireClient(actor, clientId, 'account.connect');
    await this.sweeper.sweepQuietly();
    const state = randomUrlToken();
    const verifier = randomUrlToken(48);
    const verifierRef = `oauth/${state}`;
    const cookie = await this.binding.cookieFor(state, platform, ATTEMPT_TTL_MS);
    await this.secrets.put(verifierRef, verifier);
    const expiresAt = new Date(Date.now() + ATTEMPT_TTL_MS);
    const attempt: Partial<OAuthAttempt> = {
      id: randomUUID(),
      state,
      agencyId: client.agencyId,
      clientId: client.id,
      platform,
      verifierRef,
      ...starterOf(actor),
      expiresAt,
      completedAt: null,
      status: 'started',
    };
    await this.ds.getRepository(OAuthAttempt).insert(attempt);
    return {
      started: {
        authorizeUrl: this.oauth(platform).authorizeUrl({ state, codeChallenge: pkceChallenge(verifier) }),
        state,
        attemptId: attempt.id!,
        expiresAt,
      },
      cookie,
    };
  }

  /** Attempts of this client that wait for the calling session's confirmation (the platform has answered). */
  async pendingConnects(actor: Actor, clientId: string): Promise<PendingConnectModel[]> {
    const { client } = await this.access.requireClient(actor, clientId, 'account.connect');
    const rows = await this.ds.getRepository(OAuthAttempt).find({
      where: {
        clientId,
        status: 'awaiting_confirmation',
        expiresAt: MoreThan(new Date()),
        ...this.starterWhere(actor),
      },
      order: { expiresAt: 'ASC' },
      take: 20,
    });
    return rows.map((a) => this.pendingModel(a, client));
  }

  /**
   * Step 3, the operator's "yes, connect @handle to this client" (C-12): only from the sign-in session that
   * started the attempt, within its lifetime, once. The account is bound, the tokens move from the attempt's
   * holding place to the client's credential, and both happen in the transaction that uses the attempt up.
   */
  async confirmConnect(actor: Actor, attemptId: string): Promise<PlatformAccountModel> {
    const { attempt, client } = await this.ownAttempt(actor, attemptId);
    const tokens = await this.pending.read(attempt.pendingRef!);
    const identity = { externalAccountId: attempt.externalAccountId!, handle: attempt.handle! };
    const fingerprint = accountFingerprint(attempt.platform, identity.externalAccountId);
    const outcome = await this.ds.transaction(async (m) => {
      await lockPlatformIdentity(m, attempt.platform, identity.externalAccountId);
      const used = await m.update(
        OAuthAttempt,
        { id: attempt.id, status: 'awaiting_confirmation', completedAt: IsNull(), expiresAt: MoreThan(new Date()) },
        { status: 'connected', completedAt: new Date(), pendingRef: null },
      );
      if (!used.affected)
        throw new AppError(
          AppErrorCode.Conflict,
          'this connect attempt was already answered or has expired; start connecting again',
        );
      const refusal = await accountBoundElsewhere(m, {
        ...identity,
        platform: attempt.platform,
        agencyId: client.agencyId,
        clientId: client.id,
      });
      if (refusal) {
        await m.update(OAuthAttempt, { id: attempt.id }, { status: 'refused' });
        await this.audit.append(
          connectRefusedEvent({
            agencyId: client.agencyId,
            clientId: client.id,
            actorId: actor.userId,
            attemptId: attempt.id,
            platform: attempt.platform,
            refusal,
            fingerprint,
          }),
          m,
        );
        return { refusal, saved: null };
      }
      const ref = await this.credentials.saveOAuthTokens(m, { agencyId: client.agencyId, clientId: client.id }, tokens);
      const existing = await m.findOne(PlatformAccount, {
        where: { clientId: client.id, platform: attempt.platform, externalAccountId: identity.externalAccountId },
      });
      const saved = await m.save(
        PlatformAccount,
        m.create(PlatformAccount, {
          ...(existing ?? {}),
          agencyId: client.agencyId,
          clientId: client.id,
          platform: attempt.platform,
          externalAccountId: identity.externalAccountId,
          handle: identity.handle,
          fingerprint,
          lane: existing?.lane ?? 'api',
          allowedLanes: existing?.allowedLanes ?? ['api'],
          status: 'connected',
          statusReason: null,
          credentialRefId: ref.id,
          connectedAt: existing?.connectedAt ?? new Date(),
          updatedAt: new Date(),
        }),
      );
      await this.audit.append(
        {
          agencyId: client.agencyId,
          clientId: client.id,
          actor: `user:${actor.userId}`,
          action: 'account.connected',
          subjectType: 'platform_account',
          subjectId: saved.id,
          data: { platform: attempt.platform, fingerprint, credentialRefId: ref.id, attemptId: attempt.id },
        },
        m,
      );
      return { refusal: null, saved };
    });
    await this.pending.forget(attempt.pendingRef, attempt.verifierRef);
    if (outcome.refusal) throw new AppError(AppErrorCode.Conflict, CONNECT_REFUSALS[outcome.refusal](identity.handle));
    return outcome.saved!;
  }

  /** "No, not this account": the attempt ends and its held tokens leave the secrets backend at once. */
  async cancelConnect(actor: Actor, attemptId: string): Promise<boolean> {
    const { attempt } = await this.ownAttempt(actor, attemptId, { allowStarted: true });
    const done = await this.ds
      .getRepository(OAuthAttempt)
      .update(
        { id: attempt.id, status: attempt.status, completedAt: IsNull() },
        { status: 'cancelled', completedAt: new Date(), pendingRef: null },
      );
    if (!done.affected) throw new AppError(AppErrorCode.Conflict, 'this connect attempt was already answered');
    await this.pending.forget(attempt.pendingRef, attempt.verifierRef);
    return true;
  }

  /** The attempt, if it is the caller's own (same sign-in), still open and alive; refusals say which. */
  private async ownAttempt(actor: Actor, attemptId: string, opts: { allowStarted?: boolean } = {}) {
    const attempt = await this.ds.getRepository(OAuthAttempt).findOne({ where: { id: attemptId } });
    if (!attempt) throw notFound('connect attempt');
    const { client } = await this.access.requireClient(actor, attempt.clientId, 'account.connect');
    const starter = starterOf(actor);
    if (
      attempt.actorId !== starter.actorId ||
      attempt.sessionId !== starter.sessionId ||
      attempt.apiTokenId !== starter.apiTokenId
    )
      throw new AppError(
        AppErrorCode.Forbidden,
        'this connect attempt was started in another sign-in session; only that session can answer it',
      );
    if (attempt.expiresAt.getTime() <= Date.now()) {
      await this.sweeper.sweepQuietly();
      throw new AppError(AppErrorCode.Conflict, 'this connect attempt has expired; start connecting again');
    }
    if (attempt.status === 'started' && !opts.allowStarted)
      throw new AppError(AppErrorCode.Conflict, 'the platform has not sent the browser back yet; sign in there first');
    if (attempt.status !== 'awaiting_confirmation' && attempt.status !== 'started')
      throw new AppError(AppErrorCode.Conflict, `this connect attempt is already finished (${attempt.status})`);
    return { attempt, client };
  }

  private starterWhere(actor: Actor) {
    const s = starterOf(actor);
    return {
      actorId: s.actorId,
      sessionId: s.sessionId ?? IsNull(),
      apiTokenId: s.apiTokenId ?? IsNull(),
    };
  }

  private pendingModel(a: OAuthAttempt, client: Client): PendingConnectModel {
    return {
      attemptId: a.id,
      clientId: client.id,
      clientName: client.name,
      platform: a.platform,
      handle: a.handle!,
      externalAccountId: a.externalAccountId!,
      expiresAt: a.expiresAt,
    };
  }
}
