import { Reason } from '../contracts/publish.contract';

export type Disposition = 'pause' | 'needs_approval' | 'terminal';

// Conditions that clear by themselves or by an operator flipping a switch: the post waits, it is not lost (C-20).
const PAUSE = new Set(['kill_switch', 'quiet_hours', 'cooldown', 'engine_error', 'engine_timeout']);
// Conditions a (fresh) human approval resolves (C-21, C-23, lateness cutoff).
const APPROVAL = new Set(['approval_required', 'four_eyes', 'approval_stale', 'late', 'content_changed']);

/** Anything the workflow does not know how to wait out ends the episode: a clear terminal state, not an endless retry. */
export function dispositionFor(reasons: Reason[]): Disposition {
  if (reasons.length === 0) return 'terminal';
  if (reasons.some((r) => !PAUSE.has(r.code) && !APPROVAL.has(r.code))) return 'terminal';
  if (reasons.some((r) => APPROVAL.has(r.code))) return 'needs_approval';
  return 'pause';
}

/** A post that missed its slot by more than the cutoff needs a fresh approval; older approvals are void. */
export function voidsApprovals(reasons: Reason[]): boolean {
  return reasons.some((r) => r.code === 'late' || r.code === 'approval_stale' || r.code === 'content_changed');
}
