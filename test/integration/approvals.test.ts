import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { createPublishActivities } from '../../activities/publish/publish.activities';
import type { PublishStatusView, PublishWorkflowInput } from '../../workflows/contracts/publish.contract';
import {
  approveSignal,
  approveUpdate,
  cancelSignal,
  rescheduleSignal,
  statusQuery,
} from '../../workflows/contracts/publish.contract';
import { connectSandboxAccount } from '../factories/connect-account';
import type { PostView } from '../factories/posts';
import {
  approvePost,
  createAsset,
  getPost,
  hasStatus,
  postAttempts,
  postMutation,
  sandboxPostsBy,
  schedulePost,
  waitForPost,
} from '../factories/posts';
import { seedTenant } from '../factories/tenant.factory';
import type { TestStack } from '../harness/stack';
import { startTestStack } from '../harness/stack';
import { temporalClient } from '../harness/test-env';

/**
 * Approvals and decisions are facts the API checked and recorded; the workflow only acts on a reference its
 * activity verified (C-21), and an approval binds to the text the reviewer's page displayed (C-23).
 */
describe('approvals, four eyes and decision references (real Temporal, Postgres, OPA wasm, sandbox)', () => {
  let stack: TestStack;
  let temporal: Awaited<ReturnType<typeof temporalClient>>;
  beforeAll(async () => {
    stack = await startTestStack({ withWorker: true });
    temporal = await temporalClient();
  });
  afterAll(async () => {
    await temporal?.close();
    await stack?.close();
  });
  beforeEach(() => stack.sandboxAdmin.clearRequests());

  async function awaitingApproval(text: string, inSeconds = 3600) {
    const t = await seedTenant(stack.ds);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const asset = await createAsset(stack, t.users.author, t.clientId, text);
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds,
    });
    await waitForPost(stack, t.users.author, post.id, (p) => p.workflowStatus === 'awaiting_approval');
    return { t, acc, asset, post };
  }

  const decisionsOf = async (jobId: string) =>
    stack.ds.query<{ kind: string; actor_id: string }[]>(
      'SELECT kind, actor_id FROM post_decisions WHERE publish_job_id = $1 ORDER BY created_at',
      [jobId],
    );
  const auditOf = async (jobId: string, action: string) =>
    stack.ds.query<{ actor: string; data: Record<string, unknown> }[]>(
      'SELECT actor, data FROM audit_events WHERE subject_id = $1 AND action = $2 ORDER BY seq',
      [jobId, action],
    );
  /** A decision row as only the API writes it, written here directly to stand for one the API recorded. */
  const recordDecision = async (
    post: { id: string },
    d: { kind: string; actorId: string; role: string; assetChecksum?: string },
  ): Promise<string> => {
    const [row] = await stack.ds.query<{ id: string }[]>(
      `INSERT INTO post_decisions (agency_id, client_id, publish_job_id, kind, actor_id, role, asset_checksum, scheduled_at)
       SELECT agency_id, client_id, id, $2, $3, $4, $5, CASE WHEN $2 = 'reschedule' THEN now() ELSE NULL END
         FROM publish_jobs WHERE id = $1 RETURNING id`,
      [post.id, d.kind, d.actorId, d.role, d.assetChecksum ?? null],
    );
    return row.id;
  };
  const view = (p: PostView) => temporal.client.workflow.getHandle(p.workflowId).query(statusQuery);
  const untilView = async (p: PostView, ok: (v: PublishStatusView) => boolean): Promise<PublishStatusView> => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const v = await view(p);
      if (ok(v)) return v;
      if (Date.now() > deadline) throw new Error(`the workflow did not get there; last view ${JSON.stringify(v)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  it('[C-21] an operator who edited a pending post is one of its authors: their approval is refused at the API and by the workflow', async () => {
    const { t, acc, asset, post } = await awaitingApproval("A's launch text", 2);
    // B (a Manager, who may write and approve) rewrites A's pending text, then tries to approve it.
    const edited = await stack.gql<{ updateAssetText: { checksum: string } }>(
      t.users.approver,
      'mutation($i: UpdateAssetTextInput!) { updateAssetText(input: $i) { checksum } }',
      { i: { assetId: asset.id, clientId: t.clientId, text: "B's words, seen by nobody else" } },
    );
    expect(edited.errors).toBeUndefined();
    const checksum = edited.data!.updateAssetText.checksum;
    const byEditor = await approvePost(stack, t.users.approver, post.id, checksum);
    expect(byEditor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(byEditor.errors?.[0].message).toBe(
      'refused: four eyes: you wrote, scheduled or edited this text, so someone else must approve it',
    );
    // Refused at the API: nothing recorded, nothing sent to the workflow.
    expect(await decisionsOf(post.id)).toEqual([]);
    expect(await auditOf(post.id, 'approval.refused')).toEqual([]);

    // A decision of B's that reached the workflow anyway (sent straight to Temporal) is refused by its activity.
    const decisionId = await recordDecision(post, {
      kind: 'approve',
      actorId: t.users.approver,
      role: 'Manager',
      assetChecksum: checksum,
    });
    const h = temporal.client.workflow.getHandle(post.workflowId);
    const answer = await h.executeUpdate(approveUpdate, { args: [{ decisionId }] });
    expect(answer).toEqual({
      accepted: false,
      refusal: 'four_eyes',
      reason: 'four eyes: you wrote, scheduled or edited this text, so someone else must approve it',
    });
    expect((await view(post)).approvals).toEqual([]);
    expect(await auditOf(post.id, 'approval.refused')).toEqual([
      expect.objectContaining({ actor: `user:${t.users.approver}` }),
    ]);

    // Someone who wrote none of it approves what they see; the post goes out with B's words.
    expect((await postMutation(stack, t.users.reviewer, 'approvePost', post.id)).errors).toBeUndefined();
    await waitForPost(stack, t.users.author, post.id, hasStatus('verified'));
    expect((await sandboxPostsBy(stack, acc.sandboxUserId)).map((p) => p.text)).toEqual([
      "B's words, seen by nobody else",
    ]);
  });

  it("[C-21] the guard's policy counts every author: an editor's approval that went around the API and the activity publishes nothing", async () => {
    const { t, asset, post } = await awaitingApproval("A's text for the guard");
    const edited = await stack.gql<{ updateAssetText: { checksum: string } }>(
      t.users.approver,
      'mutation($i: UpdateAssetTextInput!) { updateAssetText(input: $i) { checksum } }',
      { i: { assetId: asset.id, clientId: t.clientId, text: "B's rewrite, approved by B alone" } },
    );
    const checksum = edited.data!.updateAssetText.checksum;
    // An approval row by the editor, of exactly the current text: only the policy's author list stands in its way.
    const [approval] = await stack.ds.query<{ id: string }[]>(
      `INSERT INTO approvals (agency_id, client_id, publish_job_id, approver_id, role, decision, asset_checksum)
       SELECT agency_id, client_id, id, $2, 'Manager', 'approved', $3 FROM publish_jobs WHERE id = $1 RETURNING id`,
      [post.id, t.users.approver, checksum],
    );
    const [row] = await stack.ds.query<{ payload: PublishWorkflowInput; workflow_id: string }[]>(
      'SELECT payload, workflow_id FROM publish_jobs WHERE id = $1',
      [post.id],
    );
    const p = row.payload;
    const outcome = await createPublishActivities(stack.deps!).guardedPublish({
      jobId: p.jobId,
      agencyId: p.agencyId,
      clientId: p.clientId,
      platformAccountId: p.platformAccountId,
      assetId: p.assetId,
      assetChecksum: p.assetChecksum,
      idempotencyKey: p.idempotencyKey,
      scheduledAt: p.scheduledAt,
      workflowId: row.workflow_id,
      approvalIds: [approval.id],
    });
    expect(outcome.kind).toBe('denied');
    expect(outcome.kind === 'denied' && outcome.reasons.map((r) => r.code)).toEqual(['four_eyes']);
    expect(await postAttempts(stack)).toBe(0);
    expect((await postMutation(stack, t.users.author, 'cancelPost', post.id)).errors).toBeUndefined();
  });

  it('[C-21] API twin of the browser test: a Reviewer who wrote the post cannot approve it through the API either', async () => {
    const t = await seedTenant(stack.ds);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    // The reviewer wrote and scheduled this post while they also held Publisher on the client; that role is gone.
    const setRole = (role: string) =>
      stack.ds.query('UPDATE memberships SET role = $1 WHERE user_id = $2 AND client_id = $3', [
        role,
        t.users.reviewer,
        t.clientId,
      ]);
    await setRole('Publisher');
    const asset = await createAsset(stack, t.users.reviewer, t.clientId, 'Written by the reviewer');
    const own = await schedulePost(stack, t.users.reviewer, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 3600,
    });
    await setRole('Reviewer');
    await waitForPost(stack, t.users.author, own.id, (p) => p.workflowStatus === 'awaiting_approval');
    const r = await approvePost(stack, t.users.reviewer, own.id, asset.checksum);
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(r.errors?.[0].message).toMatch(/^refused: four eyes/);
    // The server refused it itself: no decision recorded, the workflow never asked, no approval.
    expect(await decisionsOf(own.id)).toEqual([]);
    expect(await auditOf(own.id, 'approval.refused')).toEqual([]);
    expect((await getPost(stack, t.users.admin, own.id)).approvals).toEqual([]);
    expect((await postMutation(stack, t.users.admin, 'cancelPost', own.id)).errors).toBeUndefined();
  });

  it('[C-23] an approval binds to the text the reviewer saw: a checksum of an older text is a conflict', async () => {
    const { t, asset, post } = await awaitingApproval('Version the reviewer read');
    const edited = await stack.gql(
      t.users.author,
      'mutation($i: UpdateAssetTextInput!) { updateAssetText(input: $i) { checksum } }',
      { i: { assetId: asset.id, clientId: t.clientId, text: 'Version changed while they read' } },
    );
    expect(edited.errors).toBeUndefined();
    const stale = await approvePost(stack, t.users.approver, post.id, asset.checksum);
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(stale.errors?.[0].message).toBe('the text changed while you were reading; review it again');
    expect(await decisionsOf(post.id)).toEqual([]);
    expect((await getPost(stack, t.users.author, post.id)).approvals).toEqual([]);
    // Reviewed again: the page shows the new text and sends its checksum.
    const fresh = await approvePost(stack, t.users.approver, post.id);
    expect(fresh.errors).toBeUndefined();
    expect(await decisionsOf(post.id)).toEqual([{ kind: 'approve', actor_id: t.users.approver }]);
    expect(fresh.data!.approvePost.approvals).toEqual([{ approverId: t.users.approver, role: 'Manager' }]);
    expect((await postMutation(stack, t.users.author, 'cancelPost', post.id)).errors).toBeUndefined();
  });

  it('[C-21] an approval sent straight to the workflow counts only as a verified reference: forged, foreign and unauthorised ones are refused', async () => {
    const { t, acc, asset, post } = await awaitingApproval('Only a recorded decision approves this');
    const other = await awaitingApproval("Another tenant's post");
    const sibling = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 7200,
    });
    const h = temporal.client.workflow.getHandle(post.workflowId);
    // A claim naming any Reviewer, as the messages used to be: the update's validator refuses it outright.
    const claim = await h
      .executeUpdate(approveUpdate, { args: [{ approverId: t.users.reviewer, assetChecksum: asset.checksum }] })
      .catch((e: unknown) => e);
    expect(claim).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((claim as WorkflowUpdateFailedError).cause?.message).toMatch(/not a reference to a recorded decision/);

    const genuineElsewhere = {
      kind: 'approve',
      actorId: t.users.reviewer,
      role: 'Reviewer',
      assetChecksum: asset.checksum,
    };
    const refs = {
      unknown: randomUUID(),
      notAUuid: 'approve-please',
      otherJob: await recordDecision(sibling, genuineElsewhere),
      otherTenant: await recordDecision(other.post, {
        ...genuineElsewhere,
        actorId: other.t.users.reviewer,
        assetChecksum: other.asset.checksum,
      }),
      wrongKind: await recordDecision(post, { kind: 'reject', actorId: t.users.reviewer, role: 'Reviewer' }),
      // The row says Reviewer; the database says Analyst: the actor's current role decides.
      roleMayNot: await recordDecision(post, { ...genuineElsewhere, actorId: t.users.analyst }),
    };
    const answers: Record<string, unknown> = {};
    for (const [name, decisionId] of Object.entries(refs))
      answers[name] = await h.executeUpdate(approveUpdate, { args: [{ decisionId }] });
    const notFound = {
      accepted: false,
      refusal: 'not_found',
      reason: 'no decision of that kind was recorded for this post',
    };
    expect(answers).toEqual({
      unknown: notFound,
      notAUuid: notFound,
      otherJob: notFound,
      otherTenant: notFound,
      wrongKind: notFound,
      roleMayNot: {
        accepted: false,
        refusal: 'role',
        reason: 'role Analyst may not approve posts for this client',
      },
    });
    // The same through the older signal: refusals land in the view; nothing is approved either way.
    await h.signal(approveSignal, { decisionId: refs.otherTenant });
    const v = await untilView(post, (x) => x.refusedDecisions.length === 1);
    expect(v.refusedDecisions).toEqual([{ decisionId: refs.otherTenant, kind: 'approve', reason: notFound.reason }]);
    expect(v.approvals).toEqual([]);
    expect(v.status).toBe('awaiting_approval');
    expect((await getPost(stack, t.users.author, post.id)).approvals).toEqual([]);
    expect((await auditOf(post.id, 'decision.refused')).length).toBe(6);

    // A genuine reference (the reviewer's recorded decision of this post) is accepted.
    const genuine = await recordDecision(post, genuineElsewhere);
    expect(await h.executeUpdate(approveUpdate, { args: [{ decisionId: genuine }] })).toMatchObject({
      accepted: true,
      approverId: t.users.reviewer,
    });
    for (const p of [post, sibling, other.post])
      await postMutation(stack, p === other.post ? other.t.users.author : t.users.author, 'cancelPost', p.id);
  });

  it("[C-21] cancel and reschedule of another tenant's post by a direct signal with a forged or foreign reference change nothing", async () => {
    const victim = await awaitingApproval('The victim brand post');
    const attacker = await awaitingApproval("The attacker's own post");
    // The attacker's genuine decisions, recorded by the API about their own post.
    const moved = await stack.gql(
      attacker.t.users.author,
      'mutation($i: ReschedulePostInput!) { reschedulePost(input: $i) { id } }',
      { i: { postId: attacker.post.id, scheduledAt: new Date(Date.now() + 7_200_000).toISOString() } },
    );
    expect(moved.errors).toBeUndefined();
    const [foreignReschedule] = await stack.ds.query<{ id: string }[]>(
      `SELECT id FROM post_decisions WHERE publish_job_id = $1 AND kind = 'reschedule'`,
      [attacker.post.id],
    );
    const foreignCancel = await recordDecision(attacker.post, {
      kind: 'cancel',
      actorId: attacker.t.users.admin,
      role: 'Admin',
    });
    // A cancel of the victim's own post, recorded for its Analyst: the row says Publisher, the database does not.
    const analystCancel = await recordDecision(victim.post, {
      kind: 'cancel',
      actorId: victim.t.users.analyst,
      role: 'Publisher',
    });
    const h = temporal.client.workflow.getHandle(victim.post.workflowId);
    const before = await view(victim.post);
    await h.signal(cancelSignal, { decisionId: foreignCancel });
    await h.signal(cancelSignal, { actorId: victim.t.users.admin, reason: 'a claim naming their Admin' });
    await h.signal(rescheduleSignal, { decisionId: foreignReschedule.id });
    await h.signal(rescheduleSignal, { actorId: victim.t.users.admin, scheduledAt: new Date().toISOString() });
    await h.signal(cancelSignal, { decisionId: randomUUID() });
    await h.signal(cancelSignal, { decisionId: analystCancel });
    const after = await untilView(victim.post, (x) => x.refusedDecisions.length === 6);
    const notFound = 'no decision of that kind was recorded for this post';
    const claim = 'not a reference to a recorded decision; only the API may decide about a post';
    expect(after.refusedDecisions.map((r) => `${r.kind}: ${r.reason}`)).toEqual([
      `cancel: ${notFound}`,
      `cancel: ${claim}`,
      `reschedule: ${notFound}`,
      `reschedule: ${claim}`,
      `cancel: ${notFound}`,
      'cancel: role Analyst may not cancel posts for this client',
    ]);
    expect(after.status).toBe('awaiting_approval');
    expect(after.scheduledAt).toBe(before.scheduledAt);
    const row = await getPost(stack, victim.t.users.author, victim.post.id);
    expect(row.status).toBe('awaiting_approval');
    expect(await auditOf(victim.post.id, 'decision.refused')).toHaveLength(4);
    expect(await auditOf(victim.post.id, 'post.cancelled')).toEqual([]);
    expect(await postAttempts(stack)).toBe(0);
    // The victim's own cancel, through the API, still works.
    expect((await postMutation(stack, victim.t.users.author, 'cancelPost', victim.post.id)).errors).toBeUndefined();
    await waitForPost(stack, victim.t.users.author, victim.post.id, hasStatus('cancelled'));
    await postMutation(stack, attacker.t.users.author, 'cancelPost', attacker.post.id);
  });
});
