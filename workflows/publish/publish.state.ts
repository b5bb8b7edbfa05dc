import type { RecordApprovalResult, VerifiedDecision } from '../contracts/publish-activities.contract';
import type {
  ApproveMessage,
  CancelMessage,
  CancelSignalArgs,
  DecisionRef,
  PublishStatusView,
  PublishWorkflowInput,
  RejectMessage,
  RejectSignalArgs,
  RescheduleMessage,
  RescheduleSignalArgs,
} from '../contracts/publish.contract';
import type { PostDecisionKind } from '../contracts/vocabulary/post-decisions';
import { isFinalPublishStatus } from '../contracts/vocabulary/publish-status';

export type RecordApproval = (approval: ApproveMessage) => Promise<RecordApprovalResult>;
export type VerifyDecision = (
  kind: Exclude<PostDecisionKind, 'approve'>,
  ref: DecisionRef,
) => Promise<VerifiedDecision>;

/**
 * How the episode reads its messages. A decision reference is always verified by an activity before it counts;
 * `references` (the `decision-references` patch) refuses every message that is not one. A run started before the
 * patch still takes the claims its history may hold, or its replay would change.
 */
export interface MessageMode {
  references: boolean;
  verifyDecision: VerifyDecision;
}

const NOT_A_REFERENCE = 'not a reference to a recorded decision; only the API may decide about a post';

export function isDecisionRef(m: unknown): m is DecisionRef {
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof (m as DecisionRef).decisionId === 'string' &&
    !!(m as DecisionRef).decisionId
  );
}

const approvalKey = (a: ApproveMessage): string =>
  isDecisionRef(a) ? `ref\u0000${a.decisionId}` : `${a.approverId}\u0000${a.assetChecksum}`;

/**
 * The publish episode's state and its message handlers, as in Temporal's safe-message-handlers sample: handlers
 * change state and wake the main loop; the loop alone decides what happens next.
 */
export class PublishEpisodeState {
  readonly view: PublishStatusView;
  /** approve signals wait here for the main loop (the pre-update path; running workflows and old histories use it) */
  readonly queuedApprovals: ApproveMessage[] = [];
  /** reject, cancel and reschedule references wait here until an activity verified them (decision-references) */
  readonly queuedDecisions: { kind: Exclude<PostDecisionKind, 'approve'>; message: unknown }[] = [];
  rejected?: RejectSignalArgs;
  cancelled?: CancelSignalArgs;
  reschedule?: RescheduleSignalArgs;
  /** set by every message; the main loop clears it when it looks at the state again */
  wake = false;
  /** the slot was missed: the next accepted approval means "publish now", not "hours late at the old slot" */
  lateReapproval = false;
  private readonly approving = new Map<string, Promise<RecordApprovalResult>>();
  /** approval references already accepted, by decision id, with the approval they made */
  private readonly acceptedRefs = new Map<string, string>();

  constructor(
    input: PublishWorkflowInput,
    private readonly recordApproval: RecordApproval,
    private readonly mode: MessageMode = { references: false, verifyDecision: () => Promise.reject(new Error('off')) },
  ) {
    this.view = {
      status: 'scheduled',
      reasons: [],
      scheduledAt: input.scheduledAt,
      needsApproval: false,
      approvals: [],
      refusedApprovals: [],
      refusedDecisions: [],
    };
  }

  readonly onApproveSignal = (a: ApproveMessage): void => {
    this.queuedApprovals.push(a);
    this.wake = true;
  };

  readonly onReject = (r: RejectMessage): void => {
    if (this.verifies(r)) this.queuedDecisions.push({ kind: 'reject', message: r });
    else this.rejected ??= r as RejectSignalArgs;
    this.wake = true;
  };

  readonly onCancel = (c: CancelMessage): void => {
    if (this.verifies(c)) this.queuedDecisions.push({ kind: 'cancel', message: c });
    else this.cancelled ??= c as CancelSignalArgs;
    this.wake = true;
  };

  readonly onReschedule = (r: RescheduleMessage): void => {
    if (this.verifies(r)) this.queuedDecisions.push({ kind: 'reschedule', message: r });
    else this.reschedule = r as RescheduleSignalArgs;
    this.wake = true;
  };

