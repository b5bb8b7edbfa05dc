import { randomUUID } from 'node:crypto';
import { publishEffect } from '../../../activities/guard/effects/publish.effect';
import { SideEffectKernel } from '../../../activities/guard/kernel/side-effect.kernel';
import { createPublishActivities } from '../../../activities/publish/publish.activities';
import { scopedActivities } from '../../../activities/scoped-activities';
import { publishIdempotencyKey } from '../../../services/core/publishing/schedule-publish';
import type { GuardedPublishInput } from '../../../workflows/contracts/publish-activities.contract';
import { createAsset } from '../../factories/posts';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { ATTACH, storageState } from '../browser-api/browser-api-world';
import { auditActions } from './browser-lane-world';
import { enableSideEffects } from './lanes-world';

const ENABLE = `mutation($c: ID!, $p: String!, $a: Boolean!) { enableRestrictedPlatform(clientId: $c, platform: $p,
  acknowledgeRisk: $a) { platform enabled } }`;

/**
 * C-45 in the guard: a platform whose terms forbid automation (Skool, in the policy's data) is refused for every
 * client until an Admin opts the client in. The sandbox is not restricted, so the account here is a Skool account
 * row; Raize has no Skool connector nor selector map, and nothing can be scheduled for it through the API, so the
 * guard is driven directly (its policy preview and one guarded attempt), as the kernel tests do.
 */
describe('a restricted platform in the guard', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ withWorker: true });
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
  });

  /** A Skool account of the client on the browser lane, its profile attached and enabled by two Admins (C-42). */
  async function skoolAccount(t: SeededTenant): Promise<string> {
    const externalAccountId = `skool_${randomUUID().slice(0, 8)}`;
    const [row] = await stack.ds.query<{ id: string }[]>(
      `INSERT INTO platform_accounts (agency_id, client_id, platform, external_account_id, handle, fingerprint, lane,
         allowed_lanes)
       VALUES ($1, $2, 'skool', $3, $4, 'fp', 'browser', '{api,browser}') RETURNING id`,
      [t.agencyId, t.clientId, externalAccountId, `@${externalAccountId}`],
    );
    const attached = await stack.gql<{ attachBrowserProfile: { id: string } }>(t.users.admin, ATTACH, {
      i: { platformAccountId: row!.id, storageState: storageState(randomUUID()), displayName: 'Skool group' },
    });
    if (!attached.data) throw new Error(`attachBrowserProfile: ${JSON.stringify(attached.errors)}`);
    await enableSideEffects(stack, { t, profileId: attached.data.attachBrowserProfile.id });
    return row!.id;
  }

  /** A publish job as schedulePublish writes one, due now; written here because the API refuses Skool posts. */
  async function skoolJob(t: SeededTenant, accountId: string): Promise<GuardedPublishInput> {
    const asset = await createAsset(stack, t.users.author, t.clientId, 'Course starts Monday');
    const jobId = randomUUID();
    const scheduledAt = new Date();
    const idempotencyKey = publishIdempotencyKey(t.clientId, accountId, asset.id, scheduledAt);
    const workflowId = `test-skool-${jobId}`;
    const payload = {
      jobId,
      agencyId: t.agencyId,
      clientId: t.clientId,
      platformAccountId: accountId,
      platform: 'skool',
      assetId: asset.id,
      assetChecksum: asset.checksum,
      idempotencyKey,
      scheduledAt: scheduledAt.toISOString(),
      timezone: 'Europe/Berlin',
      authorId: t.users.author,
    };
    await stack.ds.query(
      `INSERT INTO publish_jobs (id, agency_id, client_id, platform_account_id, asset_id, asset_checksum, payload,
         idempotency_key, scheduled_at, timezone, status, workflow_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'Europe/Berlin', 'scheduled', $10, $11)`,
      [
        jobId,
        t.agencyId,
        t.clientId,
        accountId,
        asset.id,
        asset.checksum,
        JSON.stringify(payload),
        idempotencyKey,
        scheduledAt,
        workflowId,
        t.users.author,
      ],
    );
    return {
      jobId,
      agencyId: t.agencyId,
      clientId: t.clientId,
      platformAccountId: accountId,
      assetId: asset.id,
      assetChecksum: asset.checksum,
      idempotencyKey,
      scheduledAt: payload.scheduledAt,
      workflowId,
      approvalIds: [],
    };
  }

  it('[C-45] the restricted platform needs the opt-in', async () => {
    const deps = stack.deps!;
    const kernel = new SideEffectKernel(deps);
    const effect = publishEffect(deps.audit, deps.artifacts);
    const guard = scopedActivities(deps.ds, {
      preview: (input: GuardedPublishInput) => kernel.preview(effect, input),
    });
    const publish = createPublishActivities(deps);
    const t = await seedTenant(stack.ds, { autonomy: { publish: 'autonomous' }, fourEyes: false });
    const input = await skoolJob(t, await skoolAccount(t));
    const codes = (reasons: { code: string }[]) => reasons.map((r) => r.code);

    // Off by default: the policy refuses the platform, however ready the account and its profile are.
    const before = await guard.preview(input);
    expect(before.allow).toBe(false);
    expect(codes(before.reasons)).toEqual(['platform_disallowed']);
    const refused = await publish.guardedPublish(input);
    expect(refused).toEqual({ kind: 'denied', reasons: [expect.objectContaining({ code: 'platform_disallowed' })] });
    expect(await auditActions(stack, t.clientId)).toContain('guard.denied');

    // An Admin opts the client in, acknowledging the platform's terms (audited: restricted-platforms-api.test.ts).
    const on = await stack.gql(t.users.admin, ENABLE, { c: t.clientId, p: 'skool', a: true });
    expect(on.errors).toBeUndefined();
    const after = await guard.preview(input);
    expect(codes(after.reasons)).not.toContain('platform_disallowed');
    expect(after.allow).toBe(true);

    // The policy lets it through; the lane cannot act: Raize ships no Skool connector nor selector map.
    const attempt = await publish.guardedPublish(input);
    expect(attempt).toEqual({ kind: 'refused', reasons: [expect.objectContaining({ code: 'no_connector' })] });
    const [job] = await stack.ds.query<{ platform_post_id: string | null }[]>(
      'SELECT platform_post_id FROM publish_jobs WHERE id = $1',
      [input.jobId],
    );
    expect(job!.platform_post_id).toBeNull();
  }, 120_000);
});
