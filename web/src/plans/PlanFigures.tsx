import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import type { Plan, PlanListItem } from './api.ts';

export function StatusBadge({ status }: { status: PlanListItem['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`badge plan-${status}`} data-testid="plan-status">
      {t(`planStatus.${status}`)}
    </span>
  );
}

/** A share (0.0123) as a percentage (1.23 %), written the way the chosen language writes it. */
export function Percent({ value }: { value: number }) {
  const format = useFormat();
  const text = new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 2 }).format(
    value,
  );
  return <span>{text}</span>;
}

/**
 * What the plan achieves and how sure the planner is of it: the priority-weighted people evacuated
 * (the value), the most any plan could carry (the bound), the gap between them, and whether the
 * plan is proven optimal.
 */
export function PlanFigures({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const format = useFormat();
  const decimal = (value: number) =>
    new Intl.NumberFormat(format.locale, { maximumFractionDigits: 2 }).format(value);
  return (
    <section aria-labelledby="figures-heading" className="card" data-testid="plan-figures">
      <h2 id="figures-heading">{t('plans.figures')}</h2>
      <ul className="tiles">
        <li className="tile">
          <span className="tile-label">{t('plans.peoplePlanned')}</span>
          <span className="tile-value">{format.number(plan.counts.planned)}</span>
          <span className="tile-detail">
            {t('plans.ofReady', { ready: format.number(plan.counts.ready) })}
          </span>
        </li>
        <li className="tile">
          <span className="tile-label">{t('plans.peopleLeftOut')}</span>
          <span className="tile-value">{format.number(plan.counts.leftOut)}</span>
        </li>
        <li className="tile">
          <span className="tile-label">{t('plans.trips')}</span>
          <span className="tile-value">{format.number(plan.counts.trips)}</span>
          <span className="tile-detail">
            {t('plans.vehiclesUsed', { value: format.number(plan.counts.vehiclesUsed) })}
          </span>
        </li>
      </ul>
      <dl className="facts">
        <dt>{t('plans.valueLabel')}</dt>
        <dd data-testid="plan-value">{decimal(plan.value.weightedEvacuated)}</dd>
        <dt>{t('plans.boundLabel')}</dt>
        <dd data-testid="plan-bound">
          {decimal(plan.bound.upperBound)} <span className="muted">({plan.bound.method})</span>
        </dd>
        <dt>{t('plans.gapLabel')}</dt>
        <dd data-testid="plan-gap">
          <Percent value={plan.bound.gap} />
        </dd>
        <dt>{t('plans.optimalLabel')}</dt>
        <dd data-testid="plan-optimal">{plan.optimal ? t('plans.yes') : t('plans.no')}</dd>
        <dt>{t('plans.seconds')}</dt>
        <dd data-testid="plan-seconds">
          {t('plans.secondsValue', { value: decimal(plan.seconds) })}{' '}
          <span className="muted">
            ({t('plans.timeLimitWas', { value: format.number(plan.options.timeLimitSeconds) })})
          </span>
        </dd>
        <dt>{t('plans.arrivalLabel')}</dt>
        <dd>{format.number(Math.round(plan.value.weightedArrivalMinutes))}</dd>
      </dl>
    </section>
  );
}
