import { type FormEvent, type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import type { Site } from '../api/types.ts';
import { displayName, useFormat } from '../format.ts';
import {
  type Attempt,
  type CheckInMade,
  type Found,
  newAttempt,
  useCheckIn,
  useReceptionSearch,
} from './api.ts';
import { readEntry } from './entry.ts';

const ageOf = (p: Found['person']) => p.ageBand ?? (p.birthYear ? String(p.birthYear) : '');

/**
 * The desk's one input. A scanner types a card's code and Enter: the person is checked in at once;
 * so is an id. A name (any script or spelling) is looked up: ↓ moves to the people found, Enter
 * checks the chosen one in. After a check-in the input is empty and keeps the focus; a refusal is
 * shown in words and the input is selected, ready for the next scan.
 */
export function CheckInBox({
  site,
  receptionPointId,
  desk,
}: {
  site: Site;
  receptionPointId: string;
  desk: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const input = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLUListElement>(null);
  const [text, setText] = useState('');
  const [searched, setSearched] = useState<string | null>(null);
  const [made, setMade] = useState<CheckInMade | null>(null);
  // Kept until the server answers, so that "try again" after a lost answer sends the same key.
  const [unanswered, setUnanswered] = useState<Attempt | null>(null);
  const checkIn = useCheckIn(site.id);
  const search = useReceptionSearch(site.id, searched);

  const send = (attempt: Attempt) => {
    setMade(null);
    checkIn.mutate(attempt, {
      onSuccess: (result) => {
        setMade(result);
        setUnanswered(null);
        setText('');
        setSearched(null);
        input.current?.focus();
      },
      onError: (error) => {
        setUnanswered(error instanceof ApiError ? null : attempt);
        input.current?.focus();
        input.current?.select();
      },
    });
  };
  const place = { receptionPointId, ...(desk ? { desk } : {}) };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const entry = readEntry(text);
    if (entry.kind === 'id') send(newAttempt({ personId: entry.personId, ...place }));
    if (entry.kind === 'qr') send(newAttempt({ qr: entry.qr, ...place }));
    if (entry.kind === 'name') {
      checkIn.reset();
      setMade(null);
      setSearched(entry.text);
    }
  };

  const buttons = () => [...(results.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
  const onInputKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'ArrowDown') return;
    event.preventDefault();
    buttons()[0]?.focus();
  };
  const onResultKey = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const all = buttons();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    if (event.key === 'ArrowUp' && at === 0) input.current?.focus();
    else all[Math.min(all.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  };

  const found = search.data?.items ?? [];
  return (
    <section className="card check-in-box" aria-labelledby="check-in-heading">
      <h2 id="check-in-heading">{t('reception.checkInTitle')}</h2>
      <form onSubmit={submit}>
        <label htmlFor="desk-input">{t('reception.inputLabel')}</label>
        <div className="row">
          <input
            id="desk-input"
            ref={input}
            data-autofocus
            autoComplete="off"
            spellCheck={false}
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={onInputKey}
            aria-describedby="desk-hint"
          />
          <button type="submit" className="primary" disabled={checkIn.isPending}>
            {t('reception.enter')}
          </button>
        </div>
        <p id="desk-hint" className="muted">
          {t('reception.inputHint')}
        </p>
      </form>

      <div role="status" aria-live="polite" data-testid="check-in-result">
        {made && (
          <div className="ok">
            <p>
              {t('reception.checkedIn', {
                name: displayName(made.person),
                point: made.receptionPointName,
                convoy: made.convoyCode ?? t('reception.noConvoy'),
              })}
            </p>
            {made.alerts.length > 0 && (
              <ul className="raised">
                {made.alerts.map((a) => (
                  <li key={a.id}>{t('reception.raised', { alert: t(`alertKind.${a.kind}`) })}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      {checkIn.error && (
        <div role="alert" className="error" data-testid="check-in-error">
          <p>{checkIn.error instanceof ApiError ? checkIn.error.message : t('reception.noAnswer')}</p>
          {unanswered && (
            <button type="button" onClick={() => send(unanswered)}>
              {t('app.retry')}
            </button>
          )}
        </div>
      )}

      {searched !== null && (
        <div aria-live="polite">
          <h3 id="found-heading">{t('reception.found', { text: searched })}</h3>
          {search.isPending && <p className="muted">{t('app.loading')}</p>}
          {search.error && (
            <p role="alert" className="error">
              {search.error.message}
            </p>
          )}
          {search.data && found.length === 0 && <p>{t('reception.nobody')}</p>}
          <ul className="found" ref={results} aria-labelledby="found-heading" onKeyDown={onResultKey}>
            {found.map((f) => (
              <li key={f.person.id}>
                <button
                  type="button"
                  disabled={f.checkedIn !== null || checkIn.isPending}
                  onClick={() => send(newAttempt({ personId: f.person.id, method: 'search', ...place }))}
                >
                  <strong>{displayName(f.person)}</strong>
                  <span>{[ageOf(f.person), t(`status.${f.person.status}`)].filter(Boolean).join(' · ')}</span>
                  <span>
                    {f.checkedIn
                      ? t('reception.alreadyIn', {
                          point: f.checkedIn.receptionPointName,
                          at: format.dateTime(f.checkedIn.at, site.timeZone),
                        })
                      : f.expectedOn
                        ? t('reception.expectedOn', { convoy: f.expectedOn.convoyCode })
                        : t('reception.onNoManifest')}
                  </span>
                  <span className="muted">{f.why}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
