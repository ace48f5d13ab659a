import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { Household, HouseholdWithMembers, Person } from '../api/types.ts';
import { ErrorNote, QueryState } from '../components/ErrorNote.tsx';
import { displayName } from '../format.ts';
import { Link } from '../router.tsx';
import { useCan } from '../session.ts';

/** The person's household: its members, its label and note, and a way to add a member. */
export function HouseholdBox({ person }: { person: Person }) {
  const { t } = useTranslation();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const householdId = person.householdId;
  const household = useQuery({
    queryKey: ['household', householdId],
    queryFn: () => api<HouseholdWithMembers>(`/api/households/${householdId}`),
    enabled: householdId !== null,
  });
  if (!householdId)
    return (
      <section className="card" aria-labelledby="household-heading">
        <h2 id="household-heading">{t('person.household')}</h2>
        <p>{t('person.noHousehold')}</p>
      </section>
    );
  const h = household.data;
  return (
    <section className="card" aria-labelledby="household-heading">
      <h2 id="household-heading">
        {t('person.household')}
        {h?.label ? `: ${h.label}` : ''}
      </h2>
      <QueryState loading={household.isPending} error={household.error} />
      {h?.note && <p>{h.note}</p>}
      {h && (
        <>
          <h3>{t('person.members')}</h3>
          <ul className="plain">
            {h.members.map((member) => (
              <li key={member.id}>
                {member.id === person.id ? (
                  <strong>{displayName(member)}</strong>
                ) : (
                  <Link href={`/people/${member.id}`}>{displayName(member)}</Link>
                )}{' '}
                — {t(`status.${member.status}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      {can('people:write') && h && (
        <div className="button-row">
          <Link href={`/registry/new?household=${h.id}&shelter=${person.shelterId ?? ''}`} className="button">
            {t('person.addMember')}
          </Link>
          <button type="button" onClick={() => setEditing(!editing)} aria-expanded={editing}>
            {t('person.editHousehold')}
          </button>
        </div>
      )}
      {editing && h && <HouseholdForm household={h} onDone={() => setEditing(false)} />}
    </section>
  );
}

function HouseholdForm({ household, onDone }: { household: Household; onDone(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [label, setLabel] = useState(household.label ?? '');
  const [note, setNote] = useState(household.note ?? '');
  const save = useMutation({
    mutationFn: () =>
      api<Household>(`/api/households/${household.id}`, {
        method: 'PATCH',
        body: { label: label.trim() || null, note: note.trim() || null },
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['household', household.id] });
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} className="stack">
      <label>
        {t('person.householdLabel')}
        <input name="label" value={label} onChange={(event) => setLabel(event.target.value)} />
      </label>
      <label>
        {t('person.householdNote')}
        <textarea name="note" value={note} onChange={(event) => setNote(event.target.value)} />
      </label>
      <div className="button-row">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('app.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('app.cancel')}
        </button>
      </div>
      <ErrorNote error={save.error} />
    </form>
  );
}
