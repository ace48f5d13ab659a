import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName } from '../format.ts';
import { type Entry, pickOf, useBoard } from './api.ts';

/**
 * The desk's one input: a scanner types the card's code and Enter, or a person types an id. After
 * each boarding the input is empty and keeps the focus, so the next card can be scanned at once; a
 * refused one stays selected to be scanned again.
 */
export function ScanBox({ convoyId, vehicleOf }: { convoyId: string; vehicleOf: (id: string) => string }) {
  const { t } = useTranslation();
  const board = useBoard(convoyId);
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [last, setLast] = useState<Entry | null>(null);
  // A desk opened to scan scans: the input has the focus from the start, not after a click.
  useEffect(() => input.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    board.mutate(pickOf(text), {
      onSuccess: (entry) => {
        setLast(entry);
        setText('');
        input.current?.focus();
      },
      onError: () => {
        setLast(null);
        input.current?.select();
      },
    });
  };

  return (
    <form className="card scan-box" onSubmit={submit} aria-labelledby="scan-heading">
      <h2 id="scan-heading">{t('boarding.scanTitle')}</h2>
      <label htmlFor="scan-input">{t('boarding.scanLabel')}</label>
      <div className="row">
        <input
          id="scan-input"
          ref={input}
          data-autofocus
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby="scan-hint"
        />
        <button type="submit" disabled={board.isPending}>
          {t('boarding.board')}
        </button>
      </div>
      <p id="scan-hint" className="muted">
        {t('boarding.scanHint')}
      </p>
      <div role="status" aria-live="polite" data-testid="scan-result">
        {last && (
          <p className="ok">
            {t('boarding.boarded', {
              name: last.names ? displayName({ names: last.names }) : last.personId,
              vehicle: vehicleOf(last.vehicleId),
            })}
          </p>
        )}
      </div>
      {board.error && (
        <p role="alert" className="error" data-testid="scan-error">
          {board.error.message}
        </p>
      )}
    </form>
  );
}
