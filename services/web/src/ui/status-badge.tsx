const LABELS: Record<string, string> = {
  scheduled: 'Scheduled',
  awaiting_approval: 'Awaiting approval',
  approved: 'Approved',
  paused: 'Paused',
  publishing: 'Publishing',
  published: 'Published',
  verified: 'Published and verified',
  unverified: 'Sent, not verified',
  denied: 'Denied by policy',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  failed: 'Failed',
  quarantined: 'Quarantined',
  connected: 'Connected',
  disconnected: 'Disconnected',
};

const TONE: Record<string, string> = {
  scheduled: 'neutral', awaiting_approval: 'attention', approved: 'info', paused: 'warning', publishing: 'info', published: 'info',
  verified: 'success', unverified: 'warning', denied: 'danger', rejected: 'danger', cancelled: 'muted', failed: 'danger', quarantined: 'danger',
  connected: 'success',
};

export const FINAL_STATUSES = new Set(['verified', 'unverified', 'denied', 'rejected', 'cancelled', 'failed', 'quarantined']);

export function statusLabel(status: string): string {
  return LABELS[status] ?? status.replace(/_/g, ' ');
}

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge badge-${TONE[status] ?? 'neutral'}`} data-status={status}>
      {statusLabel(status)}
    </span>
  );
}
