import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../api/client.ts';
import type { PeoplePage, ReportedHeadcount, Site, SitePoint } from '../api/types.ts';
import { QueryState } from '../components/ErrorNote.tsx';
import { displayName, useFormat } from '../format.ts';
import { Link } from '../router.tsx';
import { useCan } from '../session.ts';

const pageSize = 25;

/** A shelter (or exit, pickup point): its conditions, and its people for the roles that see people. */
export function PointPanel({
  site,
  point,
  count,
  headcounts,
  onClose,
}: {
  site: Site;
  point: SitePoint;
  count: number;
  headcounts: ReportedHeadcount[];
  onClose(): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const shelter = point.kind === 'shelter';
  return (
    <section aria-labelledby="point-heading" data-testid="point-panel">
      <div className="panel-head">
        <h2 id="point-heading">
          {point.code}
          {point.name ? `: ${point.name}` : ''}
        </h2>
        <button type="button" onClick={onClose}>
          {t('app.close')}
        </button>
      </div>
      <dl className="facts">
        <dt>{t('site.kind')}</dt>
        <dd>
          {t(`pointKind.${point.kind}`)}
          {point.shelterKind ? ` (${t(`shelterKind.${point.shelterKind}`)})` : ''}
        </dd>
        {shelter && (
          <>
            <dt>{t('site.occupancy')}</dt>
            <dd data-testid="occupancy">{format.number(count)}</dd>
            <dt>{t('site.capacity')}</dt>
            <dd>{point.capacity === null ? t('app.none') : format.number(point.capacity)}</dd>
          </>
        )}
        {point.level !== null && (
          <>
            <dt>{t('site.level')}</dt>
            <dd>{format.number(point.level)}</dd>
          </>
        )}
        {point.depthM !== null && (
          <>
            <dt>{t('site.depth')}</dt>
            <dd>{t('site.metres', { value: format.number(point.depthM) })}</dd>
          </>
        )}
        {point.supervisor && (
          <>
            <dt>{t('site.supervisor')}</dt>
            <dd>{point.supervisor}</dd>
          </>
        )}
        {point.note && (
          <>
            <dt>{t('site.note')}</dt>
            <dd>{point.note}</dd>
          </>
        )}
      </dl>
      {point.conditions && Object.keys(point.conditions).length > 0 && (
        <>
          <h3>{t('site.conditions')}</h3>
          <dl className="facts">
            {Object.entries(point.conditions).map(([key, value]) => (
              <div key={key}>
                <dt>{key}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {headcounts.length > 0 && (
        <>
          <h3>{t('site.reported')}</h3>
          <ul className="plain">
            {headcounts.map((h) => (
              <li key={h.id}>
                {t(`headcount.${h.category}`)}: {format.number(h.count)} — {h.source}
              </li>
            ))}
          </ul>
        </>
      )}
      {shelter && can('people:read') && <ShelterPeople site={site} shelterId={point.id} />}
    </section>
  );
}

function ShelterPeople({ site, shelterId }: { site: Site; shelterId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [offset, setOffset] = useState(0);
  const people = useQuery({
    queryKey: ['site', site.id, 'people', { shelterId, offset }],
    queryFn: () =>
      api<PeoplePage>(`/api/people${query({ siteId: site.id, shelterId, limit: pageSize, offset })}`),
  });
  const total = people.data?.total ?? 0;
  return (
    <>
      <h3>{t('site.people')}</h3>
      <QueryState loading={people.isPending} error={people.error} />
      <ul className="plain">
        {people.data?.items.map((person) => (
          <li key={person.id}>
            <Link href={`/people/${person.id}`}>{displayName(person)}</Link> — {t(`status.${person.status}`)}
          </li>
        ))}
      </ul>
      {total > pageSize && (
        <div className="pager">
          <button
            type="button"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - pageSize))}
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
            onClick={() => setOffset(offset + pageSize)}
          >
            {t('app.next')}
          </button>
        </div>
      )}
    </>
  );
}
