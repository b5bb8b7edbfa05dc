import type { ApiTokenScope } from '../../core/database/entities';
import type { Permission } from '../../core/tenancy/permissions';

// The matrix lives in core, so the API and the worker's activities read the same one.
export { PERMISSIONS, roleAllows } from '../../core/tenancy/permissions';
export type { Permission } from '../../core/tenancy/permissions';

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
  'plan.create': 'publish',
  'plan.approve': 'approve',
  'plan.recurring': 'publish',
  'item.review': 'approve',
  'client.create': 'admin',
  'account.connect': 'admin',
  'killswitch.set': 'admin',
  // The brand kit's rules feed the content policy check (banned claims, don't words): the strongest scope.
  'brand.update': 'admin',
  // Autonomy, four eyes, caps: what lets side effects run unattended, so a script needs the strongest scope (C-03).
  'policy.update': 'admin',
  // Keys themselves are session-only mutations; the AI budget and settings need the strongest scope.
  'provider_key.manage': 'admin',
  'inbox.work': 'publish',
  'reply.approve': 'approve',
  // Webhook targets and secrets decide where a client's events go: the strongest scope.
  'webhook.manage': 'admin',
  // A review link shows the client's posts to someone outside the agency: as strong as scheduling them.
  'review_link.manage': 'publish',
  'report.read': 'read',
  // A report link is a public URL to a client's figures, and the schedule mails them out: the strongest scope.
  'report.manage': 'admin',
  'gateway.read': 'read',
  // Which tools every model of the agency may call, and whether scripts run: the strongest scope (C-36, C-38).
  'gateway.manage': 'admin',
};

/** Whether a token's scopes cover `needed`: `admin` covers every scope but `staff`, which must be named. */
export function tokenCarries(scopes: readonly ApiTokenScope[] | undefined, needed: ApiTokenScope): boolean {
  return !!scopes && (scopes.includes(needed) || (needed !== 'staff' && scopes.includes('admin')));
}
