import { createHash, randomUUID } from 'node:crypto';
import type { Client as TemporalClient, WorkflowHandle } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { AuditService } from '../../services/core/audit/audit.service';
import { TenantBootstrap } from '../../services/core/bootstrap/tenants';
import { accountFingerprint } from '../../services/core/connectors/content-fingerprint';
import type { Client, ClientPolicySettings, PublishJobPayload } from '../../services/core/database/entities';
import { Asset, PlatformAccount, PublishJob } from '../../services/core/database/entities';
import type { CredentialStore } from '../../services/core/secrets/credential-store';
import type { SecretsPort } from '../../services/core/secrets/secrets.port';
import { assetChecksum } from '../../services/core/util/asset-checksum';
import type { SandboxAdminClient } from '../../services/sandbox/sandbox-admin.client';
import type { PublishWorkflowInput, PublishWorkflowOptions } from '../../workflows/contracts/publish.contract';
import { PUBLISH_WORKFLOW_TYPE, publishWorkflowId } from '../../workflows/contracts/publish.contract';
import {
  agencyIdKey,
  clientIdKey,
  episodeKindKey,
  platformKey,
  publishStatusKey,
} from '../../workflows/contracts/search-attributes';

export interface PublishingTenant {
  client: Client;
  authorId: string;
  /** the brand's accounts; jobs go to them in turn */
  accounts: PlatformAccount[];
}

/**
 * Posts per account and hour that stay clear of the policy's spike rule (spike_min_per_hour = 20 in
 * policies/raize/data.json): the bench measures the guard's cost, not a spike switching the client to review.
 */
export const POSTS_PER_ACCOUNT = 15;

/** The settings the brief asks for: autonomous, no four eyes, a cap far above the batch. */
export const AUTONOMOUS_SETTINGS: Pick<ClientPolicySettings, 'autonomy' | 'fourEyes' | 'caps'> = {
  autonomy: { publish: 'autonomous' },
  fourEyes: false,
  caps: [{ action: 'publish', scope: 'account', max_per_day: 100_000 }],
};

/**
 * An agency, one client, one Publisher and a connected sandbox account, the way the connect flow leaves
 * them: tokens in the keyring, only the reference and the platform-reported fingerprint in the database.
 */
export async function seedPublishingTenant(
  ds: DataSource,
  sandbox: SandboxAdminClient,
  credentials: CredentialStore,
  tag: string,
  accountCount: number,
  secrets: SecretsPort,
): Promise<PublishingTenant> {
  // The bench's keyring (its own data dir), where the audit chain's key and checkpoints live too.
  const boot = new TenantBootstrap(ds, secrets);
  const agency = await boot.createAgency(`Bench agency ${tag}`);
  const client = await boot.createClient(agency.id, `Bench client ${tag}`, 'UTC', AUTONOMOUS_SETTINGS);
  const author = await boot.createUser(`bench-author-${tag}@example.test`, `Bench author ${tag}`);
  await boot.grant(author.id, agency.id, 'Publisher');
  const audit = new AuditService(ds, secrets);
  const accounts: PlatformAccount[] = [];
  for (let i = 0; i < accountCount; i++)
    accounts.push(
      await connectSandboxAccount({ ds, sandbox, credentials, audit }, client, {
        username: `bench_${tag}_${i}`,
        displayName: `Bench brand ${i}`,
      }),
    );
  return { client, authorId: author.id, accounts };
}

export interface ConnectDeps {
  ds: DataSource;
  sandbox: SandboxAdminClient;
  credentials: CredentialStore;
  audit: AuditService;
}

/**
 * A sandbox user for the brand and its account connected to the client as the connect flow leaves it: tokens in the
 * keyring, the reference and the platform-reported fingerprint in the database, an `account.connected` audit event.
 */
export async function connectSandboxAccount(
  d: ConnectDeps,
  client: Pick<Client, 'id' | 'agencyId'>,
  brand: { username: string; displayName: string; tokenSeconds?: number },
): Promise<PlatformAccount> {
  const { ds, sandbox, credentials, audit } = d;
  const user = await sandbox.createUser({
    username: brand.username,
    password: 'bench horse battery staple',
    displayName: brand.displayName,
  });
  const expiresInSeconds = brand.tokenSeconds ?? 24 * 3600;
  const tokens = await sandbox.issueToken({ userId: user.id, expiresInSeconds });
  return ds.transaction(async (m) => {
    const ref = await credentials.saveOAuthTokens(
      m,
      { agencyId: client.agencyId, clientId: client.id },
      {
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token,
        expiresAt: new Date(Date.now() + tokens.expires_in * 1000).toISOString(),
      },
    );
    const fingerprint = accountFingerprint('sandbox', user.id);
    const saved = await m.save(
      PlatformAccount,
      m.create(PlatformAccount, {
        agencyId: client.agencyId,
        clientId: client.id,
        platform: 'sandbox',
        externalAccountId: user.id,
        handle: user.handle,
        fingerprint,
        lane: 'api',
        allowedLanes: ['api'],
        status: 'connected',
        statusReason: null,
        credentialRefId: ref.id,
        connectedAt: new Date(),
        updatedAt: new Date(),
      }),
    );
    await audit.append(
      {
        agencyId: client.agencyId,
        clientId: client.id,
        actor: 'system:bench',
        action: 'account.connected',
        subjectType: 'platform_account',
        subjectId: saved.id,
        data: { platform: 'sandbox', fingerprint, credentialRefId: ref.id },
      },
      m,
    );
    return saved;
  });
}

