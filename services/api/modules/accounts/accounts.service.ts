import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '../../../core/audit/audit.service';
import {
  ConnectorReader,
  ConnectorSettings,
  OAuthTokens,
  PlatformOAuth,
} from '../../../core/connectors/connector.types';
import { accountFingerprint } from '../../../core/connectors/content-fingerprint';
import { pkceChallenge, randomUrlToken } from '../../../core/connectors/pkce';
import { platformDescriptor, platformSettings } from '../../../core/connectors/platform-registry';
import { OAuthAttempt, PlatformAccount } from '../../../core/database/entities';
import { runInTenantScope } from '../../../core/tenancy/tenant-scope';
import { CredentialStore } from '../../../core/secrets/credential-store';
import { SecretsPort } from '../../../core/secrets/secrets.port';
import { Actor } from '../../auth/actor';
import { AccessService } from '../../auth/access.service';
import { AppError, AppErrorCode } from '../../errors/app-error';
import { AUDIT, CONNECTOR_READERS, CONNECTOR_SETTINGS, CREDENTIALS, DATA_SOURCE, SECRETS } from '../../platform/tokens';
import { isPlatformId, PlatformId } from '../../../../workflows/contracts/vocabulary/platform-id';
import { ConnectStartModel, PlatformAccountModel } from './platform-account.model';

const ATTEMPT_TTL_MS = 10 * 60 * 1000;

@Injectable()
export class AccountsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(CONNECTOR_SETTINGS) private readonly connectorSettings: ConnectorSettings,
    @Inject(SECRETS) private readonly secrets: SecretsPort,
    @Inject(CREDENTIALS) private readonly credentials: CredentialStore,
    @Inject(AUDIT) private readonly audit: AuditService,
    @Inject(CONNECTOR_READERS) private readonly readers: Record<PlatformId, ConnectorReader>,
    private readonly access: AccessService,
  ) {}

  private oauth(platform: PlatformId): PlatformOAuth {
    return platformDescriptor(platform).oauth(platformSettings(this.connectorSettings, platform));
  }

  async list(actor: Actor, clientId: string): Promise<PlatformAccountModel[]> {
    await this.access.requireClient(actor, clientId, 'client.read');
    return this.ds.getRepository(PlatformAccount).find({ where: { clientId }, order: { connectedAt: 'ASC' } });
  }

  /** Step 1 of connecting: a state bound to client and operator, and a PKCE verifier kept in the secrets backend. */
  async startConnect(actor: Actor, clientId: string, platform: PlatformId): Promise<ConnectStartModel> {
    const { client } = await this.access.requireClient(actor, clientId, 'account.connect');
    const state = randomUrlToken();
    const verifier = randomUrlToken(48);
    const verifierRef = `oauth/${state}`;
    await this.secrets.put(verifierRef, verifier);
    const expiresAt = new Date(Date.now() + ATTEMPT_TTL_MS);
    await this.ds.getRepository(OAuthAttempt).insert({
      state,
      agencyId: client.agencyId,
      clientId: client.id,
      platform,
      verifierRef,
      actorId: actor.userId,
      expiresAt,
      completedAt: null,
    });
    return {
      authorizeUrl: this.oauth(platform).authorizeUrl({ state, codeChallenge: pkceChallenge(verifier) }),
      state,
      expiresAt,
    };
  }

  /**
   * Step 2, the redirect back: the tokens are bound to the client that started the attempt (C-12), stored in
   * the secrets backend, and the fingerprint is read from the platform itself.
   */
  async completeConnect(state: string, code: string): Promise<PlatformAccountModel> {
    // The browser comes back without our session: the state alone names the attempt, and the attempt names
    // the one client whose scope the rest runs in.
    const owner: { agency_id: string; client_id: string; actor_id: string }[] = await this.ds.query(
      'SELECT * FROM raize_oauth_attempt_scope($1)',
      [state.slice(0, 200)],
    );
    if (!owner.length)
      throw new AppError(
        AppErrorCode.BadInput,
        'this connect link is unknown, used or expired; start connecting again',
      );
    const scope = {
      actorId: owner[0].actor_id,
      agencyIds: [],
      clientIds: [owner[0].client_id],
      memberAgencyIds: [owner[0].agency_id],
    };
    return runInTenantScope(this.ds, scope, () => this.completeInScope(state, code));
  }

  private async completeInScope(state: string, code: string): Promise<PlatformAccountModel> {
    const attempt = await this.ds.getRepository(OAuthAttempt).findOne({ where: { state } });
    if (!attempt || attempt.completedAt || attempt.expiresAt.getTime() < Date.now()) {
      throw new AppError(
        AppErrorCode.BadInput,
        'this connect link is unknown, used or expired; start connecting again',
      );
    }
    const platform = attempt.platform;
    if (!isPlatformId(platform)) throw new AppError(AppErrorCode.BadInput, `platform ${platform} is not supported`);
    const reader = this.readers[platform];
    const verifier = await this.secrets.get(attempt.verifierRef);
    let tokens: OAuthTokens;
    try {
      tokens = await this.oauth(platform).exchangeCode({ code, codeVerifier: verifier });
    } catch {
      throw new AppError(
        AppErrorCode.BadInput,
        'the platform did not accept the authorization; start connecting again',
      );
    }
    const identity = await reader.identity({ accessToken: tokens.accessToken });
    const account = await this.ds.transaction(async (m) => {
      const claimed = await m.update(OAuthAttempt, { state, completedAt: IsNull() }, { completedAt: new Date() });
      if (!claimed.affected) throw new AppError(AppErrorCode.Conflict, 'this connect link was already used');
      const ref = await this.credentials.saveOAuthTokens(
        m,
        { agencyId: attempt.agencyId, clientId: attempt.clientId },
        tokens,
      );
      const fingerprint = accountFingerprint(attempt.platform, identity.externalAccountId);
      const existing = await m.findOne(PlatformAccount, {
        where: {
          clientId: attempt.clientId,
          platform: attempt.platform,
          externalAccountId: identity.externalAccountId,
        },
      });
      const saved = await m.save(
        PlatformAccount,
        m.create(PlatformAccount, {
          ...(existing ?? {}),
          agencyId: attempt.agencyId,
          clientId: attempt.clientId,
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
          agencyId: attempt.agencyId,
          clientId: attempt.clientId,
          actor: `user:${attempt.actorId}`,
          action: 'account.connected',
          subjectType: 'platform_account',
          subjectId: saved.id,
          data: { platform: attempt.platform, fingerprint, credentialRefId: ref.id },
        },
        m,
      );
      return saved;
    });
    await this.secrets.delete(attempt.verifierRef);
    return account;
  }
}
