import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canTransition, personStatuses } from '../../../src/domain/lifecycle.ts';
import { vulnerabilities } from '../../../src/domain/person.ts';
import { api, query } from '../api/client.ts';
import { useGraph } from '../api/queries.ts';
import type { PeoplePage, Person, Site } from '../api/types.ts';
import { ErrorNote, QueryState } from '../components/ErrorNote.tsx';
import { displayName, useFormat } from '../format.ts';
import { ShelterOptions } from '../people/ShelterOptions.tsx';
import { Link, useRouter } from '../router.tsx';
import { useCan } from '../session.ts';
import { useStatusChange } from './useStatusChange.ts';

const pageSize = 50;
// Typing is sent to the server once the hand pauses, not at every key.
const typingPause = 250;

/** The registry: search by any spelling, filters, a paginated list, and check-in for reception. */
export function Registry({ site }: { site: Site }) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const { search, navigate } = useRouter();
  const graph = useGraph(site.id);
  const searchBox = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLTableSectionElement>(null);
  const filterId = useId();
  const filters = {
    q: search.get('q') ?? '',
    status: search.get('status') ?? '',
    vulnerability: search.get('vulnerability') ?? '',
    shelterId: search.get('shelterId') ?? '',
  };
  const offset = Number(search.get('offset') ?? 0) || 0;
  const [typed, setTyped] = useState(filters.q);

  const update = (changes: Partial<typeof filters> & { offset?: number }) => {
    const next = { ...filters, offset: undefined as number | undefined, ...changes };
    navigate(`/registry${query(next)}`, { replace: true });
  };

  useEffect(() => {
    if (typed.trim() === filters.q) return;
    const timer = window.setTimeout(() => update({ q: typed.trim() }), typingPause);
    return () => window.clearTimeout(timer);
  });

  // "/" jumps to the search box from anywhere on the screen, as in many registries and mail clients.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key === '/' && !['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) {
        event.preventDefault();
        searchBox.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const people = useQuery({
    queryKey: ['site', site.id, 'people', filters, offset],
    queryFn: () =>
      api<PeoplePage>(`/api/people${query({ siteId: site.id, ...filters, limit: pageSize, offset })}`),
    placeholderData: (previous) => previous,
  });
  const shelters = (graph.data?.points ?? []).filter((p) => p.kind === 'shelter');
  const shelterCode = new Map(shelters.map((p) => [p.id, p.code]));
  const total = people.data?.total ?? 0;

  const links = () => [...(results.current?.querySelectorAll<HTMLAnchorElement>('a.person-link') ?? [])];
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      links()[0]?.focus();
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      update({ q: typed.trim() });
    }
  };
  const onResultKey = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    event.preventDefault();
    if (event.key === 'ArrowUp' && at === 0) searchBox.current?.focus();
    else all[Math.min(all.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  };

  return (
    <>
      <div className="title-row">
        <h1>{t('registry.title')}</h1>
        {can('people:write') && (
          <Link href="/registry/new" className="button primary">
            {t('registry.register')}
          </Link>
        )}
      </div>
      <search className="search-bar">
        <label>
          {t('registry.search')}
          <input
            ref={searchBox}
            type="search"
            name="q"
            data-autofocus
            autoComplete="off"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            onKeyDown={onSearchKey}
            aria-describedby="search-hint"
          />
        </label>
        <span id="search-hint" className="hint">
          {t('registry.searchHint')}
        </span>
        <fieldset className="filters">
          <legend>{t('registry.filters')}</legend>
          <label htmlFor={`${filterId}-status`}>{t('registry.status')}</label>
          <select
            id={`${filterId}-status`}
            value={filters.status}
            onChange={(event) => update({ status: event.target.value })}
          >
            <option value="">{t('app.all')}</option>
            {personStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
          <label htmlFor={`${filterId}-vulnerability`}>{t('registry.vulnerability')}</label>
          <select
            id={`${filterId}-vulnerability`}
            value={filters.vulnerability}
            onChange={(event) => update({ vulnerability: event.target.value })}
          >
            <option value="">{t('app.all')}</option>
            {vulnerabilities.map((v) => (
              <option key={v} value={v}>
                {t(`vulnerability.${v}`)}
              </option>
            ))}
          </select>
          <label htmlFor={`${filterId}-shelter`}>{t('registry.shelter')}</label>
          <select
            id={`${filterId}-shelter`}
            value={filters.shelterId}
            onChange={(event) => update({ shelterId: event.target.value })}
          >
            <option value="">{t('app.all')}</option>
            <ShelterOptions shelters={shelters} />
          </select>
        </fieldset>
      </search>
      <QueryState loading={people.isPending} error={people.error} />
      <p aria-live="polite" data-testid="result-count">
        {people.data && t('registry.results', { count: total, formatted: format.number(total) })}
      </p>
      {people.data && people.data.items.length === 0 && <p>{t('registry.noResults')}</p>}
      {people.data && people.data.items.length > 0 && (
        <div className="table-scroll">
          <table className="people">
            <thead>
              <tr>
                <th scope="col">{t('registry.name')}</th>
                <th scope="col">{t('registry.age')}</th>
                <th scope="col">{t('registry.shelter')}</th>
                <th scope="col">{t('registry.status')}</th>
                <th scope="col">{t('registry.vulnerability')}</th>
                {can('people:status') && <th scope="col">{t('registry.checkIn')}</th>}
              </tr>
            </thead>
            <tbody ref={results} onKeyDown={onResultKey}>
              {people.data.items.map((person) => (
                <PersonRow
                  key={person.id}
                  site={site}
                  person={person}
                  shelterCode={person.shelterId ? shelterCode.get(person.shelterId) : undefined}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > pageSize && (
        <nav className="pager" aria-label={t('registry.page')}>
          <button
            type="button"
            disabled={offset === 0}
            onClick={() => update({ offset: Math.max(0, offset - pageSize) })}
          >
            {t('app.previous')}
          </button>
          <span>
            {t('registry.resultsRange', {
              from: format.number(offset + 1),
              to: format.number(Math.min(total, offset + pageSize)),
              total: format.number(total),
            })}
          </span>
          <button
            type="button"
            disabled={offset + pageSize >= total}
            onClick={() => update({ offset: offset + pageSize })}
          >
            {t('app.next')}
          </button>
        </nav>
      )}
    </>
  );
}

function PersonRow({
  site,
  person,
  shelterCode,
}: {
  site: Site;
  person: Person;
  shelterCode: string | undefined;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const change = useStatusChange(site.id);
  const name = displayName(person);
  return (
    <tr data-testid="person-row">
      <td>
        <Link href={`/people/${person.id}`} className="person-link">
          {name}
        </Link>
      </td>
      <td>{person.birthYear ?? person.ageBand ?? t('app.none')}</td>
      <td>{shelterCode ?? t('app.none')}</td>
      <td>
        <span className={`badge status-${person.status}`}>{t(`status.${person.status}`)}</span>
      </td>
      <td>{person.vulnerabilities.map((v) => t(`vulnerability.${v}`)).join(', ')}</td>
      {can('people:status') && (
        <td>
          {canTransition(person.status, 'arrived') && (
            <button
              type="button"
              aria-label={t('registry.checkInLabel', { name })}
              disabled={change.isPending}
              onClick={() => change.mutate({ person, status: 'arrived' })}
            >
              {t('registry.checkIn')}
            </button>
          )}
          {change.isSuccess && (
            <span role="status" className="ok">
              {t('registry.checkedIn', { name })}
            </span>
          )}
          <ErrorNote error={change.error} />
        </td>
      )}
    </tr>
  );
}
