import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../api/types.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useRouter } from '../router.tsx';
import { type Plan, type Replan, useReplan } from './api.ts';
import { useClock } from './clock.ts';
import { defaultSeconds, TimeLimitInput } from './TimeLimitInput.tsx';
import { vehicleRows } from './timeline.ts';

/** Toggles an id in a set held as an array (the checkboxes of the form). */
const toggle = (list: string[], id: string, on: boolean) =>
  on ? [...list, id] : list.filter((x) => x !== id);

/**
 * A new draft from this plan (ReplanInput): the windows that were cancelled, the vehicles that were
 * lost, and the trips already notified to the parties, which are kept exactly where they can still
 * run. The new draft opens with the number of people it moved.
 */
export function ReplanForm({ site, plan }: { site: Site; plan: Plan }) {
  const { t } = useTranslation();
  const id = useId();
  const clock = useClock(site.timeZone);
  const { navigate } = useRouter();
  const replan = useReplan(site.id);
  const [windows, setWindows] = useState<string[]>([]);
  const [vehicles, setVehicles] = useState<string[]>([]);
  const [notified, setNotified] = useState<string[]>([]);
  const [seconds, setSeconds] = useState('');
  const rows = vehicleRows(plan.trips);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: Replan = {
      ...(windows.length > 0 ? { cancelledWindowIds: windows } : {}),
      ...(vehicles.length > 0 ? { lostVehicleIds: vehicles } : {}),
      ...(notified.length > 0 ? { notifiedTripIds: notified } : {}),
      ...(seconds ? { timeLimitSeconds: Number(seconds) } : {}),
    };
    replan.mutate({ planId: plan.id, input }, { onSuccess: (next) => navigate(`/plans/${next.id}`) });
  };

  return (
    <form
      className="stack replan"
      aria-labelledby={`${id}-heading`}
      onSubmit={submit}
      data-testid="replan-form"
    >
      <h3 id={`${id}-heading`}>{t('plans.replanTitle')}</h3>
      <p className="hint">{t('plans.replanHelp')}</p>
      <fieldset>
        <legend>{t('plans.cancelWindows')}</legend>
        {plan.windows.length === 0 && <p className="muted">{t('app.none')}</p>}
        {plan.windows.map((w) => (
          <label key={w.id} className="check">
            <input
              type="checkbox"
              checked={windows.includes(w.id)}
              onChange={(event) => setWindows(toggle(windows, w.id, event.target.checked))}
            />
            {w.name}{' '}
            <span className="muted">
              ({t('plans.windowTimes', { from: clock.dayTime(w.start), to: clock.dayTime(w.end) })})
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('plans.loseVehicles')}</legend>
        {rows.length === 0 && <p className="muted">{t('app.none')}</p>}
        {rows.map(({ vehicle }) => (
          <label key={vehicle.id} className="check">
            <input
              type="checkbox"
              checked={vehicles.includes(vehicle.id)}
              onChange={(event) => setVehicles(toggle(vehicles, vehicle.id, event.target.checked))}
            />
            {vehicle.label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('plans.notifiedTrips')}</legend>
        {plan.trips.length === 0 && <p className="muted">{t('app.none')}</p>}
        {rows.flatMap((row) =>
          row.trips.map((trip) => (
            <label key={trip.id} className="check">
              <input
                type="checkbox"
                checked={notified.includes(trip.id)}
                onChange={(event) => setNotified(toggle(notified, trip.id, event.target.checked))}
              />
              {t('plans.tripChoice', {
                vehicle: trip.vehicle.label,
                departure: clock.dayTime(trip.departure),
                pickup: trip.pickupPoint.name,
              })}
            </label>
          )),
        )}
      </fieldset>
      <TimeLimitInput value={seconds} onChange={setSeconds} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={replan.isPending}>
          {t('plans.replanSubmit')}
        </button>
      </div>
      <p aria-live="polite" className="muted waiting">
        {replan.isPending && t('plans.planning', { seconds: seconds || defaultSeconds })}
      </p>
      <ErrorNote error={replan.error} />
    </form>
  );
}
