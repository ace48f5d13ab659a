import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../src/domain/person.ts';
import type { Household, Site } from '../api/types.ts';
import { displayName } from '../format.ts';
import { Link } from '../router.tsx';
import { FieldHouseholdForm } from './FieldHouseholdForm.tsx';
import { householdTitle, membersByHousehold } from './household-title.ts';
import { SavedNote } from './SavedNote.tsx';
import type { LocalSite } from './useLocalSite.ts';

const shown = 50;

interface Row {
  household: Household;
  members: Person[];
  title: string;
}

/**
 * The site's households as the device holds them (with its own unsent changes), newest first, with
 * a filter; a household is created or edited here, and a person added to it from its row.
 */
export function FieldHouseholds({ site, local }: { site: Site; local: LocalSite }) {
  const { t } = useTranslation('offline');
  const [filter, setFilter] = useState('');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string>();
  const [saved, setSaved] = useState(false);
  const members = membersByHousehold(local.people);
  const words = filter.trim().toLowerCase();
  const rows: Row[] = local.households
    .map((household) => {
      const people = members.get(household.id) ?? [];
      return { household, members: people, title: householdTitle(household, people, t) };
    })
    .filter(
      (row) =>
        !words ||
        row.title.toLowerCase().includes(words) ||
        row.members.some((p) => displayName(p).toLowerCase().includes(words)),
    )
    .sort((a, b) => b.household.createdAt.localeCompare(a.household.createdAt));
  const done = (wasSaved: boolean) => {
    setCreating(false);
    setEditing(undefined);
    setSaved(wasSaved);
  };

  return (
    <section className="card" aria-labelledby="field-households">
      <div className="title-row">
        <h2 id="field-households">{t('households')}</h2>
        <button
          type="button"
          aria-expanded={creating}
          onClick={() => {
            setCreating(!creating);
            setSaved(false);
          }}
        >
          {t('newHousehold')}
        </button>
      </div>
      {creating && <FieldHouseholdForm site={site} onDone={done} />}
      {saved && <SavedNote />}
      <label>
        {t('filterHouseholds')}
        <input type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
      </label>
      <p aria-live="polite">{t('householdsCount', { count: rows.length })}</p>
      {rows.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('household')}</th>
                <th scope="col">{t('members')}</th>
                <th scope="col">{t('note')}</th>
                <th scope="col">{t('change')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, shown).map((row) =>
                editing === row.household.id ? (
                  <tr key={row.household.id}>
                    <td colSpan={4}>
                      <FieldHouseholdForm
                        site={site}
                        household={row.household}
                        title={row.title}
                        onDone={done}
                      />
                    </td>
                  </tr>
                ) : (
                  <HouseholdRow
                    key={row.household.id}
                    row={row}
                    onEdit={() => {
                      setEditing(row.household.id);
                      setSaved(false);
                    }}
                  />
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > shown && (
        <p className="muted">{t('householdsMoreHidden', { count: rows.length - shown })}</p>
      )}
    </section>
  );
}

function HouseholdRow({ row, onEdit }: { row: Row; onEdit(): void }) {
  const { t } = useTranslation('offline');
  const { household, members, title } = row;
  return (
    <tr data-testid="field-household">
      <td>{title}</td>
      <td>{members.length > 0 ? members.map(displayName).join('; ') : t('noMembers')}</td>
      <td>{household.note ?? t('none')}</td>
      <td>
        <div className="field-inline">
          <button type="button" aria-label={t('editHouseholdOf', { name: title })} onClick={onEdit}>
            {t('edit')}
          </button>
          <Link
            href={`/field/register?household=${household.id}&shelter=${members[0]?.shelterId ?? ''}`}
            className="button"
            aria-label={t('addMemberTo', { name: title })}
          >
            {t('addMember')}
          </Link>
        </div>
      </td>
    </tr>
  );
}
