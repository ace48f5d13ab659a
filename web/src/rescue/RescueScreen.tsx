import { useTranslation } from 'react-i18next';
import type { Site } from '../api/types.ts';
import { QueryState } from '../components/ErrorNote.tsx';
import { useFormat } from '../format.ts';
import { Link } from '../router.tsx';
import { useCan } from '../session.ts';
import { useRescuePlans } from './api.ts';
import { MakePlanForm } from './MakePlanForm.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

/** The site's rescue plans, newest first, and for the coordination cell the form to make one. */
export function RescueScreen({ site }: { site: Site }) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const plans = useRescuePlans(site.id);
  return (
    <>
      <h1>{t('rescue.title')}</h1>
      <p className="muted">{t('rescue.intro')}</p>
      {can('rescue:write') && <MakePlanForm site={site} />}
      <section className="card" aria-labelledby="rescue-plans-heading">
        <h2 id="rescue-plans-heading">{t('rescue.plans')}</h2>
        <QueryState loading={plans.isPending} error={plans.error} />
        {plans.data && plans.data.items.length === 0 && <p>{t('rescue.noPlans')}</p>}
        {plans.data && plans.data.items.length > 0 && (
          <ScrollRegion label={t('rescue.plans')}>
            <table data-testid="rescue-plans">
              <thead>
                <tr>
                  <th scope="col">{t('rescue.planStartColumn')}</th>
                  <th scope="col">{t('rescue.status')}</th>
                  <th scope="col" className="num">
                    {t('rescue.effort')}
                  </th>
                  <th scope="col" className="num">
                    {t('rescue.gap')}
                  </th>
                  <th scope="col" className="num">
                    {t('rescue.passagesCount')}
                  </th>
                  <th scope="col" className="num">
                    {t('rescue.reached')}
                  </th>
                  <th scope="col" className="num">
                    {t('rescue.notReachedCount')}
                  </th>
                  <th scope="col" className="num">
                    {t('rescue.reports')}
                  </th>
                  <th scope="col">{t('rescue.madeBy')}</th>
                </tr>
              </thead>
              <tbody>
                {plans.data.items.map((plan) => (
                  <tr key={plan.id} data-testid="rescue-plan-row">
                    <td>
                      <Link href={`/rescue/${plan.id}`}>
                        {format.dateTime(plan.planStart, site.timeZone)}
                      </Link>
                    </td>
                    <td>
                      <span className={`badge plan-${plan.status}`}>
                        {t(`rescue.planStatus.${plan.status}`)}
                      </span>
                    </td>
                    <td className="num">{format.number(Math.round(plan.effort.personHours * 10) / 10)}</td>
                    <td className="num">
                      {t('rescue.percent', { value: format.number(Math.round(plan.effort.gap * 1000) / 10) })}
                    </td>
                    <td className="num">{format.number(plan.passagesToClear)}</td>
                    <td className="num">{format.number(plan.sheltersReached)}</td>
                    <td className="num">{format.number(plan.sheltersNotReached)}</td>
                    <td className="num">{format.number(plan.progressReports)}</td>
                    <td>{plan.createdBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </>
  );
}
