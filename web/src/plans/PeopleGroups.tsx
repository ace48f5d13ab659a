import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName, useFormat } from '../format.ts';
import { Link } from '../router.tsx';
import { useCan } from '../session.ts';
import type { PlanGroup, PlanPerson } from './api.ts';

// A trip or an explanation with hundreds of households shows the first ones and offers the rest.
const shownAtFirst = 25;

/** Households (or a child with the escort) and their people: names where the role sees them. */
export function PeopleGroups({ groups }: { groups: readonly PlanGroup[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [all, setAll] = useState(false);
  const shown = all ? groups : groups.slice(0, shownAtFirst);
  return (
    <>
      <ul className="plan-groups">
        {shown.map((group) => (
          <li key={group.id} data-testid="plan-group">
            <span className="muted">
              {t(`groupKind.${group.kind}`)} ({format.number(group.people.length)})
            </span>
            <ul className="plain">
              {group.people.map((person) => (
                <PersonLine key={person.id} person={person} />
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {shown.length < groups.length && (
        <button type="button" className="small" onClick={() => setAll(true)}>
          {t('plans.showMore', { value: format.number(groups.length - shown.length) })}
        </button>
      )}
    </>
  );
}

function PersonLine({ person }: { person: PlanPerson }) {
  const { t } = useTranslation();
  const can = useCan();
  const name = person.names?.length
    ? displayName({ names: person.names })
    : t('plans.person', { id: person.id.slice(0, 8) });
  return (
    <li data-testid="plan-person">
      {can('people:read') ? <Link href={`/people/${person.id}`}>{name}</Link> : name}{' '}
      <span className={`badge priority-${person.priority}`}>{t(`priority.${person.priority}`)}</span>
      {person.needs !== 'seat' && (
        <>
          {' '}
          <span className="badge">{t(`needs.${person.needs}`)}</span>
        </>
      )}
      {person.shelterCode && (
        <span className="muted"> {t('plans.fromShelter', { code: person.shelterCode })}</span>
      )}
    </li>
  );
}
