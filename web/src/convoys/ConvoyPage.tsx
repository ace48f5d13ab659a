import { useTranslation } from 'react-i18next';
import type { Site } from '../api/types.ts';
import { QueryState } from '../components/ErrorNote.tsx';
import { useFormat } from '../format.ts';
import { Link } from '../router.tsx';
import { useCan } from '../session.ts';
import { type Convoy, exportHref, useConvoy } from './api.ts';
import { ConvoyStatus } from './ConvoyBadges.tsx';
import { DepartureActions } from './DepartureActions.tsx';
import { NotificationsPanel } from './NotificationsPanel.tsx';
import { VehiclesPanel } from './VehiclesPanel.tsx';
import './convoys.css';

const categories = [
  'children',
  'adults',
  'elderly',
  'ageNotRecorded',
  't1Wounded',
  'otherWounded',
  'stretcherCases',
  'wheelchairUsers',
  'pregnant',
] as const;

/** One convoy: what stands against it, the parties' answers, its route, vehicles and passengers. */
export function ConvoyPage({ site, convoyId }: { site: Site; convoyId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const convoy = useConvoy(convoyId);
  const c = convoy.data;
  return (
    <>
      <p>
        <Link href="/convoys">{t('convoys.back')}</Link>
      </p>
      <QueryState loading={convoy.isPending} error={convoy.error} />
      {c && (
        <>
          <div className="title-row">
            <h1>{t('convoys.heading', { code: c.code })}</h1>
            <ConvoyStatus status={c.status} />
          </div>
          <ConvoyFacts convoy={c} timeZone={site.timeZone} />
          <Flags convoy={c} />
          {can('convoys:write') && <DepartureActions site={site} convoy={c} />}
          <NotificationsPanel site={site} convoy={c} />
          <Route convoy={c} timeZone={site.timeZone} />
          <VehiclesPanel site={site} convoy={c} />
          <Passengers convoy={c} />
        </>
      )}
    </>
  );
}

function ConvoyFacts({ convoy, timeZone }: { convoy: Convoy; timeZone: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const when = (iso: string) => format.dateTime(iso, timeZone);
  return (
    <dl className="facts card" data-testid="convoy-facts">
      <dt>{t('convoys.plannedDeparture')}</dt>
      <dd>{when(convoy.plannedDeparture)}</dd>
      <dt>{t('convoys.plannedArrival')}</dt>
      <dd>{when(convoy.plannedArrival)}</dd>
      <dt>{t('convoys.window')}</dt>
      <dd>
        {convoy.pauseWindow
          ? t('convoys.windowState', {
              name: convoy.pauseWindow.name,
              state: t(`pauseState.${convoy.pauseWindow.state}`),
            })
          : t('app.none')}
      </dd>
      {convoy.departedAt && (
        <>
          <dt>{t('convoys.departedAt')}</dt>
          <dd>{when(convoy.departedAt)}</dd>
        </>
      )}
      {convoy.departure?.override && (
        <>
          <dt>{t('convoys.override')}</dt>
          <dd data-testid="override">
            {t('convoys.overrideBy', { by: convoy.departure.by, reason: convoy.departure.override.reason })}
            <ul>
              {convoy.departure.flags.map((f) => (
                <li key={`${f.code}-${f.partyId ?? ''}`}>{f.message}</li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {convoy.arrivedAt && (
        <>
          <dt>{t('convoys.arrivedAt')}</dt>
          <dd>{when(convoy.arrivedAt)}</dd>
        </>
      )}
      {convoy.cancelledAt && (
        <>
          <dt>{t('convoys.cancelledAt')}</dt>
          <dd>
            {t('convoys.cancelledBecause', { at: when(convoy.cancelledAt), reason: convoy.cancelledReason })}
          </dd>
        </>
      )}
      <dt>{t('convoys.manifest')}</dt>
      <dd>
        {t('convoys.manifestCounts', {
          expected: format.number(convoy.manifest.expected),
          boarded: format.number(convoy.manifest.boarded),
          noShow: format.number(convoy.manifest.no_show),
        })}
      </dd>
      <dt>{t('convoys.desks')}</dt>
      <dd>
        {can('convoys:board') && convoy.status === 'planned' && (
          <>
            <Link href={`/convoys/${convoy.id}/boarding`}>{t('convoys.boardingDesk')}</Link> ·{' '}
          </>
        )}
        <Link href={`/convoys/${convoy.id}/road`}>{t('convoys.roadLog')}</Link>
      </dd>
      <dt>{t('convoys.exports')}</dt>
      <dd>
        <a href={exportHref(convoy.id, 'pdf')} download>
          {t('convoys.exportPdf')}
        </a>{' '}
        ·{' '}
        <a href={exportHref(convoy.id, 'json')} download>
          {t('convoys.exportJson')}
        </a>
      </dd>
    </dl>
  );
}

/** What stands against departure, said before anyone presses the button. */
function Flags({ convoy }: { convoy: Convoy }) {
  const { t } = useTranslation();
  if (convoy.status !== 'planned') return null;
  if (convoy.flags.length === 0)
    return (
      <p className="ok card" data-testid="flags">
        {t('convoys.clear')}
      </p>
    );
  return (
    <section className="card flags" aria-labelledby="flags-heading" data-testid="flags">
      <h2 id="flags-heading">{t('convoys.flagged')}</h2>
      <ul>
        {convoy.flags.map((f) => (
          <li key={`${f.code}-${f.partyId ?? ''}`}>
            <strong>{t(`convoys.flag.${f.code}`)}</strong>: {f.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Route({ convoy, timeZone }: { convoy: Convoy; timeZone: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="route-heading" className="card">
      <h2 id="route-heading">{t('convoys.route')}</h2>
      <ol className="route" data-testid="route">
        {convoy.waypoints.map((w) => (
          <li key={w.id}>
            <span className="route-time">{format.dateTime(w.plannedAt, timeZone)}</span>{' '}
            <strong>{w.name}</strong> <span className="muted">({t(`convoys.waypointKind.${w.kind}`)})</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Passengers({ convoy }: { convoy: Convoy }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="passengers-heading" className="card">
      <h2 id="passengers-heading">{t('convoys.passengers', { count: convoy.passengers.total })}</h2>
      <p className="hint">{t('convoys.passengersHint')}</p>
      <dl className="facts" data-testid="passengers">
        {categories.map((key) => (
          <div key={key}>
            <dt>{t(`convoys.passenger.${key}`)}</dt>
            <dd>{format.number(convoy.passengers[key])}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
