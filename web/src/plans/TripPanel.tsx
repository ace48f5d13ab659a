import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import type { Trip } from './api.ts';
import { PeopleGroups } from './PeopleGroups.tsx';

/** One trip: its vehicle, window, times and places along the road out, and who travels on it. */
export function TripPanel({ trip, timeZone, onClose }: { trip: Trip; timeZone: string; onClose(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const when = (iso: string) => format.dateTime(iso, timeZone);
  const vehicle = [t(`vehicleKind.${trip.vehicle.kind}`), trip.vehicle.plateOrMarking, trip.vehicle.depotName]
    .filter(Boolean)
    .join(' · ');
  return (
    <section aria-labelledby="trip-heading" data-testid="trip-panel">
      <div className="panel-head">
        <h3 id="trip-heading">
          {t('plans.tripHeading', { vehicle: trip.vehicle.label, window: trip.window.name })}
        </h3>
        <button type="button" onClick={onClose}>
          {t('app.close')}
        </button>
      </div>
      <dl className="facts">
        <dt>{t('plans.vehicle')}</dt>
        <dd>
          {trip.vehicle.label} <span className="muted">({vehicle})</span>
        </dd>
        <dt>{t('plans.departure')}</dt>
        <dd>{when(trip.departure)}</dd>
        <dt>{t('plans.enterZone')}</dt>
        <dd>{when(trip.enterZone)}</dd>
        <dt>{t('plans.pickup')}</dt>
        <dd>
          {trip.pickupPoint.name}, {when(trip.atPickup)}
        </dd>
        <dt>{t('plans.leaveZone')}</dt>
        <dd>{when(trip.leaveZone)}</dd>
        <dt>{t('plans.screening')}</dt>
        <dd>{trip.screeningPoint.name}</dd>
        <dt>{t('plans.reception')}</dt>
        <dd>
          {trip.receptionPoint.name}, {when(trip.arrival)}
        </dd>
        <dt>{t('plans.placesUsed')}</dt>
        <dd>
          {t('plans.placesValue', {
            people: format.number(trip.people),
            seats: format.number(trip.seatsUsed),
            stretchers: format.number(trip.stretcherPlacesUsed),
            wheelchairs: format.number(trip.wheelchairPlacesUsed),
          })}
        </dd>
      </dl>
      <h4>{t('plans.travellers')}</h4>
      <PeopleGroups key={trip.id} groups={trip.groups} />
    </section>
  );
}
