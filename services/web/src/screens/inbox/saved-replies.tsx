import { useId, useState } from 'react';
import { CreateSavedReplyMutation, DeleteSavedReplyMutation } from '../../api/inbox-operations';
import { useMutation } from '../../api/use-mutation';
import { ErrorBox } from '../../ui/feedback';
import { GateReason, useGate } from './inbox-gate';

/** The client's saved replies: templates operators insert into their own replies. */
export function SavedRepliesManager({
  clientId,
  list,
  onChanged,
}: {
  clientId: string;
  list: { id: string; title: string; text: string }[];
  onChanged: () => void;
}) {
  const gate = useGate('inbox.work');
  const create = useMutation(CreateSavedReplyMutation);
  const remove = useMutation(DeleteSavedReplyMutation);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const ids = { title: useId(), text: useId() };
  const off = !gate.allowed || create.pending || remove.pending;
  return (
    <details className="saved-replies" data-testid="saved-replies">
      <summary>Manage saved replies ({list.length})</summary>
      <GateReason gate={gate} />
      {list.length === 0 && <p className="hint">No saved replies yet.</p>}
      {list.length > 0 && (
        <ul className="plain-list" aria-label="Saved replies">
          {list.map((s) => (
            <li key={s.id} data-saved-reply={s.id}>
              <strong>{s.title}</strong>
              <p className="pre-line">{s.text}</p>
              <button
                type="button"
                className="button secondary small"
                disabled={off}
                aria-describedby={gate.reasonId}
                data-mutates="inbox.work"
                aria-label={`Delete saved reply ${s.title}`}
                onClick={() =>
                  void remove.run({ input: { id: s.id } }).then((r) => {
                    if (r) onChanged();
                  })
                }
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void create.run({ input: { clientId, title: title.trim(), text: text.trim() } }).then((r) => {
            if (!r) return;
            setTitle('');
            setText('');
            onChanged();
          });
        }}
      >
        <label className="field" htmlFor={ids.title}>
          <span>Title</span>
          <input
            id={ids.title}
            maxLength={120}
            value={title}
            disabled={!gate.allowed}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <label className="field" htmlFor={ids.text}>
          <span>Text</span>
          <textarea
            id={ids.text}
            rows={2}
            maxLength={2000}
            value={text}
            disabled={!gate.allowed}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <div className="actions">
          <button
            type="submit"
            className="button secondary"
            disabled={off || !title.trim() || !text.trim()}
            aria-describedby={gate.reasonId}
            data-mutates="inbox.work"
          >
            Add saved reply
          </button>
        </div>
      </form>
      <ErrorBox error={create.error ?? remove.error} />
    </details>
  );
}
