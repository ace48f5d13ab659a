import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName } from '../format.ts';
import { type RecentCheckIn, useVoidCheckIn, type Voided } from './api.ts';

/**
 * Undoing a check-in made in error — the wrong card scanned, the wrong name chosen — from the desk's
 * list: a button opens a reason field; the server puts the person back where they were and reopens
 * what the check-in had settled. A desk sees the button only on its own check-ins, the cell on all.
 */
export function VoidCheckIn({
  siteId,
  checkIn,
  onVoided,
}: {
  siteId: string;
  checkIn: RecentCheckIn;
  onVoided: (voided: Voided) => void;
}) {
  const { t } = useTranslation();
  const voiding = useVoidCheckIn(siteId);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const name = displayName(checkIn.person);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    voiding.mutate({ id: checkIn.id, reason }, { onSuccess: onVoided });
  };
  if (!open)
    return (
      <button
        type="button"
        aria-label={t('reception.voidFor', { name })}
        onClick={() => {
          setOpen(true);
          setTimeout(() => input.current?.focus());
        }}
      >
        {t('reception.void')}
      </button>
    );
  return (
    <form onSubmit={submit} className="void-check-in">
      <label htmlFor={`${id}-reason`}>{t('reception.voidReason', { name })}</label>
      <input
        id={`${id}-reason`}
        ref={input}
        required
        minLength={3}
        maxLength={500}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setOpen(false);
        }}
      />
      <button type="submit" disabled={voiding.isPending}>
        {t('reception.voidConfirm')}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        {t('app.cancel')}
      </button>
      {voiding.error && (
        <p role="alert" className="error">
          {voiding.error.message}
        </p>
      )}
    </form>
  );
}
