import type { AlertSeverity, DiagnosticsQuery } from '../../gql/graphql';

type Alert = DiagnosticsQuery['alerts'][number];

// Keyed by the API's AlertSeverity enum (codegen): a severity added there fails to compile here until it has a look.
const TONE: Record<AlertSeverity, string> = { critical: 'danger', warning: 'warning', info: 'info' };

/** The alert rules judged now: firing ones first, each with its reading, its threshold and its runbook. */
export function AlertsPanel({ alerts }: { alerts: Alert[] }) {
  const firing = alerts.filter((a) => a.firing);
  return (
    <section className="panel" aria-labelledby="alerts-heading" data-testid="alerts">
      <h2 id="alerts-heading">Alerts</h2>
      {firing.length === 0 ? (
        <p className="hint">None of the {alerts.length} alert rules is firing.</p>
      ) : (
        <ul className="plain-list">
          {firing.map((a) => (
            <li key={a.id} data-alert={a.id}>
              <span className={`badge badge-${TONE[a.severity]}`}>{a.severity}</span> <strong>{a.name}</strong>{' '}
              {a.summary}
              <span className="hint block">
                {a.value === null || a.value === undefined ? 'reading unavailable' : `reading ${a.value}`}, threshold{' '}
                {a.threshold}
                {a.since ? `, firing since ${new Date(a.since).toLocaleString()}` : ''} ·{' '}
                <a href={a.runbook}>runbook</a>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
