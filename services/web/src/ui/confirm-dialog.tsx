import { type FormEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { ErrorBox } from './feedback';

/**
 * A modal confirmation (<dialog> with showModal: focus is trapped and Escape cancels) for actions with
 * consequences. The confirm button stays busy until the API has answered; errors show inside the dialog.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  pending?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (props.open && !d.open) d.showModal();
    if (!props.open && d.open) d.close();
  }, [props.open]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onConfirm();
  };
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      {props.open && (
        <form onSubmit={submit}>
          <h2 id={titleId}>{props.title}</h2>
          <div className="dialog-body">{props.children}</div>
          <ErrorBox error={props.error} />
          <div className="actions">
            <button type="button" className="button secondary" onClick={props.onCancel} disabled={props.pending}>
              Cancel
            </button>
            <button
              type="submit"
              className={`button ${props.danger ? 'danger' : 'primary'}`}
              disabled={props.pending}
              data-testid="confirm"
            >
              {props.pending ? 'Working…' : props.confirmLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
