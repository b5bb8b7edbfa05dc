import { useId, useRef, useState } from 'react';
import { ReplyToConversationMutation, SavedRepliesQuery } from '../../api/inbox-operations';
import { useMutation } from '../../api/use-mutation';
import { useQuery } from '../../api/use-query';
import { useClientScope } from '../../auth/workspace';
import { ErrorBox, Notice } from '../../ui/feedback';
import { GateReason, useGate } from './inbox-gate';
import { SavedRepliesManager } from './saved-replies';

/** An operator's own reply, in their words or from a saved reply: approved by sending, so it needs reply.approve. */
export function ReplyComposer({ conversationId, onSent }: { conversationId: string; onSent: () => void }) {
  const { client } = useClientScope();
  const gate = useGate('reply.approve');
  const saved = useQuery(SavedRepliesQuery, { clientId: client.id });
  const send = useMutation(ReplyToConversationMutation);
  const [text, setText] = useState('');
  const [pick, setPick] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const ids = { text: useId(), pick: useId() };
  const list = saved.data?.savedReplies ?? [];

  const insert = () => {
    const chosen = list.find((s) => s.id === pick);
    if (!chosen) return;
    // At the caret, so a greeting typed first stays in front of the template.
    const at = box.current?.selectionStart ?? text.length;
    setText(text.slice(0, at) + chosen.text + text.slice(at));
  };

  return (
    <div className="panel" data-testid="reply-composer">
      <h3>Reply</h3>
      <GateReason gate={gate} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setDone(null);
          void send.run({ input: { conversationId, text: text.trim() } }).then((r) => {
            if (!r) return;
            setText('');
            setDone('Sent to the account’s engagement: it checks the text and replies on the platform.');
            onSent();
          });
        }}
      >
        <div className="inline-form">
          <label className="field inline" htmlFor={ids.pick}>
            <span>Saved reply</span>
            <select id={ids.pick} value={pick} disabled={!gate.allowed} onChange={(e) => setPick(e.target.value)}>
              <option value="">Choose one</option>
              {list.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button secondary"
            disabled={!gate.allowed || !pick}
            aria-describedby={gate.reasonId}
            onClick={insert}
          >
            Insert
          </button>
        </div>
        <label className="field" htmlFor={ids.text}>
          <span>Your reply</span>
          <textarea
            id={ids.text}
            ref={box}
            rows={3}
            maxLength={5000}
            value={text}
            disabled={!gate.allowed}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <div className="actions">
          <button
            type="submit"
            className="button primary"
            disabled={!gate.allowed || send.pending || !text.trim()}
            aria-describedby={gate.reasonId}
            data-mutates="reply.approve"
          >
            Send reply
          </button>
        </div>
      </form>
      {done && <Notice tone="success">{done}</Notice>}
      <ErrorBox error={send.error ?? saved.error} />
      <SavedRepliesManager clientId={client.id} list={list} onChanged={() => void saved.reload()} />
    </div>
  );
}
