import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PublishJob } from '../../../core/database/entities';
import { receiptChecksOf } from '../../../core/repositories/receipt-check.repository';
import { EMPTY_SCOPE, runInTenantScope, type TenantScope } from '../../../core/tenancy/tenant-scope';
import { DATA_SOURCE } from '../../platform/tokens';
import type { RequestWithActor } from '../../auth/actor.guard';
import type { PostReceiptView } from './receipt.models';

type ReceiptRequest = RequestWithActor & { postReceipts?: Map<string, Promise<PostReceiptView>> };

/** A post's receipt and its re-checks, for the post page (read in the operator's own scope). */
@Injectable()
export class ReceiptsService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  /** Once per request and post, whichever of the post's receipt fields are asked for. */
  ofPost(postId: string, clientId: string, req: ReceiptRequest): Promise<PostReceiptView> {
    req.postReceipts ??= new Map();
    let found = req.postReceipts.get(postId);
    if (!found) {
      found = this.read(postId, clientId, req.tenantScope);
      req.postReceipts.set(postId, found);
    }
    return found;
  }

  private read(postId: string, clientId: string, scope: TenantScope | undefined): Promise<PostReceiptView> {
    // A field of a post the operator already reached: the same scope, so RLS answers exactly as for the post.
    return runInTenantScope(this.ds, scope ?? EMPTY_SCOPE, async () => {
      const m = this.ds.manager;
      const job = await m.findOne(PublishJob, { where: { id: postId, clientId } });
      if (!job) return { receipt: null, receiptChangedAt: null, checks: [] };
      const checks = await receiptChecksOf(m, { jobId: job.id, clientId });
      return {
        receipt: job.receipt,
        receiptChangedAt: job.receiptChangedAt,
        checks: checks.map((c) => ({ checkNo: c.checkNo, result: c.result, detail: c.detail, checkedAt: c.checkedAt })),
      };
    });
  }
}
