/**
 * Whose episodes a diagnostics reader sees (C-04): platform staff see every tenant's; an Admin sees the episodes of
 * the agencies they administer as a whole and of the clients they administer directly, nothing else.
 */
export type DiagnosticsScope = { kind: 'all' } | { kind: 'tenants'; agencyIds: string[]; clientIds: string[] };

/** The tenant an episode belongs to, as its search attributes (or its database row) name it. */
export interface EpisodeOwner {
  agencyId: string | null;
  clientId: string | null;
}

/** Whether the scope reaches the episode; an episode that names no tenant is staff's only. */
export function scopeCovers(scope: DiagnosticsScope, owner: EpisodeOwner): boolean {
  if (scope.kind === 'all') return true;
  return (
    (!!owner.agencyId && scope.agencyIds.includes(owner.agencyId)) ||
    (!!owner.clientId && scope.clientIds.includes(owner.clientId))
  );
}
