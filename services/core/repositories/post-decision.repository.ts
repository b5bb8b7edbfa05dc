import type { EntityManager } from 'typeorm';
import type { PostDecisionKind } from '../../../workflows/contracts/vocabulary/post-decisions';
import type { PublishJob } from '../database/entities';
import { ClientPolicySettings, PostDecision } from '../database/entities';
import { assetChecksum } from '../util/asset-checksum';
import { AssetRepository } from './asset.repository';
import { contentAuthors } from './content-authors.repository';
import type { DecisionContext } from './post-decision.rules';
import { clientReviewOf } from '../review/client-review.repository';

export interface NewPostDecision {
  kind: PostDecisionKind;
  /** the operator deciding; or reviewerId and reviewLinkId for a client reviewer through a review link */
  actorId: string | null;
  reviewerId?: string | null;
  reviewLinkId?: string | null;
  role: string;
  assetChecksum?: string | null;
  scheduledAt?: Date | null;
  note?: string | null;
}

/** Decisions on posts, always by id AND job AND client (C-05, C-21). Rows are only ever inserted. */
export class PostDecisionRepository {
  async record(m: EntityManager, job: PublishJob, d: NewPostDecision): Promise<PostDecision> {
    return m.save(
      PostDecision,
      m.create(PostDecision, {
        agencyId: job.agencyId,
        clientId: job.clientId,
        publishJobId: job.id,
        kind: d.kind,
        actorId: d.actorId,
        reviewerId: d.reviewerId ?? null,
        reviewLinkId: d.reviewLinkId ?? null,
        role: d.role,
        assetChecksum: d.assetChecksum ?? null,
        scheduledAt: d.scheduledAt ?? null,
        note: d.note ?? null,
      }),
    );
  }

  /** The decision only when it was made about this job of this client; anything else is as good as missing. */
  findForJob(m: EntityManager, q: { id: string; jobId: string; clientId: string }): Promise<PostDecision | null> {
    return m.findOne(PostDecision, { where: { id: q.id, publishJobId: q.jobId, clientId: q.clientId } });
  }
}

/** What decides whether a decision on this job may stand, as the database says now (authors, four eyes, text). */
export async function decisionContextFor(m: EntityManager, job: PublishJob): Promise<DecisionContext> {
  const settings = await m.findOne(ClientPolicySettings, { where: { clientId: job.clientId } });
  const asset = await new AssetRepository().findForClient(m, { id: job.assetId, clientId: job.clientId });
  return {
    authors: await contentAuthors(m, job, asset),
    fourEyes: settings?.fourEyes ?? true,
    // Recomputed from the content itself, as the guard does (C-23).
    currentChecksum: asset ? assetChecksum(asset) : '',
    clientStageOpen: (await clientReviewOf(m, job)).clientStageOpen,
  };
}
