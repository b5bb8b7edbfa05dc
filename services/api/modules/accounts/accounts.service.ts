import { Inject, Injectable } from '@nestjs/common';
import { Client as TemporalClient } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import { AppConfig } from '../../../core/config/app-config';
import { AuditService } from '../../../core/audit/audit.service';
import { clearAlert } from '../../../core/connector-health/account-health.service';
import { ConnectorSettings, PlatformOAuth } from '../../../core/connectors/connector.types';
import { accountFingerprint } from '../../../core/connectors/content-fingerprint';
import { tokenColumnsOf } from '../../../core/connectors/token-schedule';
import { pkceChallenge, randomUrlToken } from '../../../core/connectors/pkce';
import { platformConfigured, platformDescriptor, platformSettings } from '../../../core/connectors/platform-registry';
import { Client, OAuthAttempt, PlatformAccount } from '../../../core/database/entities';
import { CredentialStore } from '../../../core/secrets/credential-store';
import { SecretsPort } from '../../../core/secrets/secrets.port';
import { Actor } from '../../auth/actor';
import { AccessService } from '../../auth/access.service';
import { AppError, AppErrorCode, notFound } from '../../errors/app-error';
import {
  APP_CONFIG,
  AUDIT,
  CONNECTOR_SETTINGS,
  CREDENTIALS,
  DATA_SOURCE,
  SECRETS,
  TEMPORAL_CLIENT,
} from '../../platform/tokens';
import { isPlatformId, PlatformId } from '../../../../workflows/contracts/vocabulary/platform-id';
import {
  accountBoundElsewhere,
  CONNECT_REFUSALS,
  connectRefusedEvent,
  lockPlatformIdentity,
} from './connect/account-conflicts';
import { AccountTokensStarter } from './connect/account-tokens.starter';
import { ConnectBinding, CookieSpec } from './connect/connect-binding';
import { ConnectSweeper } from './connect/connect-sweeper';
import { requeueUnroutableInbound } from './connect/inbound-requeue';
import { PendingTokens } from './connect/pending-tokens';
import { isSameIdentity, otherIdentityMessage, reconnectRefusedEvent } from './connect/reconnect';
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
  private readonly tokenWorkflows: AccountTokensStarter;

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(CONNECTOR_SETTINGS) private readonly connectorSettings: ConnectorSettings,
    @Inject(SECRETS) private readonly secrets: SecretsPort,
    @Inject(CREDENTIALS) private readonly credentials: CredentialStore,
    @Inject(AUDIT) private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly sweeper: ConnectSweeper,
    @Inject(TEMPORAL_CLIENT) temporal: TemporalClient,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.binding = new ConnectBinding(secrets);
    this.pending = new PendingTokens(secrets);
    this.tokenWorkflows = new AccountTokensStarter(temporal, config);
  }

  private oauth(platform: PlatformId): PlatformOAuth {
    if (!platformConfigured(this.connectorSettings, platform)) {
      const name = platformDescriptor(platform).displayName;
      const prefix = `RAIZE_${platform.toUpperCase()}_`;
      throw new AppError(
        AppErrorCode.BadInput,
        `${name} is not set up on this installation: an administrator sets ${prefix}CLIENT_ID and ${prefix}CLIENT_SECRET (the app Raize is registered as on ${name})`,
      );
    }
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
    reconnectAccountId?: string,
  ): Promise<{ started: ConnectStartModel; cookie: CookieSpec }> {
    const { client } = await this.access.requireClient(actor, clientId, 'account.connect');
    // A platform this installation has no app for is refused before anything is stored.
    const oauth = this.oauth(platform);
    if (reconnectAccountId) await this.reconnectable(client.id, platform, reconnectAccountId);
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
      reconnectAccountId: reconnectAccountId ?? null,
    };
    await this.ds.getRepository(OAuthAttempt).insert(attempt);
    return {
      started: {
        authorizeUrl: oauth.authorizeUrl({ state, codeChallenge: pkceChallenge(verifier) }),
        state,
        attemptId: attempt.id!,
        expiresAt,
      },
      cookie,
    };
  }

  /**
   * Starts connecting again the account whose token the platform refused: the same flow as a first connect, but
   * the attempt remembers the account, so its confirmation updates that row (its history stays) and accepts only
   * the same identity (C-19).
   */
  async reconnectAccount(actor: Actor, accountId: string): Promise<{ started: ConnectStartModel; cookie: CookieSpec }> {
    const account = await this.ds.getRepository(PlatformAccount).findOne({ where: { id: accountId } });
    if (!account || !isPlatformId(account.platform)) throw notFound('platform account');
    return this.startConnect(actor, account.clientId, account.platform, account.id);
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
      if (attempt.reconnectAccountId) {
        const target = await this.reconnectTarget(m, attempt);
        if (!isSameIdentity(target, identity)) {
          await m.update(OAuthAttempt, { id: attempt.id }, { status: 'refused' });
          await this.audit.append(
            reconnectRefusedEvent({
              account: target,
              actorId: actor.userId,
              attemptId: attempt.id,
              observedExternalId: identity.externalAccountId,
            }),
            m,
          );
          return { refusal: null, otherIdentity: target.handle, saved: null };
        }
      }
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
        return { refusal, otherIdentity: null, saved: null };
      }
      const ref = await this.credentials.saveOAuthTokens(m, { agencyId: client.agencyId, clientId: client.id }, tokens);
      const existing = await m.findOne(PlatformAccount, {
        where: { clientId: client.id, platform: attempt.platform, externalAccountId: identity.externalAccountId },
        lock: { mode: 'pessimistic_write' },
      });
      const now = new Date();
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
          ...tokenColumnsOf(tokens, now),
          connectedAt: existing?.connectedAt ?? now,
          updatedAt: now,
        }),
      );
      if (existing) await clearAlert(m, saved);
      await this.audit.append(
        {
          agencyId: client.agencyId,
          clientId: client.id,
          actor: `user:${actor.userId}`,
          action: 'account.connected',
          subjectType: 'platform_account',
          subjectId: saved.id,
          data: {
            platform: attempt.platform,
            fingerprint,
            credentialRefId: ref.id,
            attemptId: attempt.id,
            ...(existing ? { reconnect: true, previousStatus: existing.status } : {}),
          },
        },
        m,
      );
      return { refusal: null, otherIdentity: null, saved };
    });
    await this.pending.forget(attempt.pendingRef, attempt.verifierRef);
    if (outcome.refusal) throw new AppError(AppErrorCode.Conflict, CONNECT_REFUSALS[outcome.refusal](identity.handle));
    if (outcome.otherIdentity)
      throw new AppError(AppErrorCode.Conflict, otherIdentityMessage(identity.handle, outcome.otherIdentity));
    const saved = outcome.saved!;
    // After the commit, not inside it: a drainer may have marked an event unroutable just before the connect committed.
    await requeueUnroutableInbound(this.ds, this.audit, {
      agencyId: saved.agencyId,
      clientId: saved.clientId,
      platformAccountId: saved.id,
      platform: saved.platform,
      actorId: actor.userId,
    });
    await this.tokenWorkflows.connected(this.ds.manager, {
      agencyId: saved.agencyId,
      clientId: saved.clientId,
      platformAccountId: saved.id,
    });
    return saved;
  }

  /** The account a reconnect names: this client's, this platform's, and not disconnected. */
  private async reconnectable(clientId: string, platform: PlatformId, accountId: string): Promise<PlatformAccount> {
    const account = await this.ds.getRepository(PlatformAccount).findOne({ where: { id: accountId, clientId } });
    if (!account || account.status === 'disconnected') throw notFound('platform account');
    if (account.platform !== platform)
      throw new AppError(AppErrorCode.BadInput, `this account is on ${account.platform}, not ${platform}`);
    return account;
  }

  /** The account being reconnected, locked for the rest of the confirmation. */
  private async reconnectTarget(m: EntityManager, attempt: OAuthAttempt): Promise<PlatformAccount> {
    const account = await m.findOne(PlatformAccount, {
      where: { id: attempt.reconnectAccountId!, clientId: attempt.clientId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!account || account.status === 'disconnected' || account.platform !== attempt.platform)
      throw new AppError(AppErrorCode.Conflict, 'the account to reconnect is no longer connected; connect it again');
    return account;
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
