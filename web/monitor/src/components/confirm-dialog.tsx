import { useEffect, useRef } from 'preact/hooks';

/** Opens the confirmation dialog; `run` happens only once the operator confirms. */
export type AskConfirmation = (title: string, description: string, run: () => Promise<unknown>) => void;

export interface PendingAction {
  title: string;
  description: string;
  run: () => Promise<unknown>;
}

/** A modal <dialog> (keyboard: Tab between buttons, Escape cancels) asking before an action runs. */
export function ConfirmDialog({ action, onClose }: { action: PendingAction | undefined; onClose: (confirmed: boolean) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (action && !element.open) element.showModal();
    if (!action && element.open) element.close();
  }, [action]);
  return (
    <dialog ref={dialog} class="confirm" aria-labelledby="confirm-title" onCancel={() => onClose(false)}>
      <h2 id="confirm-title">{action?.title}</h2>
      <p>{action?.description}</p>
      <div class="buttons">
        <button type="button" onClick={() => onClose(false)}>
          Cancel
        </button>
        <button type="button" class="danger" data-testid="confirm" onClick={() => onClose(true)} autofocus>
          Confirm
        </button>
      </div>
    </dialog>
  );
}
