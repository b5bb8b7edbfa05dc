import { Inject, Injectable } from '@nestjs/common';
import { Client as TemporalClient, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource, In, MoreThan } from 'typeorm';
import { AuditService } from '../../../../core/audit/audit.service';
import type { ArtifactStore } from '../../../../core/artifacts/artifact-store.port';
import { platformPreview, type PlatformPreview } from '../../../../core/creation/platform-preview';
import { linksOf } from '../../../../core/creation/content-input';
import { Asset, BrandKit, Client, PlatformAccount, PublishJob } from '../../../../core/database/entities';
import { decisionContextFor, PostDecisionRepository } from '../../../../core/repositories/post-decision.repository';
import { decisionRefusal } from '../../../../core/repositories/post-decision.rules';
import { clientReviewOf, clientReviewOfEach } from '../../../../core/review/client-review.repository';
import { deciderRole } from '../../../../core/review/decider-role';
import { logger } from '../../../../core/telemetry/logger';
import { runInTenantScope, withoutDatabaseConnection } from '../../../../core/tenancy/tenant-scope';
import type { DecisionRef } from '../../../../../workflows/contracts/publish.contract';
import { approveUpdate, rejectSignal } from '../../../../../workflows/contracts/publish.contract';
import type {
  ClientDecisionKind,
  ClientReviewState,
} from '../../../../../workflows/contracts/vocabulary/client-review';
import { CLIENT_REVIEWER_ROLE } from '../../../../../workflows/contracts/vocabulary/client-review';
import { AppError, AppErrorCode, notFound } from '../../../errors/app-error';
import { AUDIT, DATA_SOURCE, TEMPORAL_CLIENT } from '../../../platform/tokens';
import { ARTIFACT_STORE } from '../../artifacts/artifact-store.provider';
import { approvalRefusal, approvalUpdateError, decisionError } from '../../posts/approval-outcome';
import type { PortalContext } from './portal-access.service';
import type { DecisionBody } from './portal.schemas';

const APPROVE_DEADLINE_MS = 15_000;
const MEDIA_URL_SECONDS = 600;
/** How far back the portal shows posts the client already decided on (context for the reviewer). */
const DECIDED_LOOKBACK_DAYS = 30;
const MAX_POSTS = 300;

/** What the portal shows of a post: what the client approves, as its platform will show it, and nothing else. */
export interface PortalPost {
  id: string;
  platform: string;
  accountHandle: string;
  scheduledAt: string;
  timezone: string;
  text: string;
  preview: PlatformPreview;
  media: { url: string; contentType: string } | null;
  /** the links in the text, as a link card shows them (host and address); nothing is fetched */
  links: { url: string; host: string }[];
  /** the checksum of the content shown: a decision names it, and an edit meanwhile refuses it (C-23) */
  checksum: string;
  state: ClientReviewState;
  canDecide: boolean;
  decisions: { kind: string; comment: string | null; at: string; byYou: boolean }[];
}

export interface PortalMe {
  client: { name: string; colours: string[] };
  reviewer: { name: string };
  link: { expiresAt: string; batch: boolean };
  csrfToken: string;
}

const SHOWN_STATES: readonly ClientReviewState[] = [
  'waiting_client',
  'approved',
  'changes_requested',
  'on_hold',
  'rejected',
];

/**
 * The portal's reads and the client's decisions (issue #14). Every query runs in the link's client scope and names
 * the client (and a batch link's posts) again; a decision is checked by the same rules the workflow's activity
 * applies, recorded with the reviewer and the link, and reaches the workflow only as a reference (C-21).
 */
