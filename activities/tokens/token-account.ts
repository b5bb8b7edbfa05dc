import type { EntityManager } from 'typeorm';
import { PlatformAccount } from '../../services/core/database/entities';
import type { AccountTokensContext } from '../../workflows/contracts/tokens.contract';
import { isPlatformId } from '../../workflows/contracts/vocabulary/platform-id';
import type { PlatformId } from '../../workflows/contracts/vocabulary/platform-id';

/** An account whose tokens the workflow looks after: it still works (a quarantined or broken one waits for an operator). */
export type LiveAccount = PlatformAccount & { platform: PlatformId; credentialRefId: string };

export const LIVE_STATUSES: PlatformAccount['status'][] = ['connected', 'read_only'];

/** The account of the workflow's input, for its own client only (the scope's RLS says so too). */
export function findAccount(m: EntityManager, ctx: AccountTokensContext): Promise<PlatformAccount | null> {
  return m.findOne(PlatformAccount, { where: { id: ctx.platformAccountId, clientId: ctx.clientId } });
}

export function isLive(a: PlatformAccount | null): a is LiveAccount {
  return !!a && LIVE_STATUSES.includes(a.status) && !!a.credentialRefId && isPlatformId(a.platform);
}
