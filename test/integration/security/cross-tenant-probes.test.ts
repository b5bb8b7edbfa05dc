import { TenantBootstrap } from '../../../services/core/bootstrap/tenants';
import { connectSandboxAccount } from '../../factories/connect-account';
import { createAsset, schedulePost } from '../../factories/posts';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { ID_TAKING_QUERIES } from '../../factories/id-probes';

const MISSING = '00000000-0000-4000-8000-000000000000';

interface Ids {
  agencyId: string;
  clientId: string;
  accountId: string;
  assetId: string;
  postId: string;
  /** the account's browser profile (issue #17) */
  profileId: string;
}

const ATTACH_PROFILE = 'mutation($i: AttachBrowserProfileInput!) { attachBrowserProfile(input: $i) { id } }';
const STORAGE_STATE = JSON.stringify({
  cookies: [
    {
      name: 'sid',
      value: 'victim-session',
      domain: '127.0.0.1',
      path: '/',
      expires: -1,
      httpOnly: true,
      secure: false,
      sameSite: 'Lax',
    },
  ],
  origins: [],
});

/** Every query and mutation that takes an id, with the variables that aim it at `ids`. */
const PROBES: [string, string, (ids: Ids) => Record<string, unknown>][] = [
  ...ID_TAKING_QUERIES,
  // The inbox: a conversation is named by the victim's post id (nothing of theirs answers to it either way).
  [
    'assignConversation',
    'mutation($x: AssignConversationInput!) { assignConversation(input: $x) { id } }',
    (i) => ({ x: { conversationId: i.postId, assigneeId: null } }),
  ],
  [
    'addConversationNote',
    'mutation($x: ConversationNoteInput!) { addConversationNote(input: $x) { id } }',
    (i) => ({ x: { conversationId: i.postId, text: 'probe' } }),
  ],
  [
    'escalateConversation',
    'mutation($x: ConversationStatusInput!) { escalateConversation(input: $x) { id } }',
    (i) => ({ x: { conversationId: i.postId } }),
  ],
  [
    'closeConversation',
    'mutation($x: ConversationStatusInput!) { closeConversation(input: $x) { id } }',
    (i) => ({ x: { conversationId: i.postId } }),
  ],
  [
    'approveReply',
    'mutation($x: ApproveReplyInput!) { approveReply(input: $x) { id } }',
    (i) => ({ x: { replyId: i.postId, checksum: '0'.repeat(64) } }),
  ],
  [
    'rejectReply',
    'mutation($x: RejectReplyInput!) { rejectReply(input: $x) { id } }',
    (i) => ({ x: { replyId: i.postId } }),
  ],
  [
    'replyToConversation',
    'mutation($x: ReplyToConversationInput!) { replyToConversation(input: $x) { id } }',
    (i) => ({ x: { conversationId: i.postId, text: 'probe' } }),
  ],
  [
    'createSavedReply',
    'mutation($x: SavedReplyInput!) { createSavedReply(input: $x) { id } }',
    (i) => ({ x: { clientId: i.clientId, title: 'probe', text: 'probe' } }),
  ],
  [
    'deleteSavedReply',
    'mutation($x: DeleteSavedReplyInput!) { deleteSavedReply(input: $x) }',
    (i) => ({ x: { id: i.postId } }),
  ],
  // Client reports: a report or a link of the target tenant is named by its post's id (nothing answers to it).
  [
    'generateReport',
    'mutation($x: GenerateReportInput!) { generateReport(input: $x) { id } }',
    (i) => ({ x: { clientId: i.clientId } }),
  ],
  [
    'createReportLink',
    'mutation($x: CreateReportLinkInput!) { createReportLink(input: $x) { url } }',
    (i) => ({ x: { reportId: i.postId, expiresInDays: 1 } }),
  ],
  [
    'revokeReportLink',
    'mutation($x: ReportLinkRefInput!) { revokeReportLink(input: $x) { id } }',
    (i) => ({ x: { linkId: i.postId } }),
  ],
  [
    'setReportSchedule',
    'mutation($x: SetReportScheduleInput!) { setReportSchedule(input: $x) { enabled } }',
    (i) => ({ x: { clientId: i.clientId, enabled: true, recipients: ['probe@example.test'], dayOfMonth: 1 } }),
  ],
  // The client review portal: a reviewer or a link of the target tenant is named by its post's id.
  [
    'addClientReviewer',
    'mutation($x: AddClientReviewerInput!) { addClientReviewer(input: $x) { id } }',
    (i) => ({ x: { clientId: i.clientId, name: 'Probe', email: 'probe@client.example' } }),
  ],
  [
    'disableClientReviewer',
    'mutation($x: ClientReviewerRefInput!) { disableClientReviewer(input: $x) { id } }',
    (i) => ({ x: { clientId: i.clientId, reviewerId: i.postId } }),
  ],
  [
    'createReviewLink',
    'mutation($x: CreateReviewLinkInput!) { createReviewLink(input: $x) { url } }',
    (i) => ({ x: { clientId: i.clientId, reviewerId: i.postId } }),
  ],
  [
    'revokeReviewLink',
    'mutation($x: ReviewLinkRefInput!) { revokeReviewLink(input: $x) { id } }',
    (i) => ({ x: { clientId: i.clientId, linkId: i.postId } }),
  ],
  [
    'createClient',
    'mutation($x: CreateClientInput!) { createClient(input: $x) { id } }',
    (i) => ({ x: { agencyId: i.agencyId, name: 'Probe', timezone: 'UTC' } }),
  ],
  [
    'updatePolicySettings',
    'mutation($x: UpdatePolicySettingsInput!) { updatePolicySettings(input: $x) { clientId } }',
    (i) => ({ x: { clientId: i.clientId, fourEyes: false } }),
  ],
  [
    'startPlatformConnect',
    'mutation($x: StartConnectInput!) { startPlatformConnect(input: $x) { state } }',
    (i) => ({ x: { clientId: i.clientId, platform: 'sandbox' } }),
  ],
  [
    'createAsset',
    'mutation($x: CreateAssetInput!) { createAsset(input: $x) { id } }',
    (i) => ({ x: { clientId: i.clientId, text: 'probe' } }),
  ],
  [
    'updateAssetText',
    'mutation($x: UpdateAssetTextInput!) { updateAssetText(input: $x) { id } }',
    (i) => ({ x: { clientId: i.clientId, assetId: i.assetId, text: 'probe' } }),
  ],
  [
    'schedulePost',
    'mutation($x: SchedulePostInput!) { schedulePost(input: $x) { id } }',
    (i) => ({
      x: {
        clientId: i.clientId,
        platformAccountId: i.accountId,
        assetId: i.assetId,
        scheduledAt: '2030-01-01T00:00:00Z',
      },
    }),
  ],
  [
    'approvePost',
    'mutation($x: ApprovePostInput!) { approvePost(input: $x) { id } }',
    (i) => ({ x: { postId: i.postId, assetChecksum: 'a'.repeat(64) } }),
  ],
  [
    'rejectPost',
    'mutation($x: PostDecisionInput!) { rejectPost(input: $x) { id } }',
    (i) => ({ x: { postId: i.postId } }),
  ],
  [
    'cancelPost',
    'mutation($x: PostDecisionInput!) { cancelPost(input: $x) { id } }',
    (i) => ({ x: { postId: i.postId } }),
  ],
  [
    'reschedulePost',
    'mutation($x: ReschedulePostInput!) { reschedulePost(input: $x) { id } }',
    (i) => ({ x: { postId: i.postId, scheduledAt: '2030-01-01T00:00:00Z' } }),
  ],
  // The agency's MCP tool gateway (issue #16): its settings, read and written by agency id.
  ['gatewaySettings', 'query($x: ID!) { gatewaySettings(agencyId: $x) { agencyId } }', (i) => ({ x: i.agencyId })],
  [
    'updateGatewaySettings',
    'mutation($x: UpdateGatewaySettingsInput!) { updateGatewaySettings(input: $x) { agencyId } }',
    (i) => ({ x: { agencyId: i.agencyId, scriptsEnabled: true, acknowledgeScriptRisk: true } }),
  ],
  [
    'setKillSwitch(agency)',
    'mutation($x: SetKillSwitchInput!) { setKillSwitch(input: $x) { id } }',
    (i) => ({ x: { scope: 'agency', scopeId: i.agencyId, engaged: true } }),
  ],
  [
    'setKillSwitch(client)',
    'mutation($x: SetKillSwitchInput!) { setKillSwitch(input: $x) { id } }',
    (i) => ({ x: { scope: 'client', scopeId: i.clientId, engaged: true } }),
  ],
  [
    'setKillSwitch(account)',
    'mutation($x: SetKillSwitchInput!) { setKillSwitch(input: $x) { id } }',
    (i) => ({ x: { scope: 'account', scopeId: i.accountId, engaged: true } }),
  ],
  // The browser lane (issue #17): an account's profile and lane, and the client's restricted platforms (C-45).
  [
    'attachBrowserProfile',
    ATTACH_PROFILE,
    (i) => ({ i: { platformAccountId: i.accountId, storageState: STORAGE_STATE } }),
  ],
  [
    'requestBrowserSideEffects',
    'mutation($p: ID!) { requestBrowserSideEffects(profileId: $p, note: "probe") { id } }',
    (i) => ({ p: i.profileId }),
  ],
  [
    'approveBrowserSideEffects',
    'mutation($p: ID!) { approveBrowserSideEffects(profileId: $p) { id } }',
    (i) => ({ p: i.profileId }),
  ],
  [
    'setBrowserProfileReadOnly',
    'mutation($p: ID!) { setBrowserProfileReadOnly(profileId: $p, reason: "probe") { id } }',
    (i) => ({ p: i.profileId }),
  ],
  ['detachBrowserProfile', 'mutation($p: ID!) { detachBrowserProfile(profileId: $p) }', (i) => ({ p: i.profileId })],
  [
    'setAccountLane',
    'mutation($a: ID!) { setAccountLane(platformAccountId: $a, lane: browser) { id } }',
    (i) => ({ a: i.accountId }),
  ],
  [
    'enableRestrictedPlatform',
    'mutation($c: ID!) { enableRestrictedPlatform(clientId: $c, platform: "skool", acknowledgeRisk: true) { enabled } }',
    (i) => ({ c: i.clientId }),
  ],
  [
    'disableRestrictedPlatform',
    'mutation($c: ID!) { disableRestrictedPlatform(clientId: $c, platform: "skool") { enabled } }',
    (i) => ({ c: i.clientId }),
  ],
];

