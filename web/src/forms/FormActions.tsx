import { ErrorNote } from '../components/ErrorNote.tsx';

/** The end of an edit form: what is wrong with the input, the server's error, Save and Cancel. */
export function FormActions({
  problem,
  error,
  saveLabel,
  cancelLabel,
  onCancel,
  saving = false,
}: {
  /** A check the form made before sending (such as a missing name). */
  problem: string | undefined;
  error: unknown;
  saveLabel: string;
  cancelLabel: string;
  onCancel(): void;
  saving?: boolean;
}) {
  return (
    <>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <ErrorNote error={error} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={saving}>
          {saveLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </>
  );
}
