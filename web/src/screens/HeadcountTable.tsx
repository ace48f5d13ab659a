import { useTranslation } from 'react-i18next';
import type { Summary } from '../api/types.ts';
import { useFormat } from '../format.ts';

// What the registry counts for each reported category, so the two stand in one row.
const registryCount = (summary: Summary, category: string): number | undefined => {
  const r = summary.registered;
  if (category === 'total' || category === 'civilians') return r.total;
  if (category === 'children') return r.byVulnerability.child ?? 0;
  if (category === 'wounded') return r.byVulnerability.wounded ?? 0;
  return undefined;
};

/** Each reported headcount with its source, beside the registry's own count of the same thing. */
export function HeadcountTable({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const format = useFormat();
  // The summary names the shelters it counts: the overview needs no site graph (one request less).
  const codes = new Map(summary.registered.byShelter.map((row) => [row.shelterId, row.code]));
  const reports = [...summary.reportedHeadcounts].sort((a, b) => b.reportedAt.localeCompare(a.reportedAt));
  if (reports.length === 0) return null;
  return (
    <div className="table-scroll">
      <table>
        <caption>{t('overview.reportedTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('overview.category')}</th>
            <th scope="col">{t('site.title')}</th>
            <th scope="col" className="num">
              {t('overview.registeredCount')}
            </th>
            <th scope="col" className="num">
              {t('overview.reportedCount')}
            </th>
            <th scope="col">{t('overview.source')}</th>
            <th scope="col">{t('overview.reportedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((h) => {
            const registered = h.shelterId ? undefined : registryCount(summary, h.category);
            const shelterCount = h.shelterId
              ? summary.registered.byShelter.find((row) => row.shelterId === h.shelterId)?.count
              : undefined;
            const mine = registered ?? shelterCount;
            return (
              <tr key={h.id}>
                <td>{t(`headcount.${h.category}`)}</td>
                <td>{h.shelterId ? (codes.get(h.shelterId) ?? t('app.none')) : t('overview.wholeSite')}</td>
                <td className="num">{mine === undefined ? t('app.none') : format.number(mine)}</td>
                <td className="num">
                  {h.approximate
                    ? t('overview.approximate', { value: format.number(h.count) })
                    : format.number(h.count)}
                </td>
                <td>{h.source}</td>
                <td>{format.dateTime(h.reportedAt, summary.site.timeZone)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
