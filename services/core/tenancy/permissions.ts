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
  /** approve, request changes on or reject a created plan item in the review queue */
  'item.review': ['Admin', 'Manager', 'Publisher', 'Reviewer'],
  'post.cancel': ['Admin', 'Manager', 'Publisher'],
  // Content plans: asking for one, deciding on one (four eyes: not its requester), and a client's recurring planning.
  'plan.create': ['Admin', 'Manager', 'Publisher'],
  'plan.approve': ['Admin', 'Manager', 'Publisher', 'Reviewer'],
  'plan.recurring': ['Admin', 'Manager'],
  // The brand kit and knowledge base: banned claims and don't words feed the content policy, so not an author's to loosen.
  'brand.update': ['Admin', 'Manager'],
  'killswitch.set': ['Admin', 'Manager'],
  'policy.update': ['Admin'],
  // BYOK keys (write-only) and a client's AI budget, contract and preferred providers: money and secrets.
  'provider_key.manage': ['Admin', 'Manager'],
  'audit.read': ['Admin', 'Manager', 'Publisher', 'Reviewer', 'Analyst'],
  // The engagement inbox: working conversations (assign, notes, saved replies, escalate, close), and deciding on a
  // reply Raize would send in the client's name (approve, edit and send, reject).
  'inbox.work': ['Admin', 'Manager', 'Publisher', 'Reviewer'],
  'reply.approve': ['Admin', 'Manager', 'Publisher', 'Reviewer'],
  // Outbound webhooks: where a client's events go, signed with a secret shown once (issue #13).
  'webhook.manage': ['Admin', 'Manager'],
  // The client's reviewers and their review links (issue #14): who at the client sees which posts before they go out.
  'review_link.manage': ['Admin', 'Manager', 'Publisher'],
  // Client reports (issue #14): reading them and their figures; making, sharing (a public read-only link), revoking
  // and scheduling them, which sends a client's data outside Raize.
  'report.read': ['Admin', 'Manager', 'Publisher', 'Reviewer', 'Analyst'],
  'report.manage': ['Admin', 'Manager'],
  // The MCP tool gateway of an agency (issue #16): which tools its assistants and AI steps may reach, its limits and
  // budget. Managers read it (they run the agency's clients); only an Admin changes it, because turning on scripts
  // lets code run on Raize's side and reach the domains listed, and switching tools on widens what every prompt-
  // injectable model of the agency can call (C-36, C-38): as strong as policy.update.
  'gateway.read': ['Admin', 'Manager'],
  'gateway.manage': ['Admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleAllows(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
