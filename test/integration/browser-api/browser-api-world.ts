import { randomUUID } from 'node:crypto';
import { TenantBootstrap } from '../../../services/core/bootstrap/tenants';
import type { Role } from '../../../services/core/database/entities';
import type { SeededTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';

/** The fields of a browser profile an operator sees (everything the API has: never a storage state). */
export const PROFILE_FIELDS = `id platformAccountId mode hybridWriter modeReason { code message }
  manifest { handle externalAccountId displayName issuedAt } manifestValid
  sideEffectsRequestedBy { id displayName } sideEffectsRequestedAt sideEffectsNote
  sideEffectsApprovedBy { id displayName } sideEffectsApprovedAt runnerId lastCheckAt
  lastCheck { ok stopKind stopMessage missingSelectors observedHandle detail } selectorMapVersion`;

export const BROWSER_PROFILE = `query($a: ID!) { browserProfile(platformAccountId: $a) { ${PROFILE_FIELDS} } }`;
export const ATTACH = `mutation($i: AttachBrowserProfileInput!) { attachBrowserProfile(input: $i) { ${PROFILE_FIELDS} } }`;
export const REQUEST = `mutation($p: ID!, $n: String) { requestBrowserSideEffects(profileId: $p, note: $n) { ${PROFILE_FIELDS} } }`;
export const APPROVE = `mutation($p: ID!) { approveBrowserSideEffects(profileId: $p) { ${PROFILE_FIELDS} } }`;
export const READ_ONLY = `mutation($p: ID!, $r: String!) { setBrowserProfileReadOnly(profileId: $p, reason: $r) { ${PROFILE_FIELDS} } }`;
export const DETACH = 'mutation($p: ID!) { detachBrowserProfile(profileId: $p) }';
export const SET_LANE =
  'mutation($a: ID!, $l: PublishLane!) { setAccountLane(platformAccountId: $a, lane: $l) { id lane status } }';

export const MISSING = '00000000-0000-4000-8000-000000000000';

/** A storage state as Playwright exports it, with a cookie value and a local storage value that must never leak. */
export function storageState(secret: string): string {
  return JSON.stringify({
    cookies: [
      {
        name: 'sbx_session',
        value: secret,
        domain: '127.0.0.1',
        path: '/',
        expires: -1,
        httpOnly: true,
        secure: false,
        sameSite: 'Lax',
      },
    ],
    origins: [{ origin: 'http://127.0.0.1:4000', localStorage: [{ name: 'token', value: `ls-${secret}` }] }],
  });
}

/** A platform account of the tenant's client with a known stored identity (no OAuth needed for the browser lane). */
export async function seedAccount(
  stack: TestStack,
  t: { agencyId: string; clientId: string },
): Promise<{ id: string; handle: string; externalAccountId: string }> {
  const externalAccountId = `sbx_u_${randomUUID().slice(0, 8)}`;
  const handle = `@brand_${externalAccountId.slice(-4)}`;
  const [row] = await stack.ds.query<{ id: string }[]>(
    `INSERT INTO platform_accounts (agency_id, client_id, platform, external_account_id, handle, fingerprint)
     VALUES ($1, $2, 'sandbox', $3, $4, 'fp') RETURNING id`,
    [t.agencyId, t.clientId, externalAccountId, handle],
  );
  return { id: row.id, handle, externalAccountId };
}

/** One more operator of the tenant's agency (agency-wide unless `clientId`), with a known display name. */
export async function addOperator(
  stack: TestStack,
  t: SeededTenant,
  role: Role,
  name: string,
  clientId: string | null = null,
): Promise<string> {
  const b = new TenantBootstrap(stack.ds);
  const u = await b.createUser(
    `${name.toLowerCase().replace(/\W+/g, '-')}-${randomUUID().slice(0, 8)}@example.test`,
    name,
  );
  await b.grant(u.id, t.agencyId, role, clientId);
  return u.id;
}

/** Every audit row of the client, as text: what must never hold a storage state. */
export async function auditText(stack: TestStack, clientId: string): Promise<string> {
  return JSON.stringify(
    await stack.ds.query('SELECT * FROM audit_events WHERE client_id = $1 ORDER BY seq', [clientId]),
  );
}

export const codeOf = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
