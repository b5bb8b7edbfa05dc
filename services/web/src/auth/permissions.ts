// A mirror of services/core/tenancy/permissions.ts, the one matrix the API enforces: the app uses it only to
// leave out buttons a role cannot press. A unit spec (services/api/modules/web-app/permissions-mirror.spec.ts)
// fails when the two differ.

export const ROLES = ['Admin', 'Manager', 'Publisher', 'Reviewer', 'Analyst'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  'client.read': ['Admin', 'Manager', 'Publisher', 'Reviewer', 'Analyst'],
  'client.create': ['Admin', 'Manager'],
  'account.connect': ['Admin', 'Manager'],
  'asset.write': ['Admin', 'Manager', 'Publisher'],
  'post.schedule': ['Admin', 'Manager', 'Publisher'],
  'post.approve': ['Admin', 'Manager', 'Publisher', 'Reviewer'],
  'item.review': ['Admin', 'Manager', 'Publisher', 'Reviewer'],
  'post.cancel': ['Admin', 'Manager', 'Publisher'],
  'plan.create': ['Admin', 'Manager', 'Publisher'],
  'plan.approve': ['Admin', 'Manager', 'Publisher', 'Reviewer'],
  'plan.recurring': ['Admin', 'Manager'],
  'brand.update': ['Admin', 'Manager'],
  'killswitch.set': ['Admin', 'Manager'],
  'policy.update': ['Admin'],
  'provider_key.manage': ['Admin', 'Manager'],
  'audit.read': ['Admin', 'Manager', 'Publisher', 'Reviewer', 'Analyst'],
  'webhook.manage': ['Admin', 'Manager'],
  // The client's reviewers and their review links (issue #14): who at the client sees which posts before they go out.
  'review_link.manage': ['Admin', 'Manager', 'Publisher'],
  'inbox.work': ['Admin', 'Manager', 'Publisher', 'Reviewer'],
  'reply.approve': ['Admin', 'Manager', 'Publisher', 'Reviewer'],
  'report.read': ['Admin', 'Manager', 'Publisher', 'Reviewer', 'Analyst'],
  'report.manage': ['Admin', 'Manager'],
  // The agency's MCP tool gateway (issue #16): Managers read it, only Admins change it.
  'gateway.read': ['Admin', 'Manager'],
  'gateway.manage': ['Admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export interface MembershipLike {
  agencyId: string;
  agencyName: string;
  clientId?: string | null;
  role: string;
}

export function roleAllows(role: Role | null, permission: Permission): boolean {
  return !!role && (PERMISSIONS[permission] as readonly string[]).includes(role);
}

const strongest = (roles: string[]): Role | null =>
  roles
    .filter((r): r is Role => (ROLES as readonly string[]).includes(r))
    .sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b))[0] ?? null;

/** The strongest role on a client, directly or through its agency (as services/core/tenancy/effective-role.ts). */
export function roleOnClient(memberships: MembershipLike[], client: { id: string; agencyId: string }): Role | null {
  return strongest(
    memberships
      .filter((m) => m.agencyId === client.agencyId && (!m.clientId || m.clientId === client.id))
      .map((m) => m.role),
  );
}

/** The strongest agency-wide role (memberships without a client), which creating clients and agency switches need. */
export function roleOnAgency(memberships: MembershipLike[], agencyId: string): Role | null {
  return strongest(memberships.filter((m) => m.agencyId === agencyId && !m.clientId).map((m) => m.role));
}

/**
 * The global kill switch belongs to platform staff, which no agency role grants (services/api/modules/kill-switches):
 * `whoami.staff`, as the API read it from the database.
 */
export function mayFlipGlobal(me: { staff: boolean }): boolean {
  return me.staff;
}

export function agenciesOf(memberships: MembershipLike[]): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const m of memberships) if (!seen.has(m.agencyId)) seen.set(m.agencyId, m.agencyName);
  return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
