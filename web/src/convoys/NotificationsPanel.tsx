import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notificationAnswers } from '../../../src/domain/notification.ts';
import type { Site } from '../api/types.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useFormat } from '../format.ts';
import { fromZoned } from '../plans/zone.ts';
import { useCan } from '../session.ts';
import { type Convoy, type PartyNotification, useAnswer, useNotify } from './api.ts';
import { PartyState } from './ConvoyBadges.tsx';

/**
 * Where each party stands on the convoy: the version it was sent and when, its latest answer with
 * the source, and whether the movement changed since. The cell notifies the parties and records
 * their answers here. A notification carries counts, never names, and the form offers nothing else.
 */
export function NotificationsPanel({ site, convoy }: { site: Site; convoy: Convoy }) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const [answering, setAnswering] = useState<string | undefined>();
  const when = (iso: string) => format.dateTime(iso, site.timeZone);
  const writable = can('convoys:write') && (convoy.status === 'planned' || convoy.status === 'departed');
  return (
    <section aria-labelledby="notifications-heading" className="card" data-testid="notifications">
      <h2 id="notifications-heading">{t('convoys.notifications')}</h2>
      <p className="hint">{t('convoys.notificationsHint')}</p>
      {convoy.notifications.length === 0 ? (
        <p>{t('convoys.noParties')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('convoys.party')}</th>
                <th scope="col">{t('convoys.partyStateHeading')}</th>
                <th scope="col">{t('convoys.sent')}</th>
                <th scope="col">{t('convoys.answer')}</th>
                {writable && <th scope="col">{t('convoys.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {convoy.notifications.map((n) => (
                <tr key={n.party.id} data-testid="party-row">
                  <th scope="row">
                    {n.party.shortName ? `${n.party.name} (${n.party.shortName})` : n.party.name}
                  </th>
                  <td>
                    <PartyState state={n.state} />
                    {n.notification && !n.current && (
                      <span className="badge flagged">{t('convoys.outdated')}</span>
                    )}
                  </td>
                  <td>
                    {n.notification
                      ? t('convoys.sentVersion', {
                          version: n.notification.version,
                          at: when(n.notification.sentAt),
                          channel: n.notification.channel ?? t('app.none'),
                        })
                      : t('app.none')}
                  </td>
                  <td>
                    {n.answer ? (
                      <>
                        {t('convoys.answeredAt', { at: when(n.answer.answeredAt) })}
                        {(n.answer.sourceNote || n.answer.sourceId) && (
                          <span className="muted"> — {n.answer.sourceNote ?? t('convoys.storedSource')}</span>
                        )}
                        {n.answer.note && <div>{n.answer.note}</div>}
                      </>
                    ) : (
                      t('app.none')
                    )}
                  </td>
                  {writable && (
                    <td>
                      {n.notification && (
                        <button
                          type="button"
                          className="small"
                          aria-expanded={answering === n.party.id}
                          onClick={() => setAnswering(answering === n.party.id ? undefined : n.party.id)}
                        >
                          {t('convoys.recordAnswer')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {writable &&
        convoy.notifications
          .filter((n) => n.party.id === answering && n.notification)
          .map((n) => (
            <AnswerForm key={n.party.id} site={site} party={n} onDone={() => setAnswering(undefined)} />
          ))}
      {writable && <NotifyForm site={site} convoy={convoy} />}
    </section>
  );
}

function NotifyForm({ site, convoy }: { site: Site; convoy: Convoy }) {
  const { t } = useTranslation();
  const id = useId();
  const notify = useNotify(site.id, convoy.id);
  const [channel, setChannel] = useState('');
  const stale = convoy.notifications.filter((n) => !n.current).length;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    notify.mutate(channel.trim() ? { channel: channel.trim() } : {});
  };
  return (
    <form className="stack" aria-labelledby={`${id}-heading`} onSubmit={submit} data-testid="notify-form">
      <h3 id={`${id}-heading`}>{t('convoys.notify')}</h3>
      <p className="hint">{t('convoys.notifyHelp', { count: stale })}</p>
      <label>
        {t('convoys.channel')}
        <input value={channel} maxLength={200} onChange={(event) => setChannel(event.target.value)} />
      </label>
      <div className="button-row">
        <button type="submit" className="primary" disabled={notify.isPending || stale === 0}>
          {t('convoys.notifySubmit')}
        </button>
      </div>
      <div aria-live="polite">
        {notify.data && (
          <p className="ok" role="status">
            {t('convoys.notified', { count: notify.data.sent.length })}
          </p>
        )}
      </div>
      <ErrorNote error={notify.error} />
    </form>
  );
}

function AnswerForm({ site, party, onDone }: { site: Site; party: PartyNotification; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const answer = useAnswer(site.id);
  const [choice, setChoice] = useState<(typeof notificationAnswers)[number]>('acknowledged');
  const [at, setAt] = useState('');
  const [source, setSource] = useState('');
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    answer.mutate(
      {
        notificationId: party.notification!.id,
        answer: choice,
        answeredAt: at ? fromZoned(at, site.timeZone) : new Date().toISOString(),
        ...(source.trim() ? { sourceNote: source.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form
      className="stack inset"
      aria-labelledby={`${id}-heading`}
      onSubmit={submit}
      data-testid="answer-form"
    >
      <h3 id={`${id}-heading`}>
        {t('convoys.answerOf', { party: party.party.name, version: party.notification?.version })}
      </h3>
      <fieldset>
        <legend>{t('convoys.answer')}</legend>
        {notificationAnswers.map((a) => (
          <label key={a} className="field-inline">
            <input type="radio" name={`${id}-answer`} checked={choice === a} onChange={() => setChoice(a)} />
            {t(`convoys.partyState.${a}`)}
          </label>
        ))}
      </fieldset>
      <div className="form-row">
        <label>
          {t('convoys.answeredWhen', { zone: site.timeZone })}
          <input type="datetime-local" value={at} onChange={(event) => setAt(event.target.value)} />
        </label>
        <label>
          {t('convoys.source')}
          <input
            value={source}
            maxLength={500}
            required={choice !== 'no_answer'}
            placeholder={t('convoys.sourcePlaceholder')}
            onChange={(event) => setSource(event.target.value)}
          />
        </label>
      </div>
      <label>
        {t('convoys.note')}
        <textarea value={note} maxLength={2000} onChange={(event) => setNote(event.target.value)} />
      </label>
      <div className="button-row">
        <button type="submit" className="primary" disabled={answer.isPending}>
          {t('convoys.recordAnswerSubmit')}
        </button>
        <button type="button" onClick={onDone}>
          {t('app.cancel')}
        </button>
      </div>
      <ErrorNote error={answer.error} />
    </form>
  );
}
