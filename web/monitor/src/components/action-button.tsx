import type { AskConfirmation } from './confirm-dialog';

/** A button that asks for confirmation (see ConfirmDialog) before its action runs. */
export function ActionButton(props: {
  label: string;
  title: string;
  description: string;
  run: () => Promise<unknown>;
  confirm: AskConfirmation;
  testId?: string;
}) {
  return (
    <button type="button" data-testid={props.testId} onClick={() => props.confirm(props.title, props.description, props.run)}>
      {props.label}
    </button>
  );
}
