import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import type { Plan } from './api.ts';

/** What a re-plan changed: above all, how many people it moved to another vehicle or window. */
export function ReplanSummary({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const format = useFormat();
  const replan = plan.replan;
  if (!replan) return null;
  const windowName = (id: string) =>
    plan.windowsLeftOut.find((w) => w.id === id)?.name ?? plan.windows.find((w) => w.id === id)?.name ?? id;
  const vehicleLabel = (id: string) => plan.vehiclesLeftOut.find((v) => v.id === id)?.label ?? id;
  return (
    <section aria-labelledby="replan-heading" className="card" data-testid="replan-summary">
      <h2 id="replan-heading">{t('plans.replanned')}</h2>
      <p className="moved" data-testid="moved">
        {t('plans.moved', { value: format.number(plan.moved?.people ?? 0) })}
      </p>
      <ul className="plain">
        {replan.cancelledWindowIds.length > 0 && (
          <li>
            {t('plans.cancelledWindows', { names: format.list(replan.cancelledWindowIds.map(windowName)) })}
          </li>
        )}
        {replan.lostVehicleIds.length > 0 && (
          <li>{t('plans.lostVehicles', { names: format.list(replan.lostVehicleIds.map(vehicleLabel)) })}</li>
        )}
        <li>{t('plans.newlyReady', { value: format.number(replan.newlyReadyPeople) })}</li>
        <li>{t('plans.noLongerReady', { value: format.number(replan.noLongerReadyPeople) })}</li>
        {replan.notifiedTripIds.length > 0 && (
          <li>
            {t('plans.notifiedKept', {
              kept: format.number(replan.notifiedTripIds.length - replan.brokenNotifiedTripIds.length),
              broken: format.number(replan.brokenNotifiedTripIds.length),
            })}
          </li>
        )}
      </ul>
    </section>
  );
}

/** The windows and vehicles the planner could not use, and why; and the planner's warnings. */
export function SetAside({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  if (plan.windowsLeftOut.length + plan.vehiclesLeftOut.length + plan.warnings.length === 0) return null;
  return (
    <section aria-labelledby="set-aside-heading" className="card">
      <h2 id="set-aside-heading">{t('plans.setAside')}</h2>
      {plan.windowsLeftOut.length > 0 && (
        <>
          <h3>{t('plans.windowsLeftOut')}</h3>
          <ul className="plain">
            {plan.windowsLeftOut.map((w) => (
              <li key={w.id}>
                {w.name}: <span className="muted">{w.reason}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.vehiclesLeftOut.length > 0 && (
        <>
          <h3>{t('plans.vehiclesLeftOut')}</h3>
          <ul className="plain">
            {plan.vehiclesLeftOut.map((v) => (
              <li key={v.id}>
                {v.label}: <span className="muted">{t(`vehicleStatus.${v.status}`)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.warnings.length > 0 && (
        <>
          <h3>{t('plans.warnings')}</h3>
          <ul className="plain">
            {plan.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
