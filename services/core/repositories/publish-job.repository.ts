import type { EntityManager } from 'typeorm';
import type { AuditAction } from '../../../workflows/contracts/vocabulary/audit-actions';
import { postStatusAction } from '../../../workflows/contracts/vocabulary/audit-actions';
import type { PublishStatus } from '../../../workflows/contracts/vocabulary/publish-status';
import type { Reason } from '../../../workflows/contracts/vocabulary/reason-codes';
import type { AuditInput, AuditService } from '../audit/audit.service';
import type { PublishProof } from '../database/entities';
import { PublishJob } from '../database/entities';

export interface StatusChange {
  status: PublishStatus;
  reasons: Reason[];
  /** `user:<id>` or `workflow:<id>` */
  actor: string;
  scheduledAt?: string;
  /** the audit action, when it is not `post.<status>` */
  auditAction?: AuditAction;
  auditData?: Record<string, unknown>;
}

export interface ProofRecord {
  platformPostId: string;
  /** null when the platform's link was refused (PublishProof.linkRefused says why) */
  url: string | null;
  proof: PublishProof;
  publishedAt: Date;
}

/**
 * Publish jobs, by id AND client (C-05). `writeStatus` is the one writer of a job's status: the status activity
 * and the guard (inside its own transactions, so a status commits with the ledger row or proof it describes) both
 * go through it, and it always appends the audit event in the same transaction.
 */
export class PublishJobRepository {
  constructor(private readonly audit: AuditService) {}

  findForClient(m: EntityManager, q: { id: string; clientId: string }): Promise<PublishJob | null> {
    return m.findOne(PublishJob, { where: { id: q.id, clientId: q.clientId } });
  }

  async writeStatus(
    m: EntityManager,
    job: Pick<PublishJob, 'id' | 'agencyId' | 'clientId'>,
    c: StatusChange,
    with_: { proof?: ProofRecord; precedingEvents?: AuditInput[] } = {},
  ): Promise<void> {
    const patch: Partial<PublishJob> = { status: c.status, statusReasons: c.reasons };
    if (c.scheduledAt) patch.scheduledAt = new Date(c.scheduledAt);
    if (c.status === 'verified') patch.verifiedAt = new Date();
    if (with_.proof) {
      patch.platformPostId = with_.proof.platformPostId;
      patch.url = with_.proof.url;
      patch.proof = with_.proof.proof;
      patch.publishedAt = with_.proof.publishedAt;
    }
    await m.update(PublishJob, { id: job.id, clientId: job.clientId }, patch);
    await this.audit.appendAll(
      [
        ...(with_.precedingEvents ?? []),
        {
          agencyId: job.agencyId,
          clientId: job.clientId,
          actor: c.actor,
          action: c.auditAction ?? postStatusAction(c.status),
          subjectType: 'publish_job',
          subjectId: job.id,
          data: c.auditData ?? { reasons: c.reasons, scheduledAt: c.scheduledAt ?? null },
        },
      ],
      m,
    );
  }
}
