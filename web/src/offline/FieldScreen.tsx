import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedNextStatuses, type PersonStatus } from '../../../src/domain/lifecycle.ts';
import type { Person } from '../../../src/domain/person.ts';
import type { Site } from '../api/types.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { displayName } from '../format.ts';
import { Link } from '../router.tsx';
import { FieldHouseholds } from './FieldHouseholds.tsx';
import { HeadcountForm } from './HeadcountForm.tsx';
import { useSyncEngine } from './OfflineProvider.tsx';
import { PassageReportForm } from './PassageReportForm.tsx';
import { SavedNote } from './SavedNote.tsx';
import { type LocalSite, useLocalSite } from './useLocalSite.ts';

const shown = 50;

/**
 * The field team's screen, working with or without a network: the site's people and households from
 * the device's store (with its own unsent changes), status changes, passage and headcount reports. Everything is
 * recorded as an operation in the queue and sent when there is a network.
 */
export function FieldScreen({ site }: { site: Site }) {
  const { t } = useTranslation('offline');
  const local = useLocalSite(site.id);
  const engine = useSyncEngine();
  const [filter, setFilter] = useState('');
  if (!engine) return <p>{t('noStore')}</p>;
  const words = filter.trim().toLowerCase();
  const people = local.people
    .filter((p) => !words || displayName(p).toLowerCase().includes(words))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <>
      <div className="title-row">
        <h1>{t('fieldTitle')}</h1>
        <Link href="/field/register" className="button primary">
          {t('register')}
        </Link>
      </div>
      <p className="muted">{t('fieldIntro')}</p>
      {!local.ready && <p>{t('reading')}</p>}
      {local.ready && local.points.length === 0 && <p>{t('notPulled')}</p>}
      <section className="card" aria-labelledby="field-people">
        <h2 id="field-people">{t('people')}</h2>
        <label>
          {t('filter')}
          <input type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
        </label>
        <p aria-live="polite">{t('peopleCount', { count: people.length })}</p>
        {people.length > 0 && (
          <div className="table-scroll">
            <table className="people">
              <thead>
                <tr>
                  <th scope="col">{t('name')}</th>
                  <th scope="col">{t('shelter')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('changeStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {people.slice(0, shown).map((person) => (
                  <PersonRow key={person.id} site={site} person={person} local={local} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {people.length > shown && (
          <p className="muted">{t('moreHidden', { count: people.length - shown })}</p>
        )}
      </section>
      <FieldHouseholds site={site} local={local} />
      <div className="grid">
        <PassageReportForm site={site} local={local} />
        <HeadcountForm site={site} local={local} />
      </div>
    </>
  );
}

function PersonRow({ site, person, local }: { site: Site; person: Person; local: LocalSite }) {
  const { t } = useTranslation('offline');
  const engine = useSyncEngine();
  const next = allowedNextStatuses(person.status);
  const [status, setStatus] = useState<PersonStatus | ''>('');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>();
  const name = displayName(person);
  const change = async () => {
    if (!engine || !status) return;
    setError(undefined);
    try {
      await engine.record({
        siteId: site.id,
        kind: 'person.status',
        entityId: person.id,
        payload: { status, from: person.status },
      });
      setStatus('');
      setSaved(true);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <tr data-testid="field-person">
      <td>
        <Link href={`/field/people/${person.id}/edit`}>{name}</Link>
      </td>
      <td>{local.shelters.find((s) => s.id === person.shelterId)?.code ?? t('none')}</td>
      <td>
        <span className={`badge status-${person.status}`}>{t(`translation:status.${person.status}`)}</span>
      </td>
      <td>
        {next.length > 0 && (
          <div className="field-inline">
            <select
              aria-label={t('newStatusFor', { name })}
              value={status}
              onChange={(event) => setStatus(event.target.value as PersonStatus | '')}
            >
              <option value="">{t('choose')}</option>
              {next.map((s) => (
                <option key={s} value={s}>
                  {t(`translation:status.${s}`)}
                </option>
              ))}
            </select>
            <button
              type="button"
              disabled={!status}
              aria-label={t('changeStatusOf', { name })}
              onClick={() => void change()}
            >
              {t('change')}
            </button>
          </div>
        )}
        {saved && <SavedNote />}
        <ErrorNote error={error} />
      </td>
    </tr>
  );
}
