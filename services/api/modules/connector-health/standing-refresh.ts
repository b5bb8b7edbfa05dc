import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../core/audit/audit.service';
import { healthRowsOf } from '../../../core/connector-health/account-health.repository';
import { recordFailure, recordStanding } from '../../../core/connector-health/account-health.service';
import { standingSchema } from '../../../core/connector-health/health-row.schema';
import { ConnectorError } from '../../../core/connectors/connector.errors';
import { AccountStanding, ConnectorReader } from '../../../core/connectors/connector.types';
import { PlatformAccount } from '../../../core/database/entities';
import { CredentialStore } from '../../../core/secrets/credential-store';
import { withoutDatabaseConnection } from '../../../core/tenancy/tenant-scope';
import { isPlatformId, PlatformId } from '../../../../workflows/contracts/vocabulary/platform-id';
import { Actor } from '../../auth/actor';
import { AppError, AppErrorCode } from '../../errors/app-error';
import { AUDIT, CONNECTOR_READERS, CREDENTIALS, DATA_SOURCE } from '../../platform/tokens';

/** The longest an operator waits for a platform's standing: a reader pages a few calls at most. */
const STANDING_DEADLINE_MS = 30_000;

/**
 * A standing younger than this is answered as it is: platforms meter these reads too (TikTok allows a few calls a
 * minute per token), and an operator pressing the button twice must not spend them.
 */
const FRESH_FOR_MS = 30_000;

/** Accounts whose credential is the account's own and works: the others are reconnected, not checked. */
const CHECKABLE: PlatformAccount['status'][] = ['connected', 'read_only'];

/**
 * Reads the platform's standing of one account (meters, restrictions, missing permissions) with the account's own
 * credential, through the read side only (C-17), and keeps it in the health row. A refusal is kept too, in words.
 * Both are audited: an operator made Raize call the platform with a client's credential.
 */
@Injectable()
export class StandingRefresh {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(CONNECTOR_READERS) private readonly readers: Record<PlatformId, ConnectorReader>,
    @Inject(CREDENTIALS) private readonly credentials: CredentialStore,
    @Inject(AUDIT) private readonly audit: AuditService,
  ) {}

  /** Asks the platform and keeps its answer; false when the kept standing was fresh enough to answer as it is. */
  async refresh(actor: Actor, account: PlatformAccount): Promise<boolean> {
    if (!CHECKABLE.includes(account.status) || !account.credentialRefId || !isPlatformId(account.platform))
      throw new AppError(
        AppErrorCode.Conflict,
        account.status === 'quarantined'
          ? 'this account is quarantined: its connection answers for another account. Reconnect it first.'
          : 'this account has no working connection to check; reconnect it first',
      );
    const [kept] = await healthRowsOf(this.ds.manager, [account.id]);
    if (kept?.standingCheckedAt && Date.now() - kept.standingCheckedAt.getTime() < FRESH_FOR_MS) return false;
    const reader = this.readers[account.platform];
    const tokens = await this.credentials.loadOAuthTokens(this.ds.manager, account.clientId, account.credentialRefId);
    const answer = await this.ask(reader, tokens.accessToken);
    const event = {
      agencyId: account.agencyId,
      clientId: account.clientId,
      actor: `user:${actor.userId}`,
      action: 'account.standing_checked' as const,
      subjectType: 'platform_account',
      subjectId: account.id,
    };
    if ('error' in answer) {
      const { error } = answer;
      const recorded = await this.ds.transaction(async (m) => {
        const r = await recordFailure(m, account, error);
        await this.audit.append(
          { ...event, data: { platform: account.platform, ok: false, kind: r.kind, signal: r.signal } },
          m,
        );
        return r;
      });
      throw new AppError(AppErrorCode.Unavailable, `${recorded.message}. ${recorded.whatToDo}`);
    }
    const { standing } = answer;
    await this.ds.transaction(async (m) => {
      const stored = await recordStanding(m, account, standing);
      await this.audit.append(
        {
          ...event,
          data: {
            platform: account.platform,
            ok: true,
            restrictions: stored.restrictions.map((r) => r.code),
            missing: stored.missing.length,
            quotas: stored.quotas.map((q) => q.id),
          },
        },
        m,
      );
    });
    return true;
  }

  /** The platform's answer, checked (it is untrusted), or the connector's error. */
  private async ask(
    reader: ConnectorReader,
    accessToken: string,
  ): Promise<{ standing: AccountStanding } | { error: ConnectorError }> {
    try {
      // The platform may take seconds: the request's database connection goes back to the pool meanwhile (C-10).
      const answer = await withoutDatabaseConnection(() =>
        reader.standing({ accessToken }, { signal: AbortSignal.timeout(STANDING_DEADLINE_MS) }),
      );
      const parsed = standingSchema.safeParse(answer);
      if (parsed.success) return { standing: parsed.data };
      return { error: new ConnectorError('permanent', 'the account standing had an unexpected shape') };
    } catch (err) {
      if (err instanceof ConnectorError) return { error: err };
      throw err;
    }
  }
}
