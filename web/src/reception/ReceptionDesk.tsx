import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../api/types.ts';
import { QueryState } from '../components/ErrorNote.tsx';
import { displayName, useFormat } from '../format.ts';
import { Link } from '../router.tsx';
import { useCan, useSession } from '../session.ts';
import { useRecentCheckIns, useReceptionPoints, type Voided } from './api.ts';
import { CheckInBox } from './CheckInBox.tsx';
import { VoidCheckIn } from './VoidCheckIn.tsx';
import './reception.css';

// The desk's place and name stay with the browser: a desk is one laptop at one table.
const pointKey = 'corridor.reception.point';
const deskKey = 'corridor.reception.desk';

/** The reception desk: where it is, the one input that checks people in, and who arrived last. */
export function ReceptionDesk({ site }: { site: Site }) {
  const { t } = useTranslation();
  const format = useFormat();
  const points = useReceptionPoints(site.id);
  const [chosen, setChosen] = useState(() => localStorage.getItem(pointKey) ?? '');
  const [desk, setDesk] = useState(() => localStorage.getItem(deskKey) ?? '');
  const point = points.data?.find((p) => p.id === chosen) ?? points.data?.[0];
  const recent = useRecentCheckIns(site.id, point?.id);
  const { data: user } = useSession();
  const can = useCan();
  const [voided, setVoided] = useState<Voided | null>(null);
  // The server decides (a desk voids only its own check-ins, the cell any); the button follows it.
  const mayVoid = (checkedInById: string | null) =>
    can('alerts:resolve') || (user !== null && user !== undefined && checkedInById === user.id);

  if (!points.data) return <QueryState loading={points.isPending} error={points.error} />;
  if (!point) return <p>{t('reception.noPoint')}</p>;
  return (
    <>
      <h1>{t('reception.title')}</h1>
      <div className="desk-settings">
        <label>
          {t('reception.point')}
          <select
            value={point.id}
            onChange={(event) => {
              setChosen(event.target.value);
              localStorage.setItem(pointKey, event.target.value);
            }}
          >
            {points.data.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reception.desk')}
          <input
            value={desk}
            maxLength={50}
            autoComplete="off"
            onChange={(event) => {
              setDesk(event.target.value);
              localStorage.setItem(deskKey, event.target.value);
            }}
          />
        </label>
      </div>
      <CheckInBox site={site} receptionPointId={point.id} desk={desk.trim()} />
      <section className="card" aria-labelledby="recent-heading">
        <h2 id="recent-heading">
          {t('reception.recent', { point: point.name, count: recent.data?.total ?? 0 })}
        </h2>
        <QueryState loading={recent.isPending} error={recent.error} />
        <div role="status" aria-live="polite" data-testid="void-result">
          {voided && (
            <div className="ok">
              <p>
                {t('reception.voided', {
                  name: displayName(voided.checkIn.person),
                  status: t(`status.${voided.checkIn.person.status}`),
                })}
              </p>
              {voided.alertsRaised.length > 0 && (
                <ul className="raised">
                  {voided.alertsRaised.map((a) => (
                    <li key={a.id}>{t('reception.raised', { alert: t(`alertKind.${a.kind}`) })}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </div>
        {recent.data && recent.data.items.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('reception.when')}</th>
                <th scope="col">{t('reception.who')}</th>
                <th scope="col">{t('reception.convoy')}</th>
                <th scope="col">{t('reception.desk')}</th>
                <th scope="col">{t('reception.correct')}</th>
              </tr>
            </thead>
            <tbody>
              {recent.data.items.map((k) => (
                <tr key={k.id}>
                  <td>{format.dateTime(k.checkedInAt, site.timeZone)}</td>
                  <th scope="row">
                    <Link href={`/people/${k.personId}`}>{displayName(k.person)}</Link>
                  </th>
                  <td>{k.convoyCode ?? t('reception.noConvoy')}</td>
                  <td>{k.desk ?? t('app.none')}</td>
                  <td>
                    {mayVoid(k.checkedInById) && (
                      <VoidCheckIn siteId={site.id} checkIn={k} onVoided={setVoided} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
