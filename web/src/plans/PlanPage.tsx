import { useTranslation } from 'react-i18next';
import type { Site } from '../api/types.ts';
import { QueryState } from '../components/ErrorNote.tsx';
import { useFormat } from '../format.ts';
import { Link, useRouter } from '../router.tsx';
import { useCan } from '../session.ts';
import { type Plan, usePlan } from './api.ts';
import { LeftOut } from './LeftOut.tsx';
import { PlanActions } from './PlanActions.tsx';
import { PlanFigures, StatusBadge } from './PlanFigures.tsx';
import { ReplanSummary, SetAside } from './PlanNotes.tsx';
import { PlanTimeline } from './PlanTimeline.tsx';
import { TripPanel } from './TripPanel.tsx';
import './plans.css';

/** One plan: its figures, the decisions on it, the timeline of its trips and everyone it leaves out. */
export function PlanPage({ site, planId }: { site: Site; planId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const plan = usePlan(planId);
  const { search, navigate } = useRouter();
  // The chosen trip is part of the address: shareable, and kept on reload.
  const tripId = search.get('trip') ?? undefined;
  const choose = (id: string | undefined) =>
    navigate(id ? `/plans/${planId}?trip=${encodeURIComponent(id)}` : `/plans/${planId}`, { replace: true });
  const p = plan.data;
  const trip = p?.trips.find((x) => x.id === tripId);
  return (
    <>
      <p>
        <Link href="/plans">{t('plans.back')}</Link>
      </p>
      <QueryState loading={plan.isPending} error={plan.error} />
      {p && (
        <>
          <div className="title-row">
            <h1>{t('plans.heading', { at: format.dateTime(p.createdAt, site.timeZone) })}</h1>
            <StatusBadge status={p.status} />
          </div>
          <PlanMeta plan={p} timeZone={site.timeZone} />
          <PlanFigures plan={p} />
          {p.replan && <ReplanSummary plan={p} />}
          {can('plans:write') && <PlanActions key={p.id} site={site} plan={p} />}
          <section aria-labelledby="timeline-heading" className="card">
            <h2 id="timeline-heading">{t('plans.timeline')}</h2>
            {p.trips.length === 0 ? (
              <p>{t('plans.noTrips')}</p>
            ) : (
              <PlanTimeline plan={p} timeZone={site.timeZone} selected={trip?.id} onSelect={choose} />
            )}
            <div className="trip-detail" aria-live="polite">
              {trip ? (
                <TripPanel trip={trip} timeZone={site.timeZone} onClose={() => choose(undefined)} />
              ) : (
                p.trips.length > 0 && <p className="muted">{t('plans.selectTrip')}</p>
              )}
            </div>
          </section>
          <LeftOut plan={p} />
          <SetAside plan={p} />
        </>
      )}
    </>
  );
}

function PlanMeta({ plan, timeZone }: { plan: Plan; timeZone: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const when = (iso: string) => format.dateTime(iso, timeZone);
  return (
    <dl className="facts card">
      <dt>{t('plans.made')}</dt>
      <dd>{t('plans.madeBy', { at: when(plan.createdAt), by: plan.createdBy })}</dd>
      <dt>{t('plans.planStart')}</dt>
      <dd>{when(plan.planStart)}</dd>
      {plan.acceptedAt && (
        <>
          <dt>{t('plans.acceptedAt')}</dt>
          <dd>{t('plans.madeBy', { at: when(plan.acceptedAt), by: plan.acceptedBy ?? '' })}</dd>
        </>
      )}
      {plan.basedOn && (
        <>
          <dt>{t('plans.basedOn')}</dt>
          <dd>
            <Link href={`/plans/${plan.basedOn}`}>{t('plans.earlierPlan')}</Link>
          </dd>
        </>
      )}
    </dl>
  );
}
