import { type FormEvent, useId, useState } from 'react';
import { CreateQueueSlotMutation, DeleteQueueSlotMutation, UpdateQueueSlotMutation } from '../api/operations';
import { type MutationState, useMutation } from '../api/use-mutation';
import { useClientScope } from '../auth/workspace';
import type { QueueSlotsQuery } from '../gql/graphql';
import { ErrorBox } from './feedback';

type Slot = QueueSlotsQuery['queueSlots'][number];
// The API's weekday numbering: 0 = Sunday … 6 = Saturday. Listed from Monday, as the calendar is.
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ORDER = [1, 2, 3, 4, 5, 6, 0];
const byWeekThenTime = (a: Slot, b: Slot) =>
  ORDER.indexOf(a.weekday) - ORDER.indexOf(b.weekday) || a.time.localeCompare(b.time);

/** An account's posting times (weekday + time on the client's clock) that imports and plans fill. */
export function QueueSlots({
  accountId,
  handle,
  slots,
  onChanged,
}: {
  accountId: string;
  handle: string;
  slots: Slot[];
  onChanged: () => Promise<void>;
}) {
  const { client, can } = useClientScope();
  const create = useMutation(CreateQueueSlotMutation);
  const update = useMutation(UpdateQueueSlotMutation);
  const del = useMutation(DeleteQueueSlotMutation);
  const [weekday, setWeekday] = useState(1);
  const [time, setTime] = useState('09:30');
  const id = useId();
  const may = can('post.schedule');
  const pending = create.pending || update.pending || del.pending;

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const r = await create.run({ input: { clientId: client.id, platformAccountId: accountId, weekday, time } });
    if (r) await onChanged();
  };

  return (
    <div className="queue-slots" data-queue-slots={accountId}>
      <h3>Queue slots ({client.timezone})</h3>
      {slots.length === 0 ? (
        <p className="hint">No posting times: imports with “next” need at least one.</p>
      ) : (
        <ul className="plain-list slot-list">
          {[...slots].sort(byWeekThenTime).map((s) =>
            may ? (
              <SlotRow
                key={s.id}
                slot={s}
                handle={handle}
                pending={pending}
                update={update}
                del={del}
                onChanged={onChanged}
              />
            ) : (
              <li key={s.id}>
                {WEEKDAYS[s.weekday]} {s.time}
              </li>
            ),
          )}
        </ul>
      )}
      {may && (
        <form className="inline-form" onSubmit={add}>
          <label className="field" htmlFor={`${id}-day`}>
            <span>Weekday</span>
            <select id={`${id}-day`} value={weekday} onChange={(e) => setWeekday(Number(e.target.value))}>
              {ORDER.map((d) => (
                <option key={d} value={d}>
                  {WEEKDAYS[d]}
                </option>
              ))}
            </select>
          </label>
          <label className="field" htmlFor={`${id}-time`}>
            <span>Time</span>
            <input id={`${id}-time`} type="time" required value={time} onChange={(e) => setTime(e.target.value)} />
          </label>
          <button type="submit" className="button secondary" disabled={pending} data-mutates="post.schedule">
            Add slot for {handle}
          </button>
        </form>
      )}
      <ErrorBox error={create.error ?? update.error ?? del.error} />
    </div>
  );
}

function SlotRow({
  slot,
  handle,
  pending,
  update,
  del,
  onChanged,
}: {
  slot: Slot;
  handle: string;
  pending: boolean;
  update: MutationState<unknown, { input: { clientId: string; slotId: string; weekday: number; time: string } }>;
  del: MutationState<unknown, { input: { clientId: string; slotId: string } }>;
  onChanged: () => Promise<void>;
}) {
  const { client } = useClientScope();
  const [weekday, setWeekday] = useState(slot.weekday);
  const [time, setTime] = useState(slot.time);
  const changed = weekday !== slot.weekday || time !== slot.time;
  const label = `${WEEKDAYS[slot.weekday]} ${slot.time} for ${handle}`;
  return (
    <li className="field-row" data-slot={slot.id}>
      <select aria-label={`Weekday of ${label}`} value={weekday} onChange={(e) => setWeekday(Number(e.target.value))}>
        {ORDER.map((d) => (
          <option key={d} value={d}>
            {WEEKDAYS[d]}
          </option>
        ))}
      </select>
      <input aria-label={`Time of ${label}`} type="time" value={time} onChange={(e) => setTime(e.target.value)} />
      {changed && (
        <button
          type="button"
          className="button secondary small"
          disabled={pending}
          data-mutates="post.schedule"
          onClick={() =>
            void update.run({ input: { clientId: client.id, slotId: slot.id, weekday, time } }).then(async (r) => {
              if (r) await onChanged();
            })
          }
        >
          Save
        </button>
      )}
      <button
        type="button"
        className="button danger small"
        disabled={pending}
        data-mutates="post.schedule"
        onClick={() =>
          void del.run({ input: { clientId: client.id, slotId: slot.id } }).then(async (r) => {
            if (r !== undefined) await onChanged();
          })
        }
      >
        Remove slot {label}
      </button>
    </li>
  );
}
