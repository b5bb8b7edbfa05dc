import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { AuditService } from '../../../../core/audit/audit.service';
import {
  ConnectorReader,
  ConnectorSettings,
  OAuthTokens,
  PlatformIdentity,
} from '../../../../core/connectors/connector.types';
import { accountFingerprint } from '../../../../core/connectors/content-fingerprint';
import { platformDescriptor, platformSettings } from '../../../../core/connectors/platform-registry';
import { Client, OAuthAttempt, PlatformAccount } from '../../../../core/database/entities';
import { SecretsPort } from '../../../../core/secrets/secrets.port';
import { logger } from '../../../../core/telemetry/logger';
import { runInTenantScope, TenantScope } from '../../../../core/tenancy/tenant-scope';
import { isPlatformId, PlatformId } from '../../../../../workflows/contracts/vocabulary/platform-id';
import { SessionService } from '../../../auth/session.service';
import { AppError, AppErrorCode } from '../../../errors/app-error';
import { AUDIT, CONNECTOR_READERS, CONNECTOR_SETTINGS, DATA_SOURCE, SECRETS } from '../../../platform/tokens';
import { accountBoundElsewhere, CONNECT_REFUSALS, connectRefusedEvent } from './account-conflicts';
import { ConnectBinding } from './connect-binding';
import { PendingTokens } from './pending-tokens';
import { isSameIdentity, otherIdentityMessage, reconnectRefusedEvent } from './reconnect';

export const UNKNOWN_LINK = 'this connect link is unknown, used or expired; start connecting again';

export interface CallbackRequest {
  platform: string;
  state: string;
  code: string;
  /** the binding cookie this browser sent, if any */
  bindingCookie: string | undefined;
  /** the session cookie this browser sent, if any (a real platform's redirect is cross-site: Strict cookies stay home) */
  sessionCookie: string | undefined;
}

export interface AwaitingConfirmation {
  attemptId: string;
  clientId: string;
  clientName: string;
  handle: string;
}

/**
 * Step 2 of connecting, the platform's redirect back (C-12). The state names the attempt; the binding cookie
 * proves this is the browser that started it, and a session cookie, when the browser sends one, must be the
 * session that started it. The state is then used up, the code exchanged and the identity read, but nothing
 * is bound: the tokens wait in the secrets backend for the operator's confirmation (AccountsService.confirm).
 */
