import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { creationLaneActivities } from '../../../activities/creation/creation-lane';
import { PlanItem } from '../../../services/core/database/entities';
import { PlanEventsRepository } from '../../../services/core/plans/plan-events.repository';
import { resolveFfmpegTool } from '../../../services/core/providers/local';
import type { CreationStatusView } from '../../../workflows/contracts/creation.contract';
import type { PlanFormat } from '../../../workflows/contracts/vocabulary/plan-status';
import {
  CREATION_ITEM_WORKFLOW_TYPE,
  creationItemWorkflowId,
  creationStatusQuery,
} from '../../../workflows/contracts/creation.contract';
import { connectSandboxAccount } from '../../factories/connect-account';
import { getPost, hasStatus, sandboxPostsBy, waitForPost } from '../../factories/posts';
import { seedTenant } from '../../factories/tenant.factory';
import type { SeededTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { dataConverterFor, nativeConnection, temporalClient, testEnv, uniqueTaskQueue } from '../../harness/test-env';
import { withTracing } from '../../../services/worker/worker-tracing';

// The creation lane end to end: the real worker bundle (workflows/index.ts), the lane's own activities with the real
// provider gateway and its local provider (text, a rendered PNG, a presenter clip), the real artifact store (local
// backend), the real OPA wasm content policy, Postgres under row-level security, and the publish lane of the test
// stack.

interface ReviewItemView {
  id: string;
  status: string;
  reasons: { code: string; message: string }[];
  authorIds: string[];
  publishJobIds: string[];
  asset: {
    id: string;
    kind: string;
    text: string;
    checksum: string;
    mediaContentType: string | null;
    mediaUrl: string | null;
  } | null;
  preview: {
    platform: string;
    characterLimit: number;
    feedText: string;
    truncated: boolean;
    mediaAspect: string;
  } | null;
}

const ITEM_FIELDS =
  'id status reasons { code message } authorIds publishJobIds asset { id kind text checksum mediaContentType mediaUrl } preview { platform characterLimit feedText truncated mediaAspect }';

describe('the creation episode, end to end (real Temporal, Postgres, OPA wasm, local provider)', () => {
  let stack: TestStack;
  let creationQueue: string;
  let worker: Worker;
  let running: Promise<void>;

  beforeAll(async () => {
    stack = await startTestStack({
      withWorker: true,
      connectorTimeoutMs: 1500,
      env: { RAIZE_ARTIFACTS_DIR: mkdtempSync(join(tmpdir(), 'raize-artifacts-')) },
    });
    creationQueue = uniqueTaskQueue('create');
    const connection = await nativeConnection();
    worker = await Worker.create(
      withTracing({
        connection,
        namespace: testEnv().namespace,
        taskQueue: creationQueue,
        workflowBundle: { codePath: testEnv().bundlePath },
        dataConverter: dataConverterFor(stack.dataDir),
        activities: creationLaneActivities(stack.deps!),
      }),
    );
    running = worker.run().finally(() => connection.close());
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await stack?.close();
  });

  /** A plan with one item for the account, asked for by `creator`, as the planning episode records it. */
  async function plannedItem(
    t: SeededTenant,
    accountId: string,
    o: { creator: string; format: PlanFormat; slotInSeconds: number },
  ): Promise<{ planId: string; itemId: string }> {
    const planId = randomUUID();
    const itemId = randomUUID();
    const slot = new Date(Date.now() + o.slotInSeconds * 1000);
    const day = slot.toISOString().slice(0, 10);
    await stack.ds.transaction(async (m) => {
      const base = { planId, clientId: t.clientId, agencyId: t.agencyId, actor: `user:${o.creator}` };
      await PlanEventsRepository.append(m, {
        ...base,
        type: 'plan.requested',
        data: {
          request: {
            goals: 'Launch the spring range',
            targets: [{ platformAccountId: accountId, platform: 'sandbox', postsPerWeek: 1, postingTimes: ['09:30'] }],
            pillars: [{ name: 'Launch', weight: 1 }],
            formats: [],
            requiresApproval: false,
            startDate: day,
            endDate: day,
            timezone: 'Europe/Berlin',
          },
          source: 'operator',
          createdBy: o.creator,
          workflowId: null,
        },
      });
      await PlanEventsRepository.append(m, {
        ...base,
        type: 'item.planned',
        data: {
          itemId,
          position: 0,
          platformAccountId: accountId,
          platform: 'sandbox',
          format: o.format,
          pillar: 'Launch',
          slotAt: slot.toISOString(),
          localDate: day,
          localTime: '09:30',
          timezone: 'Europe/Berlin',
          brief: 'Our spring range is here: light jackets in three colours',
        },
      });
      await PlanEventsRepository.append(m, {
        ...base,
        actor: 'system:test',
        type: 'item.creation_started',
        data: { itemId, workflowId: creationItemWorkflowId(t.clientId, itemId) },
      });
    });
    const { client, close } = await temporalClient();
    try {
      await client.workflow.start(CREATION_ITEM_WORKFLOW_TYPE, {
        taskQueue: creationQueue,
        workflowId: creationItemWorkflowId(t.clientId, itemId),
        args: [{ agencyId: t.agencyId, clientId: t.clientId, planId, itemId }],
      });
    } finally {
      await close();
    }
    return { planId, itemId };
  }

  async function reviewItem(actor: string, id: string): Promise<ReviewItemView> {
    const r = await stack.gql<{ reviewItem: ReviewItemView }>(
      actor,
      `query($id: ID!) { reviewItem(id: $id) { ${ITEM_FIELDS} } }`,
      { id },
    );
    if (!r.data) throw new Error(`reviewItem: ${JSON.stringify(r.errors)}`);
    return r.data.reviewItem;
  }

  async function waitForItem(actor: string, id: string, ok: (i: ReviewItemView) => boolean): Promise<ReviewItemView> {
    const deadline = Date.now() + 60_000;
    let last: ReviewItemView | undefined;
    while (Date.now() < deadline) {
      last = await reviewItem(actor, id);
      if (ok(last)) return last;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`item ${id} did not get there; last seen: ${JSON.stringify(last)}`);
  }

  const decide = (actor: string, mutation: string, input: Record<string, unknown>) =>
    stack.gql<Record<string, ReviewItemView>>(
      actor,
      `mutation($i: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $i) { ${ITEM_FIELDS} } }`,
      { i: input },
    );

  async function waitForWorkflow(
    t: SeededTenant,
    itemId: string,
    ok: (v: CreationStatusView) => boolean,
  ): Promise<CreationStatusView> {
    const deadline = Date.now() + 30_000;
    let last: CreationStatusView | undefined;
    while (Date.now() < deadline) {
      last = await workflowView(t, itemId);
      if (ok(last)) return last;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`the episode did not get there; last view: ${JSON.stringify(last)}`);
  }

  async function workflowView(t: SeededTenant, itemId: string): Promise<CreationStatusView> {
    const { client, close } = await temporalClient();
    try {
      const h: WorkflowHandle = client.workflow.getHandle(creationItemWorkflowId(t.clientId, itemId));
      return await h.query(creationStatusQuery);
    } finally {
      await close();
    }
  }

  it('an item generated with the local provider is reviewed and approved, and ends with a publish job scheduled and approved', async () => {
    const t = await seedTenant(stack.ds);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const { itemId } = await plannedItem(t, acc.accountId, {
      creator: t.users.author,
      format: 'image',
      slotInSeconds: 8,
    });

    const inReview = await waitForItem(t.users.approver, itemId, (i) => i.status === 'in_review');
    expect(inReview.asset).toMatchObject({ kind: 'image', mediaContentType: 'image/png' });
    expect(inReview.asset!.text.length).toBeGreaterThan(10);
    expect(inReview.asset!.mediaUrl).toBeTruthy();
    expect(inReview.preview).toMatchObject({ platform: 'sandbox', characterLimit: 5000, mediaAspect: '1:1' });
    expect(inReview.authorIds).toEqual([t.users.author]);

    const queue = await stack.gql<{ reviewQueue: { items: { id: string }[]; endCursor: string | null } }>(
      t.users.reviewer,
      'query($c: ID!) { reviewQueue(clientId: $c, first: 10) { items { id } endCursor } }',
      { c: t.clientId },
    );
    expect(queue.data?.reviewQueue.items.map((i) => i.id)).toEqual([itemId]);

    const approved = await decide(t.users.approver, 'approveItem', { itemId, assetChecksum: inReview.asset!.checksum });
    expect(approved.errors).toBeUndefined();
    const scheduled = await waitForItem(t.users.approver, itemId, (i) => i.status === 'scheduled');
    expect(scheduled.publishJobIds).toHaveLength(1);

    const jobId = scheduled.publishJobIds[0];
    const post = await getPost(stack, t.users.approver, jobId);
    // The review counted as the post's approval: by the reviewer, not by the plan's creator who scheduled it.
    expect(post.approvals.map((a) => a.approverId)).toEqual([t.users.approver]);
    // The publish lane sends text only until its guard reads media from the artifact store; this post waits for its
    // slot with the review as its approval.
    expect(post.status).not.toMatch(/rejected|cancelled|failed|denied/);
    expect((await workflowView(t, itemId)).status).toBe('scheduled');
    const row = await stack.ds.getRepository(PlanItem).findOneByOrFail({ id: itemId });
    expect(row).toMatchObject({ status: 'scheduled', publishJobIds: [jobId], assetId: inReview.asset!.id });
  });

  it('an avatar item is a presenter clip from the local provider: checked, previewed and published as a video, at no cost', async () => {
    const t = await seedTenant(stack.ds);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const { itemId } = await plannedItem(t, acc.accountId, {
      creator: t.users.author,
      format: 'avatar',
      slotInSeconds: 30,
    });

    // The content policy let it through to review, and the preview shows it as the platform's clip.
    const inReview = await waitForItem(t.users.approver, itemId, (i) => i.status === 'in_review');
    expect(inReview.reasons).toEqual([]);
    expect(inReview.asset).toMatchObject({ kind: 'video', mediaContentType: 'video/mp4' });
    expect(inReview.preview).toMatchObject({ platform: 'sandbox', mediaAspect: '1:1' });
    const res = await fetch(inReview.asset!.mediaUrl!);
    expect(res.status).toBe(200);
    const clip = Buffer.from(await res.arrayBuffer());
    const file = join(mkdtempSync(join(tmpdir(), 'raize-avatar-item-')), 'clip.mp4');
    writeFileSync(file, clip);
    const probe = JSON.parse(
      execFileSync(
        resolveFfmpegTool('ffprobe'),
        ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', file],
        {
          encoding: 'utf8',
        },
      ),
    ) as { format: { duration: string }; streams: { codec_type: string; codec_name: string; width: number }[] };
    expect(probe.streams.map((s) => [s.codec_type, s.codec_name, s.width])).toEqual([['video', 'h264', 720]]);

    // One caption call and one avatar call on the item's step, both by the local provider, both free; the clip is as
    // long as the usage row says the presenter read.
    const usage: { kind: string; provider: string; model: string; cost_micros: string; video_seconds: number }[] =
      await stack.ds.query(
        `SELECT kind, provider, model, cost_micros, video_seconds FROM ai_usage WHERE client_id = $1 AND step_id = $2
         ORDER BY created_at`,
        [t.clientId, `item:${itemId}`],
      );
    expect(usage.map((u) => [u.kind, u.provider, u.cost_micros])).toEqual([
      ['text', 'local', '0'],
      ['avatar', 'local', '0'],
    ]);
    expect(usage[1].model).toBe('local-presenter-v1');
    expect(usage[1].video_seconds).toBeGreaterThanOrEqual(3);
    expect(Math.abs(Number(probe.format.duration) - usage[1].video_seconds)).toBeLessThan(0.2);

    const approved = await decide(t.users.approver, 'approveItem', { itemId, assetChecksum: inReview.asset!.checksum });
    expect(approved.errors).toBeUndefined();
    const scheduled = await waitForItem(t.users.approver, itemId, (i) => i.status === 'scheduled');
    const done = await waitForPost(
      stack,
      t.users.approver,
      scheduled.publishJobIds[0],
      hasStatus('verified', 'unverified', 'failed', 'denied'),
      90_000,
    );
    expect(done.status).toBe('verified');
    // The platform received the same clip the reviewer watched, as a video.
    const [post] = await sandboxPostsBy(stack, acc.sandboxUserId);
    expect(post.text).toBe(inReview.asset!.text);
    expect(post.media.map((m) => [m.contentType, m.checksum])).toEqual([
      ['video/mp4', `sha256:${createHash('sha256').update(clip).digest('hex')}`],
    ]);
  });

  it('[C-21] the plan creator cannot approve its item, at the API and in the workflow; a Reviewer can', async () => {
    const t = await seedTenant(stack.ds);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const { itemId } = await plannedItem(t, acc.accountId, {
      creator: t.users.approver,
      format: 'text',
      slotInSeconds: 20,
    });
    const item = await waitForItem(t.users.reviewer, itemId, (i) => i.status === 'in_review');

    const own = await decide(t.users.approver, 'approveItem', { itemId, assetChecksum: item.asset!.checksum });
    expect(own.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(own.errors?.[0].message).toMatch(/four eyes/);
    const analyst = await decide(t.users.analyst, 'approveItem', { itemId, assetChecksum: item.asset!.checksum });
    expect(analyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // A decision row recorded behind the API's back (straight into the database) is verified again by the
    // workflow's activity: the creator's own approval is refused there too.
    const forged: { id: string }[] = await stack.ds.query(
      `INSERT INTO creation_decisions (agency_id, client_id, plan_id, item_id, kind, actor_id, role, asset_id, asset_checksum)
       SELECT agency_id, client_id, plan_id, id, 'approve', $2, 'Manager', asset_id, $3 FROM plan_items WHERE id = $1
       RETURNING id`,
      [itemId, t.users.approver, item.asset!.checksum],
    );
    const { client, close } = await temporalClient();
    try {
      const answer = await client.workflow
        .getHandle(creationItemWorkflowId(t.clientId, itemId))
        .executeUpdate('reviewItem', { args: [{ decisionId: forged[0].id }] });
      expect(answer).toMatchObject({ accepted: false, refusal: 'four_eyes' });
    } finally {
      await close();
    }
    expect((await workflowView(t, itemId)).status).toBe('in_review');

    const byReviewer = await decide(t.users.reviewer, 'approveItem', { itemId, assetChecksum: item.asset!.checksum });
    expect(byReviewer.errors).toBeUndefined();
    const scheduled = await waitForItem(t.users.reviewer, itemId, (i) => i.status === 'scheduled');
    // The post goes out at its slot with the reviewer's approval, scheduled by the plan's creator (C-21 on the
    // post too: the creator is its author).
    const done = await waitForPost(
      stack,
      t.users.reviewer,
      scheduled.publishJobIds[0],
      hasStatus('verified', 'unverified', 'failed', 'denied'),
      60_000,
    );
    expect(done.status).toBe('verified');
    expect(done.approvals.map((a) => a.approverId)).toEqual([t.users.reviewer]);
    expect((await sandboxPostsBy(stack, acc.sandboxUserId)).map((p) => p.text)).toEqual([item.asset!.text]);
  });

  it('[C-23] an edit voids the earlier approval checksum and makes the editor an author; the policy reads the edit', async () => {
    const t = await seedTenant(stack.ds);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const { itemId } = await plannedItem(t, acc.accountId, {
      creator: t.users.author,
      format: 'text',
      slotInSeconds: 3600,
    });
    const before = await waitForItem(t.users.reviewer, itemId, (i) => i.status === 'in_review');

    const edited = await decide(t.users.admin, 'editItemText', {
      itemId,
      text: 'Spring jackets, now in three colours. #spring',
    });
    expect(edited.errors).toBeUndefined();
    const view = await waitForWorkflow(
      t,
      itemId,
      (v) => v.status === 'in_review' && v.assetChecksum !== before.asset!.checksum,
    );
    const after = await reviewItem(t.users.reviewer, itemId);
    expect(after.asset!.checksum).toBe(view.assetChecksum);
    expect(after.asset!.text).toBe('Spring jackets, now in three colours. #spring');
    expect(after.authorIds.sort()).toEqual([t.users.admin, t.users.author].sort());

    const stale = await decide(t.users.reviewer, 'approveItem', { itemId, assetChecksum: before.asset!.checksum });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(stale.errors?.[0].message).toMatch(/changed while you were reading/);
    const byEditor = await decide(t.users.admin, 'approveItem', { itemId, assetChecksum: after.asset!.checksum });
    expect(byEditor.errors?.[0].message).toMatch(/four eyes/);

    // Bad input is refused whole, with nothing written.
    const huge = await decide(t.users.admin, 'editItemText', { itemId, text: 'x'.repeat(5001) });
    expect(huge.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // More hashtags than the platform shows: the content policy blocks the edit for a human.
    const tagged = await decide(t.users.admin, 'editItemText', {
      itemId,
      text: `Spring is here ${Array.from({ length: 11 }, (_, i) => `#tag${i}`).join(' ')}`,
    });
    expect(tagged.errors).toBeUndefined();
    const blocked = await waitForItem(t.users.reviewer, itemId, (i) => i.status === 'policy_blocked');
    expect(blocked.reasons.map((r) => r.code)).toEqual(['too_many_hashtags']);
    const refused = await decide(t.users.reviewer, 'approveItem', { itemId, assetChecksum: blocked.asset!.checksum });
    expect(refused.errors?.[0].message).toMatch(/policy_blocked/);
  });

  it('request changes regenerates with the feedback, and a reject ends the item; another tenant sees none of it', async () => {
    const t = await seedTenant(stack.ds);
    const other = await seedTenant(stack.ds);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const { itemId } = await plannedItem(t, acc.accountId, {
      creator: t.users.author,
      format: 'text',
      slotInSeconds: 3600,
    });
    const first = await waitForItem(t.users.reviewer, itemId, (i) => i.status === 'in_review');

    const asked = await decide(t.users.reviewer, 'requestItemChanges', {
      itemId,
      feedback: 'Mention the free returns',
    });
    expect(asked.errors).toBeUndefined();
    const second = await waitForItem(
      t.users.reviewer,
      itemId,
      (i) => i.status === 'in_review' && i.asset!.id !== first.asset!.id,
    );
    expect(second.asset!.text).not.toBe(first.asset!.text);
    // The feedback lives in the decision row, never in the workflow's history.
    const { client, close } = await temporalClient();
    try {
      const history = await client.workflow.getHandle(creationItemWorkflowId(t.clientId, itemId)).fetchHistory();
      expect(JSON.stringify(history)).not.toContain('free returns');
    } finally {
      await close();
    }

    const foreign = await stack.gql(other.users.admin, 'query($id: ID!) { reviewItem(id: $id) { id } }', {
      id: itemId,
    });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const foreignQueue = await stack.gql(
      other.users.admin,
      'query($c: ID!) { reviewQueue(clientId: $c) { items { id } } }',
      {
        c: t.clientId,
      },
    );
    expect(foreignQueue.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const foreignReject = await decide(other.users.admin, 'rejectItem', { itemId, reason: 'no' });
    expect(foreignReject.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    expect((await decide(t.users.reviewer, 'rejectItem', { itemId, reason: 'off brand' })).errors).toBeUndefined();
    const rejected = await waitForItem(t.users.reviewer, itemId, (i) => i.status === 'rejected');
    expect(rejected.publishJobIds).toEqual([]);
  });
});