/** A browser profile on the account, attached by the client's Admin, for the probes to aim at. */
async function attachProfile(stack: TestStack, adminId: string, accountId: string): Promise<string> {
  const r = await stack.gql<{ attachBrowserProfile: { id: string } }>(adminId, ATTACH_PROFILE, {
    i: { platformAccountId: accountId, storageState: STORAGE_STATE },
  });
  if (!r.data) throw new Error(`attaching the victim's browser profile failed: ${JSON.stringify(r.errors)}`);
  return r.data.attachBrowserProfile.id;
}

describe('cross-tenant probes through GraphQL (C-02, C-04)', () => {
  let stack: TestStack;
  let victim: SeededTenant;
  let victimIds: Ids;
  let sibling: Ids;
  beforeAll(async () => {
    stack = await startTestStack({ env: { RAIZE_RATE_LIMIT_PRIVILEGED_PER_MINUTE: '1000' } });
    victim = await seedTenant(stack.ds);
    const acc = await connectSandboxAccount(stack, victim.users.admin, victim.clientId);
    const asset = await createAsset(stack, victim.users.author, victim.clientId, 'Victim content');
    const post = await schedulePost(stack, victim.users.author, {
      clientId: victim.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 3600,
    });
    victimIds = {
      agencyId: victim.agencyId,
      clientId: victim.clientId,
      accountId: acc.accountId,
      assetId: asset.id,
      postId: post.id,
      profileId: await attachProfile(stack, victim.users.admin, acc.accountId),
    };
    // A second client of the same agency, for operators whose role is on one client only.
    const second = await new TenantBootstrap(stack.ds).createClient(victim.agencyId, 'Sibling client', 'UTC');
    const acc2 = await connectSandboxAccount(stack, victim.users.admin, second.id);
    const asset2 = await createAsset(stack, victim.users.author, second.id, 'Sibling content');
    const post2 = await schedulePost(stack, victim.users.author, {
      clientId: second.id,
      platformAccountId: acc2.accountId,
      assetId: asset2.id,
      inSeconds: 3600,
    });
    sibling = {
      agencyId: victim.agencyId,
      clientId: second.id,
      accountId: acc2.accountId,
      assetId: asset2.id,
      postId: post2.id,
      profileId: await attachProfile(stack, victim.users.admin, acc2.accountId),
    };
  });
  afterAll(() => stack.close());

  const missingIds: Ids = {
    agencyId: MISSING,
    clientId: MISSING,
    accountId: MISSING,
    assetId: MISSING,
    postId: MISSING,
    profileId: MISSING,
  };
  const snapshot = async () =>
    JSON.stringify(
      await stack.ds.query(
        `SELECT (SELECT count(*) FROM assets) a, (SELECT count(*) FROM clients) c, (SELECT count(*) FROM publish_jobs) p, (SELECT count(*) FROM kill_switches WHERE engaged) k, (SELECT count(*) FROM oauth_attempts) o, (SELECT string_agg(text, '|' ORDER BY id) FROM assets WHERE client_id IN ($1, $2)) t, (SELECT string_agg(concat_ws(':', mode, manifest_signature, updated_at), '|' ORDER BY id) FROM browser_profiles WHERE client_id IN ($1, $2)) b, (SELECT string_agg(concat_ws(':', lane, allowed_lanes, enabled_platforms), '|' ORDER BY pa.id) FROM platform_accounts pa JOIN client_policy_settings USING (client_id) WHERE client_id IN ($1, $2)) l`,
        [victim.clientId, sibling.clientId],
      ),
    );

  it.each(PROBES.map(([name]) => [name]))(
    "[C-04] an Admin of another agency probing %s gets exactly 'not found'",
    async (name) => {
      const [, query, vars] = PROBES.find(([n]) => n === name)!;
      const attacker = await seedTenant(stack.ds);
      const before = await snapshot();
      const foreign = await stack.gql(attacker.users.admin, query, vars(victimIds));
      const absent = await stack.gql(attacker.users.admin, query, vars(missingIds));
      // A nullable field answers `{ field: null }` beside its error: nothing of the victim's either way.
      expect(Object.values(foreign.data ?? {}).filter((v) => v !== null)).toEqual([]);
      expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(foreign.errors?.[0]).toEqual(absent.errors?.[0]);
      expect(await snapshot()).toBe(before);
    },
  );

  it.each(
    PROBES.filter(([n]) => !n.startsWith('createClient') && n !== 'setKillSwitch(agency)').map(([name]) => [name]),
  )("[C-02] an operator of one client probing a sibling client's %s gets exactly 'not found'", async (name) => {
    const [, query, vars] = PROBES.find(([n]) => n === name)!;
    const before = await snapshot();
    // The reviewer holds a role on the victim's first client only.
    const foreign = await stack.gql(victim.users.reviewer, query, vars(sibling));
    const absent = await stack.gql(victim.users.reviewer, query, vars({ ...missingIds }));
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(foreign.errors?.[0]).toEqual(absent.errors?.[0]);
    expect(await snapshot()).toBe(before);
  });
});
