import { upsertSearchAttributes } from '@temporalio/workflow';
import type { RecordStatusInput } from '../contracts/publish-activities.contract';
import type { PublishStatusView } from '../contracts/publish.contract';
import { publishStatusKey } from '../contracts/search-attributes';
import type { PublishStatus } from '../contracts/vocabulary/publish-status';
import type { Reason } from '../contracts/vocabulary/reason-codes';

export type RecordStatus = (input: Omit<RecordStatusInput, 'jobId' | 'clientId' | 'workflowId'>) => Promise<void>;

/**
 * Where the episode's status is shown (status query, search attribute) and written (the job row and its audit
 * event, through the `recordPublishStatus` activity). One writer per fact: a status the guard records with its
 * own transaction (`publishing`, `published`, `verified` with proof) is only shown here.
 */
export class PublishStatusWriter {
  constructor(
    private readonly view: PublishStatusView,
    private readonly record: RecordStatus,
  ) {}

  /** Shows and records a status; repeating the current one (same reasons, no actor) writes nothing. */
  async set(status: PublishStatus, reasons: Reason[] = [], actorId?: string): Promise<void> {
    if (this.view.status === status && JSON.stringify(this.view.reasons) === JSON.stringify(reasons) && !actorId)
      return;
    this.show(status, reasons);
    await this.record({ status, reasons, actorId, scheduledAt: this.view.scheduledAt });
  }

  /** Shows a status somebody else (the guard) has already recorded. */
  show(status: PublishStatus, reasons: Reason[] = []): void {
    this.view.status = status;
    this.view.reasons = reasons;
    upsertSearchAttributes([{ key: publishStatusKey, value: status }]);
  }

  /** Records the current status again with a new slot: a reschedule changes the row, not the status. */
  async recordSlot(actorId: string): Promise<void> {
    await this.record({
      status: this.view.status,
      reasons: this.view.reasons,
      actorId,
      scheduledAt: this.view.scheduledAt,
    });
  }
}
