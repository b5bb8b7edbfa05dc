import type { ConnectorCredential } from '../connector.types';

/**
 * Which author a LinkedIn credential posts as. LinkedIn's tokens are a member's: nothing in one says which Page it
 * was connected for, and identity() receives only the credential. So the connector binds the Page to the token it
 * stores: `li-org:{organization id}:{access token}` for a Page, the bare token for the member. The binding is made
 * at the code exchange (linkedin-oauth.ts), kept through refreshes, and stripped before anything is sent; the
 * prefix cannot clash with a LinkedIn token (they are URL-safe base64, without `:`).
 */
export interface LinkedInCredential {
  /** the token LinkedIn issued, for the Authorization header */
  token: string;
  /** the numeric id of the Page this connection posts as; null for the member */
  organizationId: string | null;
}

const PREFIX = 'li-org:';
const BOUND = /^li-org:(\d{1,20}):(.+)$/s;

export function bindOrganization(accessToken: string, organizationId: string): string {
  if (!/^\d{1,20}$/.test(organizationId)) throw new Error('a LinkedIn organization id is numeric');
  return `${PREFIX}${organizationId}:${readCredential({ accessToken }).token}`;
}

export function readCredential(cred: ConnectorCredential): LinkedInCredential {
  const m = BOUND.exec(cred.accessToken);
  if (m) return { token: m[2]!, organizationId: m[1]! };
  return { token: cred.accessToken, organizationId: null };
}

/** The same binding on a new access token (a refresh answers a bare one). */
export function rebind(previous: string, nextToken: string): string {
  const { organizationId } = readCredential({ accessToken: previous });
  return organizationId ? bindOrganization(nextToken, organizationId) : nextToken;
}

export const personUrn = (sub: string): string => `urn:li:person:${sub}`;
export const organizationUrn = (id: string): string => `urn:li:organization:${id}`;

/** `urn:li:organization:123` → `123`; null for anything else. */
export function organizationIdOf(urn: string): string | null {
  return /^urn:li:organization:(\d+)$/.exec(urn)?.[1] ?? null;
}
