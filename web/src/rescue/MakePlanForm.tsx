import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultWeights } from '../../../src/planning/rescue/weights.ts';
import type { Site } from '../api/types.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useRouter } from '../router.tsx';
import { type MakeRescuePlan, useMakeRescuePlan } from './api.ts';
import { type PlanDraft, planRequest, weightNames } from './plan-request.ts';

const emptyDraft = (): PlanDraft => ({
  timeLimitSeconds: '5',
  at: '',
  walkingSpeedKmh: '',
  betweenExitsHours: '',
  weights: {},
});

/** The coordination cell asks for a rescue plan now, with the planner's options; it opens as a draft. */
export function MakePlanForm({ site }: { site: Site }) {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const make = useMakeRescuePlan(site.id);
  const [draft, setDraft] = useState(emptyDraft);
  const set = (field: keyof Omit<PlanDraft, 'weights'>) => (value: string) =>
    setDraft((d) => ({ ...d, [field]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const request: MakeRescuePlan = planRequest(draft, site.timeZone);
    make.mutate(request, { onSuccess: (plan) => navigate(`/rescue/${plan.id}`) });
  };
  return (
    <form
      onSubmit={submit}
      className="card stack"
      aria-labelledby="make-plan-heading"
      data-testid="make-plan"
    >
      <h2 id="make-plan-heading">{t('rescue.make')}</h2>
      <p className="hint">{t('rescue.makeHelp')}</p>
      <div className="rescue-fields">
        <label>
          {t('rescue.timeLimit')}
          <input
            name="timeLimitSeconds"
            type="number"
            min="0.1"
            max="600"
            step="0.1"
            required
            value={draft.timeLimitSeconds}
            onChange={(event) => set('timeLimitSeconds')(event.target.value)}
          />
        </label>
        <label>
          {t('rescue.planStart')}
          <input
            name="at"
            type="datetime-local"
            value={draft.at}
            onChange={(event) => set('at')(event.target.value)}
            aria-describedby="plan-start-help"
          />
          <span id="plan-start-help" className="hint">
            {t('rescue.planStartHelp', { zone: site.timeZone })}
          </span>
        </label>
        <label>
          {t('rescue.walkingSpeed')}
          <input
            name="walkingSpeedKmh"
            type="number"
            min="0.1"
            max="20"
            step="0.1"
            placeholder="2"
            value={draft.walkingSpeedKmh}
            onChange={(event) => set('walkingSpeedKmh')(event.target.value)}
          />
        </label>
        <label>
          {t('rescue.betweenExits')}
          <input
            name="betweenExitsHours"
            type="number"
            min="0"
            max="1000"
            step="0.1"
            value={draft.betweenExitsHours}
            onChange={(event) => set('betweenExitsHours')(event.target.value)}
            aria-describedby="between-exits-help"
          />
          <span id="between-exits-help" className="hint">
            {t('rescue.betweenExitsHelp')}
          </span>
        </label>
      </div>
      <details>
        <summary>{t('rescue.weights')}</summary>
        <p className="hint">{t('rescue.weightsHelp')}</p>
        <div className="rescue-fields">
          {weightNames.map((name) => (
            <label key={name}>
              {t(`rescue.weight.${name}`)}
              <input
                name={`weight-${name}`}
                type="number"
                min="0"
                max="1000"
                step="0.5"
                placeholder={String(defaultWeights[name])}
                value={draft.weights[name] ?? ''}
                onChange={(event) =>
                  setDraft((d) => ({ ...d, weights: { ...d.weights, [name]: event.target.value } }))
                }
              />
            </label>
          ))}
        </div>
      </details>
      <div className="button-row">
        <button type="submit" className="primary" disabled={make.isPending}>
          {t('rescue.makeSubmit')}
        </button>
      </div>
      {make.isPending && (
        <p role="status" className="muted">
          {t('rescue.planning', { seconds: draft.timeLimitSeconds || '5' })}
        </p>
      )}
      <ErrorNote error={make.error} />
    </form>
  );
}
