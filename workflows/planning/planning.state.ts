import type {
  OpenPlanResult,
  PlanDecisionRef,
  PlanDecisionResult,
  PlanningInput,
  PlanStatusReason,
  PlanStatusView,
} from '../contracts/planning.contract';
import type { PlanStatus } from '../contracts/vocabulary/plan-status';

export type VerifyPlanDecision = (ref: PlanDecisionRef) => Promise<PlanDecisionResult>;

const isRef = (m: unknown): m is PlanDecisionRef =>
  typeof m === 'object' &&
  m !== null &&
  typeof (m as PlanDecisionRef).decisionId === 'string' &&
  (m as PlanDecisionRef).decisionId.length > 0;

/**
 * The planning episode's state and message handlers (Temporal's safe-message-handlers shape): handlers change
 * state and wake the main loop; the loop alone decides what happens next.
 */
export class PlanningState {
  readonly view: PlanStatusView;
  decision?: { kind: 'approve' | 'reject'; actorId: string };
  /** set by every message; the main loop clears it before it waits */
  wake = false;
  private readonly deciding = new Map<string, Promise<PlanDecisionResult>>();

  constructor(
    input: PlanningInput,
    private readonly verify: VerifyPlanDecision,
  ) {
    this.view = {
      planId: input.planId ?? null,
      status: 'drafting',
      reasons: [],
      requiresApproval: false,
      itemCount: 0,
      childrenStarted: 0,
      refusedDecisions: [],
    };
  }

  opened(o: OpenPlanResult): void {
    this.view.planId = o.planId;
    this.view.requiresApproval = o.requiresApproval;
  }

  show(status: PlanStatus, reasons: PlanStatusReason[] = []): void {
    this.view.status = status;
    this.view.reasons = reasons;
  }

  readonly onResume = (): void => {
    this.wake = true;
  };

  /**
   * The decidePlan validator: refuses at once (nothing reaches the history) what no decision can change. A repeat
   * of a decision under way passes and gets that decision's answer.
   */
  readonly validateDecision = (ref: PlanDecisionRef): void => {
    if (!isRef(ref)) throw new Error('a plan decision is a reference to a decision the API recorded');
    if (this.deciding.has(ref.decisionId)) return;
    if (this.decision)
      throw new Error(`the plan was already ${this.decision.kind === 'approve' ? 'approved' : 'rejected'}`);
    if (this.deciding.size) throw new Error('another decision on this plan is being checked');
    if (this.view.status !== 'awaiting_approval')
      throw new Error(`the plan is ${this.view.status}; it does not wait for a decision`);
  };

  /** The decidePlan handler: an activity verifies the recorded decision (role, four eyes) and records it (C-21). */
  readonly decide = async (ref: PlanDecisionRef): Promise<PlanDecisionResult> => {
    const underWay = this.deciding.get(ref.decisionId);
    if (underWay) return underWay;
    const run = this.verify(ref).then((res) => {
      if (res.accepted && !this.decision) {
        this.decision = { kind: res.kind, actorId: res.actorId };
        this.view.decision = this.decision;
        this.wake = true;
      } else if (!res.accepted) {
        this.view.refusedDecisions.push({ decisionId: ref.decisionId, reason: res.reason });
      }
      return res;
    });
    this.deciding.set(ref.decisionId, run);
    try {
      return await run;
    } finally {
      this.deciding.delete(ref.decisionId);
    }
  };
}
