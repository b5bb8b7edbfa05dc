import { useState } from 'react';
import { useMutation } from '../../api/use-mutation';
import { useQuery } from '../../api/use-query';
import type { RestrictedPlatformsQuery as Result } from '../../gql/graphql';
import { formatDateTime } from '../../time/zoned-time';
import { ErrorBox, Loading } from '../../ui/feedback';
import {
  DisableRestrictedPlatformMutation,
  EnableRestrictedPlatformMutation,
  RestrictedPlatformsQuery,
} from './browser-profile.operations';

type Row = Result['restrictedPlatforms'][number];

/**
 * Platforms whose terms forbid automation (C-45): off for every client until an Admin of the agency reads the risk
 * and ticks that the client accepts it. The statement comes from the policy data through the API, never from here.
 */
export function RestrictedPlatforms(props: { clientId: string; timezone: string; editable: boolean }) {
  const q = useQuery(RestrictedPlatformsQuery, { clientId: props.clientId });
  if (!q.data)
    return q.error ? (
      <ErrorBox error={q.error} onRetry={() => void q.reload()} />
    ) : (
      <Loading what="the restricted platforms" />
    );
  return (
    <section aria-labelledby="restricted-platforms-title" data-testid="restricted-platforms">
      <h2 id="restricted-platforms-title">Restricted platforms</h2>
      <p className="hint">
        These platforms’ terms forbid automated access, so the policy refuses every action on them unless an Admin of
        the agency turns one on for this client, with its risk acknowledged. Each change is in the audit log.
      </p>
      <ul className="cards">
        {q.data.restrictedPlatforms.map((r) => (
          <li key={r.platform} className="card" data-platform={r.platform}>
            <RestrictedPlatform row={r} {...props} onChanged={q.reload} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function RestrictedPlatform(props: {
  row: Row;
  clientId: string;
  timezone: string;
  editable: boolean;
  onChanged: () => Promise<void>;
}) {
  const { row } = props;
  const enable = useMutation(EnableRestrictedPlatformMutation);
  const disable = useMutation(DisableRestrictedPlatformMutation);
  const [ack, setAck] = useState(false);
  const turnOn = async () => {
    if (await enable.run({ clientId: props.clientId, platform: row.platform, acknowledgeRisk: ack })) {
      setAck(false);
      await props.onChanged();
    }
  };
  const turnOff = async () => {
    if (await disable.run({ clientId: props.clientId, platform: row.platform })) await props.onChanged();
  };
  return (
    <>
      <h3>
        {row.platform}{' '}
        <span className={`badge ${row.enabled ? 'badge-warning' : 'badge-muted'}`} data-testid="restricted-state">
          {row.enabled ? 'On for this client' : 'Off'}
        </span>
      </h3>
      <blockquote className="risk-statement" data-testid="risk-statement">
        {row.riskStatement}
      </blockquote>
      <p className="hint">Risk statement version {row.riskVersion}.</p>
      {row.enabled && (
        <p data-testid="enabled-by">
          Turned on by {row.enabledBy?.displayName ?? 'a former operator'}
          {row.enabledAt && <>, {formatDateTime(row.enabledAt, props.timezone)}</>}.
        </p>
      )}
      {props.editable && !row.enabled && (
        <>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={ack}
              onChange={(e) => setAck(e.target.checked)}
              data-testid="acknowledge-risk"
            />
            <span>I have read the risk above and the client accepts it.</span>
          </label>
          <button
            type="button"
            className="button danger"
            disabled={!ack || enable.pending}
            onClick={() => void turnOn()}
            data-mutates="policy.update"
          >
            {enable.pending ? 'Turning on…' : `Turn ${row.platform} on`}
          </button>
        </>
      )}
      {props.editable && row.enabled && (
        <button
          type="button"
          className="button secondary"
          disabled={disable.pending}
          onClick={() => void turnOff()}
          data-mutates="policy.update"
        >
          {disable.pending ? 'Turning off…' : `Turn ${row.platform} off`}
        </button>
      )}
      {!props.editable && <p className="hint">Only an Admin of the agency turns a restricted platform on or off.</p>}
      <ErrorBox error={enable.error ?? disable.error} />
    </>
  );
}
