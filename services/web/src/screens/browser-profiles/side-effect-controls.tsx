import { useId, useState } from 'react';
import { useMutation } from '../../api/use-mutation';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import {
  ApproveBrowserSideEffectsMutation,
  DetachBrowserProfileMutation,
  RequestBrowserSideEffectsMutation,
  SetBrowserProfileReadOnlyMutation,
} from './browser-profile.operations';
import type { Profile } from './browser-profile-section';
import { TWO_ADMINS } from './browser-words';

type Step = 'request' | 'approve' | 'read_only' | 'detach';

/** An Admin's buttons on a profile: request, approve (never one's own request), back to read-only, detach. */
export function SideEffectControls(props: { profile: Profile; meId: string; onChanged: () => Promise<void> }) {
  const p = props.profile;
  const request = useMutation(RequestBrowserSideEffectsMutation);
  const approve = useMutation(ApproveBrowserSideEffectsMutation);
  const readOnly = useMutation(SetBrowserProfileReadOnlyMutation);
  const detach = useMutation(DetachBrowserProfileMutation);
  const [open, setOpen] = useState<Step | null>(null);
  const [text, setText] = useState('');
  const textId = useId();
  const ownRequest = p.sideEffectsRequestedBy?.id === props.meId;
  const requested = !!p.sideEffectsRequestedBy;
  const on = p.mode === 'side_effects';

  const start = (step: Step) => {
    for (const m of [request, approve, readOnly, detach]) m.reset();
    setText('');
    setOpen(step);
  };
  const run = async () => {
    const done =
      open === 'request'
        ? await request.run({ profileId: p.id, note: text.trim() || null })
        : open === 'approve'
          ? await approve.run({ profileId: p.id })
          : open === 'read_only'
            ? await readOnly.run({ profileId: p.id, reason: text.trim() })
            : await detach.run({ profileId: p.id });
    if (done) {
      setOpen(null);
      await props.onChanged();
    }
  };
  const current = { request, approve, read_only: readOnly, detach }[open ?? 'request'];

  return (
    <>
      {!on && !requested && (
        <button
          type="button"
          className="button secondary"
          onClick={() => start('request')}
          data-mutates="policy.update"
        >
          Request side effects
        </button>
      )}
      {!on && requested && (
        <>
          <button
            type="button"
            className="button primary"
            disabled={ownRequest || !p.manifestValid}
            aria-describedby={ownRequest ? `${textId}-why` : undefined}
            onClick={() => start('approve')}
            data-mutates="policy.update"
          >
            Approve side effects
          </button>
          {ownRequest && (
            <span className="hint" id={`${textId}-why`} data-testid="approve-why-not">
              You requested them: a different Admin must approve.
            </span>
          )}
        </>
      )}
      {(on || requested) && (
        <button
          type="button"
          className="button secondary"
          onClick={() => start('read_only')}
          data-mutates="policy.update"
        >
          Set read-only
        </button>
      )}
      <button type="button" className="button danger" onClick={() => start('detach')} data-mutates="policy.update">
        Detach profile
      </button>
      <ConfirmDialog
        open={open !== null}
        title={
          {
            request: 'Request side effects for this profile?',
            approve: 'Approve side effects for this profile?',
            read_only: 'Set this profile read-only?',
            detach: 'Detach this browser profile?',
          }[open ?? 'request']
        }
        confirmLabel={
          { request: 'Request', approve: 'Approve side effects', read_only: 'Set read-only', detach: 'Detach' }[
            open ?? 'request'
          ]
        }
        danger={open === 'approve' || open === 'detach'}
        pending={current.pending}
        error={current.error}
        onConfirm={() => void run()}
        onCancel={() => setOpen(null)}
      >
        {open === 'request' && <p>{TWO_ADMINS}</p>}
        {open === 'approve' && (
          <p>
            Raize will then publish through this account’s web pages in the client’s name, on the schedule and approvals
            the policy sets. {p.sideEffectsRequestedBy?.displayName ?? 'Another Admin'} asked for it
            {p.sideEffectsNote ? <>: “{p.sideEffectsNote}”</> : '.'}
          </p>
        )}
        {open === 'read_only' && (
          <p>Nothing more is published through this profile until two Admins enable it again.</p>
        )}
        {open === 'detach' && (
          <p>
            The stored session is deleted. Posts on the browser or hybrid lane pause until a profile is attached again.
          </p>
        )}
        {(open === 'request' || open === 'read_only') && (
          <label className="field" htmlFor={textId}>
            <span>
              {open === 'request' ? 'Note for the approving Admin (optional)' : 'Reason (kept in the audit log)'}
            </span>
            <input
              id={textId}
              value={text}
              maxLength={500}
              required={open === 'read_only'}
              onChange={(e) => setText(e.target.value)}
            />
          </label>
        )}
      </ConfirmDialog>
    </>
  );
}
