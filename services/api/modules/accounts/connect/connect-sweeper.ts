import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SecretsPort } from '../../../../core/secrets/secrets.port';
import { logger } from '../../../../core/telemetry/logger';
import { EMPTY_SCOPE, runInTenantScope } from '../../../../core/tenancy/tenant-scope';
import { DATA_SOURCE, SECRETS } from '../../../platform/tokens';
import { PendingTokens } from './pending-tokens';

const EVERY_MS = 60_000;
const BATCH = 100;

/**
 * Tokens that nobody confirmed must not stay in the secrets backend (C-11, C-12): expired attempts, of any
 * tenant, lose their verifier and held tokens, then close. The database lists only their secret keys
 * (security-definer functions); secrets go first, so a crash in between leaves a row to retry, never a secret.
 */
@Injectable()
export class ConnectSweeper implements OnModuleInit, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private readonly pending: PendingTokens;

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(SECRETS) secrets: SecretsPort,
  ) {
    this.pending = new PendingTokens(secrets);
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sweepQuietly(), EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Sweeps; a failure is logged and left for the next round (it never fails the caller's request). */
  async sweepQuietly(): Promise<number> {
    try {
      return await this.sweep();
    } catch (err) {
      logger.warn({ 'raize.operation': 'oauth.sweep', 'error.kind': (err as Error).name }, 'connect sweep failed');
      return 0;
    }
  }

  async sweep(): Promise<number> {
    return runInTenantScope(this.ds, EMPTY_SCOPE, async () => {
      const expired: { state: string; verifier_ref: string; pending_ref: string | null }[] = await this.ds.query(
        'SELECT * FROM raize_expired_connect_secrets($1)',
        [BATCH],
      );
      for (const row of expired) {
        await this.pending.forget(row.verifier_ref, row.pending_ref);
        await this.ds.query('SELECT raize_close_expired_connect($1)', [row.state]);
      }
      return expired.length;
    });
  }
}
