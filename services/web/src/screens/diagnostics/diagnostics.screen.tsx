import { useQuery } from '../../api/use-query';
import { useMe } from '../../auth/session';
import { ErrorBox, Loading } from '../../ui/feedback';
import { Page } from '../../ui/page';
import { AlertsPanel } from './alerts-panel';
import { DiagnosticsQuery } from './diagnostics.operations';
import { FailedEpisodesTable } from './failed-episodes-table';
import { LanesTable } from './lanes-table';

const DAYS = 7;

/**
 * For engineers (platform staff: every tenant, repairs) and Admins (their own agencies, reading only): alerts,
 * the lanes' workers and backlogs, and the episodes that went wrong, each with its trace and Temporal history.
 */
export function DiagnosticsScreen() {
  const me = useMe();
  const q = useQuery(DiagnosticsQuery, { days: DAYS, limit: 100 }, { pollMs: 30_000 });
  return (
    <Page
      title="Diagnostics"
      subtitle={me.staff ? 'Every agency: you are platform staff' : 'The agencies and clients you administer'}
    >
      <ErrorBox error={q.error} onRetry={() => void q.reload()} />
      {!q.data && !q.error && <Loading what="diagnostics" />}
      {q.data && (
        <>
          <AlertsPanel alerts={q.data.alerts} />
          <LanesTable lanes={q.data.diagnosticsLanes} />
          <FailedEpisodesTable
            episodes={q.data.failedEpisodes}
            staff={me.staff}
            days={DAYS}
            onChanged={() => void q.reload()}
          />
        </>
      )}
    </Page>
  );
}
