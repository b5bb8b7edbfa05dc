import type { AccountHealthView } from '../../../core/connector-health/connector-health.types';
import type { AccountHealthModel } from './account-health.model';

/** The assembled view as the GraphQL type has it: the token timeline and the API version flattened onto the account. */
export function toAccountHealthModel(v: AccountHealthView): AccountHealthModel {
  return {
    accountId: v.accountId,
    clientId: v.clientId,
    platform: v.platform,
    platformName: v.platformName,
    handle: v.handle,
    status: v.status,
    statusReason: v.statusReason,
    tokenExpiresAt: v.token.expiresAt,
    refreshExpiresAt: v.token.refreshExpiresAt,
    tokenCheckedAt: v.token.checkedAt,
    nextRefreshAt: v.token.nextRefreshAt,
    signInAgainBy: v.token.signInAgainBy,
    tokenRefreshable: v.token.refreshable,
    lastSuccessAt: v.lastSuccessAt,
    lastFailureAt: v.lastFailureAt,
    standingCheckedAt: v.standingCheckedAt,
    apiVersion: v.apiVersion.version,
    apiVersionSunsetsAt: v.apiVersion.sunsetsAt,
    daysToSunset: v.apiVersion.daysToSunset,
    apiVersionSource: v.apiVersion.source,
    missing: v.missing,
    quotas: v.quotas.map((q) => ({ ...q, resetsAt: q.resetsAt ? new Date(q.resetsAt) : null })),
    restrictions: v.restrictions,
    recentErrors: v.recentErrors.map((e) => ({ ...e, at: new Date(e.at) })),
    attention: v.attention,
    worstSeverity: v.worstSeverity,
  };
}
