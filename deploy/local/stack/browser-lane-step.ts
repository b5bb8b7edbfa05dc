import type { SandboxAdminClient } from '../../../services/sandbox/sandbox-admin.client';
import { DEMO } from './demo-tenant';
import type { DemoTenant } from './demo-tenant';
import type { GraphqlClient } from './graphql-client';
import type { Progress } from './progress';

const PROFILE = 'id mode manifest { handle externalAccountId displayName } manifestValid';

/**
 * The demo's browser lane (`npm run demo -- --lane browser`, issue #17): the brand's signed-in browser session
 * becomes the account's profile (encrypted at rest, C-40; a signed manifest of the identity it must show, C-41), two
 * different Admins switch it to side-effect mode (C-42), and the account moves to the browser lane: the post that
 * follows is published through the sandbox's web pages by the browser runner, with proof through the page (C-44).
 */
export async function enableBrowserLane(
  o: { gql: GraphqlClient; sandboxAdmin: SandboxAdminClient; progress: Progress; tenant: DemoTenant },
  account: { accountId: string; sandboxUserId: string; displayName: string },
): Promise<{ profileId: string }> {
  const { gql, progress } = o;
  const [adminA, adminB] = await progress.step(
    `sign in as two different Admins, ${DEMO.adminA.email} and ${DEMO.adminB.email}`,
    () =>
      Promise.all([
        gql.signIn(DEMO.adminA.email, o.tenant.passwords.adminA),
        gql.signIn(DEMO.adminB.email, o.tenant.passwords.adminB),
      ]),
    () => 'two Admin sessions',
  );
  const { cookie } = await progress.step(
    "sign the brand in on the sandbox's web pages (its session becomes the browser profile)",
    () => o.sandboxAdmin.createSession({ userId: account.sandboxUserId }),
    () => 'a signed-in session (never printed)',
  );
  const attached = await progress.step(
    "attach it as the account's browser profile (encrypted at rest; a signed manifest of the identity it must show)",
    () =>
      gql.request<{ attachBrowserProfile: { id: string; mode: string; manifest: { handle: string } } }>(
        adminA,
        `mutation($i: AttachBrowserProfileInput!) { attachBrowserProfile(input: $i) { ${PROFILE} } }`,
        {
          i: {
            platformAccountId: account.accountId,
            storageState: JSON.stringify({ cookies: [cookie], origins: [] }),
            displayName: account.displayName,
          },
        },
      ),
    (r) =>
      `profile ${r.attachBrowserProfile.id}, ${r.attachBrowserProfile.mode}, manifest ${r.attachBrowserProfile.manifest.handle}`,
  );
  const profileId = attached.attachBrowserProfile.id;
  await progress.step(
    `${DEMO.adminA.name} asks for side effects through the browser`,
    () =>
      gql.request(adminA, `mutation($p: ID!) { requestBrowserSideEffects(profileId: $p, note: "demo") { id } }`, {
        p: profileId,
      }),
    () => 'requested',
  );
  await progress.step(
    `${DEMO.adminB.name} approves (a second, different Admin: C-42)`,
    () =>
      gql.request<{ approveBrowserSideEffects: { mode: string } }>(
        adminB,
        `mutation($p: ID!) { approveBrowserSideEffects(profileId: $p) { mode } }`,
        { p: profileId },
      ),
    (r) => `mode ${r.approveBrowserSideEffects.mode}`,
  );
  await progress.step(
    'switch the account to the browser lane',
    () =>
      gql.request<{ setAccountLane: { lane: string } }>(
        adminA,
        'mutation($a: ID!) { setAccountLane(platformAccountId: $a, lane: browser) { lane } }',
        { a: account.accountId },
      ),
    (r) => `lane ${r.setAccountLane.lane}: the publish runs on the browser runner holding the profile`,
  );
  return { profileId };
}

/**
 * After the browser-lane post, the demo account goes back to the API lane: the episodes that follow publish media,
 * which the browser lane does not (docs/browser-lane.md, limits).
 */
export async function backToApiLane(
  o: { gql: GraphqlClient; progress: Progress; tenant: DemoTenant },
  accountId: string,
): Promise<void> {
  const admin = await o.gql.signIn(DEMO.adminA.email, o.tenant.passwords.adminA);
  await o.progress.step(
    'switch the account back to the API lane (the episodes that follow publish media)',
    () =>
      o.gql.request<{ setAccountLane: { lane: string } }>(
        admin,
        'mutation($a: ID!) { setAccountLane(platformAccountId: $a, lane: api) { lane } }',
        { a: accountId },
      ),
    (r) => `lane ${r.setAccountLane.lane}`,
  );
}
