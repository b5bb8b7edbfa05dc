import { randomUUID } from 'node:crypto';
import { SANDBOX_PASSWORD, connectSandboxAccount } from '../../factories/connect-account';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import { createAsset, schedulePost, type PostView } from '../../factories/posts';
import type { TestStack } from '../../harness/stack';
import { addOperator, APPROVE, ATTACH, REQUEST, SET_LANE } from '../browser-api/browser-api-world';

export interface BrowserAccount {
  t: SeededTenant;
  accountId: string;
  profileId: string;
  brandUserId: string;
  username: string;
}

const ok = <T>(r: { data?: T; errors?: unknown[] }, what: string): T => {
  if (!r.data) throw new Error(`${what}: ${JSON.stringify(r.errors)}`);
  return r.data;
};

/**
 * An operator's whole setup of the browser lane, through the API: connect the sandbox account, attach a signed-in
 * browser profile (the session of `sessionOf`, the brand itself unless a test says otherwise), have two different
 * Admins enable side effects (C-42), and switch the account to the browser lane.
 */
export async function browserAccount(
  stack: TestStack,
  o: { sessionOf?: 'brand' | 'other'; enable?: boolean } = {},
): Promise<BrowserAccount> {
  const t = await seedTenant(stack.ds, { autonomy: { publish: 'autonomous' }, fourEyes: false });
  const username = `brand_${randomUUID().slice(0, 8)}`;
  const brand = await stack.sandboxAdmin.createUser({
    username,
    password: SANDBOX_PASSWORD,
    displayName: 'Brand Co',
    email: `press+${username}@brand.example`,
    phone: '+44 20 7946 0958',
  });
  const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId, {
    id: brand.id,
    username,
    handle: brand.handle,
  });
  const sessionUser =
    o.sessionOf === 'other'
      ? await stack.sandboxAdmin.createUser({
          username: `other_${randomUUID().slice(0, 8)}`,
          password: SANDBOX_PASSWORD,
          displayName: 'Someone Else',
        })
      : brand;
  const { cookie } = await stack.sandboxAdmin.createSession({ userId: sessionUser.id });
  const attached = ok(
    await stack.gql<{ attachBrowserProfile: { id: string } }>(t.users.admin, ATTACH, {
      i: {
        platformAccountId: acc.accountId,
        storageState: JSON.stringify({ cookies: [cookie], origins: [] }),
        displayName: 'Brand Co',
      },
    }),
    'attachBrowserProfile',
  );
  const profileId = attached.attachBrowserProfile.id;
  if (o.enable !== false) {
    const second = await addOperator(stack, t, 'Admin', 'Second Admin');
    ok(await stack.gql(t.users.admin, REQUEST, { p: profileId, n: 'publish through the browser' }), 'request');
    ok(await stack.gql(second, APPROVE, { p: profileId }), 'approve');
  }
  ok(await stack.gql(t.users.admin, SET_LANE, { a: acc.accountId, l: 'browser' }), 'setAccountLane');
  return { t, accountId: acc.accountId, profileId, brandUserId: brand.id, username };
}

export async function scheduleNow(stack: TestStack, a: BrowserAccount, text: string): Promise<PostView> {
  const asset = await createAsset(stack, a.t.users.author, a.t.clientId, text);
  return schedulePost(stack, a.t.users.admin, {
    clientId: a.t.clientId,
    platformAccountId: a.accountId,
    assetId: asset.id,
    inSeconds: 1,
  });
}

/** The brand's posts on the platform, by the sandbox's own admin view (not through Raize). */
export async function platformPostsBy(stack: TestStack, username: string): Promise<{ id: string; text: string }[]> {
  const res = await fetch(`${stack.sandbox.url}/u/${encodeURIComponent(username)}`);
  const html = await res.text();
  return [...html.matchAll(/data-post-id="([^"]+)"/g)].map((m) => ({ id: m[1]!, text: '' }));
}

export async function profileRow(
  stack: TestStack,
  profileId: string,
): Promise<{ mode: string; mode_reason: { code: string } | null }> {
  const [row] = await stack.ds.query<{ mode: string; mode_reason: { code: string } | null }[]>(
    'SELECT mode, mode_reason FROM browser_profiles WHERE id = $1',
    [profileId],
  );
  return row!;
}

export async function auditActions(stack: TestStack, clientId: string): Promise<string[]> {
  const rows = await stack.ds.query<{ action: string }[]>(
    'SELECT action FROM audit_events WHERE client_id = $1 ORDER BY seq',
    [clientId],
  );
  return rows.map((r) => r.action);
}
