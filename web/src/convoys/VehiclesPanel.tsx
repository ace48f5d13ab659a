import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../api/types.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useFormat } from '../format.ts';
import { useCan } from '../session.ts';
import { type Convoy, useVehicleCrew } from './api.ts';

type Vehicle = Convoy['vehicles'][number];

/**
 * The convoy's vehicles with their marking and crew. While the convoy is planned the cell can
 * record the real marking, crew size and crew note of each, one vehicle at a time.
 */
export function VehiclesPanel({ site, convoy }: { site: Site; convoy: Convoy }) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const [editing, setEditing] = useState<string | null>(null);
  const editable = can('convoys:write') && convoy.status === 'planned';
  return (
    <section aria-labelledby="vehicles-heading" className="card">
      <h2 id="vehicles-heading">{t('convoys.vehicles')}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('convoys.vehicle')}</th>
              <th scope="col">{t('convoys.marking')}</th>
              <th scope="col" className="num">
                {t('convoys.crew')}
              </th>
              <th scope="col">{t('convoys.crewNote')}</th>
              <th scope="col" className="num">
                {t('convoys.onManifest')}
              </th>
              <th scope="col" className="num">
                {t('convoys.boarded')}
              </th>
              {editable && <th scope="col">{t('convoys.vehicleActions')}</th>}
            </tr>
          </thead>
          <tbody>
            {convoy.vehicles.map((v) => (
              <tr key={v.vehicleId}>
                <td>{v.label}</td>
                <td>{v.marking ?? <span className="muted">{t('convoys.noMarking')}</span>}</td>
                <td className="num">{format.number(v.crewSize)}</td>
                <td>{v.crewNote ?? ''}</td>
                <td className="num">{format.number(v.manifest.total - v.manifest.replaced)}</td>
                <td className="num">{format.number(v.manifest.boarded)}</td>
                {editable && (
                  <td>
                    <button type="button" onClick={() => setEditing(v.vehicleId)}>
                      {t('convoys.editVehicle', { label: v.label })}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editable &&
        convoy.vehicles
          .filter((v) => v.vehicleId === editing)
          .map((v) => (
            <CrewForm
              key={v.vehicleId}
              site={site}
              convoy={convoy}
              vehicle={v}
              onDone={() => setEditing(null)}
            />
          ))}
    </section>
  );
}

function CrewForm({
  site,
  convoy,
  vehicle,
  onDone,
}: {
  site: Site;
  convoy: Convoy;
  vehicle: Vehicle;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useVehicleCrew(site.id, convoy.id, vehicle.vehicleId);
  const [marking, setMarking] = useState(vehicle.marking ?? '');
  const [crewSize, setCrewSize] = useState(String(vehicle.crewSize));
  const [crewNote, setCrewNote] = useState(vehicle.crewNote ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ marking, crewSize: Number(crewSize), crewNote }, { onSuccess: onDone });
  };
  return (
    <form className="stack confirm" onSubmit={submit} data-testid="crew-form">
      <h3>{t('convoys.editVehicle', { label: vehicle.label })}</h3>
      <p className="hint">{t('convoys.crewHelp')}</p>
      <label>
        {t('convoys.marking')}
        <input value={marking} maxLength={80} onChange={(event) => setMarking(event.target.value)} />
      </label>
      <label>
        {t('convoys.crew')}
        <input
          type="number"
          required
          min={0}
          max={50}
          step={1}
          value={crewSize}
          onChange={(event) => setCrewSize(event.target.value)}
        />
      </label>
      <label>
        {t('convoys.crewNote')}
        <input
          value={crewNote}
          maxLength={500}
          placeholder={t('convoys.crewNoteExample')}
          onChange={(event) => setCrewNote(event.target.value)}
        />
      </label>
      <div className="button-row">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('convoys.saveVehicle')}
        </button>
        <button type="button" onClick={onDone}>
          {t('app.cancel')}
        </button>
      </div>
      <ErrorNote error={save.error} />
    </form>
  );
}
