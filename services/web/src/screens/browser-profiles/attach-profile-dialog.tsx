import { type ChangeEvent, useId, useState } from 'react';
import { useMutation } from '../../api/use-mutation';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Notice } from '../../ui/feedback';
import { AttachBrowserProfileMutation } from './browser-profile.operations';

/** The server's cap is 512 KB; refusing larger files here saves uploading a live session that cannot be stored. */
const MAX_BYTES = 512 * 1024;

/**
 * Pasting or uploading a Playwright storage state. The text is a live session: it is kept only in this dialog's
 * state, sent once, and cleared whatever the answer; the API never returns it.
 */
export function AttachProfileDialog(props: {
  open: boolean;
  accountId: string;
  handle: string;
  replacing: boolean;
  onDone: () => void;
  onCancel: () => void;
}) {
  const attach = useMutation(AttachBrowserProfileMutation);
  const [state, setState] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const ids = { state: useId(), file: useId(), name: useId(), warning: useId() };

  const close = (done: boolean) => {
    setState('');
    setDisplayName('');
    setFileProblem(null);
    attach.reset();
    if (done) props.onDone();
    else props.onCancel();
  };
  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setFileProblem(`That file is ${Math.round(file.size / 1024)} KB; a storage state may be 512 KB at most.`);
      return;
    }
    setFileProblem(null);
    setState(await file.text());
  };
  const confirm = async () => {
    const r = await attach.run({
      input: { platformAccountId: props.accountId, storageState: state, displayName: displayName.trim() || null },
    });
    // The session leaves the page's memory either way; a refused one is pasted again after the fix.
    setState('');
    if (r) close(true);
  };

  return (
    <ConfirmDialog
      open={props.open}
      title={`${props.replacing ? 'Replace' : 'Attach'} the browser profile of ${props.handle}`}
      confirmLabel={props.replacing ? 'Replace profile' : 'Attach profile'}
      pending={attach.pending}
      error={attach.error}
      onConfirm={() => void confirm()}
      onCancel={() => close(false)}
    >
      <Notice tone="warning">
        <p id={ids.warning}>
          A storage state is a <strong>live, signed-in session</strong>: whoever holds it is signed in as this account.
          Export it from a browser signed in to <strong>{props.handle}</strong> only, and do not keep copies. Raize
          stores it encrypted, never shows it again, and starts the profile read-only.
        </p>
      </Notice>
      {props.replacing && (
        <p className="hint">Replacing it drops any side-effect approval: two Admins must enable side effects again.</p>
      )}
      <label className="field" htmlFor={ids.file}>
        <span>Upload the storage state file (JSON)</span>
        <input id={ids.file} type="file" accept="application/json,.json" onChange={(e) => void readFile(e)} />
      </label>
      {fileProblem && <p className="hint">{fileProblem}</p>}
      <label className="field" htmlFor={ids.state}>
        <span>Or paste it</span>
        <textarea
          id={ids.state}
          rows={6}
          value={state}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={ids.warning}
          placeholder='{"cookies": [...], "origins": [...]}'
          onChange={(e) => setState(e.target.value)}
          data-testid="storage-state"
        />
      </label>
      <label className="field" htmlFor={ids.name}>
        <span>Display name the platform shows for the account (optional)</span>
        <input id={ids.name} value={displayName} maxLength={200} onChange={(e) => setDisplayName(e.target.value)} />
      </label>
      <p className="hint">
        The handle and account id the pages must show come from the connected account, not from this file: the runner
        stops before any click when the page shows another account.
      </p>
    </ConfirmDialog>
  );
}