  /** Whether a message goes through verification: every reference, and since the patch every message. */
  private verifies(m: unknown): boolean {
    return this.mode.references || isDecisionRef(m);
  }

  readonly onRecheck = (): void => {
    this.wake = true;
  };

  /**
   * The approve update's validator: refuses at once (nothing reaches the history) what no approval can change.
   * A repeat of an approval already given or under way passes, and is answered with that approval (C-22).
   */
  readonly validateApproval = (a: ApproveMessage): void => {
    if (!isDecisionRef(a)) {
      if (this.mode.references) throw new Error(`an approval is ${NOT_A_REFERENCE}`);
      if (!a?.approverId || !a.assetChecksum)
        throw new Error('an approval names its approver and the checksum of the content they reviewed');
    }
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
  readonly approve = async (a: ApproveMessage): Promise<RecordApprovalResult> => {
    const key = approvalKey(a);
    const underWay = this.approving.get(key);
    if (underWay) return underWay;
    const existing = this.existingApproval(a);
    if (existing) return { accepted: true, approvalId: existing };
    const run = this.recordApproval(a).then((res) => {
      // A refusal goes back to the caller; it is not kept in the view, which lists refused signals only.
      if (res.accepted) {
        this.acceptApproval(a, res);
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
      if (this.mode.references && !isDecisionRef(a)) {
        this.view.refusedDecisions.push({ decisionId: null, kind: 'approve', reason: NOT_A_REFERENCE });
        continue;
      }
      if (this.existingApproval(a)) continue;
      const res = await this.recordApproval(a);
      if (res.accepted) this.acceptApproval(a, res);
      else if (isDecisionRef(a))
        this.view.refusedDecisions.push({ decisionId: a.decisionId, kind: 'approve', reason: res.reason });
      else this.view.refusedApprovals.push({ approverId: a.approverId, reason: res.reason });
    }
  }

  /**
   * Verifies the reject, cancel and reschedule references that arrived, in order, and takes on only what the
   * activity confirmed: the actor, note and slot come from the recorded decision, not from the message (C-21).
   */
  async drainDecisions(): Promise<void> {
    while (this.queuedDecisions.length) {
      const { kind, message } = this.queuedDecisions.shift()!;
      if (!isDecisionRef(message)) {
        this.view.refusedDecisions.push({ decisionId: null, kind, reason: NOT_A_REFERENCE });
        continue;
      }
      const d = await this.mode.verifyDecision(kind, message);
      if (!d.valid) {
        this.view.refusedDecisions.push({ decisionId: message.decisionId, kind, reason: d.reason });
        continue;
      }
      if (kind === 'reject') this.rejected ??= { approverId: d.actorId, reason: d.note };
      else if (kind === 'cancel') this.cancelled ??= { actorId: d.actorId, reason: d.note };
      else if (d.scheduledAt) this.reschedule = { actorId: d.actorId, scheduledAt: d.scheduledAt };
    }
  }

  /** A missed slot or changed content voids every earlier approval. */
  voidApprovals(late: boolean): void {
    this.view.approvals = [];
    this.acceptedRefs.clear();
    this.lateReapproval = late;
  }

  get hasApproval(): boolean {
    return this.view.approvals.length > 0;
  }

  /** The id of the approval this message already made, if any. */
  private existingApproval(a: ApproveMessage): string | undefined {
    if (isDecisionRef(a)) return this.acceptedRefs.get(a.decisionId);
    return this.view.approvals.find((x) => x.approverId === a.approverId && x.assetChecksum === a.assetChecksum)
      ?.approvalId;
  }

  private acceptApproval(a: ApproveMessage, res: Extract<RecordApprovalResult, { accepted: true }>): void {
    if (isDecisionRef(a)) this.acceptedRefs.set(a.decisionId, res.approvalId);
    if (this.view.approvals.some((x) => x.approvalId === res.approvalId)) return;
    const who = isDecisionRef(a)
      ? { approverId: res.approverId ?? '', assetChecksum: res.assetChecksum ?? '' }
      : { approverId: a.approverId, assetChecksum: a.assetChecksum };
    this.view.approvals.push({ approvalId: res.approvalId, ...who });
    if (this.lateReapproval) {
      this.lateReapproval = false;
      this.view.scheduledAt = new Date(Date.now()).toISOString();
    }
  }
}