@Injectable()
export class ConnectCallbackService {
  private readonly binding: ConnectBinding;
  private readonly pending: PendingTokens;

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(CONNECTOR_SETTINGS) private readonly connectorSettings: ConnectorSettings,
    @Inject(SECRETS) private readonly secrets: SecretsPort,
    @Inject(AUDIT) private readonly audit: AuditService,
    @Inject(CONNECTOR_READERS) private readonly readers: Record<PlatformId, ConnectorReader>,
    private readonly sessions: SessionService,
  ) {
    this.binding = new ConnectBinding(secrets);
    this.pending = new PendingTokens(secrets);
  }

  async receive(req: CallbackRequest): Promise<AwaitingConfirmation> {
    // The browser may come back without our session: the state alone names the attempt, and the attempt
    // names the one client whose scope the rest runs in.
    const owner: { agency_id: string; client_id: string; actor_id: string }[] = await this.ds.query(
      'SELECT * FROM raize_oauth_attempt_scope($1)',
      [req.state.slice(0, 200)],
    );
    if (!owner.length) throw new AppError(AppErrorCode.BadInput, UNKNOWN_LINK);
    const scope: TenantScope = {
      actorId: owner[0].actor_id,
      agencyIds: [],
      clientIds: [owner[0].client_id],
      memberAgencyIds: [owner[0].agency_id],
    };
    return runInTenantScope(this.ds, scope, () => this.receiveInScope(req));
  }

  private async receiveInScope(req: CallbackRequest): Promise<AwaitingConfirmation> {
    const attempt = await this.ds.getRepository(OAuthAttempt).findOne({ where: { state: req.state } });
    if (!attempt || attempt.platform !== req.platform || !isPlatformId(attempt.platform))
      throw new AppError(AppErrorCode.BadInput, UNKNOWN_LINK);
    await this.checkBrowser(attempt, req);
    // Used once: the state is spent before the code is exchanged, so a replayed redirect cannot exchange again.
    const claimed = await this.ds
      .getRepository(OAuthAttempt)
      .update(
        { state: attempt.state, status: 'started', callbackAt: IsNull(), expiresAt: MoreThan(new Date()) },
        { callbackAt: new Date() },
      );
    if (!claimed.affected) throw this.spent(attempt);

    let tokens: OAuthTokens;
    let identity: PlatformIdentity;
    try {
      ({ tokens, identity } = await this.exchange(attempt.platform, attempt.verifierRef, req.code));
    } catch (err) {
      await this.finish(attempt, 'failed');
      throw err;
    }

    const client = await this.ds.getRepository(Client).findOneByOrFail({ id: attempt.clientId });
    if (attempt.reconnectAccountId) await this.refuseOtherIdentity(attempt, identity);
    const refusal = await accountBoundElsewhere(this.ds.manager, {
      platform: attempt.platform,
      externalAccountId: identity.externalAccountId,
      agencyId: attempt.agencyId,
      clientId: attempt.clientId,
    });
    if (refusal) {
      await this.ds.transaction(async (m) => {
        await m.update(OAuthAttempt, { state: attempt.state }, { status: 'refused', completedAt: new Date() });
        await this.audit.append(
          connectRefusedEvent({
            agencyId: attempt.agencyId,
            clientId: attempt.clientId,
            actorId: attempt.actorId,
            attemptId: attempt.id,
            platform: attempt.platform,
            refusal,
            fingerprint: accountFingerprint(attempt.platform, identity.externalAccountId),
          }),
          m,
        );
      });
      await this.pending.forget(attempt.verifierRef);
      throw new AppError(AppErrorCode.Conflict, CONNECT_REFUSALS[refusal](identity.handle));
    }

    const ref = await this.pending.hold(attempt.id, tokens);
    try {
      await this.ds.getRepository(OAuthAttempt).update(
        { state: attempt.state, status: 'started' },
        {
          status: 'awaiting_confirmation',
          pendingRef: ref,
          externalAccountId: identity.externalAccountId,
          handle: identity.handle,
        },
      );
    } catch (err) {
      await this.pending.forget(ref);
      throw err;
    }
    await this.pending.forget(attempt.verifierRef);
    return { attemptId: attempt.id, clientId: client.id, clientName: client.name, handle: identity.handle };
  }

  /**
   * A reconnect accepts the account's own identity only (C-19): signed in as someone else, the operator is told so
   * here, the tokens are dropped at once and the attempt is audited as an alert. The confirmation checks it again.
   */
  private async refuseOtherIdentity(attempt: OAuthAttempt, identity: PlatformIdentity): Promise<void> {
    const account = await this.ds
      .getRepository(PlatformAccount)
      .findOne({ where: { id: attempt.reconnectAccountId!, clientId: attempt.clientId } });
    if (account && isSameIdentity(account, identity)) return;
    await this.ds.transaction(async (m) => {
      await m.update(OAuthAttempt, { state: attempt.state }, { status: 'refused', completedAt: new Date() });
      if (account)
        await this.audit.append(
          reconnectRefusedEvent({
            account,
            actorId: attempt.actorId,
            attemptId: attempt.id,
            observedExternalId: identity.externalAccountId,
          }),
          m,
        );
    });
    await this.pending.forget(attempt.verifierRef);
    throw new AppError(
      AppErrorCode.Conflict,
      account
        ? otherIdentityMessage(identity.handle, account.handle)
        : 'the account to reconnect is no longer connected; connect it again',
    );
  }

  private async checkBrowser(attempt: OAuthAttempt, req: CallbackRequest): Promise<void> {
    if (attempt.status !== 'started' || attempt.callbackAt) throw this.spent(attempt);
    if (attempt.expiresAt.getTime() <= Date.now())
      throw new AppError(AppErrorCode.BadInput, 'this connect link has expired; start connecting again');
    if (!(await this.binding.matches(attempt.state, req.bindingCookie))) {
      logger.warn(
        {
          'raize.operation': 'oauth.callback',
          'raize.outcome': 'refused_other_browser',
          'raize.client_id': attempt.clientId,
        },
        'connect refused',
      );
      throw new AppError(
        AppErrorCode.Forbidden,
        'this connect link was started in another browser; nothing was saved. Open Raize in the browser where you clicked "Connect" and start again there.',
      );
    }
    if (attempt.sessionId && req.sessionCookie) {
      const session = await this.sessions.resolve(req.sessionCookie);
      if (session?.id !== attempt.sessionId) {
        logger.warn(
          {
            'raize.operation': 'oauth.callback',
            'raize.outcome': 'refused_other_session',
            'raize.client_id': attempt.clientId,
          },
          'connect refused',
        );
        throw new AppError(
          AppErrorCode.Forbidden,
          'this connect link belongs to another sign-in session; nothing was saved. Start connecting again.',
        );
      }
    }
  }

  private spent(attempt: OAuthAttempt): AppError {
    return attempt.expiresAt.getTime() <= Date.now()
      ? new AppError(AppErrorCode.BadInput, 'this connect link has expired; start connecting again')
      : new AppError(AppErrorCode.Conflict, 'this connect link was already used; start connecting again');
  }

  private async exchange(platform: PlatformId, verifierRef: string, code: string) {
    const oauth = platformDescriptor(platform).oauth(platformSettings(this.connectorSettings, platform));
    let tokens: OAuthTokens;
    try {
      tokens = await oauth.exchangeCode({ code, codeVerifier: await this.secrets.get(verifierRef) });
    } catch {
      throw new AppError(
        AppErrorCode.BadInput,
        'the platform did not accept the authorization; start connecting again',
      );
    }
    const identity = await this.readers[platform].identity({ accessToken: tokens.accessToken });
    return { tokens, identity };
  }

  private async finish(attempt: OAuthAttempt, status: 'failed'): Promise<void> {
    await this.ds.getRepository(OAuthAttempt).update({ state: attempt.state }, { status, completedAt: new Date() });
    await this.pending.forget(attempt.verifierRef);
  }
}
