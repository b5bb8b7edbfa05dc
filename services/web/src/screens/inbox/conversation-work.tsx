import { useId, useState } from 'react';
import {
  AssignConversationMutation,
  CloseConversationMutation,
  EscalateConversationMutation,
  InboxOperatorsQuery,
} from '../../api/inbox-operations';
import { useMutation } from '../../api/use-mutation';
import { useQuery } from '../../api/use-query';
import { useClientScope } from '../../auth/workspace';
import { useMe } from '../../auth/session';
import { ErrorBox, Notice } from '../../ui/feedback';
import { GateReason, useGate } from './inbox-gate';
import { who } from './inbox-words';
import type { ConversationRow } from './use-inbox-pages';

/** Who works the conversation (any operator who may work the inbox), and handing it up or closing it. */
export function ConversationWork({
  conversation: c,
  onChanged,
}: {
  conversation: ConversationRow;
  onChanged: (row: ConversationRow) => void;
}) {
  const me = useMe();
  const { client } = useClientScope();
  const operators = useQuery(InboxOperatorsQuery, { clientId: client.id });
  const [giveTo, setGiveTo] = useState('');
  const nameOf = (id: string | null) =>
    id && id !== me.id
      ? (operators.data?.inboxOperators.find((o) => o.id === id)?.displayName ?? who(id, me.id))
      : who(id, me.id);
  const gate = useGate('inbox.work');
  const assign = useMutation(AssignConversationMutation);
  const escalate = useMutation(EscalateConversationMutation);
  const close = useMutation(CloseConversationMutation);
  const [escalateNote, setEscalateNote] = useState('');
  const [closeNote, setCloseNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const ids = { escalate: useId(), close: useId(), escalateWhy: useId(), closeWhy: useId(), giveTo: useId() };
  const pending = assign.pending || escalate.pending || close.pending;
  const off = !gate.allowed || pending;

  const run = async (what: string, p: Promise<Record<string, ConversationRow> | undefined>) => {
    const r = await p;
    if (!r) return;
    setDone(what);
    onChanged(Object.values(r)[0]);
  };
  const escalateBlocked = c.status === 'escalated' ? 'It is escalated already.' : null;
  const closeBlocked = c.status === 'closed' ? 'It is closed already.' : null;

  return (
    <div className="panel" data-testid="conversation-work">
      <h3>Assignment</h3>
      <p data-testid="assigned-to">Assigned to {nameOf(c.assigneeId)}.</p>
      <GateReason gate={gate} />
      <div className="actions">
        <button
          type="button"
          className="button secondary"
          disabled={off || c.assigneeId === me.id}
          aria-describedby={gate.reasonId}
          data-mutates="inbox.work"
          onClick={() =>
            void run('Assigned to you.', assign.run({ input: { conversationId: c.id, assigneeId: me.id } }))
          }
        >
          Assign to me
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={off || !c.assigneeId}
          aria-describedby={gate.reasonId}
          data-mutates="inbox.work"
          onClick={() => void run('Unassigned.', assign.run({ input: { conversationId: c.id, assigneeId: null } }))}
        >
          Unassign
        </button>
      </div>
      <label className="field" htmlFor={ids.giveTo}>
        <span>Give it to</span>
        <select id={ids.giveTo} value={giveTo} disabled={!gate.allowed} onChange={(e) => setGiveTo(e.target.value)}>
          <option value="">choose an operator</option>
          {(operators.data?.inboxOperators ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.displayName} ({o.role})
            </option>
          ))}
        </select>
      </label>
      <div className="actions">
        <button
          type="button"
          className="button secondary"
          disabled={off || !giveTo || giveTo === c.assigneeId}
          aria-describedby={gate.reasonId}
          data-mutates="inbox.work"
          onClick={() =>
            void run(`Given to ${nameOf(giveTo)}.`, assign.run({ input: { conversationId: c.id, assigneeId: giveTo } }))
          }
        >
          Assign
        </button>
      </div>
      <h3>Escalate or close</h3>
      <label className="field" htmlFor={ids.escalate}>
        <span>Why it needs escalating</span>
        <input
          id={ids.escalate}
          maxLength={500}
          value={escalateNote}
          disabled={!gate.allowed}
          onChange={(e) => setEscalateNote(e.target.value)}
        />
      </label>
      <div className="actions">
        <button
          type="button"
          className="button secondary"
          disabled={off || !!escalateBlocked || !escalateNote.trim()}
          aria-describedby={gate.reasonId ?? (escalateBlocked ? ids.escalateWhy : undefined)}
          data-mutates="inbox.work"
          onClick={() =>
            void run(
              'Escalated: it waits for a human under an SLA.',
              escalate.run({ input: { conversationId: c.id, note: escalateNote.trim() } }).then((r) => {
                if (r) setEscalateNote('');
                return r;
              }),
            )
          }
        >
          Escalate
        </button>
        {escalateBlocked && gate.allowed && (
          <span id={ids.escalateWhy} className="hint">
            {escalateBlocked}
          </span>
        )}
      </div>
      <label className="field" htmlFor={ids.close}>
        <span>Note on closing (optional)</span>
        <input
          id={ids.close}
          maxLength={500}
          value={closeNote}
          disabled={!gate.allowed}
          onChange={(e) => setCloseNote(e.target.value)}
        />
      </label>
      <div className="actions">
        <button
          type="button"
          className="button danger"
          disabled={off || !!closeBlocked}
          aria-describedby={gate.reasonId ?? (closeBlocked ? ids.closeWhy : undefined)}
          data-mutates="inbox.work"
          onClick={() =>
            void run(
              'Closed: it left the waiting queues.',
              close.run({ input: { conversationId: c.id, note: closeNote.trim() || undefined } }).then((r) => {
                if (r) setCloseNote('');
                return r;
              }),
            )
          }
        >
          Close
        </button>
        {closeBlocked && gate.allowed && (
          <span id={ids.closeWhy} className="hint">
            {closeBlocked}
          </span>
        )}
      </div>
      {done && <Notice tone="success">{done}</Notice>}
      <ErrorBox error={assign.error ?? escalate.error ?? close.error} />
    </div>
  );
}
