import { useId } from 'react';
import type { PlatformId } from '../gql/graphql';
import type { PlatformInfo } from './use-platforms';

/**
 * The platforms to connect an account on. One without an app registered on this installation is shown, disabled
 * and said so: an operator should know the platform exists and whom to ask, rather than wonder where it went.
 */
export function PlatformPicker({
  platforms,
  value,
  onChange,
}: {
  platforms: readonly PlatformInfo[];
  value: PlatformId | null;
  onChange: (id: PlatformId) => void;
}) {
  // Two pickers on one page must not share one radio group.
  const name = useId();
  return (
    <fieldset className="platform-picker" data-testid="platform-picker">
      <legend>Platform</legend>
      {platforms.map((p) => (
        <label key={p.id} className="radio" data-platform={p.id}>
          <input
            type="radio"
            name={name}
            value={p.id}
            checked={value === p.id}
            disabled={!p.configured}
            onChange={() => onChange(p.id)}
          />
          <span>
            <strong>{p.displayName}</strong>{' '}
            {!p.configured ? (
              <span className="hint">not set up on this installation</span>
            ) : p.emulator ? (
              <span className="hint">local test platform, not a real network</span>
            ) : null}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
