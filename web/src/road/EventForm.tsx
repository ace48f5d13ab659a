import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eventKinds } from '../../../src/domain/road.ts';
import type { Site } from '../api/types.ts';
import { type Log, type Manifest, useReportEvent } from '../boarding/api.ts';
import { displayName } from '../format.ts';
import { fromZoned, toZoned } from '../plans/zone.ts';
import { useSession } from '../session.ts';

type Kind = (typeof eventKinds)[number];

/**
 * What a field team reports from the road: the waypoint, the vehicle (or the whole convoy), what
 * happened and when, in the site's time. At a screening point the people taken off are ticked; at a
 * release, the people let go.
 */
export function EventForm({ site, manifest, log }: { site: Site; manifest: Manifest; log: Log }) {
  const { t } = useTranslation();
  const session = useSession();
  const report = useReportEvent(manifest.convoy.id);
  const [waypointId, setWaypoint] = useState(manifest.waypoints[0]?.id ?? '');
  const [vehicleId, setVehicle] = useState('');
  const [kind, setKind] = useState<Kind>('arrived');
  const [at, setAt] = useState(() => toZoned(new Date().toISOString(), site.timeZone));
  const [reporter, setReporter] = useState(session.data?.username ?? '');
  const [note, setNote] = useState('');
  const [words, setWords] = useState('');
  const [people, setPeople] = useState<string[]>([]);
  const waypoint = manifest.waypoints.find((w) => w.id === waypointId);
  const aboard = manifest.entries.filter(
    (e) =>
      e.personStatus === 'boarded' && e.status === 'boarded' && (!vehicleId || e.vehicleId === vehicleId),
  );
  const held = log.holds.filter((h) => h.releasedAt === null);
  const nameOf = (personId: string) => {
    const names = manifest.entries.find((e) => e.personId === personId)?.names;
    return names ? displayName({ names }) : personId.slice(-8);
  };
  const choosing =
    kind === 'held' && waypoint?.kind === 'screening_point' ? aboard.map((e) => e.personId) : [];
  const releasing = kind === 'released' ? held.map((h) => h.personId) : [];
  const toggle = (id: string) =>
    setPeople((list) => (list.includes(id) ? list.filter((p) => p !== id) : [...list, id]));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = people.filter((p) => choosing.includes(p) || releasing.includes(p));
    report.mutate(
      {
        waypointId,
        vehicleId: vehicleId || null,
        kind,
        occurredAt: fromZoned(at, site.timeZone),
        reporter,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(kind === 'held' && chosen.length ? { heldPersonIds: chosen } : {}),
        ...(kind === 'released' && chosen.length ? { releasedPersonIds: chosen } : {}),
        ...(kind === 'held' && chosen.length && words.trim() ? { claim: { words: words.trim() } } : {}),
      },
      {
        onSuccess: () => {
          setPeople([]);
          setNote('');
          setWords('');
        },
      },
    );
  };

  return (
    <form className="card road-form" onSubmit={submit} aria-labelledby="event-heading">
      <h2 id="event-heading">{t('road.report')}</h2>
      <label htmlFor="event-waypoint">{t('road.waypoint')}</label>
      <select id="event-waypoint" value={waypointId} onChange={(e) => setWaypoint(e.target.value)}>
        {manifest.waypoints.map((w) => (
          <option key={w.id} value={w.id}>
            {w.seq}. {w.name} ({t(`road.kind.${w.kind}`)})
          </option>
        ))}
      </select>
      <label htmlFor="event-vehicle">{t('road.vehicle')}</label>
      <select id="event-vehicle" value={vehicleId} onChange={(e) => setVehicle(e.target.value)}>
        <option value="">{t('road.wholeConvoy')}</option>
        {manifest.vehicles.map((v) => (
          <option key={v.vehicleId} value={v.vehicleId}>
            {v.label}
            {(v.marking ?? v.plateOrMarking) ? ` (${v.marking ?? v.plateOrMarking})` : ''}
          </option>
        ))}
      </select>
      <label htmlFor="event-kind">{t('road.what')}</label>
      <select id="event-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
        {eventKinds.map((k) => (
          <option key={k} value={k}>
            {t(`road.event.${k}`)}
          </option>
        ))}
      </select>
      <label htmlFor="event-at">{t('road.when', { zone: site.timeZone })}</label>
      <input
        id="event-at"
        type="datetime-local"
        required
        value={at}
        onChange={(e) => setAt(e.target.value)}
      />
      <label htmlFor="event-reporter">{t('road.reporter')}</label>
      <input
        id="event-reporter"
        required
        maxLength={200}
        value={reporter}
        onChange={(e) => setReporter(e.target.value)}
      />
      {(choosing.length > 0 || releasing.length > 0) && (
        <fieldset>
          <legend>{kind === 'held' ? t('road.takenOff') : t('road.letGo')}</legend>
          {[...choosing, ...releasing].map((id) => (
            <label key={id} className="check">
              <input type="checkbox" checked={people.includes(id)} onChange={() => toggle(id)} /> {nameOf(id)}
            </label>
          ))}
        </fieldset>
      )}
      {kind === 'held' && choosing.length > 0 && (
        <>
          <label htmlFor="event-words">{t('road.claimWords')}</label>
          <textarea
            id="event-words"
            maxLength={4000}
            value={words}
            onChange={(e) => setWords(e.target.value)}
          />
        </>
      )}
      <label htmlFor="event-note">{t('road.note')}</label>
      <input id="event-note" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" disabled={report.isPending}>
        {t('road.submit')}
      </button>
      {report.isSuccess && (
        <p role="status" className="ok">
          {t('road.recorded')}
        </p>
      )}
      {report.error && (
        <p role="alert" className="error">
          {report.error.message}
        </p>
      )}
    </form>
  );
}
