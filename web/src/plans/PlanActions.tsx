import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import type { Site } from '../api/types.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useFormat } from '../format.ts';
import { type Plan, useAcceptPlan, useDiscardPlan } from './api.ts';
import { ReplanForm } from './ReplanForm.tsx';

/**
 * What the coordination cell decides about a plan: accept a draft (its people become assigned),
 * re-plan a draft or the accepted plan after a window is cancelled or a vehicle lost, or discard a
 * draft. A draft whose people are no longer all ready cannot be accepted: the screen says so and
 * points to re-planning.
 */
export function PlanActions({ site, plan }: { site: Site; plan: Plan }) {
  const { t } = useTranslation();
  const format = useFormat();
  const accept = useAcceptPlan(site.id);
  const discard = useDiscardPlan(site.id);
  const [confirming, setConfirming] = useState(false);
  const [replanning, setReplanning] = useState(false);
  const draft = plan.status === 'draft';
  const conflict = accept.error instanceof ApiError && accept.error.status === 409 ? accept.error : undefined;
  if (!draft && plan.status !== 'accepted') return null;
  return (
    <section aria-labelledby="actions-heading" className="card" data-testid="plan-actions">
      <h2 id="actions-heading">{t('plans.actions')}</h2>
      <div className="button-row">
        {draft && (
          <button
            type="button"
            className="primary"
            disabled={accept.isPending}
            onClick={() => accept.mutate(plan.id)}
          >
            {t('plans.accept')}
          </button>
        )}
        <button type="button" aria-expanded={replanning} onClick={() => setReplanning(!replanning)}>
          {t('plans.replan')}
        </button>
        {draft && !confirming && (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('plans.discard')}
          </button>
        )}
      </div>
      <div aria-live="polite">
        {accept.isPending && <p className="muted">{t('plans.accepting')}</p>}
        {accept.data && (
          <p className="ok" role="status">
            {t('plans.acceptedNote', {
              assigned: format.number(accept.data.assigned.length),
              returned: format.number(accept.data.returnedToReady.length),
            })}
          </p>
        )}
      </div>
      {conflict ? (
        <div className="error conflict" role="alert" data-testid="accept-conflict">
          <p>
            <strong>{t('plans.notAcceptable')}</strong>
          </p>
          <p>{conflict.message}</p>
          <p>{t('plans.notAcceptableHelp')}</p>
        </div>
      ) : (
        <ErrorNote error={accept.error} />
      )}
      {draft && confirming && (
        <div className="confirm">
          <p>{t('plans.discardConfirm')}</p>
          <div className="button-row">
            <button type="button" disabled={discard.isPending} onClick={() => discard.mutate(plan.id)}>
              {t('plans.discardYes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('app.cancel')}
            </button>
          </div>
        </div>
      )}
      <ErrorNote error={discard.error} />
      {replanning && <ReplanForm site={site} plan={plan} />}
    </section>
  );
}
