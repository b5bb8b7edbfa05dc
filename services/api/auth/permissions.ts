import type { ApiTokenScope, Role } from '../../core/database/entities';

/**
 * The one permission matrix: what each role may do on a client. Resolvers name the permission they need;
 * nothing else decides (C-03). docs/permissions.md mirrors this table.
 */
export const PERMISSIONS = {
  'client.read': ['Admin', 'Manager', 'Publisher', 'Reviewer', 'Analyst'],
  'client.create': ['Admin', 'Manager'],
  'account.connect': ['Admin', 'Manager'],
  'asset.write': ['Admin', 'Manager', 'Publisher'],
  'post.schedule': ['Admin', 'Manager', 'Publisher'],
  'post.approve': ['Admin', 'Manager', 'Publisher', 'Reviewer'],
  'post.cancel': ['Admin', 'Manager', 'Publisher'],
  'killswitch.set': ['Admin', 'Manager'],
  'policy.update': ['Admin'],
  'audit.read': ['Admin', 'Manager', 'Publisher', 'Reviewer', 'Analyst'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * What an API token must carry for each permission, on top of its owner's role (C-09). `admin` covers every
 * other scope except `staff`, which only platform staff can put on a token (services/api/auth/token-scope.ts).
 */
export const TOKEN_SCOPE_FOR: Record<Permission, ApiTokenScope> = {
  'client.read': 'read',
  'audit.read': 'read',
  'asset.write': 'publish',
  'post.schedule': 'publish',
  'post.cancel': 'publish',
  'post.approve': 'approve',
  'client.create': 'admin',
  'account.connect': 'admin',
  'killswitch.set': 'admin',
  // Autonomy, four eyes, caps: what lets side effects run unattended, so a script needs the strongest scope (C-03).
  'policy.update': 'admin',
};

/** Whether a token's scopes cover `needed`: `admin` covers every scope but `staff`, which must be named. */
export function tokenCarries(scopes: readonly ApiTokenScope[] | undefined, needed: ApiTokenScope): boolean {
  return !!scopes && (scopes.includes(needed) || (needed !== 'staff' && scopes.includes('admin')));
}

export function roleAllows(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
