import type { Role } from '../database/entities';

/**
 * The one permission matrix: what each role may do on a client. Resolvers and the worker's decision checks
 * name the permission they need; nothing else decides (C-03). docs/permissions.md mirrors this table.
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

export function roleAllows(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
