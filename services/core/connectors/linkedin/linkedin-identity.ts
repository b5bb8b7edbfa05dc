import { ConnectorError } from '../connector.errors';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest, parseAnswer } from '../http/connector-http';
import { organizationIdOf, organizationUrn, personUrn, readCredential } from './linkedin-author';
import type { LinkedInCredential } from './linkedin-author';
import { LINKEDIN_POSTING_ROLES } from './linkedin-settings';
import { organizationAclsPageSchema, organizationSchema, userinfoSchema } from './linkedin-wire';
import type { ConnectorCredential } from '../connector.types';

/** Pages of ACL rows we read at most: a member with more than 500 Page roles is not a brand account. */
const MAX_ACL_PAGES = 5;
const ACL_PAGE = 100;

export interface LinkedInMember {
  sub: string;
  urn: string;
  name?: string;
}

/** Who the token belongs to, by OpenID Connect's `sub` (the id in urn:li:person). */
export async function readMember(
  http: ConnectorHttpConfig,
  token: string,
  signal?: AbortSignal,
): Promise<LinkedInMember> {
  const call = { method: 'GET', path: '/v2/userinfo', route: '/v2/userinfo' } as const;
  const me = parseAnswer(userinfoSchema, await connectorRequest(http, { ...call, token, signal }), call);
  const name = me.name ?? ([me.given_name, me.family_name].filter(Boolean).join(' ') || undefined);
  return { sub: me.sub, urn: personUrn(me.sub), name };
}

/**
 * The Pages the member may post as: approved ADMINISTRATOR or CONTENT_ADMINISTRATOR roles, from
 * GET /rest/organizationAcls?q=roleAssignee (the finder answers the token's own member).
 */
export async function postingOrganizations(
  http: ConnectorHttpConfig,
  token: string,
  opts: { signal?: AbortSignal; onProgress?: () => void } = {},
): Promise<string[]> {
  const ids = new Set<string>();
  for (let page = 0; page < MAX_ACL_PAGES; page++) {
    const query = new URLSearchParams({
      q: 'roleAssignee',
      state: 'APPROVED',
      start: String(page * ACL_PAGE),
      count: String(ACL_PAGE),
    });
    const call = { method: 'GET', path: `/rest/organizationAcls?${query}`, route: '/rest/organizationAcls' } as const;
    const a = await connectorRequest(http, { ...call, token, signal: opts.signal });
    const rows = parseAnswer(organizationAclsPageSchema, a, call).elements;
    opts.onProgress?.();
    for (const row of rows) {
      const id = organizationIdOf(row.organization);
      if (id && row.state === 'APPROVED' && LINKEDIN_POSTING_ROLES.has(row.role)) ids.add(id);
    }
    if (rows.length < ACL_PAGE) break;
  }
  return [...ids];
}

export interface LinkedInAuthor {
  /** the URN posts are made as: what the account fingerprint compares (C-19) */
  urn: string;
  member: LinkedInMember;
  /** the bound Page's id, when the credential names one and the member still holds a posting role on it */
  organizationId: string | null;
  /** the credential names a Page the member no longer may post as */
  lostPageRole: boolean;
  credential: LinkedInCredential;
}

/**
 * The author a credential posts as, right now. A Page binding holds only while the token's member may post as the
 * Page: otherwise the token can act only as the member, and that is the identity reported, so the fingerprint check
 * sees a different account and quarantines it instead of posting under a role that is gone.
 */
export async function resolveAuthor(
  http: ConnectorHttpConfig,
  cred: ConnectorCredential,
  opts: { signal?: AbortSignal; onProgress?: () => void } = {},
): Promise<LinkedInAuthor> {
  const credential = readCredential(cred);
  const member = await readMember(http, credential.token, opts.signal);
  if (!credential.organizationId)
    return { urn: member.urn, member, organizationId: null, lostPageRole: false, credential };
  const pages = await postingOrganizations(http, credential.token, opts);
  if (!pages.includes(credential.organizationId))
    return { urn: member.urn, member, organizationId: null, lostPageRole: true, credential };
  return {
    urn: organizationUrn(credential.organizationId),
    member,
    organizationId: credential.organizationId,
    lostPageRole: false,
    credential,
  };
}

/** A Page's vanity name (its handle on LinkedIn) and name; null when LinkedIn does not show them to this member. */
export async function readOrganizationNames(
  http: ConnectorHttpConfig,
  token: string,
  id: string,
  signal?: AbortSignal,
): Promise<{ vanityName?: string; localizedName?: string } | null> {
  const call = { method: 'GET', path: `/rest/organizations/${id}`, route: '/rest/organizations/{id}' } as const;
  try {
    return parseAnswer(organizationSchema, await connectorRequest(http, { ...call, token, signal }), call);
  } catch (err) {
    if (err instanceof ConnectorError && (err.kind === 'not_found' || err.details.health === 'missing_permissions'))
      return null;
    throw err;
  }
}
