import type { CreationStatusView, ReviewItemResult, VerifiedCreationDecision } from '../contracts/creation.contract';
import type { DecisionRef } from '../contracts/publish.contract';
import type { CreationDecisionKind } from '../contracts/vocabulary/creation-status';
import { REVIEWABLE_CREATION_STATUSES } from '../contracts/vocabulary/creation-status';

export type VerifyCreationDecision = (decisionId: string, assetId: string | null) => Promise<VerifiedCreationDecision>;

/** A decision the activity verified and the item's state accepted; the main loop acts on it. */
export interface AcceptedDecision {
  decisionId: string;
  kind: CreationDecisionKind;
  actorId: string;
  assetChecksum?: string;
}

const NOT_A_REFERENCE = 'not a reference to a recorded decision; only the API may decide about an item';

function isDecisionRef(m: unknown): m is DecisionRef {
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof (m as DecisionRef).decisionId === 'string' &&
    !!(m as DecisionRef).decisionId
  );
}

/**
 * The creation episode's state and message handlers (Temporal's safe-message-handlers shape): the reviewItem
 * update verifies a decision reference through an activity and hands the main loop what it may act on; the loop
 * alone changes the status.
 */
export class CreationEpisodeState {
  readonly view: CreationStatusView;
  /** the decision the main loop acts on next */
  pending?: AcceptedDecision;
  /** a resume signal arrived (ends a wait, retries a provider park) */
  resumed = false;
  /** a decision is being verified: the loop does not move on under it */
  deciding = false;
  /** the item is parked for a reason a resume retries (provider), not one only a human edit or reject resolves */
  resumable = false;

  constructor(
    maxRevisions: number,
    private readonly verify: VerifyCreationDecision,
  ) {
    this.view = {
      status: 'generating',
      reasons: [],
      round: 0,
      maxRevisions,
      assetId: null,
      assetChecksum: null,
      jobIds: [],
      refusedDecisions: [],
    };
  }

  readonly onResume = (): void => {
    this.resumed = true;
  };

  /** Refuses at once (nothing reaches the history) what the item cannot take now. */
  readonly validateReview = (m: DecisionRef): void => {
    if (!isDecisionRef(m)) throw new Error(`a review is ${NOT_A_REFERENCE}`);
    if (!REVIEWABLE_CREATION_STATUSES.includes(this.view.status))
      throw new Error(`the item is ${this.view.status}; it does not wait for a decision`);
    if (this.deciding || this.pending) throw new Error('another decision about this item is being recorded');
  };

  /** Verifies the recorded decision (C-21) and checks it fits the item as it is now. */
  readonly review = async (m: DecisionRef): Promise<ReviewItemResult> => {
    this.deciding = true;
    try {
      const d = await this.verify(m.decisionId, this.view.assetId);
      if (!d.valid) return this.refuse(m.decisionId, { accepted: false, refusal: d.refusal, reason: d.reason });
      const misfit = this.misfit(d);
      if (misfit) return this.refuse(m.decisionId, { accepted: false, refusal: misfit.refusal, reason: misfit.reason });
      this.pending = { decisionId: m.decisionId, kind: d.kind, actorId: d.actorId, assetChecksum: d.assetChecksum };
      return { accepted: true, kind: d.kind };
    } finally {
      this.deciding = false;
    }
  };

  /** Why a verified decision does not fit the item's state now, if it does not. */
  private misfit(
    d: Extract<VerifiedCreationDecision, { valid: true }>,
  ): { refusal: 'state' | 'content_changed'; reason: string } | undefined {
    const { status, assetChecksum } = this.view;
    if (!REVIEWABLE_CREATION_STATUSES.includes(status))
      return { refusal: 'state', reason: `the item is ${status}; it does not wait for a decision` };
    switch (d.kind) {
      case 'approve':
        if (status !== 'in_review')
          return { refusal: 'state', reason: `the item is ${status}: edit it, ask for changes or reject it` };
        // The reviewer approved what the content policy read, or nothing (C-23).
        if (!d.assetChecksum || d.assetChecksum !== assetChecksum)
          return { refusal: 'content_changed', reason: 'the content changed while you were reading; review it again' };
        return undefined;
      case 'request_changes':
        if (status === 'parked')
          return { refusal: 'state', reason: 'the item is parked: edit it by hand or reject it' };
        return undefined;
      case 'edit':
        if (!this.view.assetId) return { refusal: 'state', reason: 'the item has no content to edit yet' };
        return undefined;
      case 'reject':
        return undefined;
    }
  }

  private refuse(decisionId: string, r: Extract<ReviewItemResult, { accepted: false }>): ReviewItemResult {
    this.view.refusedDecisions.push({ decisionId, reason: r.reason });
    // The view is queried often and kept small: the latest refusals tell the story.
    if (this.view.refusedDecisions.length > 20) this.view.refusedDecisions.shift();
    return r;
  }

  /** Takes the decision the loop acts on. */
  take(): AcceptedDecision | undefined {
    const d = this.pending;
    this.pending = undefined;
    return d;
  }
}
