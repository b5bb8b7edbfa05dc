import type { DataSource } from 'typeorm';
import type { AuditService } from '../../../../core/audit/audit.service';
import {
  INBOUND_REROUTE_WINDOW_MS,
  InboundEventsRepository,
  viaManager,
} from '../../../../core/engagement/inbound-events.repository';
import { logger } from '../../../../core/telemetry/logger';

export interface ConnectedAccountRef {
  agencyId: string;
  clientId: string;
  platformAccountId: string;
  platform: string;
  /** the operator who confirmed the connect */
  actorId: string;
}

const repository = new InboundEventsRepository();

/**
 * After a connect or a reconnect commits: comments and DMs that reached the ingest while the account was unknown or
 * not connected were kept as unroutable; those of the last week go back to the drainer's queue, which routes them to
 * the account's engagement episode. It runs after the commit, never inside it: a drainer that resolved an event a
 * moment before the connect committed has marked it unroutable, and only a look taken after the commit (waiting for
 * that drainer, see raize_inbound_reroute) finds it. The count is audited (no event text); a failure is logged and
 * does not fail the confirmation, since the account is bound already.
 */
export async function requeueUnroutableInbound(
  ds: DataSource,
  audit: AuditService,
  a: ConnectedAccountRef,
): Promise<number> {
  try {
    return await ds.transaction(async (m) => {
      const n = await repository.requeueUnroutable(viaManager(m), { platformAccountId: a.platformAccountId });
      if (n > 0)
        await audit.append(
          {
            agencyId: a.agencyId,
            clientId: a.clientId,
            actor: `user:${a.actorId}`,
            action: 'inbound.requeued',
            subjectType: 'platform_account',
            subjectId: a.platformAccountId,
            data: { platform: a.platform, requeued: n, windowDays: INBOUND_REROUTE_WINDOW_MS / 86_400_000 },
          },
          m,
        );
      return n;
    });
  } catch (err) {
    logger.warn(
      {
        'raize.client_id': a.clientId,
        'raize.account_id': a.platformAccountId,
        'error.kind': (err as Error).name,
      },
      'unroutable inbound events not re-queued after connect; they stay unroutable until the next connect',
    );
    return 0;
  }
}
