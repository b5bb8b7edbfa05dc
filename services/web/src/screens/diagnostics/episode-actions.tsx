import { useId, useState } from 'react';
import { useMutation } from '../../api/use-mutation';
import { useQuery } from '../../api/use-query';
import type { ReplayEpisodeMutation as ReplayResult } from '../../gql/graphql';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { ErrorBox, Loading, Notice } from '../../ui/feedback';
import {
  EpisodeResetPointsQuery,
  ReplayEpisodeMutation,
  ResetEpisodeMutation,
  RetryEpisodeMutation,
} from './diagnostics.operations';

type Verdict = ReplayResult['replayEpisode'];

/** Platform staff's repairs of one run: run it again, reset it to a chosen point, replay it against the code. */
export function EpisodeActions(props: { workflowId: string; runId: string; canRetry: boolean; onChanged: () => void }) {
  const [dialog, setDialog] = useState<'retry' | 'reset' | null>(null);
  const [eventId, setEventId] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const pointField = useId();
  const reasonField = useId();
  const run = { workflowId: props.workflowId, runId: props.runId };
  const retry = useMutation(RetryEpisodeMutation);
  const reset = useMutation(ResetEpisodeMutation);
  const replay = useMutation(ReplayEpisodeMutation);
  const points = useQuery(EpisodeResetPointsQuery, run, { skip: dialog !== 'reset' });

  const close = () => {
    setDialog(null);
    retry.reset();
    reset.reset();
  };
  const finished = (what: string, newRun: string | undefined) => {
    if (!newRun) return;
    setDone(`${what}: new run ${newRun}`);
    close();
    props.onChanged();
  };

  return (
    <div className="button-group" data-testid="episode-actions">
      {props.canRetry && (
        <button type="button" className="button secondary small" onClick={() => setDialog('retry')}>
          Retry
        </button>
      )}
      <button type="button" className="button secondary small" onClick={() => setDialog('reset')}>
        Reset…
      </button>
      <button
        type="button"
        className="button secondary small"
        disabled={replay.pending}
        onClick={() => void replay.run(run).then((r) => setVerdict(r?.replayEpisode ?? null))}
      >
        {replay.pending ? 'Replaying…' : 'Replay'}
      </button>
      <ErrorBox error={replay.error} />
      {verdict && <ReplayVerdict verdict={verdict} />}
      {done && <Notice tone="success">{done}</Notice>}

      <ConfirmDialog
        open={dialog === 'retry'}
        title="Run this episode again from its start?"
        confirmLabel="Retry"
        pending={retry.pending}
        error={retry.error}
        onCancel={close}
        onConfirm={() => void retry.run(run).then((r) => finished('Retried', r?.retryEpisode.runId))}
      >
        <p>
          Temporal starts a new run with the same input. A side effect the first run already made is not made twice: its
          idempotency key finds it. The retry is recorded in the audit trail.
        </p>
      </ConfirmDialog>

      <ConfirmDialog
        open={dialog === 'reset'}
        title="Reset this run to a chosen point"
        confirmLabel="Reset"
        danger
        pending={reset.pending}
        error={reset.error}
        onCancel={close}
        onConfirm={() => {
          if (eventId === null) return;
          void reset
            .run({ ...run, eventId, reason })
            .then((r) => finished(`Reset to event ${eventId}`, r?.resetEpisode.runId));
        }}
      >
        <ErrorBox error={points.error} />
        {!points.data && !points.error && <Loading what="the run's reset points" />}
        {points.data && (
          <>
            <div className="field">
              <label htmlFor={pointField}>Go on after</label>
              <select
                id={pointField}
                value={eventId ?? ''}
                onChange={(e) => setEventId(e.target.value ? Number(e.target.value) : null)}
                required
              >
                <option value="">Pick a completed workflow task</option>
                {points.data.episodeResetPoints.map((p) => (
                  <option key={p.eventId} value={p.eventId}>
                    event {p.eventId}: {p.after}
                    {p.first ? ' (the start)' : ''}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={reasonField}>Why (kept in the audit trail)</label>
              <textarea
                id={reasonField}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                required
                minLength={3}
                maxLength={500}
              />
            </div>
          </>
        )}
      </ConfirmDialog>
    </div>
  );
}

function ReplayVerdict({ verdict }: { verdict: Verdict }) {
  if (verdict.sameDecisions)
    return (
      <Notice tone="success">
        The current code makes the same decisions ({verdict.eventCount} events of {verdict.workflowType}).
      </Notice>
    );
  return (
    <Notice tone="warning">
      {verdict.outcome === 'diverged'
        ? `The current code decides otherwise${verdict.divergenceEventId ? ` at event ${verdict.divergenceEventId}` : ''}: `
        : 'No verdict: '}
      <span className="mono">{verdict.message}</span>
    </Notice>
  );
}
