import { useTranslation } from 'react-i18next';
import type { Site } from '../api/types.ts';
import { useManifest, useRoadLog } from '../boarding/api.ts';
import { QueryState } from '../components/ErrorNote.tsx';
import { displayName, useFormat } from '../format.ts';
import { Link } from '../router.tsx';
import { useCan } from '../session.ts';
import { EventForm } from './EventForm.tsx';
import '../boarding/boarding.css';

/** A convoy's road: what was reported where and when, who is held, where each person was last seen. */
export function RoadLogScreen({ site, convoyId }: { site: Site; convoyId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const manifest = useManifest(convoyId);
  const log = useRoadLog(convoyId);
  if (!manifest.data || !log.data)
    return <QueryState loading={manifest.isPending || log.isPending} error={manifest.error ?? log.error} />;
  const { convoy, waypoints, vehicles, entries } = manifest.data;
  const waypointName = (id: string) => waypoints.find((w) => w.id === id)?.name ?? id;
  const vehicleName = (id: string | null) =>
    id ? (vehicles.find((v) => v.vehicleId === id)?.label ?? id) : t('road.wholeConvoy');
  const nameOf = (personId: string) => {
    const names = entries.find((e) => e.personId === personId)?.names;
    return names ? displayName({ names }) : personId.slice(-8);
  };
  const when = (iso: string) => format.dateTime(iso, site.timeZone);
  return (
    <>
      <h1>{t('road.title', { code: convoy.code })}</h1>
      <p>
        {t(`road.convoyStatus.${convoy.status}`)} ·{' '}
        <Link href={`/convoys/${convoyId}/boarding`}>{t('road.boarding')}</Link>
      </p>
      {can('convoys:report') && convoy.status !== 'cancelled' && (
        <EventForm site={site} manifest={manifest.data} log={log.data} />
      )}
      <section className="card" aria-labelledby="last-seen-heading">
        <h2 id="last-seen-heading">{t('road.lastSeen')}</h2>
        {log.data.lastSeen.length === 0 ? (
          <p>{t('road.nobodyAboard')}</p>
        ) : (
          <div className="table-scroll">
            <table data-testid="last-seen">
              <thead>
                <tr>
                  <th scope="col">{t('boarding.name')}</th>
                  <th scope="col">{t('road.waypoint')}</th>
                  <th scope="col">{t('road.how')}</th>
                  <th scope="col">{t('road.at')}</th>
                </tr>
              </thead>
              <tbody>
                {log.data.lastSeen.map((s) => (
                  <tr key={s.personId} data-held={s.heldNow}>
                    <th scope="row">{nameOf(s.personId)}</th>
                    <td>{s.waypointName}</td>
                    <td>{s.heldNow ? t('road.heldNow') : t(`road.seen.${s.how}`)}</td>
                    <td>{when(s.at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="events-heading">
        <h2 id="events-heading">{t('road.events')}</h2>
        {log.data.events.length === 0 ? (
          <p>{t('road.noEvents')}</p>
        ) : (
          <ol data-testid="road-events">
            {log.data.events.map((e) => (
              <li key={e.id}>
                {when(e.occurredAt)} — {waypointName(e.waypointId)}: {vehicleName(e.vehicleId)}{' '}
                {t(`road.event.${e.kind}`)} ({e.reporter}){e.note ? ` — ${e.note}` : ''}
              </li>
            ))}
          </ol>
        )}
        {log.data.holds.length > 0 && (
          <>
            <h3>{t('road.holds')}</h3>
            <ul data-testid="road-holds">
              {log.data.holds.map((h) => (
                <li key={h.id}>
                  {nameOf(h.personId)} — {waypointName(h.waypointId)}, {when(h.heldAt)}
                  {h.releasedAt
                    ? ` → ${t('road.releasedAt', { at: when(h.releasedAt) })}`
                    : ` (${t('road.heldNow')})`}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