/** N text assets with distinct text (distinct content fingerprints, so reconciliation could never confuse two). */
export async function seedAssets(ds: DataSource, t: PublishingTenant, count: number, label: string): Promise<Asset[]> {
  const rows = Array.from({ length: count }, (_, i) => {
    const text = `Bench ${label} post ${i + 1} of ${count} (${randomUUID()})`;
    return {
      agencyId: t.client.agencyId,
      clientId: t.client.id,
      kind: 'text' as const,
      text,
      mediaKey: null,
      mediaContentType: null,
      checksum: assetChecksum({ text }),
      authorId: t.authorId,
      authorKind: 'human' as const,
    };
  });
  const out: Asset[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    out.push(
      ...(await ds.getRepository(Asset).save(rows.slice(i, i + 500).map((r) => ds.getRepository(Asset).create(r)))),
    );
  }
  return out;
}

export interface ScheduledEpisode {
  workflowId: string;
  /** performance.now() when the scheduling transaction began / when workflow.start was called */
  scheduleAt: number;
  startAt: number;
  handle: WorkflowHandle;
}

export interface ScheduleContext {
  ds: DataSource;
  audit: AuditService;
  temporal: TemporalClient;
  taskQueue: string;
  tenant: PublishingTenant;
  options: PublishWorkflowOptions;
}

/** A job row written the way PostsService.schedule() writes it, and the input its workflow is started with. */
export interface PreparedJob {
  workflowId: string;
  input: PublishWorkflowInput;
}

/**
 * PostsService.schedule() without the API (kept in step with services/api/modules/posts/posts.service.ts):
 * the same idempotency key, payload, job row and audit event, in one transaction. The slot is "now", so
 * the episode is due at once. `inside` runs last in that transaction (schedule() starts the workflow there).
 */
let nextAccount = 0;

async function writeDueJob(
  c: ScheduleContext,
  asset: Asset,
  inside?: (job: PreparedJob) => Promise<void>,
): Promise<PreparedJob> {
  const { client, authorId } = c.tenant;
  const account = c.tenant.accounts[nextAccount++ % c.tenant.accounts.length]!;
  const scheduledAt = new Date();
  const checksum = assetChecksum(asset);
  const idempotencyKey = createHash('sha256')
    .update(['publish', client.id, account.id, asset.id, scheduledAt.toISOString()].join('|'))
    .digest('hex');
  const timezone = client.timezone;
  return c.ds.transaction(async (m) => {
    const dup = await m.findOne(PublishJob, { where: { idempotencyKey } });
    if (dup) throw new Error(`asset ${asset.id} is already scheduled at ${scheduledAt.toISOString()}`);
    const jobId = randomUUID();
    const payload: PublishJobPayload = {
      jobId,
      agencyId: client.agencyId,
      clientId: client.id,
      platformAccountId: account.id,
      platform: account.platform,
      assetId: asset.id,
      assetChecksum: checksum,
      idempotencyKey,
      scheduledAt: scheduledAt.toISOString(),
      timezone,
      authorId,
    };
    const workflowId = publishWorkflowId(client.id, jobId);
    const saved = await m.save(
      PublishJob,
      m.create(PublishJob, {
        id: jobId,
        agencyId: client.agencyId,
        clientId: client.id,
        platformAccountId: account.id,
        assetId: asset.id,
        assetChecksum: checksum,
        idempotencyKey,
        scheduledAt,
        timezone,
        status: 'scheduled',
        statusReasons: [],
        createdBy: authorId,
        workflowId,
        payload,
      }),
    );
    await c.audit.append(
      {
        agencyId: client.agencyId,
        clientId: client.id,
        actor: `user:${authorId}`,
        action: 'post.scheduled',
        subjectType: 'publish_job',
        subjectId: saved.id,
        data: { accountId: account.id, assetId: asset.id, assetChecksum: checksum, scheduledAt: payload.scheduledAt },
      },
      m,
    );
    const job: PreparedJob = { workflowId, input: { ...payload, options: c.options } };
    if (inside) await inside(job);
    return job;
  });
}

function startPublishWorkflow(c: ScheduleContext, job: PreparedJob): Promise<WorkflowHandle> {
  const { client } = c.tenant;
  return c.temporal.workflow.start(PUBLISH_WORKFLOW_TYPE, {
    taskQueue: c.taskQueue,
    workflowId: job.workflowId,
    args: [job.input],
    typedSearchAttributes: [
      { key: clientIdKey, value: client.id },
      { key: agencyIdKey, value: client.agencyId },
      { key: platformKey, value: job.input.platform },
      { key: episodeKindKey, value: 'publish' },
      { key: publishStatusKey, value: 'scheduled' },
    ],
  });
}

/** Job rows written ahead (one transaction each, as schedule() does), to be started later. */
export async function prepareDueJobs(c: ScheduleContext, assets: Asset[]): Promise<PreparedJob[]> {
  const out: PreparedJob[] = [];
  for (const a of assets) out.push(await writeDueJob(c, a));
  return out;
}

export async function startPreparedJob(c: ScheduleContext, job: PreparedJob): Promise<ScheduledEpisode> {
  const startAt = performance.now();
  const handle = await startPublishWorkflow(c, job);
  return { workflowId: job.workflowId, scheduleAt: startAt, startAt, handle };
}

/** The whole of schedule(): the job row, its audit event and the workflow start in one transaction. */
export async function scheduleDueEpisode(c: ScheduleContext, asset: Asset): Promise<ScheduledEpisode> {
  const scheduleAt = performance.now();
  let startAt = 0;
  let handle: WorkflowHandle | undefined;
  const job = await writeDueJob(c, asset, async (j) => {
    startAt = performance.now();
    handle = await startPublishWorkflow(c, j);
  });
  return { workflowId: job.workflowId, scheduleAt, startAt, handle: handle! };
}
