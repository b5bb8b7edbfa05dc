import { useId, useState } from 'react';
import { useMutation } from '../../api/use-mutation';
import type { PublishLane } from '../../gql/graphql';
import { ErrorBox } from '../../ui/feedback';
import { SetAccountLaneMutation } from './browser-profile.operations';
import { LANE_ORDER, LANE_WORDS, NEEDS_PROFILE } from './browser-words';

/** The lane an account publishes through; Admins of the agency change it, and the browser lanes need a profile. */
export function AccountLane(props: {
  account: { id: string; handle: string };
  lane: PublishLane;
  hasProfile: boolean;
  editable: boolean;
  onChanged: () => void;
}) {
  const set = useMutation(SetAccountLaneMutation);
  const [lane, setLane] = useState<PublishLane>(props.lane);
  const id = useId();
  if (!props.editable)
    return (
      <p className="hint" data-testid="account-lane">
        Lane: {LANE_WORDS[props.lane] ?? props.lane}
      </p>
    );
  const save = async () => {
    if (await set.run({ platformAccountId: props.account.id, lane })) props.onChanged();
  };
  return (
    <div className="field-row" data-testid="account-lane">
      <label className="field narrow" htmlFor={id}>
        <span>Lane</span>
        <select id={id} value={lane} onChange={(e) => setLane(e.target.value as PublishLane)}>
          {LANE_ORDER.map((l) => (
            <option key={l} value={l} disabled={NEEDS_PROFILE.has(l) && !props.hasProfile}>
              {LANE_WORDS[l]}
              {NEEDS_PROFILE.has(l) && !props.hasProfile ? ' (attach a profile first)' : ''}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button secondary"
        disabled={set.pending || lane === props.lane}
        onClick={() => void save()}
        data-mutates="policy.update"
      >
        {set.pending ? 'Saving…' : 'Change lane'}
      </button>
      <ErrorBox error={set.error} />
    </div>
  );
}
