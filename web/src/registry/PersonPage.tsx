import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useGraph } from '../api/queries.ts';
import type { PersonWithNext, Site } from '../api/types.ts';
import { QueryState } from '../components/ErrorNote.tsx';
import { displayName, useFormat } from '../format.ts';
import { shelterTitle } from '../people/ShelterOptions.tsx';
import { Link } from '../router.tsx';
import { useCan } from '../session.ts';
import { ConsentBox } from '../tracing/ConsentBox.tsx';
import { History } from './History.tsx';
import { HouseholdBox } from './HouseholdBox.tsx';
import { StatusChange } from './StatusChange.tsx';

export function PersonPage({ site, personId }: { site: Site; personId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const graph = useGraph(site.id);
  const person = useQuery({
    queryKey: ['person', personId],
    queryFn: () => api<PersonWithNext>(`/api/people/${personId}`),
  });
  const p = person.data;
  const shelter = p?.shelterId ? graph.data?.points.find((point) => point.id === p.shelterId) : undefined;
  return (
    <>
      <p>
        <Link href="/registry">{t('person.back')}</Link>
      </p>
      <QueryState loading={person.isPending} error={person.error} />
      {p && (
        <>
          <div className="title-row">
            <h1 data-testid="person-name">{displayName(p)}</h1>
            {can('people:write') && (
              <Link href={`/people/${p.id}/edit`} className="button">
                {t('person.edit')}
              </Link>
            )}
          </div>
          <div className="grid">
            <section className="card" aria-labelledby="facts-heading">
              <h2 id="facts-heading">{t('person.title')}</h2>
              <dl className="facts">
                <dt>{t('person.status')}</dt>
                <dd>
                  <span className={`badge status-${p.status}`} data-testid="person-status">
                    {t(`status.${p.status}`)}
                  </span>{' '}
                  <span className="muted">
                    {t('person.since', { at: format.dateTime(p.statusChangedAt, site.timeZone) })}
                  </span>
                </dd>
                <dt>{t('person.names')}</dt>
                <dd>
                  <ul className="plain">
                    {p.names.map((n) => (
                      <li
                        key={`${n.script ?? ''}${n.family}${n.given}`}
                        lang={n.script === 'Cyrl' ? 'uk' : undefined}
                      >
                        {[n.family, n.given, n.patronymic].filter(Boolean).join(' ')}
                        {n.script ? <span className="muted"> ({n.script})</span> : null}
                      </li>
                    ))}
                  </ul>
                </dd>
                <dt>{t('person.sex')}</dt>
                <dd>{t(`sex.${p.sex}`)}</dd>
                <dt>{t('person.born')}</dt>
                <dd>{p.birthDate ? format.date(p.birthDate) : (p.birthYear ?? t('app.none'))}</dd>
                {p.ageBand && (
                  <>
                    <dt>{t('person.ageBand')}</dt>
                    <dd>{p.ageBand}</dd>
                  </>
                )}
                <dt>{t('person.shelter')}</dt>
                <dd>{shelter ? shelterTitle(shelter) : t('app.none')}</dd>
                <dt>{t('person.vulnerabilities')}</dt>
                <dd>
                  {p.vulnerabilities.length
                    ? format.list(p.vulnerabilities.map((v) => t(`vulnerability.${v}`)))
                    : t('app.none')}
                </dd>
                {p.triage && (
                  <>
                    <dt>{t('person.triage')}</dt>
                    <dd>{p.triage}</dd>
                  </>
                )}
                {p.languages.length > 0 && (
                  <>
                    <dt>{t('person.languages')}</dt>
                    <dd>{p.languages.join(', ')}</dd>
                  </>
                )}
                {p.guardians.length > 0 && (
                  <>
                    <dt>{t('person.guardians')}</dt>
                    <dd>
                      <ul className="plain">
                        {p.guardians.map((g) => (
                          <li key={g.personId}>
                            <Link href={`/people/${g.personId}`}>{g.relation ?? g.personId}</Link>
                          </li>
                        ))}
                      </ul>
                    </dd>
                  </>
                )}
                {p.note && (
                  <>
                    <dt>{t('person.note')}</dt>
                    <dd>{p.note}</dd>
                  </>
                )}
              </dl>
            </section>
            <div className="stack">
              {can('people:status') && <StatusChange site={site} person={p} />}
              <HouseholdBox person={p} />
              {can('tracing:consent') && p.status !== 'merged' && (
                <ConsentBox personId={p.id} timeZone={site.timeZone} />
              )}
            </div>
          </div>
          <History site={site} personId={p.id} />
        </>
      )}
    </>
  );
}
