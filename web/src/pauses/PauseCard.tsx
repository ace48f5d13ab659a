import { useTranslation } from 'react-i18next';
import { agreementElements } from '../../../src/domain/pause.ts';
import type { Claim, Incident, PauseView, Site } from '../api/types.ts';
import { useFormat } from '../format.ts';
import { ClaimsFeed } from './ClaimsFeed.tsx';

/**
 * One window: as the announcer said it (in their zone), in UTC and in the site's zone; what was
 * observed; each party's answer; the elements of an agreement; and what was claimed about it.
 */
export function PauseCard({
  site,
  pause,
  partyName,
  claims,
  incidents,
  allClaims,
  sourceTitle,
}: {
  site: Site;
  pause: PauseView;
  partyName: Map<string, string>;
  claims: Claim[] | undefined;
  incidents: Incident[] | undefined;
  allClaims: Claim[] | undefined;
  sourceTitle: Map<string, string>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `pause-${pause.id}`;
  const times = pause.times;
  // Until the parties have loaded, a party is shown as an ellipsis rather than its id.
  const party = (id: string) => partyName.get(id) ?? '…';
  return (
    <article className="card pause" aria-labelledby={headingId} data-testid="pause-card">
      <h3 id={headingId}>
        {pause.name}{' '}
        <span className={`badge state-${pause.derived.state}`}>{t(`pauseState.${pause.derived.state}`)}</span>
      </h3>
      <p>
        {t(`pauseKind.${pause.kind}`)} ·{' '}
        {t('pauses.announcedBy', {
          party: party(pause.announcedBy),
          at: format.dateTime(pause.announcedAt, site.timeZone),
        })}
      </p>
      <p className="muted">{t('pauses.because', { because: pause.derived.because })}</p>
      <table className="times">
        <tbody>
          <tr>
            <th scope="row">
              {t('pauses.asAnnounced')} ({times.announced.zone})
            </th>
            <td>
              {format.wallClock(times.announced.start)} – {format.wallClock(times.announced.end)}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('pauses.inUtc')}</th>
            <td>
              {format.dateTime(times.utc.start, 'UTC')} – {format.dateTime(times.utc.end, 'UTC')}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('pauses.inSiteZone', { zone: times.siteZone.start.zone })}</th>
            <td>
              {format.wallClock(times.siteZone.start.local)} – {format.wallClock(times.siteZone.end.local)}{' '}
              (UTC
              {times.siteZone.start.offset})
            </td>
          </tr>
          <tr>
            <th scope="row">{t('pauses.effective')}</th>
            <td>
              {t('pauses.effectiveStart')}:{' '}
              {pause.effectiveStart
                ? format.dateTime(pause.effectiveStart, site.timeZone)
                : t('pauses.notObserved')}
              {pause.derived.lateStartMinutes
                ? ` (${t('pauses.late', { minutes: pause.derived.lateStartMinutes })})`
                : ''}
              {' · '}
              {t('pauses.effectiveEnd')}:{' '}
              {pause.effectiveEnd
                ? format.dateTime(pause.effectiveEnd, site.timeZone)
                : t('pauses.notObserved')}
              {pause.suspendedAt &&
                ` · ${t('pauses.suspended', { at: format.dateTime(pause.suspendedAt, site.timeZone) })}`}
              {pause.resumedAt &&
                ` · ${t('pauses.resumed', { at: format.dateTime(pause.resumedAt, site.timeZone) })}`}
            </td>
          </tr>
        </tbody>
      </table>
      {pause.derived.breaches > 0 && <p>{t('pauses.breaches', { count: pause.derived.breaches })}</p>}
      {pause.scope.route && <p>{t('pauses.route', { route: pause.scope.route })}</p>}
      <div className="grid">
        <div>
          <h4>{t('pauses.acceptance')}</h4>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('pauses.party')}</th>
                <th scope="col">{t('pauses.answer')}</th>
              </tr>
            </thead>
            <tbody>
              {pause.acceptances.map((a) => (
                <tr key={a.partyId}>
                  <td>{party(a.partyId)}</td>
                  <td>
                    <span className={`badge answer-${a.answer}`}>{t(`answer.${a.answer}`)}</span>
                    {a.answeredAt && (
                      <span className="muted"> {format.dateTime(a.answeredAt, site.timeZone)}</span>
                    )}
                    {a.note && <span className="muted"> — {a.note}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <h4>{t('pauses.elements')}</h4>
          <ul className="plain">
            {agreementElements.map((element) => {
              const e = pause.elements[element];
              return (
                <li key={element}>
                  {e?.agreed ? '✓' : '✗'} {t(`element.${element}`)}:{' '}
                  {e?.agreed ? t('pauses.agreed') : t('pauses.notAgreed')}
                  {e?.note && <span className="muted"> — {e.note}</span>}
                </li>
              );
            })}
          </ul>
        </div>
      </div>
      {claims && (
        <>
          <h4>{t('pauses.claimsAbout')}</h4>
          {incidents?.map((incident) => (
            <div key={incident.id} className="incident">
              <p>
                <strong>
                  {t('pauses.incident')}: {t(`incidentType.${incident.type}`)}
                </strong>{' '}
                {format.dateTime(incident.occurredAt, site.timeZone)} — {incident.summary}
              </p>
              <ClaimsFeed
                site={site}
                claims={(allClaims ?? []).filter((c) => c.incidentId === incident.id)}
                partyName={partyName}
                sourceTitle={sourceTitle}
              />
            </div>
          ))}
          <ClaimsFeed site={site} claims={claims} partyName={partyName} sourceTitle={sourceTitle} />
        </>
      )}
    </article>
  );
}
