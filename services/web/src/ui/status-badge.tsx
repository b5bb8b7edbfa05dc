import type { PublishStatus } from '../gql/graphql';

type Tone = 'neutral' | 'muted' | 'info' | 'success' | 'attention' | 'warning' | 'danger';
interface StatusLook {
  label: string;
  tone: Tone;
}

// Keyed by the API's PublishStatus enum (codegen): a status added there fails to compile here until it has words.
const POST_STATUS: Record<PublishStatus, StatusLook> = {
  scheduled: { label: 'Scheduled', tone: 'neutral' },
  awaiting_approval: { label: 'Awaiting approval', tone: 'attention' },
  approved: { label: 'Approved', tone: 'info' },
  paused: { label: 'Paused', tone: 'warning' },
  publishing: { label: 'Publishing', tone: 'info' },
  published: { label: 'Published', tone: 'info' },
  verified: { label: 'Published and verified', tone: 'success' },
  unverified: { label: 'Sent, not verified', tone: 'warning' },
  denied: { label: 'Denied by policy', tone: 'danger' },
  rejected: { label: 'Rejected', tone: 'danger' },
  cancelled: { label: 'Cancelled', tone: 'muted' },
  failed: { label: 'Failed', tone: 'danger' },
  quarantined: { label: 'Quarantined', tone: 'danger' },
};

// PlatformAccount.status is still a String in the API; unknown values fall back to their own words.
const ACCOUNT_STATUS: Partial<Record<string, StatusLook>> = {
  connected: { label: 'Connected', tone: 'success' },
  disconnected: { label: 'Disconnected', tone: 'neutral' },
  quarantined: { label: 'Quarantined', tone: 'danger' },
  needs_reconnect: { label: 'Needs reconnect', tone: 'warning' },
  read_only: { label: 'Read only', tone: 'attention' },
};

export function statusLabel(status: PublishStatus): string {
  return POST_STATUS[status].label;
}

/** Words for a status read from free text (an audit event's action or data), which may be any string. */
export function statusTextLabel(text: string): string {
  return Object.hasOwn(POST_STATUS, text) ? POST_STATUS[text as PublishStatus].label : text.replace(/_/g, ' ');
}

function Badge({ status, look }: { status: string; look: StatusLook }) {
  return (
    <span className={`badge badge-${look.tone}`} data-status={status}>
      {look.label}
    </span>
  );
}

export function StatusBadge({ status }: { status: PublishStatus }) {
  return <Badge status={status} look={POST_STATUS[status]} />;
}

export function AccountStatusBadge({ status }: { status: string }) {
  return (
    <Badge status={status} look={ACCOUNT_STATUS[status] ?? { label: status.replace(/_/g, ' '), tone: 'neutral' }} />
  );
}
