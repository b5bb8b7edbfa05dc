import { connectSandboxAccount } from '../factories/connect-account';
import { publishJobCount } from '../factories/db-reads';
import {
  createAsset,
  getPost,
  hasStatus,
  postAttempts,
  postMutation,
  schedulePost,
  waitForPost,
} from '../factories/posts';
import { seedTenant } from '../factories/tenant.factory';
import type { TestStack } from '../harness/stack';
import { startTestStack } from '../harness/stack';

describe('operators steering a scheduled post through GraphQL signals', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ withWorker: true });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.sandboxAdmin.clearRequests());

  async function scheduled(inSeconds: number, settings: Parameters<typeof seedTenant>[1] = {}) {
    const t = await seedTenant(stack.ds, settings);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const asset = await createAsset(stack, t.users.author, t.clientId, `Steered ${Math.random()}`);
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds,
    });
    return { t, acc, asset, post };
  }

  it("reject ends the episode as rejected with the reviewer's reason; nothing is sent", async () => {
    const { t, post } = await scheduled(60);
    await waitForPost(stack, t.users.author, post.id, (p) => p.status === 'awaiting_approval');
    const r = await stack.gql(t.users.reviewer, 'mutation($i: PostDecisionInput!) { rejectPost(input: $i) { id } }', {
      i: { postId: post.id, note: 'off-brand tone' },
    });
    expect(r.errors).toBeUndefined();
    const done = await waitForPost(stack, t.users.author, post.id, hasStatus('rejected'));
    expect(done.reasons).toEqual([{ code: 'rejected', message: 'off-brand tone' }]);
    expect(await postAttempts(stack)).toBe(0);
    const again = await postMutation(stack, t.users.approver, 'approvePost', post.id);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('cancel stops an approved post that waits for its slot', async () => {
    const { t, post } = await scheduled(60, { autonomy: { publish: 'autonomous' }, fourEyes: false });
    await waitForPost(stack, t.users.author, post.id, (p) => p.workflowStatus === 'scheduled');
    expect((await postMutation(stack, t.users.author, 'cancelPost', post.id)).errors).toBeUndefined();
    await waitForPost(stack, t.users.author, post.id, hasStatus('cancelled'));
    expect(await postAttempts(stack)).toBe(0);
  });

  it('reschedule moves the slot: a post an hour out goes out now', async () => {
    const { t, post } = await scheduled(3600, { autonomy: { publish: 'autonomous' }, fourEyes: false });
    await waitForPost(stack, t.users.author, post.id, (p) => p.workflowStatus === 'scheduled');
    const r = await stack.gql<{ reschedulePost: { id: string } }>(
      t.users.author,
      'mutation($i: ReschedulePostInput!) { reschedulePost(input: $i) { id } }',
      { i: { postId: post.id, scheduledAt: new Date(Date.now() + 1000).toISOString() } },
    );
    expect(r.errors).toBeUndefined();
    await waitForPost(stack, t.users.author, post.id, hasStatus('verified'));
    expect(await postAttempts(stack)).toBe(1);
  });

  it("[C-02] another agency's post answers exactly like a missing one, for queries and signals", async () => {
    const { post } = await scheduled(3600);
    const other = await seedTenant(stack.ds);
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const [q, vars] of [
      ['query($id: ID!) { post(id: $id) { id } }', (id: string) => ({ id })],
      ['query($id: ID!) { auditEvents(postId: $id) { id } }', (id: string) => ({ id })],
      [
        'mutation($i: ApprovePostInput!) { approvePost(input: $i) { id } }',
        (id: string) => ({ i: { postId: id, assetChecksum: 'a'.repeat(64) } }),
      ],
      ['mutation($i: PostDecisionInput!) { cancelPost(input: $i) { id } }', (id: string) => ({ i: { postId: id } })],
    ] as const) {
      const foreign = await stack.gql(other.users.admin, q, vars(post.id));
      const absent = await stack.gql(other.users.admin, q, vars(missing));
      expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(foreign.errors?.[0].message).toBe(absent.errors?.[0].message);
    }
    expect(await getPost(stack, other.users.admin, post.id).catch((e: Error) => e.message)).toMatch(
      /NOT_FOUND|not found/,
    );
  });

  it('refuses a schedule with bad input clearly and writes nothing', async () => {
    const t = await seedTenant(stack.ds);
    const before = await publishJobCount(stack.ds);
    const r = await stack.gql(t.users.author, 'mutation($i: SchedulePostInput!) { schedulePost(input: $i) { id } }', {
      i: {
        clientId: t.clientId,
        platformAccountId: 'x',
        assetId: '00000000-0000-4000-8000-000000000000',
        scheduledAt: 'tomorrow',
        timezone: 'Nowhere/City',
      },
    });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toMatch(/platformAccountId must be a UUID/);
    expect(r.errors?.[0].message).toMatch(/scheduledAt must be a valid ISO 8601/);
    const wrongType = await stack.gql(t.users.author, 'mutation { schedulePost(input: { clientId: 5 }) { id } }');
    expect(wrongType.errors?.[0].extensions?.code).toMatch(/GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
    expect(await publishJobCount(stack.ds)).toBe(before);
  });
});
