import { useTranslation } from 'react-i18next';
import type { Site } from '../api/types.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useCan } from '../session.ts';
import { type RescuePlan, useAcceptRescuePlan, useDiscardRescuePlan, useReplanRescue } from './api.ts';

/**
 * What can be done with the plan as it stands: a draft is accepted or discarded by the coordination
 * cell; the accepted plan is re-planned from the site as it is now (after a collapse reported
 * elsewhere, say) by anyone who reports progress.
 */
export function PlanActions({ site, plan }: { site: Site; plan: RescuePlan }) {
  const { t } = useTranslation();
  const can = useCan();
  const accept = useAcceptRescuePlan(site.id);
  const discard = useDiscardRescuePlan(site.id);
  const replan = useReplanRescue(site.id, plan.id);
  const busy = accept.isPending || discard.isPending || replan.isPending;
  return (
    <div>
      {plan.status === 'draft' && can('rescue:write') && (
        <div className="button-row">
          <button type="button" className="primary" disabled={busy} onClick={() => accept.mutate(plan.id)}>
            {t('rescue.accept')}
          </button>
          <button type="button" disabled={busy} onClick={() => discard.mutate(plan.id)}>
            {t('rescue.discard')}
          </button>
        </div>
      )}
      {plan.status === 'accepted' && (
        <div className="inline-form">
          {plan.stale && (
            <span className="badge stale" data-testid="stale">
              {t('rescue.stale')}
            </span>
          )}
          {can('rescue:progress') && (
            <button type="button" disabled={busy} onClick={() => replan.mutate(undefined)}>
              {t('rescue.replan')}
            </button>
          )}
        </div>
      )}
      {accept.data?.supersededPlanId && (
        <p role="status" className="ok">
          {t('rescue.superseded')}
        </p>
      )}
      <ErrorNote error={accept.error ?? discard.error ?? replan.error} />
    </div>
  );
}
