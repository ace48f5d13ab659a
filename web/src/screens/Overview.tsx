import { useTranslation } from 'react-i18next';
import { personStatuses } from '../../../src/domain/lifecycle.ts';
import { vulnerabilities } from '../../../src/domain/person.ts';
import { useIncidents, usePauses, useSummary } from '../api/queries.ts';
import type { Site, Summary } from '../api/types.ts';
import { BarChart } from '../components/BarChart.tsx';
import { QueryState } from '../components/ErrorNote.tsx';
import { useFormat } from '../format.ts';
import { PauseBox } from '../pauses/PauseBox.tsx';
import { useCan } from '../session.ts';
import { HeadcountTable } from './HeadcountTable.tsx';
import { ReportsCard } from './ReportsCard.tsx';

// A chart of thousands of shelters helps no one: the largest are drawn, the rest are counted.
const shelterBars = 20;

export function Overview({ site }: { site: Site }) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const summary = useSummary(site.id);
  const pauses = usePauses(site.id);
  const incidents = useIncidents(site.id, can('claims:read'));
  const s = summary.data;
  return (
    <>
      <h1>
        {t('overview.title')}: {site.name}
      </h1>
      <QueryState loading={summary.isPending} error={summary.error} />
      {s && <Tiles summary={s} />}
      <div className="grid">
        <section aria-labelledby="pause-heading" className="card">
          <h2 id="pause-heading">{t('overview.pause')}</h2>
          <QueryState loading={pauses.isPending} error={pauses.error} />
          {pauses.data && <PauseBox pauses={pauses.data.items} site={site} />}
        </section>
        {can('claims:read') && (
          <section aria-labelledby="incidents-heading" className="card">
            <h2 id="incidents-heading">{t('overview.latestIncidents')}</h2>
            <QueryState loading={incidents.isPending} error={incidents.error} />
            {incidents.data && incidents.data.items.length === 0 && <p>{t('overview.noIncidents')}</p>}
            <ul className="plain">
              {[...(incidents.data?.items ?? [])]
                .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt))
                .slice(0, 5)
                .map((incident) => (
                  <li key={incident.id}>
                    <strong>{t(`incidentType.${incident.type}`)}</strong>,{' '}
                    {format.dateTime(incident.occurredAt, site.timeZone)}
                    <br />
                    {incident.summary}
                  </li>
                ))}
            </ul>
          </section>
        )}
      </div>
      {s && (
        <div className="grid">
          <section aria-labelledby="status-heading" className="card">
            <h2 id="status-heading">{t('overview.byStatus')}</h2>
            <BarChart
              title={t('overview.byStatus')}
              bars={personStatuses
                .filter((status) => (s.registered.byStatus[status] ?? 0) > 0)
                .map((status) => ({
                  key: status,
                  label: t(`status.${status}`),
                  value: s.registered.byStatus[status] ?? 0,
                }))}
            />
          </section>
          <section aria-labelledby="vulnerability-heading" className="card">
            <h2 id="vulnerability-heading">{t('overview.byVulnerability')}</h2>
            <BarChart
              title={t('overview.byVulnerability')}
              bars={vulnerabilities
                .filter((v) => (s.registered.byVulnerability[v] ?? 0) > 0)
                .map((v) => ({
                  key: v,
                  label: t(`vulnerability.${v}`),
                  value: s.registered.byVulnerability[v] ?? 0,
                }))}
            />
          </section>
        </div>
      )}
      {s && (
        <section aria-labelledby="reported-heading" className="card">
          <h2 id="reported-heading">{t('overview.registeredVsReported')}</h2>
          <p className="muted">{t('overview.registeredVsReportedNote')}</p>
          <HeadcountTable summary={s} />
          <h3>{t('overview.byShelter')}</h3>
          <ShelterChart summary={s} />
        </section>
      )}
      <ReportsCard site={site} />
    </>
  );
}

function Tiles({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const r = summary.registered;
  const v = (key: string) => r.byVulnerability[key] ?? 0;
  const tiles: Array<{ key: string; label: string; value: number; detail?: string }> = [
    { key: 'total', label: t('overview.registered'), value: r.total },
    { key: 'children', label: t('overview.children'), value: v('child') },
    {
      key: 'wounded',
      label: t('overview.wounded'),
      value: v('wounded'),
      detail: t('overview.byTriage', {
        t1: format.number(r.byTriage.T1 ?? 0),
        t2: format.number(r.byTriage.T2 ?? 0),
        t3: format.number(r.byTriage.T3 ?? 0),
      }),
    },
    { key: 'stretcher', label: t('overview.stretcher'), value: v('needs_stretcher') },
  ];
  return (
    <ul className="tiles" aria-label={t('overview.registered')}>
      {tiles.map((tile) => (
        <li key={tile.key} className="tile" data-testid={`tile-${tile.key}`}>
          <span className="tile-value">{format.number(tile.value)}</span>
          <span className="tile-label">{tile.label}</span>
          {tile.detail && <span className="tile-detail">{tile.detail}</span>}
        </li>
      ))}
    </ul>
  );
}

function ShelterChart({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const format = useFormat();
  // The latest reported count of everyone in each shelter, beside the registry's count there.
  const reported = new Map<string, { count: number; at: string }>();
  for (const h of summary.reportedHeadcounts) {
    if (!h.shelterId || !['total', 'civilians'].includes(h.category)) continue;
    const seen = reported.get(h.shelterId);
    if (!seen || seen.at < h.reportedAt) reported.set(h.shelterId, { count: h.count, at: h.reportedAt });
  }
  const rows = [...summary.registered.byShelter].sort((a, b) => b.count - a.count);
  const shown = rows.slice(0, shelterBars);
  const anyReported = shown.some((row) => row.shelterId && reported.has(row.shelterId));
  return (
    <>
      <BarChart
        title={t('overview.byShelter')}
        legend={anyReported ? [t('overview.registeredCount'), t('overview.reportedCount')] : undefined}
        bars={shown.map((row) => ({
          key: row.shelterId ?? 'none',
          label: row.code ?? t('overview.unassigned'),
          value: row.count,
          other: anyReported
            ? ((row.shelterId ? reported.get(row.shelterId)?.count : undefined) ?? 0)
            : undefined,
        }))}
      />
      {rows.length > shown.length && (
        <p className="muted">
          {format.number(shown.length)} / {format.number(rows.length)}
        </p>
      )}
    </>
  );
}
