import { useId, useState } from 'react';
import { AddConversationNoteMutation, ConversationNotesQuery } from '../../api/inbox-operations';
import { useMutation } from '../../api/use-mutation';
import { useQuery } from '../../api/use-query';
import { useMe } from '../../auth/session';
import { formatDateTime } from '../../time/zoned-time';
import { ErrorBox, Loading } from '../../ui/feedback';
import { GateReason, useGate } from './inbox-gate';
import { who } from './inbox-words';

/** Internal notes: for the operators only, never sent to the platform. */
export function ConversationNotes({ conversationId, timezone }: { conversationId: string; timezone: string }) {
  const me = useMe();
  const gate = useGate('inbox.work');
  const q = useQuery(ConversationNotesQuery, { conversationId }, { pollMs: 10_000 });
  const add = useMutation(AddConversationNoteMutation);
  const [text, setText] = useState('');
  const field = useId();
  const notes = q.data?.conversationNotes;
  return (
    <div className="panel" data-testid="conversation-notes">
      <h3>Internal notes</h3>
      <p className="hint">Seen by the agency's operators only; never sent.</p>
      <ErrorBox error={q.error} onRetry={() => void q.reload()} />
      {!notes && !q.error && <Loading what="the notes" />}
      {notes && notes.length === 0 && <p className="hint">No notes yet.</p>}
      {notes && notes.length > 0 && (
        <ol className="plain-list" aria-label="Notes">
          {notes.map((n) => (
            <li key={n.id} data-note={n.id}>
              <p className="hint">
                {who(n.authorId, me.id)} · <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, timezone)}</time>
              </p>
              <p className="pre-line">{n.text}</p>
            </li>
          ))}
        </ol>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void add.run({ input: { conversationId, text: text.trim() } }).then(async (r) => {
            if (!r) return;
            setText('');
            await q.reload();
          });
        }}
      >
        <label className="field" htmlFor={field}>
          <span>New note</span>
          <textarea
            id={field}
            rows={2}
            maxLength={4000}
            value={text}
            disabled={!gate.allowed}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <GateReason gate={gate} />
        <div className="actions">
          <button
            type="submit"
            className="button secondary"
            disabled={!gate.allowed || add.pending || !text.trim()}
            aria-describedby={gate.reasonId}
            data-mutates="inbox.work"
          >
            Add note
          </button>
        </div>
      </form>
      <ErrorBox error={add.error} />
    </div>
  );
}
