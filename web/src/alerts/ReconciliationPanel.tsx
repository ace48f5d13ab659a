import { useTranslation } from 'react-i18next';
import type { Site } from '../api/types.ts';
import { QueryState } from '../components/ErrorNote.tsx';
import { displayName, useFormat } from '../format.ts';
import { Link } from '../router.tsx';
import { useReconciliation } from './api.ts';
import { lastSeenText } from './details.ts';

/** Registry, manifests and reception side by side, now: per convoy, and who has not arrived. */
export function ReconciliationPanel({ site }: { site: Site }) {
  const { t } = useTranslation();
  const format = useFormat();
  const report = useReconciliation(site.id);
  if (!report.data) return <QueryState loading={report.isPending} error={report.error} />;
  const { counts, convoys, boardedNotArrived } = report.data;
  const when = (iso: string) => format.dateTime(iso, site.timeZone);
  return (
    <section className="card" aria-labelledby="reconciliation-heading">
      <h2 id="reconciliation-heading">{t('alerts.reconciliation')}</h2>
      <p data-testid="reconciliation-counts">
        {t('alerts.counts', {
          boarded: format.number(counts.boarded),
          checkedIn: format.number(counts.checkedIn),
          notArrived: format.number(counts.boardedNotArrived),
          held: format.number(counts.heldAtScreening),
          offManifest: format.number(counts.arrivedNotOnManifest),
          neverBoarded: format.number(counts.neverBoarded),
          children: format.number(counts.unaccompaniedChildren),
        })}
      </p>
      {convoys.length > 0 && (
        <table>
          <caption>{t('alerts.byConvoy')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('alerts.convoyColumn')}</th>
              <th scope="col">{t('alerts.statusColumn')}</th>
              <th scope="col">{t('alerts.boardedColumn')}</th>
              <th scope="col">{t('alerts.checkedInColumn')}</th>
              <th scope="col">{t('alerts.heldColumn')}</th>
              <th scope="col">{t('alerts.notArrivedColumn')}</th>
              <th scope="col">{t('alerts.noShowColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {convoys.map((c) => (
              <tr key={c.convoyId}>
                <th scope="row">
                  <Link href={`/convoys/${c.convoyId}`}>{c.code}</Link>
                </th>
                <td>{t(`road.convoyStatus.${c.status}`)}</td>
                <td>{format.number(c.manifest.boarded)}</td>
                <td>{format.number(c.checkedIn)}</td>
                <td>{format.number(c.heldAtScreening)}</td>
                <td>{format.number(c.notArrived)}</td>
                <td>{format.number(c.manifest.noShow)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {boardedNotArrived.length > 0 && (
        <table data-testid="not-arrived">
          <caption>{t('alerts.notArrived')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('alerts.personColumn')}</th>
              <th scope="col">{t('alerts.convoyColumn')}</th>
              <th scope="col">{t('alerts.statusColumn')}</th>
              <th scope="col">{t('alerts.lastSeenColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {boardedNotArrived.map((b) => (
              <tr key={b.person.id}>
                <th scope="row">
                  <Link href={`/people/${b.person.id}`}>{displayName(b.person)}</Link>
                </th>
                <td>
                  {b.convoyCode} · {b.vehicleLabel}
                </td>
                <td>{t(`status.${b.person.status}`)}</td>
                <td>{lastSeenText(b.lastSeen, t, when)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
