import { useId, useState } from 'react';
import { useMutation } from '../../api/use-mutation';
import type { HybridWriter, PublishLane } from '../../gql/graphql';
import { ErrorBox } from '../../ui/feedback';
import { SetAccountLaneMutation } from './browser-profile.operations';
import { LANE_CHOICES, laneKey, NEEDS_PROFILE } from './browser-words';

/** The lane an account publishes through; Admins of the agency change it, and the browser lanes need a profile. */
export function AccountLane(props: {
  account: { id: string; handle: string };
  lane: PublishLane;
  /** the profile's side that publishes on the hybrid lane */
  hybridWriter?: HybridWriter | null;
  hasProfile: boolean;
  editable: boolean;
  onChanged: () => void;
}) {
  const set = useMutation(SetAccountLaneMutation);
  const current = laneKey(props.lane, props.hybridWriter);
  const [key, setKey] = useState<string>(current);
  const id = useId();
  const words = (k: string) => LANE_CHOICES.find((c) => c.key === k)?.words ?? k;
  if (!props.editable)
    return (
      <p className="hint" data-testid="account-lane">
        Lane: {words(current)}
      </p>
    );
  const save = async () => {
    const chosen = LANE_CHOICES.find((c) => c.key === key)?.choice;
    if (!chosen) return;
    if (await set.run({ platformAccountId: props.account.id, ...chosen })) props.onChanged();
  };
  return (
    <div className="field-row" data-testid="account-lane">
      <label className="field narrow" htmlFor={id}>
        <span>Lane</span>
        <select id={id} value={key} onChange={(e) => setKey(e.target.value)}>
          {LANE_CHOICES.map((c) => {
            const locked = NEEDS_PROFILE.has(c.choice.lane) && !props.hasProfile;
            return (
              <option key={c.key} value={c.key} disabled={locked}>
                {c.words}
                {locked ? ' (attach a profile first)' : ''}
              </option>
            );
          })}
        </select>
      </label>
      <button
        type="button"
        className="button secondary"
        disabled={set.pending || key === current}
        onClick={() => void save()}
        data-mutates="policy.update"
      >
        {set.pending ? 'Saving…' : 'Change lane'}
      </button>
      <ErrorBox error={set.error} />
    </div>
  );
}
