import { useTranslation } from 'react-i18next';
import type { Site } from '../api/types.ts';
import { QueryState } from '../components/ErrorNote.tsx';
import { useFormat } from '../format.ts';
import { Link } from '../router.tsx';
import { useCan } from '../session.ts';
import { usePlans } from './api.ts';
import { MakePlanForm } from './MakePlanForm.tsx';
import { Percent, StatusBadge } from './PlanFigures.tsx';
import './plans.css';

/** The site's evacuation plans, newest first, and for the coordination cell the form to make one. */
export function PlansScreen({ site }: { site: Site }) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const plans = usePlans(site.id);
  const items = plans.data?.items ?? [];
  return (
    <>
      <h1>{t('plans.title')}</h1>
      <p className="muted">{t('plans.intro')}</p>
      {can('plans:write') && <MakePlanForm site={site} />}
      <section aria-labelledby="plans-heading" className="card">
        <h2 id="plans-heading">{t('plans.list')}</h2>
        <QueryState loading={plans.isPending} error={plans.error} />
        {plans.data && items.length === 0 && <p>{t('plans.none')}</p>}
        {items.length > 0 && (
          <div className="table-scroll">
            <table data-testid="plan-list">
              <thead>
                <tr>
                  <th scope="col">{t('plans.made')}</th>
                  <th scope="col">{t('plans.status')}</th>
                  <th scope="col">{t('plans.planStart')}</th>
                  <th scope="col" className="num">
                    {t('plans.planned')}
                  </th>
                  <th scope="col" className="num">
                    {t('plans.leftOut')}
                  </th>
                  <th scope="col" className="num">
                    {t('plans.trips')}
                  </th>
                  <th scope="col" className="num">
                    {t('plans.value')}
                  </th>
                  <th scope="col" className="num">
                    {t('plans.bound')}
                  </th>
                  <th scope="col" className="num">
                    {t('plans.gap')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((plan) => (
                  <tr key={plan.id} data-testid="plan-row">
                    <td>
                      <Link href={`/plans/${plan.id}`}>{format.dateTime(plan.createdAt, site.timeZone)}</Link>{' '}
                      <span className="muted">{t('plans.by', { by: plan.createdBy })}</span>
                    </td>
                    <td>
                      <StatusBadge status={plan.status} />
                    </td>
                    <td>{format.dateTime(plan.planStart, site.timeZone)}</td>
                    <td className="num">{format.number(plan.value.peopleEvacuated)}</td>
                    <td className="num">{format.number(plan.leftOutPeople)}</td>
                    <td className="num">{format.number(plan.trips)}</td>
                    <td className="num">{format.number(plan.value.weightedEvacuated)}</td>
                    <td className="num">{format.number(plan.bound.upperBound)}</td>
                    <td className="num">
                      <Percent value={plan.bound.gap} />
                      {plan.optimal && <span className="badge optimal">{t('plans.optimalShort')}</span>}
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
