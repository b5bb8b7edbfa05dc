import type { PlanItemStatus, PlanStatus } from '../gql/graphql';

type Tone = 'neutral' | 'muted' | 'info' | 'success' | 'attention' | 'warning' | 'danger';
interface Look {
  label: string;
  tone: Tone;
}

// Keyed by the API's enums (codegen): a status added there fails to compile here until it has words.
const PLAN: Record<PlanStatus, Look> = {
  drafting: { label: 'Drafting', tone: 'info' },
  awaiting_approval: { label: 'Awaiting approval', tone: 'attention' },
  approved: { label: 'Approved', tone: 'info' },
  creating: { label: 'Creating', tone: 'info' },
  waiting: { label: 'Waiting', tone: 'warning' },
  parked: { label: 'Parked for a person', tone: 'warning' },
  rejected: { label: 'Rejected', tone: 'danger' },
  failed: { label: 'Failed', tone: 'danger' },
};

const ITEM: Record<PlanItemStatus, Look> = {
  planned: { label: 'Planned', tone: 'neutral' },
  waiting: { label: 'Waiting', tone: 'warning' },
  creating: { label: 'Creating', tone: 'info' },
  generating: { label: 'Generating', tone: 'info' },
  checking: { label: 'Policy check', tone: 'info' },
  policy_blocked: { label: 'Blocked by policy', tone: 'danger' },
  in_review: { label: 'In review', tone: 'attention' },
  parked: { label: 'Parked for a person', tone: 'warning' },
  scheduling: { label: 'Scheduling', tone: 'info' },
  scheduled: { label: 'Scheduled', tone: 'success' },
  rejected: { label: 'Rejected', tone: 'muted' },
  failed: { label: 'Failed', tone: 'danger' },
};

function Badge({ status, look }: { status: string; look: Look }) {
  return (
    <span className={`badge badge-${look.tone}`} data-status={status}>
      {look.label}
    </span>
  );
}

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  return <Badge status={status} look={PLAN[status]} />;
}

/** The review queue's status is a string (a CreationStatus); unknown values fall back to their own words. */
export function ItemStatusBadge({ status }: { status: PlanItemStatus | string }) {
  const look = Object.hasOwn(ITEM, status)
    ? ITEM[status as PlanItemStatus]
    : { label: status.replace(/_/g, ' '), tone: 'neutral' as const };
  return <Badge status={status} look={look} />;
}
