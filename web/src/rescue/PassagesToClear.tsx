import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import type { RescueAnswer } from './api.ts';
import type { RescueOverlay } from './bands.ts';
import { ScrollRegion } from './ScrollRegion.tsx';
import { useWhen } from './when.ts';

/** The passages the plan clears: effort still needed, the share done, who clears it and by when. */
export function PassagesToClear({
  answer,
  overlay,
  timeZone,
}: {
  answer: RescueAnswer;
  overlay: RescueOverlay;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const when = useWhen(timeZone);
  if (answer.passagesToClear.length === 0) return <p>{t('rescue.nothingToClear')}</p>;
  return (
    <ScrollRegion label={t('rescue.toClearHeading')}>
      <table data-testid="passages-to-clear">
        <thead>
          <tr>
            <th scope="col">{t('rescue.passage')}</th>
            <th scope="col" className="num">
              {t('rescue.effortLeft')}
            </th>
            <th scope="col">{t('rescue.cleared')}</th>
            <th scope="col">{t('rescue.crew')}</th>
            <th scope="col">{t('rescue.endAt')}</th>
            <th scope="col">{t('rescue.forShelters')}</th>
          </tr>
        </thead>
        <tbody>
          {answer.passagesToClear.map((p) => {
            const mark = overlay.passages.get(p.passageId);
            const percent = Math.round(mark?.percent ?? 0);
            return (
              <tr key={p.passageId} data-testid={`to-clear-${p.code}`}>
                <th scope="row">{p.code}</th>
                <td className="num">{format.number(Math.round(p.personHours * 10) / 10)}</td>
                <td>
                  <meter
                    min={0}
                    max={100}
                    value={percent}
                    aria-label={t('rescue.clearedOf', { code: p.code })}
                  />{' '}
                  {t('rescue.percent', { value: format.number(percent) })}
                </td>
                <td>{mark?.crewName ?? t('app.none')}</td>
                <td>{mark?.endAt ? when.short(mark.endAt) : t('app.none')}</td>
                <td>{p.shelters.map((s) => s.code).join(', ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
