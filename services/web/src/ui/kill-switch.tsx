import { useId, useState } from 'react';
import { KillSwitchesQuery, SetKillSwitchMutation } from '../api/operations';
import { useMutation } from '../api/use-mutation';
import { useQuery } from '../api/use-query';
import type { KillSwitchesQuery as KillSwitchesResult } from '../gql/graphql';
import { ConfirmDialog } from './confirm-dialog';
import { Notice } from './feedback';

export type Scope = 'global' | 'agency' | 'client' | 'account';
type Row = KillSwitchesResult['killSwitches'][number];

// The same words the API answers in `stops` (services/api/modules/kill-switches), for switches never set yet.
const STOPS: Record<Scope, string> = {
  global: 'every side effect of every agency',
  agency: 'every side effect of this agency',
  client: "every side effect of this client's accounts",
  account: 'every side effect on this account',
};

export function useKillSwitches(clientId: string) {
  const q = useQuery(KillSwitchesQuery, { clientId }, { pollMs: 5000 });
  const find = (scope: Scope, scopeId: string): Row | undefined =>
    q.data?.killSwitches.find((k) => k.scope === scope && (scope === 'global' || k.scopeId === scopeId));
  return { ...q, find };
}

/**
 * One switch: its state, what it stops, and (for roles that may) a button that asks for confirmation
 * naming exactly what stops or resumes. The state changes on screen only after the API has answered.
 */
export function KillSwitchControl(props: {
  scope: Scope;
  scopeId: string | null;
  name: string;
  row: Row | undefined;
  canFlip: boolean;
  whyNot?: string;
  onChanged: () => Promise<void>;
}) {
  const { scope, row } = props;
  const set = useMutation(SetKillSwitchMutation);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const engaged = row?.engaged ?? false;
  const stops = row?.stops ?? STOPS[scope];
  const label = `${scope === 'global' ? 'the global' : `the ${scope}`} kill switch${scope === 'global' ? '' : ` for “${props.name}”`}`;

  const confirm = async () => {
    const r = await set.run({
      input: { scope, scopeId: props.scopeId ?? undefined, engaged: !engaged, reason: reason.trim() || undefined },
    });
    if (!r) return;
    setOpen(false);
    setReason('');
    await props.onChanged();
  };

  return (
    <div className={`kill-switch ${engaged ? 'engaged' : ''}`} data-scope={scope} data-scope-id={props.scopeId ?? '*'}>
      <p className="ks-state">
        <span className={`badge ${engaged ? 'badge-danger' : 'badge-success'}`} data-testid="ks-state">
          {engaged ? 'Engaged' : 'Released'}
        </span>{' '}
        {engaged ? <>Stopping {stops}.</> : <>Stops {stops} when engaged.</>}
      </p>
      {row?.reason && <p className="hint">Reason: {row.reason}</p>}
      {props.canFlip ? (
        <button
          type="button"
          className={`button ${engaged ? 'secondary' : 'danger'}`}
          onClick={() => {
            set.reset();
            setOpen(true);
          }}
          data-mutates="killswitch.set"
        >
          {engaged ? 'Release' : 'Engage'} {scope === 'global' ? 'global switch' : `${scope} switch`}
        </button>
      ) : (
        props.whyNot && <p className="hint">{props.whyNot}</p>
      )}
      <ConfirmDialog
        open={open}
        title={`${engaged ? 'Release' : 'Engage'} ${label}?`}
        confirmLabel={engaged ? 'Release and resume' : 'Engage and stop'}
        danger={!engaged}
        pending={set.pending}
        error={set.error}
        onConfirm={() => void confirm()}
        onCancel={() => setOpen(false)}
      >
        {engaged ? (
          <p>
            Releasing resumes <strong>{stops}</strong>. Paused posts ask the guard again right away; those past their
            slot may go out now.
          </p>
        ) : (
          <p>
            This stops <strong data-testid="ks-stops">{stops}</strong> (“{props.name}”) at the next guard decision,
            until someone releases it. Nothing is lost: due posts wait as paused.
          </p>
        )}
        <label className="field" htmlFor={reasonId}>
          <span>Reason (kept in the audit log)</span>
          <input id={reasonId} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
        </label>
        {scope === 'global' && !engaged && (
          <Notice tone="warning">The global switch stops every agency on this installation, not only yours.</Notice>
        )}
      </ConfirmDialog>
    </div>
  );
}
