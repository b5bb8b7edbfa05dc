import type { PlatformSettings } from '../connector.types';

/**
 * Who a LinkedIn connection posts as. `person`: the member who consents (urn:li:person). `organization`: a Page the
 * member administers (urn:li:organization), through the Community Management API's organization scopes.
 */
export type LinkedInAuthorKind = 'person' | 'organization';

/**
 * LinkedIn's extra settings, read from its PlatformSettings under these names (so configuration can carry them once
 * PlatformSettings does). Without them a connection is a person's.
 *
 * Why per process and not per connection: the consent dialog shows the scopes the authorize URL asks for, and the
 * connect flow hands the connector nothing but state and PKCE; LinkedIn also wants the Community Management API alone
 * on its app, so a deployment that posts as Pages runs an app of its own for them.
 */
export interface LinkedInSettings extends PlatformSettings {
  linkedinAuthorKind?: LinkedInAuthorKind;
}

export function linkedinAuthorKind(settings: PlatformSettings): LinkedInAuthorKind {
  return (settings as LinkedInSettings).linkedinAuthorKind ?? 'person';
}

/**
 * The fewest scopes that publish, identify, read back and reconcile as a member
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api, Permissions):
 * openid + profile for GET /v2/userinfo (the member's `sub`), w_member_social to post, r_member_social to read the
 * member's posts back (GET /rest/posts, the author finder). r_member_social is restricted to approved partners; an
 * app without it can publish but not verify, and the health centre says so (standing().missing).
 */
export const LINKEDIN_PERSON_SCOPES = ['openid', 'profile', 'w_member_social', 'r_member_social'];

/**
 * The Page statistics the analytics episode reads (GET /rest/organizationalEntityShareStatistics: impressions, unique
 * impressions, clicks and interactions) need rw_organization_admin, and answer only a member with the ADMINISTRATOR
 * role (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/share-statistics,
 * Permissions; follower statistics likewise, …/organizations/follower-statistics). The reference names no permission
 * for the follower count (GET /rest/networkSizes); rw_organization_admin covers it either way. A member's own profile
 * has no statistics API, so a person connection does not ask for it.
 */
export const LINKEDIN_ANALYTICS_SCOPE = 'rw_organization_admin';

/**
 * As a Page: openid + profile (who the member is, for the role check), w_organization_social to post,
 * r_organization_social to read the Page's posts and the member's roles (GET /rest/organizationAcls?q=roleAssignee),
 * and rw_organization_admin for the Page's statistics (above).
 */
export const LINKEDIN_ORGANIZATION_SCOPES = [
  'openid',
  'profile',
  'w_organization_social',
  'r_organization_social',
  LINKEDIN_ANALYTICS_SCOPE,
];

export function linkedinScopes(kind: LinkedInAuthorKind): string[] {
  return kind === 'organization' ? LINKEDIN_ORGANIZATION_SCOPES : LINKEDIN_PERSON_SCOPES;
}

/**
 * Page roles that may post organic content as the Page
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-access-control-by-role).
 */
export const LINKEDIN_POSTING_ROLES = new Set(['ADMINISTRATOR', 'CONTENT_ADMINISTRATOR']);
