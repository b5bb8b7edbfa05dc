import type { HealthSeverity } from '../../gql/graphql';

// Keyed by the API's HealthSeverity enum (codegen): a severity added there fails to compile here until it has words.
const LOOK: Record<HealthSeverity, { label: string; tone: string }> = {
  critical: { label: 'Needs action', tone: 'danger' },
  warning: { label: 'Attention', tone: 'warning' },
  info: { label: 'For information', tone: 'info' },
};

export function SeverityBadge({ severity }: { severity: HealthSeverity | null | undefined }) {
  const look = severity ? LOOK[severity] : { label: 'Healthy', tone: 'success' };
  return (
    <span className={`badge badge-${look.tone}`} data-severity={severity ?? 'none'}>
      {look.label}
    </span>
  );
}
