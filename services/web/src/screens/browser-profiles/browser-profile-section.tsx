import { useState } from 'react';
import { useQuery } from '../../api/use-query';
import { useMe } from '../../auth/session';
import { useClientScope, useWorkspace } from '../../auth/workspace';
import type { BrowserProfileQuery as ProfileResult, PublishLane } from '../../gql/graphql';
import { formatDateTime } from '../../time/zoned-time';
import { ErrorBox, Loading } from '../../ui/feedback';
import { AccountLane } from './account-lane';
import { AttachProfileDialog } from './attach-profile-dialog';
import { BrowserProfileQuery } from './browser-profile.operations';
import { MODE_WORDS } from './browser-words';
import { SideEffectControls } from './side-effect-controls';

export type Profile = NonNullable<ProfileResult['browserProfile']>;

/**
 * An account's browser profile (issue #17): its mode, the identity its pages must show, who asked for and who
 * approved side effects, the runner's last look, and the lane. Everyone on the client reads it; an Admin of the
 * agency attaches, decides and changes the lane.
 */
export function BrowserProfileSection(props: {
  account: { id: string; handle: string; lane: string };
  onLaneChanged: () => void;
}) {
  const { client, can } = useClientScope();
  const { agencyRole } = useWorkspace();
  const me = useMe();
  const q = useQuery(BrowserProfileQuery, { platformAccountId: props.account.id });
  const [attaching, setAttaching] = useState(false);
  // The API wants an Admin of the agency, not of this client only: show the buttons to those it will accept.
  const admin = can('policy.update') && agencyRole(client.agencyId) === 'Admin';
  const when = (iso: string | null | undefined) => (iso ? formatDateTime(iso, client.timezone) : null);
  const p = q.data?.browserProfile;

  return (
    <section
      className="browser-profile"
      data-testid="browser-profile"
      aria-label={`Browser profile of ${props.account.handle}`}
    >
      <h3>Browser profile</h3>
      <ErrorBox error={q.error} onRetry={() => void q.reload()} />
      {!q.data && !q.error && <Loading what="the browser profile" />}
      {q.data && !p && (
        <p className="hint" data-testid="no-profile">
          No browser profile. The browser and hybrid lanes publish through the platform’s web pages with a profile an
          Admin attaches here.
        </p>
      )}
      {p && (
        <dl className="facts">
          <dt>Mode</dt>
          <dd>
            <span className={`badge badge-${MODE_WORDS[p.mode].tone}`} data-testid="profile-mode">
              {MODE_WORDS[p.mode].label}
            </span>{' '}
            <span className="hint">{MODE_WORDS[p.mode].what}</span>
            {p.modeReason && (
              <span className="hint block" data-testid="mode-reason">
                Why: {p.modeReason.message}
              </span>
            )}
          </dd>
          <dt>Identity</dt>
          <dd data-testid="profile-identity">
            {p.manifest ? (
              <>
                {p.manifest.handle}
                {p.manifest.displayName && <> · {p.manifest.displayName}</>} ·{' '}
                <code>{p.manifest.externalAccountId}</code>
                <span className="hint block">
                  The pages must show this account before any click; signed {when(p.manifest.issuedAt)}.
                </span>
              </>
            ) : (
              <span className="hint">The stored manifest cannot be read.</span>
            )}
          </dd>
          <dt>Manifest</dt>
          <dd>
            {p.manifestValid ? (
              <span className="badge badge-success" data-testid="manifest-valid">
                Signature valid
              </span>
            ) : (
              <>
                <span className="badge badge-danger" data-testid="manifest-invalid">
                  Signature invalid
                </span>{' '}
                <span className="hint">The runner refuses this profile: detach it and attach it again.</span>
              </>
            )}
          </dd>
          <dt>Side effects</dt>
          <dd data-testid="side-effects">
            {p.sideEffectsRequestedBy ? (
              <>
                Requested by {p.sideEffectsRequestedBy.displayName ?? 'a former operator'},{' '}
                {when(p.sideEffectsRequestedAt)}
                {p.sideEffectsNote && <span className="hint block">“{p.sideEffectsNote}”</span>}
                <span className="block">
                  {p.sideEffectsApprovedBy ? (
                    <>
                      Approved by {p.sideEffectsApprovedBy.displayName ?? 'a former operator'},{' '}
                      {when(p.sideEffectsApprovedAt)}
                    </>
                  ) : (
                    <span className="hint">Waiting for a second Admin to approve.</span>
                  )}
                </span>
              </>
            ) : (
              <span className="hint">Not requested.</span>
            )}
          </dd>
          <dt>Last check</dt>
          <dd data-testid="last-check">
            {p.lastCheck ? (
              <>
                <span className={`badge ${p.lastCheck.ok ? 'badge-success' : 'badge-danger'}`}>
                  {p.lastCheck.ok ? 'Passed' : 'Stopped'}
                </span>{' '}
                {when(p.lastCheckAt)}
                {p.lastCheck.stopMessage && <span className="hint block">{p.lastCheck.stopMessage}</span>}
                {p.lastCheck.missingSelectors.length > 0 && (
                  <span className="hint block">Missing on the page: {p.lastCheck.missingSelectors.join(', ')}</span>
                )}
              </>
            ) : (
              <span className="hint">No runner has checked it yet.</span>
            )}
          </dd>
          <dt>Runner</dt>
          <dd>
            {p.runnerId ? <code>{p.runnerId}</code> : <span className="hint">none assigned</span>}
            {p.selectorMapVersion && <span className="hint"> · selectors {p.selectorMapVersion}</span>}
          </dd>
        </dl>
      )}
      {q.data && admin && (
        <div className="button-group">
          <button
            type="button"
            className="button secondary"
            onClick={() => setAttaching(true)}
            data-mutates="policy.update"
          >
            {p ? 'Replace profile' : 'Attach profile'}
          </button>
          {p && <SideEffectControls profile={p} meId={me.id} onChanged={q.reload} />}
        </div>
      )}
      {q.data && !admin && (
        <p className="hint">An Admin of the agency attaches profiles and decides on side effects.</p>
      )}
      <AccountLane
        account={props.account}
        hasProfile={!!p}
        editable={admin}
        onChanged={props.onLaneChanged}
        lane={props.account.lane as PublishLane}
        hybridWriter={p?.hybridWriter}
      />
      <AttachProfileDialog
        open={attaching}
        accountId={props.account.id}
        handle={props.account.handle}
        replacing={!!p}
        onCancel={() => setAttaching(false)}
        onDone={() => {
          setAttaching(false);
          void q.reload();
        }}
      />
    </section>
  );
}
