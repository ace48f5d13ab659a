import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PriorityClass, priorityClasses } from '../../../src/planning/evacuation/model.ts';
import type { Site } from '../api/types.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useFormat } from '../format.ts';
import { useRouter } from '../router.tsx';
import { type MakePlan, useMakePlan, usePlanningSettings } from './api.ts';
import { defaultSeconds, TimeLimitInput } from './TimeLimitInput.tsx';
import { fromZoned } from './zone.ts';

/**
 * The planner's options as the API takes them: the plan's start in the site's own clock, a time
 * limit and priority weights; an empty field leaves the server's default. Planning takes up to the
 * time limit, and the form says so while it waits.
 */
export function MakePlanForm({ site }: { site: Site }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const { navigate } = useRouter();
  const make = useMakePlan(site.id);
  const settings = usePlanningSettings(site.id, true);
  const [at, setAt] = useState('');
  const [seconds, setSeconds] = useState('');
  const [weights, setWeights] = useState<Partial<Record<PriorityClass, string>>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = Object.fromEntries(
      priorityClasses.filter((c) => weights[c]?.trim()).map((c) => [c, Number(weights[c])]),
    ) as Partial<Record<PriorityClass, number>>;
    const input: MakePlan = {
      ...(at ? { at: fromZoned(at, site.timeZone) } : {}),
      ...(seconds ? { timeLimitSeconds: Number(seconds) } : {}),
      ...(Object.keys(chosen).length > 0 ? { priorityWeights: chosen } : {}),
    };
    make.mutate(input, { onSuccess: (plan) => navigate(`/plans/${plan.id}`) });
  };

  return (
    <form className="card stack" aria-labelledby={`${id}-heading`} onSubmit={submit}>
      <h2 id={`${id}-heading`}>{t('plans.make')}</h2>
      <p className="hint">{t('plans.makeHelp')}</p>
      <div className="form-row">
        <div className="field">
          <label>
            {t('plans.at', { zone: site.timeZone })}
            <input
              type="datetime-local"
              value={at}
              onChange={(event) => setAt(event.target.value)}
              aria-describedby={`${id}-at-hint`}
            />
          </label>
          <p className="hint" id={`${id}-at-hint`}>
            {t('plans.atHint')}
          </p>
        </div>
        <div className="field">
          <TimeLimitInput value={seconds} onChange={setSeconds} describedBy={`${id}-seconds-hint`} />
          <p className="hint" id={`${id}-seconds-hint`}>
            {t('plans.timeLimitHint', { seconds: defaultSeconds })}
          </p>
        </div>
      </div>
      <details>
        <summary>{t('plans.weights')}</summary>
        <p className="hint">{t('plans.weightsHint')}</p>
        <div className="form-row">
          {priorityClasses.map((c) => {
            const inForce = settings.data?.priorityWeights[c];
            return (
              <label key={c}>
                {t(`priority.${c}`)}
                <input
                  type="number"
                  min={0}
                  step="any"
                  value={weights[c] ?? ''}
                  placeholder={inForce === undefined ? '' : format.number(inForce)}
                  onChange={(event) => setWeights({ ...weights, [c]: event.target.value })}
                />
              </label>
            );
          })}
        </div>
      </details>
      <div className="button-row">
        <button type="submit" className="primary" disabled={make.isPending}>
          {t('plans.submit')}
        </button>
      </div>
      <p aria-live="polite" className="muted waiting">
        {make.isPending && t('plans.planning', { seconds: seconds || defaultSeconds })}
      </p>
      <ErrorNote error={make.error} />
    </form>
  );
}
