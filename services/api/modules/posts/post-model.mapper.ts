import { isFinalPublishStatus } from '../../../../workflows/contracts/vocabulary/publish-status';
import { encodeCursor } from '../../../core/scheduling/calendar.repository';
import type { ListedApproval, ListedPost } from '../../../core/scheduling/calendar.repository';
import type { PostModel } from './post.model';

/** What a post's answer needs beyond its job row, loaded by the caller once per page, not once per post. */
export interface PostExtras {
  workflowStatus: string | null;
  authorIds: string[];
  /** the post's approvals (decision 'approved'), oldest first */
  approvals: readonly ListedApproval[];
}

/** A publish job as the API shows it: a whole entity or a calendar row, which holds only the shown columns. */
export function toPostModel(job: Omit<ListedPost, 'approvals' | 'authorIds'>, extras: PostExtras): PostModel {
  return {
    id: job.id,
    clientId: job.clientId,
    platformAccountId: job.platformAccountId,
    assetId: job.assetId,
    assetChecksum: job.assetChecksum,
    status: job.status,
    reasons: job.statusReasons,
    scheduledAt: job.scheduledAt,
    timezone: job.timezone,
    createdBy: job.createdBy,
    authorIds: extras.authorIds,
    platformPostId: job.platformPostId,
    url: job.url,
    proof: job.proof ? JSON.stringify(job.proof) : null,
    publishedAt: job.publishedAt,
    verifiedAt: job.verifiedAt,
    workflowId: job.workflowId,
    workflowStatus: extras.workflowStatus,
    approvals: extras.approvals.map((a) => ({
      approverId: a.approverId,
      role: a.role,
      assetChecksum: a.assetChecksum,
      createdAt: a.createdAt,
    })),
    cursor: encodeCursor({ at: job.scheduledAt, id: job.id }),
    final: isFinalPublishStatus(job.status),
  };
}
