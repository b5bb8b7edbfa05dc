import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { ArtifactStore } from '../../../services/core/artifacts/artifact-store.port';
import type { PlatformPost, PublishContent, PublishMedia } from '../../../services/core/connectors/connector.types';
import { contentFingerprint } from '../../../services/core/connectors/content-fingerprint';
import { platformDescriptor } from '../../../services/core/connectors/platform-registry';
import { isPlatformId } from '../../../workflows/contracts/vocabulary/platform-id';
import type { Asset, PublishJob, PublishProof } from '../../../services/core/database/entities';
import { Approval, Client, ClientPolicySettings, PlatformAccount } from '../../../services/core/database/entities';
import type { AuditService } from '../../../services/core/audit/audit.service';
import { AssetRepository } from '../../../services/core/repositories/asset.repository';
import { contentAuthors } from '../../../services/core/repositories/content-authors.repository';
import { PlatformUsageRepository } from '../../../services/core/repositories/platform-usage.repository';
import { PublishJobRepository } from '../../../services/core/repositories/publish-job.repository';
import { deciderId, deciderRole } from '../../../services/core/review/decider-role';
import { clientReviewOf } from '../../../services/core/review/client-review.repository';
import { assetChecksum } from '../../../services/core/util/asset-checksum';
import type { GuardedPublishInput } from '../../../workflows/contracts/publish-activities.contract';
import type { Reason } from '../../../workflows/contracts/vocabulary/reason-codes';
import { tenantRefused } from '../guard.errors';
import type { EffectFacts, EffectTarget, SideEffectAdapter } from '../kernel/side-effect.adapter';

export interface PublishTarget extends EffectTarget {
  job: PublishJob;
  asset: Asset;
  approvals: Approval[];
  /** the asset's media as it will be sent, read from the artifact store (checksum verified there) */
  media: PublishContent['media'];
}

/**
 * How long a platform may take to fetch a media URL (Instagram downloads when the container is created and while it
 * processes); the store caps it at its own maximum.
 */
const MEDIA_URL_SECONDS = 900;

/** C-24: the read-back shows exactly the text we sent, by the account we sent it as (at once, and on later checks). */
export function showsOurPost(readBack: PlatformPost, sent: { text: string; externalAccountId: string }): boolean {
  return (
    contentFingerprint({ text: readBack.text }) === contentFingerprint({ text: sent.text }) &&
    readBack.authorExternalId === sent.externalAccountId
  );
}

