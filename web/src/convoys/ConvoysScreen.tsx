import { useTranslation } from 'react-i18next';
import type { Site } from '../api/types.ts';
import { ErrorNote, QueryState } from '../components/ErrorNote.tsx';
import { useFormat } from '../format.ts';
import { Link, useRouter } from '../router.tsx';
import { useCan } from '../session.ts';
import { type Convoy, useAcceptedPlan, useConvoys, useMakeConvoys } from './api.ts';
import { ConvoyStatus, FlagCount } from './ConvoyBadges.tsx';
import './convoys.css';

/**
 * The site's convoys in order of departure: where each stands, how many are on it, whether the
 * parties have answered and what stands against departure. The coordination cell makes the convoys
 * of the accepted plan here.
 */
export function ConvoysScreen({ site }: { site: Site }) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const convoys = useConvoys(site.id);
  const items = convoys.data?.items ?? [];
  const when = (iso: string) => format.dateTime(iso, site.timeZone);
  return (
    <>
      <h1>{t('convoys.title')}</h1>
      <p className="muted">{t('convoys.intro')}</p>
      {can('convoys:write') && can('plans:read') && <MakeConvoys site={site} />}
      <section aria-labelledby="convoys-heading" className="card">
        <h2 id="convoys-heading">{t('convoys.list')}</h2>
        <QueryState loading={convoys.isPending} error={convoys.error} />
        {convoys.data && items.length === 0 && <p>{t('convoys.none')}</p>}
        {items.length > 0 && (
          <div className="table-scroll">
            <table data-testid="convoy-list">
              <thead>
                <tr>
                  <th scope="col">{t('convoys.code')}</th>
                  <th scope="col">{t('convoys.status')}</th>
                  <th scope="col">{t('convoys.departure')}</th>
                  <th scope="col">{t('convoys.arrival')}</th>
                  <th scope="col">{t('convoys.vehicles')}</th>
                  <th scope="col" className="num">
                    {t('convoys.onManifest')}
                  </th>
                  <th scope="col" className="num">
                    {t('convoys.boarded')}
                  </th>
                  <th scope="col">{t('convoys.parties')}</th>
                  <th scope="col">{t('convoys.flags')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((c) => (
                  <tr key={c.id} data-testid="convoy-row">
                    <td>
                      <Link href={`/convoys/${c.id}`}>{c.code}</Link>
                    </td>
                    <td>
                      <ConvoyStatus status={c.status} />
                    </td>
                    <td>{when(c.departedAt ?? c.plannedDeparture)}</td>
                    <td>{when(c.arrivedAt ?? c.plannedArrival)}</td>
                    <td>{c.vehicles.map((v) => v.marking ?? v.label).join(', ')}</td>
                    <td className="num">{format.number(c.manifest.total - c.manifest.replaced)}</td>
                    <td className="num">{format.number(c.manifest.boarded)}</td>
                    <td>
                      <PartiesSummary convoy={c} />
                    </td>
                    <td>
                      <FlagCount flags={c.flags} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

/** "2 of 3 answered, 1 objected": the notification side of a convoy in a few words. */
function PartiesSummary({ convoy }: { convoy: Convoy }) {
  const { t } = useTranslation();
  const parties = convoy.notifications;
  const answered = parties.filter((p) => p.state === 'acknowledged' || p.state === 'objected').length;
  const objected = parties.filter((p) => p.state === 'objected').length;
  return (
    <>
      {t('convoys.answered', { answered, total: parties.length })}
      {objected > 0 && (
        <>
          {' '}
          <span className="badge party-objected">{t('convoys.objectedCount', { count: objected })}</span>
        </>
      )}
    </>
  );
}

/** Makes the convoys of the site's accepted plan; made once, so the button says when they exist. */
function MakeConvoys({ site }: { site: Site }) {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const plan = useAcceptedPlan(site.id, true);
  const make = useMakeConvoys(site.id);
  const accepted = plan.data;
  return (
    <section aria-labelledby="make-convoys-heading" className="card" data-testid="make-convoys">
      <h2 id="make-convoys-heading">{t('convoys.make')}</h2>
      <QueryState loading={plan.isPending} error={plan.error} />
      {plan.isSuccess && !accepted && <p>{t('convoys.noAcceptedPlan')}</p>}
      {accepted && (
        <>
          <p className="hint">
            {t('convoys.makeHelp', { trips: accepted.trips, people: accepted.value.peopleEvacuated })}{' '}
            <Link href={`/plans/${accepted.id}`}>{t('convoys.thePlan')}</Link>
          </p>
          <div className="button-row">
            <button
              type="button"
              className="primary"
              disabled={make.isPending}
              onClick={() =>
                make.mutate(accepted.id, {
                  onSuccess: (made) => {
                    if (made.convoys.length === 1) navigate(`/convoys/${made.convoys[0]!.id}`);
                  },
                })
              }
            >
              {t('convoys.makeSubmit')}
            </button>
          </div>
        </>
      )}
      <div aria-live="polite">
        {make.data && (
          <p className="ok" role="status">
            {make.data.created
              ? t('convoys.made', { count: make.data.convoys.length })
              : t('convoys.madeAlready', { count: make.data.convoys.length })}
            {make.data.notOnManifest.length > 0 &&
              ` ${t('convoys.notOnManifest', { count: make.data.notOnManifest.length })}`}
          </p>
        )}
      </div>
      <ErrorNote error={make.error} />
    </section>
  );
}
