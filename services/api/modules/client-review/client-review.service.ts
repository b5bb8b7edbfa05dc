import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ClientReviewer, PublishJob } from '../../../core/database/entities';
import { clientReviewOf } from '../../../core/review/client-review.repository';
import { EMPTY_SCOPE, runInTenantScope, type TenantScope } from '../../../core/tenancy/tenant-scope';
import { DATA_SOURCE } from '../../platform/tokens';
import type { RequestWithActor } from '../../auth/actor.guard';
import type { PostClientReviewModel } from './client-review.models';

/** A post's standing with its client, for the operator's post page (read in the operator's own scope). */
@Injectable()
export class ClientReviewService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  /** Once per request and post, whichever of the post's client review fields are asked for. */
  ofPost(
    postId: string,
    clientId: string,
    req: RequestWithActor & { clientReviews?: Map<string, Promise<PostClientReviewModel>> },
  ): Promise<PostClientReviewModel> {
    req.clientReviews ??= new Map();
    let found = req.clientReviews.get(postId);
    if (!found) {
      found = this.read(postId, clientId, req.tenantScope);
      req.clientReviews.set(postId, found);
    }
    return found;
  }

  private async read(postId: string, clientId: string, scope: TenantScope | undefined): Promise<PostClientReviewModel> {
    // A field of a post the operator already reached: the same scope, so RLS answers exactly as for the post.
    return runInTenantScope(this.ds, scope ?? EMPTY_SCOPE, async () => {
      const m = this.ds.manager;
      const job = await m.findOne(PublishJob, { where: { id: postId, clientId } });
      if (!job) return { stage: 'none', state: 'not_required', decisions: [] };
      const r = await clientReviewOf(m, job);
      const ids = [...new Set(r.clientDecisions.map((d) => d.reviewerId!))];
      const reviewers = ids.length ? await m.find(ClientReviewer, { where: { id: In(ids), clientId } }) : [];
      const names = new Map(reviewers.map((x) => [x.id, x.name]));
      return {
        stage: r.stage,
        state: r.state,
        decisions: r.clientDecisions.map((d) => ({
          kind: d.kind,
          reviewerId: d.reviewerId!,
          reviewerName: names.get(d.reviewerId!) ?? '',
          comment: d.note,
          reviewLinkId: d.reviewLinkId,
          createdAt: d.createdAt,
        })),
      };
    });
  }
}
