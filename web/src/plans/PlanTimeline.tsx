import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import type { Plan, Trip } from './api.ts';
import { useClock } from './clock.ts';
import { bar, position, type Span, ticks, timelineSpan, vehicleRows } from './timeline.ts';
import { toZoned, zoneOffsetMinutes } from './zone.ts';

// Arrow keys move between trips in reading order, as in a toolbar; Tab does too.
const moves: Record<string, (index: number, last: number) => number> = {
  ArrowRight: (i, last) => Math.min(i + 1, last),
  ArrowDown: (i, last) => Math.min(i + 1, last),
  ArrowLeft: (i) => Math.max(i - 1, 0),
  ArrowUp: (i) => Math.max(i - 1, 0),
  Home: () => 0,
  End: (_i, last) => last,
};

function moveFocus(event: KeyboardEvent<HTMLButtonElement>) {
  const move = moves[event.key];
  const figure = event.currentTarget.closest('figure');
  if (!move || !figure) return;
  const trips = [...figure.querySelectorAll<HTMLButtonElement>('button[data-trip]')];
  const index = trips.indexOf(event.currentTarget);
  event.preventDefault();
  trips[move(index, trips.length - 1)]?.focus();
}

const place = ({ left, width }: { left: number; width: number }) => ({
  left: `${left}%`,
  width: `${width}%`,
});

/**
 * The plan as a timeline of vehicles × pause windows: one row per vehicle, time along the x axis in
 * the site's clock, the windows as bands behind the rows, each trip a bar from departure to arrival
 * whose darker part is the time inside the danger zone (which must lie within its window's band).
 * A trip is a button: choosing it shows who travels on it.
 */
export function PlanTimeline({
  plan,
  timeZone,
  selected,
  onSelect,
}: {
  plan: Plan;
  timeZone: string;
  selected: string | undefined;
  onSelect(tripId: string): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const clock = useClock(timeZone);
  const span = timelineSpan(plan.planStart, plan.windows, plan.trips);
  const axis = ticks(span, zoneOffsetMinutes(span.start, timeZone), 9);
  const rows = vehicleRows(plan.trips);
  // The first tick and each midnight carry the date; the others only the time.
  const tickLabel = (instant: number, i: number) =>
    i === 0 || toZoned(new Date(instant).toISOString(), timeZone).endsWith('T00:00')
      ? clock.dayTime(instant)
      : clock.time(instant);
  const bands = plan.windows.map((w) => ({ ...w, ...bar(span, w.start, w.end, 0) }));
  const grid = (
    <div className="tl-grid" aria-hidden="true">
      {axis.at.map((instant) => (
        <span key={instant} className="tl-gridline" style={{ left: `${position(span, instant)}%` }} />
      ))}
      {bands.map((w) => (
        <span key={w.id} className="tl-band" style={place(w)} />
      ))}
    </div>
  );
  return (
    <figure className="plan-timeline" aria-labelledby="timeline-caption" data-testid="plan-timeline">
      <figcaption id="timeline-caption" className="hint">
        {t('plans.timelineHint', { zone: timeZone })}
      </figcaption>
      <div className="tl-scroll">
        <div className="tl-row tl-axis" aria-hidden="true">
          <span className="tl-label" />
          <div className="tl-track">
            {axis.at.map((instant, i) => {
              const at = position(span, instant);
              // A label near either end is aligned to stay inside the timeline rather than centred.
              const edge = at < 4 ? ' tl-tick-start' : at > 96 ? ' tl-tick-end' : '';
              return (
                <span key={instant} className={`tl-tick${edge}`} style={{ left: `${at}%` }}>
                  {tickLabel(instant, i)}
                </span>
              );
            })}
          </div>
        </div>
        <ul className="tl-rows">
          <li className="tl-row tl-windows">
            <span className="tl-label">{t('plans.windowsRow')}</span>
            <div className="tl-track">
              {grid}
              {bands.map((w) => (
                <span key={w.id} className="tl-window" style={place(w)} data-testid="timeline-window">
                  {w.name}
                  <span className="sr-only">
                    {', '}
                    {t('plans.windowTimes', { from: clock.dayTime(w.start), to: clock.dayTime(w.end) })}
                  </span>
                </span>
              ))}
            </div>
          </li>
          {rows.map((row) => (
            <li key={row.vehicle.id} className="tl-row" data-testid="timeline-row">
              <span className="tl-label">
                <strong>{row.vehicle.label}</strong>
                <span className="tl-kind">{t(`vehicleKind.${row.vehicle.kind}`)}</span>
              </span>
              <div className="tl-track">
                {grid}
                {row.trips.map((trip) => (
                  <TripBar
                    key={trip.id}
                    trip={trip}
                    span={span}
                    selected={trip.id === selected}
                    onSelect={() => onSelect(trip.id)}
                    describe={(x) =>
                      t('plans.tripTimes', {
                        vehicle: x.vehicle.label,
                        window: x.window.name,
                        departure: clock.dayTime(x.departure),
                        atPickup: clock.time(x.atPickup),
                        arrival: clock.dayTime(x.arrival),
                      })
                    }
                    people={t('plans.peopleCount', { value: format.number(trip.people) })}
                  />
                ))}
              </div>
            </li>
          ))}
        </ul>
      </div>
      <p className="legend" aria-hidden="true">
        <span className="legend-item">
          <span className="swatch tl-band-swatch" />
          {t('plans.legendWindow')}
        </span>
        <span className="legend-item">
          <span className="swatch tl-trip-swatch" />
          {t('plans.legendTrip')}
        </span>
        <span className="legend-item">
          <span className="swatch tl-zone-swatch" />
          {t('plans.legendZone')}
        </span>
      </p>
    </figure>
  );
}

function TripBar({
  trip,
  span,
  selected,
  onSelect,
  describe,
  people,
}: {
  trip: Trip;
  span: Span;
  selected: boolean;
  onSelect(): void;
  describe(trip: Trip): string;
  people: string;
}) {
  const whole = bar(span, trip.departure, trip.arrival);
  const zone = bar(span, trip.enterZone, trip.leaveZone, 0);
  // The danger-zone part, placed within the trip's own bar.
  const inner = {
    left: ((zone.left - whole.left) / whole.width) * 100,
    width: (zone.width / whole.width) * 100,
  };
  const description = describe(trip);
  return (
    <button
      type="button"
      className={`tl-trip kind-${trip.vehicle.kind}${selected ? ' selected' : ''}`}
      style={place(whole)}
      aria-pressed={selected}
      data-trip={trip.id}
      data-testid="timeline-trip"
      onClick={onSelect}
      onKeyDown={moveFocus}
    >
      <span className="tl-zone" style={place(inner)} aria-hidden="true" />
      <span className="tl-text">
        <strong>{people}</strong> · {trip.pickupPoint.name}
      </span>
      <span className="tl-text">
        → {trip.screeningPoint.name} → {trip.receptionPoint.name}
      </span>
      <span className="sr-only">{description}</span>
    </button>
  );
}
