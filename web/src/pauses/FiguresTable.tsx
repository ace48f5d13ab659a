import { useTranslation } from 'react-i18next';
import { useFigures } from '../api/queries.ts';
import type { Site } from '../api/types.ts';
import { QueryState } from '../components/ErrorNote.tsx';
import { useFormat } from '../format.ts';

/** Reported figures side by side, each with its source and verification, beside the registry's count. */
export function FiguresTable({
  site,
  partyName,
  sourceTitle,
}: {
  site: Site;
  partyName: Map<string, string>;
  sourceTitle: Map<string, string>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const figures = useFigures(site.id, true);
  return (
    <section aria-labelledby="figures-heading" className="card">
      <h2 id="figures-heading">{t('pauses.figures')}</h2>
      <p className="muted">{t('pauses.figuresNote')}</p>
      <QueryState loading={figures.isPending} error={figures.error} />
      {figures.data && (
        <div className="table-scroll">
          <table data-testid="figures">
            <thead>
              <tr>
                <th scope="col">{t('pauses.metric')}</th>
                <th scope="col" className="num">
                  {t('pauses.registry')}
                </th>
                <th scope="col">{t('pauses.reported')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.data.items.map((row) => (
                <tr key={row.metric}>
                  <th scope="row">{t(`metric.${row.metric}`)}</th>
                  <td className="num">
                    {row.registry === null ? t('app.none') : format.number(row.registry)}
                  </td>
                  <td>
                    <ul className="plain">
                      {row.reported.map((r) => (
                        <li key={r.claimId}>
                          <strong>
                            {r.approximate
                              ? t('overview.approximate', { value: format.number(r.value) })
                              : format.number(r.value)}
                          </strong>{' '}
                          — {r.partyId ? `${partyName.get(r.partyId) ?? ''}, ` : ''}
                          {sourceTitle.get(r.sourceId) ?? ''} ({format.date(r.statedAt)}){' '}
                          <span className={`badge verification-${r.verification}`}>
                            {t(`verification.${r.verification}`)}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
