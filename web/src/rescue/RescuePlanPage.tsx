import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGraph, useSummary } from '../api/queries.ts';
import type { Site } from '../api/types.ts';
import { ErrorNote, QueryState } from '../components/ErrorNote.tsx';
import { useFormat } from '../format.ts';
import { Link } from '../router.tsx';
import { useCan } from '../session.ts';
import { type Selection, SiteDiagram } from '../site/SiteDiagram.tsx';
import { currentAnswer, type RescuePlan, useCrews, useRescuePlan } from './api.ts';
import { rescueOverlay } from './bands.ts';
import { CrewChart } from './CrewChart.tsx';
import { CrewTaskTables } from './CrewTaskTables.tsx';
import { EffortFacts } from './EffortFacts.tsx';
import { PassagesToClear } from './PassagesToClear.tsx';
import { PlanActions } from './PlanActions.tsx';
import { ProgressForm } from './ProgressForm.tsx';
import { ProgressHistory } from './ProgressHistory.tsx';
import { ShelterBox } from './ShelterBox.tsx';
import { ShelterTable } from './ShelterTable.tsx';

/** One rescue plan: its answer on the site diagram, the crews' schedule, and progress as it comes. */
export function RescuePlanPage({ site, planId }: { site: Site; planId: string }) {
  const { t } = useTranslation();
  const plan = useRescuePlan(site.id, planId);
  return (
    <>
      <p>
        <Link href="/rescue">{t('rescue.back')}</Link>
      </p>
      <QueryState loading={plan.isPending} error={plan.error} />
      {plan.data && <PlanBody site={site} plan={plan.data} />}
    </>
  );
}

function PlanBody({ site, plan }: { site: Site; plan: RescuePlan }) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const graph = useGraph(site.id);
  const summary = useSummary(site.id);
  const reportsProgress = plan.status === 'accepted' && can('rescue:progress');
  const crews = useCrews(site.id, reportsProgress);
  const [selected, setSelected] = useState<Selection>(undefined);
  const answer = currentAnswer(plan);
  const overlay = rescueOverlay(answer, plan.progress);
  const occupancy = new Map<string, number>();
  for (const row of summary.data?.registered.byShelter ?? [])
    if (row.shelterId) occupancy.set(row.shelterId, row.count);
  const toClear = answer.passagesToClear.map((p) => p.passageId);
  const chosen = selected?.kind === 'passage' && toClear.includes(selected.id) ? selected.id : toClear[0];
  const shelter = selected?.kind === 'point' ? answer.shelters.find((s) => s.id === selected.id) : undefined;
  const shelterMark = shelter && overlay.shelters.get(shelter.id);
  return (
    <>
      <div className="title-row">
        <h1>
          {t('rescue.planTitle', { at: format.dateTime(plan.planStart, site.timeZone) })}{' '}
          <span className={`badge plan-${plan.status}`} data-testid="plan-status">
            {t(`rescue.planStatus.${plan.status}`)}
          </span>
        </h1>
        <PlanActions site={site} plan={plan} />
      </div>
      <p className="muted" data-testid="answer-source">
        {plan.estimate
          ? t('rescue.fromEstimate', { at: format.dateTime(answer.at, site.timeZone) })
          : t('rescue.fromPlan', { at: format.dateTime(answer.at, site.timeZone) })}{' '}
        {t('rescue.madeByLine', { by: plan.createdBy })}
        {plan.acceptedBy && plan.acceptedAt
          ? ` ${t('rescue.acceptedByLine', { by: plan.acceptedBy, at: format.dateTime(plan.acceptedAt, site.timeZone) })}`
          : ''}
      </p>
      {answer.warnings.length > 0 && (
        <ul className="warnings" aria-label={t('rescue.warnings')}>
          {answer.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <EffortFacts answer={answer} />
      <div className="site-layout">
        <div>
          <QueryState loading={graph.isPending} error={graph.error} />
          {graph.data && (
            <SiteDiagram
              graph={graph.data}
              occupancy={occupancy}
              selected={selected}
              onSelect={setSelected}
              rescue={overlay}
            />
          )}
        </div>
        <aside className="card panel">
          <div aria-live="polite">
            {shelter && shelterMark && (
              <ShelterBox
                shelter={shelter}
                mark={shelterMark}
                count={occupancy.get(shelter.id) ?? 0}
                timeZone={site.timeZone}
                onClose={() => setSelected(undefined)}
              />
            )}
          </div>
          {plan.status === 'draft' && <p>{t('rescue.draftNote')}</p>}
          {(plan.status === 'superseded' || plan.status === 'discarded') && (
            <p>{t('rescue.closedNote', { status: t(`rescue.planStatus.${plan.status}`) })}</p>
          )}
          {plan.status === 'accepted' && !can('rescue:progress') && <p>{t('rescue.readOnlyNote')}</p>}
          {plan.status === 'accepted' && answer.passagesToClear.length === 0 && (
            <p>{t('rescue.nothingToClear')}</p>
          )}
          {reportsProgress && chosen && (
            <>
              <ErrorNote error={crews.error} />
              {crews.data && (
                <ProgressForm
                  siteId={site.id}
                  planId={plan.id}
                  answer={answer}
                  overlay={overlay}
                  crews={crews.data.items}
                  passageId={chosen}
                  onPassage={(id) => setSelected({ kind: 'passage', id })}
                />
              )}
            </>
          )}
        </aside>
      </div>
      <section className="card" aria-labelledby="shelters-heading">
        <h2 id="shelters-heading">{t('rescue.sheltersHeading')}</h2>
        <ShelterTable answer={answer} overlay={overlay} occupancy={occupancy} timeZone={site.timeZone} />
      </section>
      <section className="card" aria-labelledby="to-clear-heading">
        <h2 id="to-clear-heading">{t('rescue.toClearHeading')}</h2>
        <PassagesToClear answer={answer} overlay={overlay} timeZone={site.timeZone} />
      </section>
      <section className="card" aria-labelledby="crews-heading">
        <h2 id="crews-heading">{t('rescue.crewsHeading')}</h2>
        <CrewChart answer={answer} timeZone={site.timeZone} />
        <CrewTaskTables answer={answer} timeZone={site.timeZone} />
      </section>
      <section className="card" aria-labelledby="progress-heading">
        <h2 id="progress-heading">{t('rescue.progressHeading')}</h2>
        <ProgressHistory progress={plan.progress} timeZone={site.timeZone} />
      </section>
    </>
  );
}
