import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import type { RescueAnswer } from './api.ts';
import type { RescueOverlay } from './bands.ts';
import { ScrollRegion } from './ScrollRegion.tsx';
import { useWhen } from './when.ts';

/**
 * Every occupied shelter with the estimated time from which its people can reach an exit, or the
 * reason they cannot, soonest first; and the passages it waits for.
 */
export function ShelterTable({
  answer,
  overlay,
  occupancy,
  timeZone,
}: {
  answer: RescueAnswer;
  overlay: RescueOverlay;
  occupancy: Map<string, number>;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const when = useWhen(timeZone);
  const rows = [...answer.shelters].sort(
    (a, b) =>
      (a.reachableAt === null ? 1 : 0) - (b.reachableAt === null ? 1 : 0) ||
      (a.reachableAt ?? '').localeCompare(b.reachableAt ?? '') ||
      a.code.localeCompare(b.code),
  );
  return (
    <ScrollRegion label={t('rescue.sheltersHeading')}>
      <table data-testid="shelter-estimates">
        <thead>
          <tr>
            <th scope="col">{t('rescue.shelter')}</th>
            <th scope="col" className="num">
              {t('rescue.people')}
            </th>
            <th scope="col" className="num">
              {t('rescue.weightColumn')}
            </th>
            <th scope="col">{t('rescue.reachableColumn')}</th>
            <th scope="col">{t('rescue.waitsFor')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => {
            const mark = overlay.shelters.get(s.id);
            return (
              <tr key={s.id} data-testid={`estimate-${s.code}`}>
                <th scope="row">{s.code}</th>
                <td className="num">{format.number(occupancy.get(s.id) ?? 0)}</td>
                <td className="num">{format.number(Math.round(s.weight * 10) / 10)}</td>
                <td>
                  {mark && (
                    <span className={`badge reach-badge reach-${mark.band}`}>{when.estimate(mark)}</span>
                  )}
                  {s.reason && <span className="reason"> {s.reason}</span>}
                </td>
                <td>{s.needs.length === 0 ? t('app.none') : s.needs.map((n) => n.code).join(', ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
