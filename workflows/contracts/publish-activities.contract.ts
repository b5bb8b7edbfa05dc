import { Reason } from './publish.contract';

/** What a guarded publish attempt came to; errors that should be retried are thrown instead. */
export type GuardedPublishOutcome =
  | { kind: 'published'; postId: string; url: string; verified: boolean; reconciled: boolean }
  | { kind: 'denied'; reasons: Reason[] }
  | { kind: 'fingerprint_mismatch'; reasons: Reason[] }
  | { kind: 'refused'; reasons: Reason[] };

export interface PublishContextInput {
  jobId: string;
  clientId: string;
  workflowId: string;
}

export interface PreparePublishResult {
  needsApproval: boolean;
  reasons: Reason[];
}

export interface RecordApprovalInput extends PublishContextInput {
  approverId: string;
  assetChecksum: string;
  note?: string;
}
export type RecordApprovalResult = { accepted: true; approvalId: string } | { accepted: false; reason: string };

export interface GuardedPublishInput extends PublishContextInput {
  agencyId: string;
  platformAccountId: string;
  assetId: string;
  assetChecksum: string;
  idempotencyKey: string;
  scheduledAt: string;
  approvalIds: string[];
}

/** The workflow's whole claim, re-checked against the stored job before anything else (C-05). */
export type PreparePublishInput = Omit<GuardedPublishInput, 'approvalIds'>;

export interface RecordStatusInput extends PublishContextInput {
  status: string;
  reasons: Reason[];
  actorId?: string;
  scheduledAt?: string;
}

export interface VerifyInput extends PublishContextInput {
  postId: string;
}
