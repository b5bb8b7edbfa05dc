import type { DiagnosticsQuery } from '../../gql/graphql';

type Lane = DiagnosticsQuery['diagnosticsLanes'][number];

function backlog(count: number | null | undefined, age: number | null | undefined): string {
  if (count === null || count === undefined) return 'unknown';
  return count === 0 ? 'none' : `${count} waiting, oldest ${age ?? 0} s`;
}

/** Each priority lane (publish > engagement > creation > planning): who polls it, its slots, what waits on it. */
export function LanesTable({ lanes }: { lanes: Lane[] }) {
  return (
    <section className="panel" aria-labelledby="lanes-heading">
      <h2 id="lanes-heading">Workers and lanes</h2>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Lane</th>
              <th scope="col">Workers</th>
              <th scope="col">Slots (workflow / activity)</th>
              <th scope="col">Workflow backlog</th>
              <th scope="col">Activity backlog</th>
            </tr>
          </thead>
          <tbody>
            {lanes.map((l) => (
              <tr key={l.lane} data-lane={l.lane}>
                <th scope="row">
                  {l.lane} <span className="hint block mono">{l.taskQueue}</span>
                </th>
                <td>
                  <span className={`badge badge-${l.alive ? 'success' : 'danger'}`}>
                    {l.alive ? 'polling' : 'no worker'}
                  </span>
                  {[...new Set(l.pollers.map((p) => p.identity))].map((id) => (
                    <span key={id} className="hint block mono">
                      {id}
                    </span>
                  ))}
                </td>
                <td>
                  {l.workflowSlots} / {l.activitySlots}
                </td>
                <td>{backlog(l.workflowBacklog, l.workflowBacklogAgeSeconds)}</td>
                <td>{backlog(l.activityBacklog, l.activityBacklogAgeSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {lanes.some((l) => !l.backlogKnown) && (
        <p className="hint">This Temporal server does not report backlogs: they are unknown, not empty.</p>
      )}
    </section>
  );
}
