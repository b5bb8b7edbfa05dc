import type { EntityManager } from 'typeorm';
import { In, Not } from 'typeorm';
import type { PlatformDescriptor } from '../connectors/connector.types';
import type { AccountHealth } from '../database/entities/account-health.entity';
import { PlatformAccount } from '../database/entities/platform-account.entity';
import { brokenReceiptCounts } from '../repositories/receipt-check.repository';
import { healthRowsOf } from './account-health.repository';
import { apiVersionView } from './api-version';
import { deriveAttention, worstSeverity } from './attention';
import type { AccountHealthView } from './connector-health.types';
import { quotaMeterSchema, recordedErrorSchema, restrictionSchema, validEntries } from './health-row.schema';
import { RECEIPTS_BROKEN_NOTICE_DAYS } from './operator-words';
import type { DescriptorLookup } from './platform-name';
import { registeredDescriptor } from './platform-name';
import { tokenTimeline } from './token-timeline';
import type { MeteredAccount } from './usage-meters';
import { UsageMeters } from './usage-meters';

export interface ConnectorHealthOptions {
  /** where descriptors come from (tests give their own, with a sunset date of their choosing) */
  descriptorOf?: DescriptorLookup;
  /** the project's daily quota on a platform's meter, from the connector settings */
  dailyQuotaOf?: (platform: string) => number | undefined;
  clock?: () => Date;
}

/**
 * Assembles what the connector health centre shows per account from the account's columns (status, token schedule),
 * its health row (last success, errors in words, the platform's standing), the usage Raize recorded, and the
 * platform's descriptor (API version and its sunset, token lifecycle). Reads only, through the caller's manager, so
 * row-level security keeps it to the caller's tenants.
 */
export class ConnectorHealthAssembler {
  private readonly descriptorOf: DescriptorLookup;
  private readonly dailyQuotaOf: (platform: string) => number | undefined;
  private readonly clock: () => Date;

  constructor(opts: ConnectorHealthOptions = {}) {
    this.descriptorOf = opts.descriptorOf ?? registeredDescriptor;
    this.dailyQuotaOf = opts.dailyQuotaOf ?? (() => undefined);
    this.clock = opts.clock ?? (() => new Date());
  }

  /** Every account of these clients but disconnected ones, oldest connection first. */
  async forClients(m: EntityManager, clientIds: string[]): Promise<AccountHealthView[]> {
    if (!clientIds.length) return [];
    const accounts = await m.find(PlatformAccount, {
      where: { clientId: In(clientIds), status: Not('disconnected') },
      order: { connectedAt: 'ASC', id: 'ASC' },
    });
    return this.forAccounts(m, accounts);
  }

  async forAccounts(m: EntityManager, accounts: PlatformAccount[]): Promise<AccountHealthView[]> {
    const now = this.clock();
    const rows = new Map(
      (
        await healthRowsOf(
          m,
          accounts.map((a) => a.id),
        )
      ).map((r) => [r.platformAccountId, r]),
    );
    const metered = new Map(accounts.map((a) => [a.id, this.metered(a, rows.get(a.id))]));
    const usage = await UsageMeters.load(m, [...metered.values()], { now, dailyQuotaOf: this.dailyQuotaOf });
    const broken = new Map(
      (
        await brokenReceiptCounts(m, {
          accountIds: accounts.map((a) => a.id),
          since: new Date(now.getTime() - RECEIPTS_BROKEN_NOTICE_DAYS * 86_400_000),
        })
      ).map((b) => [b.platformAccountId, b.count]),
    );
    return accounts.map((a) =>
      this.assemble(
        a,
        rows.get(a.id),
        this.descriptorOf(a.platform),
        usage.metersFor(metered.get(a.id)!),
        now,
        broken.get(a.id) ?? 0,
      ),
    );
  }

  private metered(a: PlatformAccount, row: AccountHealth | undefined): MeteredAccount {
    return {
      clientId: a.clientId,
      platform: a.platform,
      platformName: this.descriptorOf(a.platform)?.displayName ?? a.platform,
      storedQuotas: validEntries(quotaMeterSchema, row?.quotas),
    };
  }

  private assemble(
    a: PlatformAccount,
    row: AccountHealth | undefined,
    descriptor: PlatformDescriptor | undefined,
    quotas: AccountHealthView['quotas'],
    now: Date,
    brokenReceipts: number,
  ): AccountHealthView {
    const platformName = descriptor?.displayName ?? a.platform;
    const token = tokenTimeline(a, descriptor?.tokens);
    const apiVersion = apiVersionView(descriptor?.apiVersion, now);
    const restrictions = validEntries(restrictionSchema, row?.restrictions);
    const missing = Array.isArray(row?.missing) ? row.missing.filter((s) => typeof s === 'string') : [];
    const recentErrors = validEntries(recordedErrorSchema, row?.recentErrors);
    const lastSuccessAt = row?.lastSuccessAt ?? null;
    const attention = deriveAttention({
      platformName,
      status: a.status,
      statusReason: a.statusReason,
      token,
      apiVersion,
      restrictions,
      missing,
      quotas,
      recentErrors,
      lastSuccessAt,
      now,
      brokenReceipts,
    });
    return {
      accountId: a.id,
      agencyId: a.agencyId,
      clientId: a.clientId,
      platform: a.platform,
      platformName,
      handle: a.handle,
      status: a.status,
      statusReason: a.statusReason,
      token,
      lastSuccessAt,
      lastFailureAt: row?.lastFailureAt ?? null,
      standingCheckedAt: row?.standingCheckedAt ?? null,
      quotas,
      restrictions,
      missing,
      recentErrors,
      apiVersion,
      attention,
      worstSeverity: worstSeverity(attention),
    };
  }
}
