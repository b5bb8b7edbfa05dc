import type { RecordApprovalResult } from '../contracts/publish-activities.contract';
import type {
  ApproveArgs,
  CancelSignalArgs,
  PublishStatusView,
  PublishWorkflowInput,
  RejectSignalArgs,
  RescheduleSignalArgs,
} from '../contracts/publish.contract';
import { isFinalPublishStatus } from '../contracts/vocabulary/publish-status';

export type RecordApproval = (approval: ApproveArgs) => Promise<RecordApprovalResult>;

const approvalKey = (a: ApproveArgs): string => `${a.approverId}\u0000${a.assetChecksum}`;

/**
 * The publish episode's state and its message handlers, as in Temporal's safe-message-handlers sample: handlers
 * change state and wake the main loop; the loop alone decides what happens next.
 */
export class PublishEpisodeState {
  readonly view: PublishStatusView;
  /** approve signals wait here for the main loop (the pre-update path; running workflows and old histories use it) */
  readonly queuedApprovals: ApproveArgs[] = [];
  rejected?: RejectSignalArgs;
  cancelled?: CancelSignalArgs;
  reschedule?: RescheduleSignalArgs;
  /** set by every message; the main loop clears it when it looks at the state again */
  wake = false;
  /** the slot was missed: the next accepted approval means "publish now", not "hours late at the old slot" */
  lateReapproval = false;
  private readonly approving = new Map<string, Promise<RecordApprovalResult>>();

  constructor(
    input: PublishWorkflowInput,
    private readonly recordApproval: RecordApproval,
  ) {
    this.view = {
      status: 'scheduled',
      reasons: [],
      scheduledAt: input.scheduledAt,
      needsApproval: false,
      approvals: [],
      refusedApprovals: [],
    };
  }

  readonly onApproveSignal = (a: ApproveArgs): void => {
    this.queuedApprovals.push(a);
    this.wake = true;
  };

  readonly onReject = (r: RejectSignalArgs): void => {
    this.rejected ??= r;
    this.wake = true;
  };

  readonly onCancel = (c: CancelSignalArgs): void => {
    this.cancelled ??= c;
    this.wake = true;
  };

  readonly onReschedule = (r: RescheduleSignalArgs): void => {
    this.reschedule = r;
    this.wake = true;
  };

  readonly onRecheck = (): void => {
    this.wake = true;
  };

  /**
   * The approve update's validator: refuses at once (nothing reaches the history) what no approval can change.
   * A repeat of an approval already given or under way passes, and is answered with that approval (C-22).
   */
  readonly validateApproval = (a: ApproveArgs): void => {
    if (!a?.approverId || !a.assetChecksum)
      throw new Error('an approval names its approver and the checksum of the content they reviewed');
    if (this.approving.has(approvalKey(a)) || this.existingApproval(a)) return;
    if (this.cancelled) throw new Error('the post was cancelled');
    if (this.rejected) throw new Error('the post was rejected');
    if (isFinalPublishStatus(this.view.status)) throw new Error(`the post is already ${this.view.status}`);
    // Before and while it waits, an approval counts (an approver may be faster than the episode's first look);
    // once the post is going out or out, there is nothing left to approve.
    if (this.view.status === 'publishing' || this.view.status === 'published')
      throw new Error(`the post is ${this.view.status}; it no longer waits for an approval`);
  };

  /** The approve update's handler: the activity checks role, four eyes and content (C-21) and answers the caller. */
  readonly approve = async (a: ApproveArgs): Promise<RecordApprovalResult> => {
    const key = approvalKey(a);
    const underWay = this.approving.get(key);
    if (underWay) return underWay;
    const existing = this.existingApproval(a);
    if (existing) return { accepted: true, approvalId: existing.approvalId };
    const run = this.recordApproval(a).then((res) => {
      // A refusal goes back to the caller; it is not kept in the view, which lists refused signals only.
      if (res.accepted) {
        this.acceptApproval(a, res.approvalId);
        this.wake = true;
      }
      return res;
    });
    this.approving.set(key, run);
    try {
      return await run;
    } finally {
      this.approving.delete(key);
    }
  };

  /**
   * Records the approve signals that arrived, in order; a repeat of one already accepted changes nothing (C-22).
   * Runs inside the main loop, so it does not wake it (that would skip the slot timer old histories recorded).
   */
  async drainApprovalSignals(): Promise<void> {
    while (this.queuedApprovals.length) {
      const a = this.queuedApprovals.shift()!;
      if (this.existingApproval(a)) continue;
      const res = await this.recordApproval(a);
      if (res.accepted) this.acceptApproval(a, res.approvalId);
      else this.view.refusedApprovals.push({ approverId: a.approverId, reason: res.reason });
    }
  }

  /** A missed slot or changed content voids every earlier approval. */
  voidApprovals(late: boolean): void {
    this.view.approvals = [];
    this.lateReapproval = late;
  }

  get hasApproval(): boolean {
    return this.view.approvals.length > 0;
  }

  private existingApproval(a: ApproveArgs) {
    return this.view.approvals.find((x) => x.approverId === a.approverId && x.assetChecksum === a.assetChecksum);
  }

  private acceptApproval(a: ApproveArgs, approvalId: string): void {
    if (this.view.approvals.some((x) => x.approvalId === approvalId)) return;
    this.view.approvals.push({ approvalId, approverId: a.approverId, assetChecksum: a.assetChecksum });
    if (this.lateReapproval) {
      this.lateReapproval = false;
      this.view.scheduledAt = new Date(Date.now()).toISOString();
    }
  }
}
