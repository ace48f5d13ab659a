import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import type { Plan } from './api.ts';
import { groupLeftOut } from './left-out.ts';
import { PeopleGroups } from './PeopleGroups.tsx';

/**
 * Everyone ready whom the plan does not carry, by reason, each with the planner's explanation (the
 * passage that cuts a shelter off, the vehicle a household does not fit…) and the people it concerns.
 */
export function LeftOut({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reasons = groupLeftOut(plan.leftOut);
  return (
    <section aria-labelledby="left-out-heading" className="card" data-testid="left-out">
      <h2 id="left-out-heading">{t('plans.leftOutTitle', { value: format.number(plan.counts.leftOut) })}</h2>
      {reasons.length === 0 && <p>{t('plans.nobodyLeftOut')}</p>}
      {reasons.map((r) => (
        <section key={r.reason} aria-labelledby={`reason-${r.reason}`} data-testid="left-out-reason">
          <h3 id={`reason-${r.reason}`}>
            {t(`leftOutReason.${r.reason}`)}{' '}
            <span className="muted">
              {t('plans.reasonCount', { people: format.number(r.people), groups: format.number(r.groups) })}
            </span>
          </h3>
          {r.explanations.map((e) => (
            <div key={e.explanation} className="explanation">
              <p data-testid="left-out-explanation">
                {e.explanation}{' '}
                <span className="muted">{t('plans.peopleCount', { value: format.number(e.people) })}</span>
              </p>
              <PeopleGroups groups={e.groups} />
            </div>
          ))}
        </section>
      ))}
    </section>
  );
}
