import { useTranslation } from 'react-i18next';
import type { SiteGraph } from '../api/types.ts';
import { useFormat } from '../format.ts';

// Passages that are not open, as a table: what a coordinator scans first, and the same choices
// as the diagram for anyone who does not use it.
export function PassageTable({ graph, onSelect }: { graph: SiteGraph; onSelect(id: string): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const code = new Map(graph.points.map((p) => [p.id, p.code]));
  const rows = graph.passages
    .filter((p) => p.state !== 'open')
    .sort(
      (a, b) =>
        a.state.localeCompare(b.state) || (code.get(a.from) ?? '').localeCompare(code.get(b.from) ?? ''),
    );
  return (
    <section aria-labelledby="passages-heading" className="card">
      <h2 id="passages-heading">{t('site.passages')}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('site.from')}</th>
              <th scope="col">{t('site.to')}</th>
              <th scope="col">{t('site.state')}</th>
              <th scope="col" className="num">
                {t('site.length')}
              </th>
              <th scope="col" className="num">
                {t('site.clearance')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <td>
                  <button type="button" className="link" onClick={() => onSelect(p.id)}>
                    {code.get(p.from)}
                  </button>
                </td>
                <td>{code.get(p.to)}</td>
                <td>
                  <span className={`badge passage-badge state-${p.state}`}>
                    {t(`passageState.${p.state}`)}
                  </span>
                </td>
                <td className="num">{t('site.metres', { value: format.number(p.lengthM) })}</td>
                <td className="num">
                  {p.clearancePersonHours === null ? t('app.none') : format.number(p.clearancePersonHours)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
