import { useWorkspace } from '../../auth/workspace';
import type { DiagnosticsQuery } from '../../gql/graphql';
import { Link } from '../../routing/router';
import { Empty } from '../../ui/feedback';
import { EpisodeActions } from './episode-actions';

type Episode = DiagnosticsQuery['failedEpisodes'][number];

/** Episodes that went wrong, newest first: where they stand, why, and where to look next. */
export function FailedEpisodesTable(props: {
  episodes: Episode[];
  staff: boolean;
  days: number;
  onChanged: () => void;
}) {
  const ws = useWorkspace();
  const clientName = (id: string | null | undefined) => (id ? ws.clients?.find((c) => c.id === id)?.name : undefined);
  return (
    <section className="panel" aria-labelledby="failed-heading">
      <h2 id="failed-heading">Failed and parked episodes</h2>
      {props.episodes.length === 0 ? (
        <Empty title="Nothing failed">
          No episode failed, timed out, was terminated or parked in the last {props.days} days.
        </Empty>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Episode</th>
                <th scope="col">State</th>
                <th scope="col">Why</th>
                <th scope="col">Look</th>
                {props.staff && <th scope="col">Repair</th>}
              </tr>
            </thead>
            <tbody>
              {props.episodes.map((e) => (
                <tr key={e.id} data-workflow={e.workflowId ?? ''} data-testid="failed-episode">
                  <td>{new Date(e.at).toLocaleString()}</td>
                  <td>
                    {e.episodeKind ?? e.workflowType ?? 'episode'}
                    {clientName(e.clientId) && <span className="hint block">{clientName(e.clientId)}</span>}
                    {e.workflowId && <span className="hint block mono">{e.workflowId}</span>}
                  </td>
                  <td>
                    {e.raizeStatus && <span className="badge badge-danger">{e.raizeStatus}</span>}{' '}
                    {e.temporalStatus && <span className="badge badge-muted">{e.temporalStatus.toLowerCase()}</span>}
                  </td>
                  <td>
                    {[...e.reasonCodes, ...(e.failureType ? [e.failureType] : [])].map((c) => (
                      <span key={c} className="badge badge-neutral mono">
                        {c}
                      </span>
                    ))}
                    {e.message && <span className="hint block">{e.message}</span>}
                  </td>
                  <td>
                    {/* The post page opens within a client the operator has a role on; staff without one get the rest. */}
                    {e.postId && clientName(e.clientId) && (
                      <Link to={`/c/${e.clientId}/posts/${e.postId}`} className="block">
                        Post
                      </Link>
                    )}
                    {e.traceUrl && (
                      <a href={e.traceUrl} target="_blank" rel="noreferrer" className="block">
                        Trace
                      </a>
                    )}
                    {e.temporalUrl && (
                      <a href={e.temporalUrl} target="_blank" rel="noreferrer" className="block">
                        Temporal history
                      </a>
                    )}
                  </td>
                  {props.staff && (
                    <td>
                      {e.workflowId && e.runId && (
                        <EpisodeActions
                          workflowId={e.workflowId}
                          runId={e.runId}
                          canRetry={e.canRetry}
                          onChanged={props.onChanged}
                        />
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
