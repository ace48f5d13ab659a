import { type FormEvent, type ReactNode, useState } from 'react';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { SavedNote } from './SavedNote.tsx';

/**
 * The frame of a field report (a passage's state, a headcount): its heading, the submit button and,
 * after it, whether the report was kept on the device or why it was not. The form's own fields go
 * inside; `record` returns false when there was nothing to record.
 */
export function ReportFrame({
  id,
  title,
  submitLabel,
  record,
  children,
}: {
  id: string;
  title: string;
  submitLabel: string;
  record(): Promise<boolean>;
  children: ReactNode;
}) {
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      setSaved(await record());
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <form className="card stack" aria-labelledby={id} onSubmit={(event) => void submit(event)}>
      <h2 id={id}>{title}</h2>
      {children}
      <div className="button-row">
        <button type="submit" className="primary">
          {submitLabel}
        </button>
      </div>
      {saved && <SavedNote />}
      <ErrorNote error={error} />
    </form>
  );
}