@Injectable()
export class PortalService {
  private readonly decisions = new PostDecisionRepository();

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: TemporalClient,
    @Inject(AUDIT) private readonly audit: AuditService,
    @Inject(ARTIFACT_STORE) private readonly artifacts: ArtifactStore,
  ) {}

  async me(ctx: PortalContext): Promise<PortalMe> {
    return runInTenantScope(this.ds, ctx.scope, async () => {
      const client = await this.ds.manager.findOneOrFail(Client, { where: { id: ctx.clientId } });
      const kit = await this.ds.manager.findOne(BrandKit, { where: { clientId: ctx.clientId } });
      return {
        client: {
          name: client.name,
          colours: (kit?.colours ?? []).filter((c) => /^#[0-9a-f]{6}$/.test(c)).slice(0, 3),
        },
        reviewer: { name: ctx.reviewerName },
        link: { expiresAt: ctx.linkExpiresAt.toISOString(), batch: !!ctx.postIds },
        csrfToken: ctx.csrfToken,
      };
    });
  }

  async posts(ctx: PortalContext): Promise<PortalPost[]> {
    return runInTenantScope(this.ds, ctx.scope, async () => {
      const m = this.ds.manager;
      const since = new Date(Date.now() - DECIDED_LOOKBACK_DAYS * 86_400_000);
      const jobs = await m.find(PublishJob, {
        where: ctx.postIds
          ? { clientId: ctx.clientId, id: In(ctx.postIds) }
          : { clientId: ctx.clientId, scheduledAt: MoreThan(since) },
        order: { scheduledAt: 'ASC' },
        take: MAX_POSTS,
      });
      const review = await clientReviewOfEach(m, jobs);
      const shown = jobs.filter((j) => SHOWN_STATES.includes(review.get(j.id)!.state));
      if (!shown.length) return [];
      const assets = await m.find(Asset, { where: { id: In(shown.map((j) => j.assetId)), clientId: ctx.clientId } });
      const accounts = await m.find(PlatformAccount, {
        where: { id: In(shown.map((j) => j.platformAccountId)), clientId: ctx.clientId },
      });
      const assetOf = new Map(assets.map((a) => [a.id, a]));
      const accountOf = new Map(accounts.map((a) => [a.id, a]));
      const out: PortalPost[] = [];
      for (const job of shown) {
        const asset = assetOf.get(job.assetId);
        const account = accountOf.get(job.platformAccountId);
        if (!asset || !account) continue;
        const r = review.get(job.id)!;
        out.push({
          id: job.id,
          platform: account.platform,
          accountHandle: account.handle,
          scheduledAt: job.scheduledAt.toISOString(),
          timezone: job.timezone,
          text: asset.text,
          preview: platformPreview(account.platform, asset.text),
          media: await this.media(asset),
          links: linksOf(asset.text).slice(0, 3).flatMap(linkCard),
          checksum: r.currentChecksum,
          state: r.state,
          // A rejection ends the post; its episode hears of it a moment later (the stage stays open for the workflow's
          // own check of that rejection), so the portal closes it at once.
          canDecide: r.clientStageOpen && r.state !== 'rejected',
          decisions: r.clientDecisions.map((d) => ({
            kind: d.kind,
            comment: d.note,
            at: d.createdAt.toISOString(),
            byYou: d.reviewerId === ctx.reviewerId,
          })),
        });
      }
      return out;
    });
  }

  async decide(ctx: PortalContext, postId: string, body: DecisionBody): Promise<PortalPost> {
    const { job, ref } = await runInTenantScope(this.ds, ctx.scope, () =>
      this.ds.transaction(async (m) => {
        const job = await m.findOne(PublishJob, {
          where: { id: postId, clientId: ctx.clientId },
          lock: { mode: 'pessimistic_write' },
        });
        // Another client's post, or one outside a batch link, is as good as missing (C-02).
        if (!job || (ctx.postIds && !ctx.postIds.includes(job.id))) throw notFound('post');
        const role = await deciderRole(m, { operatorId: null, reviewerId: ctx.reviewerId }, job.agencyId, job.clientId);
        const review = await clientReviewOf(m, job);
        const refused = decisionRefusal(
          { kind: body.kind, actorId: ctx.reviewerId, role, assetChecksum: body.checksum },
          await decisionContextFor(m, job),
        );
        if (refused) throw decisionError(refused);
        if (review.state === 'rejected')
          throw new AppError(AppErrorCode.Conflict, 'refused: the post was rejected; nothing is left to decide');
        const decision = await this.decisions.record(m, job, {
          kind: body.kind,
          actorId: null,
          reviewerId: ctx.reviewerId,
          reviewLinkId: ctx.linkId,
          role: CLIENT_REVIEWER_ROLE,
          // What the reviewer saw: an approval names it (C-23), the others are about it.
          assetChecksum: body.kind === 'approve' ? body.checksum : review.currentChecksum,
          note: body.comment ?? null,
        });
        await this.audit.append(
          {
            agencyId: job.agencyId,
            clientId: job.clientId,
            actor: `reviewer:${ctx.reviewerId}`,
            action: 'portal.decision',
            subjectType: 'publish_job',
            subjectId: job.id,
            data: { kind: body.kind, decisionId: decision.id, reviewLinkId: ctx.linkId, sessionId: ctx.sessionId },
          },
          m,
        );
        return { job, ref: { decisionId: decision.id } as DecisionRef };
      }),
    );
    await this.tellWorkflow(job, body.kind, ref);
    const shown = (await this.posts(ctx)).find((p) => p.id === job.id);
    if (!shown) throw notFound('post');
    return shown;
  }

  /** An approval or a rejection is the workflow's to act on; a hold or a change request is read by the guard. */
  private async tellWorkflow(job: PublishJob, kind: ClientDecisionKind, ref: DecisionRef): Promise<void> {
    if (kind !== 'approve' && kind !== 'reject') return;
    await withoutDatabaseConnection(async () => {
      const handle = this.temporal.workflow.getHandle(job.workflowId);
      if (kind === 'reject') {
        await handle.signal(rejectSignal, ref).catch((err: unknown) => {
          if (err instanceof WorkflowNotFoundError)
            throw new AppError(AppErrorCode.Conflict, 'the post has already finished; nothing to change');
          throw err;
        });
        return;
      }
      const result = await this.temporal.connection
        .withDeadline(Date.now() + APPROVE_DEADLINE_MS, () => handle.executeUpdate(approveUpdate, { args: [ref] }))
        .catch((err: unknown) => {
          throw approvalUpdateError(err) ?? err;
        });
      const refusal = approvalRefusal(result);
      if (refusal) throw refusal;
    });
  }

  private async media(asset: Asset): Promise<PortalPost['media']> {
    if (!asset.mediaKey || !asset.mediaContentType) return null;
    try {
      const url = await this.artifacts.signedUrl(
        { key: asset.mediaKey, clientId: asset.clientId },
        { expiresInSeconds: MEDIA_URL_SECONDS },
      );
      return { url, contentType: asset.mediaContentType };
    } catch (err) {
      logger.warn(
        { 'raize.asset_id': asset.id, 'error.kind': (err as Error).name },
        'no signed URL for a portal preview',
      );
      return null;
    }
  }
}

function linkCard(url: string): { url: string; host: string }[] {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? [{ url: u.toString(), host: u.host }] : [];
  } catch {
    return [];
  }
}