/** The publish action's part of the kernel: a publish job's claim, facts, call, read-back and proof. */
export function publishEffect(
  audit: AuditService,
  artifacts?: ArtifactStore,
): SideEffectAdapter<GuardedPublishInput, PublishTarget> {
  const jobs = new PublishJobRepository(audit);
  const platformUsage = new PlatformUsageRepository();
  const assets = new AssetRepository();
  const contentOf = (t: PublishTarget): PublishContent => ({ text: t.asset.text, media: t.media });
  // The bytes go with the call for platforms with an upload flow, and a short-lived signed URL for platforms that
  // fetch media themselves. The store refuses another client's key and a tampered object, so what is sent is what
  // the approvers saw (its key, with the sha256 in it, is in the checksum).
  const mediaOf = async (asset: Asset, platform: string): Promise<PublishMedia[]> => {
    if (!asset.mediaKey) return [];
    if (!artifacts) throw new Error('the post has media but this worker has no artifact store configured');
    const ref = { key: asset.mediaKey, clientId: asset.clientId };
    const bytes = await artifacts.get(ref);
    const contentType = asset.mediaContentType ?? 'application/octet-stream';
    return [
      {
        kind: contentType.startsWith('video/') ? 'video' : 'image',
        contentType,
        checksum: createHash('sha256').update(bytes).digest('hex'),
        size: bytes.length,
        bytes,
        ...(isPlatformId(platform) && platformDescriptor(platform).capabilities.mediaFromUrl
          ? { url: await artifacts.signedUrl(ref, { expiresInSeconds: MEDIA_URL_SECONDS }) }
          : {}),
      },
    ];
  };

  return {
    action: 'publish',
    subjectType: 'publish_job',
    subjectId: (input) => input.jobId,

    // The workflow's input is only a claim: every object is loaded by id AND the client it claims to belong to,
    // and the stored job must say the same thing as the input (C-05).
    async load(m, input) {
      const job = await jobs.findForClient(m, { id: input.jobId, clientId: input.clientId });
      if (!job) throw tenantRefused('the publish job does not exist for this client');
      const p = job.payload;
      const claims: [string, string, string][] = [
        ['agency', input.agencyId, job.agencyId],
        ['platform account', input.platformAccountId, job.platformAccountId],
        ['asset', input.assetId, job.assetId],
        ['idempotency key', input.idempotencyKey, job.idempotencyKey],
        ['payload client', input.clientId, p.clientId],
        ['payload account', input.platformAccountId, p.platformAccountId],
        ['payload asset', input.assetId, p.assetId],
      ];
      const mismatch = claims.find(([, a, b]) => a !== b);
      if (mismatch) throw tenantRefused(`the ${mismatch[0]} in the request does not match the stored job`);
      const client = await m.findOne(Client, { where: { id: input.clientId, agencyId: input.agencyId } });
      const account = await m.findOne(PlatformAccount, {
        where: { id: input.platformAccountId, clientId: input.clientId, agencyId: input.agencyId },
      });
      const asset = await assets.findForClient(m, {
        id: input.assetId,
        clientId: input.clientId,
        agencyId: input.agencyId,
      });
      if (!client || !account || !asset)
        throw tenantRefused('the client, account or asset does not belong to this tenant');
      const settings = await m.findOne(ClientPolicySettings, { where: { clientId: input.clientId } });
      const approvals = input.approvalIds.length
        ? await m.find(Approval, {
            where: { id: In(input.approvalIds), publishJobId: job.id, clientId: input.clientId, decision: 'approved' },
          })
        : [];
      return {
        agencyId: job.agencyId,
        clientId: job.clientId,
        client,
        account,
        settings,
        createdAt: job.createdAt,
        job,
        asset,
        approvals,
        media: await mediaOf(asset, account.platform),
      };
    },

    async onStart(m, t, input, actor) {
      if (input.recordPublishing) await jobs.writeStatus(m, t.job, { status: 'publishing', reasons: [], actor });
    },

    async facts(m: EntityManager, t, input): Promise<EffectFacts> {
      const approvals = [];
      for (const a of t.approvals) {
        // A client reviewer's approval carries ClientReviewer while the reviewer is active (issue #14).
        const decider = { operatorId: a.approverId, reviewerId: a.reviewerId };
        const role = (await deciderRole(m, decider, t.agencyId, t.clientId)) ?? 'none';
        approvals.push({ approver_id: deciderId(decider), role, checksum: a.assetChecksum });
      }
      // The checksum is recomputed from the content itself (not the stored column), so an edit that forgot to
      // update the checksum still voids approvals (C-23).
      const current = assetChecksum(t.asset);
      const hostReasons: Reason[] = [];
      if (current !== t.job.assetChecksum && !t.approvals.some((a) => a.assetChecksum === current)) {
        hostReasons.push({
          code: 'content_changed',
          message: 'the content changed after scheduling; it needs a new approval',
        });
      }
      // The client's hold or change request is read here, where the post would go out: neither is a message the
      // workflow has to have heard of, so one made a second before the slot still holds the post.
      const review = await clientReviewOf(m, t.job);
      if (review.state === 'on_hold')
        hostReasons.push({
          code: 'client_hold',
          message: 'the client put this post on hold; their approval releases it',
        });
      if (review.state === 'changes_requested')
        hostReasons.push({
          code: 'client_changes_requested',
          message: 'the client asked for changes to this content; edit it and ask for approval again',
        });
      return {
        author: { id: t.job.createdBy, kind: t.asset.authorKind, ids: await contentAuthors(m, t.job, t.asset) },
        approvals,
        scheduledAtS: Math.floor(Date.parse(input.scheduledAt) / 1000),
        contentChecksum: current,
        hostReasons,
      };
    },

    contentFingerprint: (t) => contentFingerprint(contentOf(t)),

    async call(writer, cred, t, input, opts) {
      const outcome = await writer.publish(cred, contentOf(t), input.idempotencyKey, opts);
      return {
        post: outcome.post,
        requestId: outcome.requestId ?? null,
        replayed: outcome.replayed,
        usage: outcome.usage,
        warnings: outcome.warnings,
      };
    },

    verifies: (readBack, t) =>
      showsOurPost(readBack, { text: t.asset.text, externalAccountId: t.account.externalAccountId }),

    async record(m, t, input, r) {
      const proof: PublishProof = {
        response: r.post.raw,
        requestId: r.requestId,
        replayed: r.replayed,
        reconciled: r.reconciled,
        readBack: r.readBack
          ? {
              postId: r.readBack.postId,
              url: r.readBack.url,
              authorExternalId: r.readBack.authorExternalId,
              at: new Date().toISOString(),
            }
          : null,
        ...(r.post.urlRefused ? { linkRefused: r.post.urlRefused } : {}),
        media: t.media.map((x) => ({ contentType: x.contentType, sha256: x.checksum, size: x.size })),
        ...(r.usage.length ? { usage: r.usage } : {}),
        ...(r.warnings.length ? { warnings: r.warnings } : {}),
        ...(r.laneProof ? { browser: r.laneProof } : {}),
      };
      await platformUsage.record(m, {
        agencyId: t.agencyId,
        clientId: t.clientId,
        platformAccountId: t.account.id,
        platform: t.account.platform,
        idempotencyKey: input.idempotencyKey,
        usage: r.usage,
      });
      const published = {
        agencyId: t.agencyId,
        clientId: t.clientId,
        actor: r.actor,
        action: 'post.published' as const,
        subjectType: 'publish_job',
        subjectId: input.jobId,
        data: { postId: r.post.postId, url: r.post.url, reconciled: r.reconciled, replayed: r.replayed },
      };
      // Not yet read back: "published", not final; the workflow keeps verifying and settles verified/unverified.
      await jobs.writeStatus(
        m,
        t.job,
        {
          status: r.verified ? 'verified' : 'published',
          reasons: r.verified
            ? []
            : [{ code: 'verifying', message: 'the post could not be read back yet; checking again' }],
          actor: r.actor,
          auditAction: r.verified ? 'post.verified' : 'post.unverified',
          auditData: { postId: r.post.postId },
        },
        {
          // A link the connector refused (platform-url.ts) is recorded as none, its reason in the proof (C-15).
          proof: { platformPostId: r.post.postId, url: r.post.url || null, proof, publishedAt: new Date() },
          precedingEvents: [published],
        },
      );
    },
  };
}
