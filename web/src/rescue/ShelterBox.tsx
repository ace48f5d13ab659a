import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import type { ShelterEstimate } from './api.ts';
import type { ShelterMark } from './bands.ts';
import { useWhen } from './when.ts';

/** A shelter chosen on the plan's diagram: when its people can reach an exit, and what it waits for. */
export function ShelterBox({
  shelter,
  mark,
  count,
  timeZone,
  onClose,
}: {
  shelter: ShelterEstimate;
  mark: ShelterMark;
  count: number;
  timeZone: string;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const when = useWhen(timeZone);
  return (
    <section aria-labelledby="shelter-box-heading" data-testid="shelter-box">
      <div className="panel-head">
        <h2 id="shelter-box-heading">{shelter.code}</h2>
        <button type="button" onClick={onClose}>
          {t('app.close')}
        </button>
      </div>
      <dl className="facts">
        <dt>{t('rescue.people')}</dt>
        <dd>{format.number(count)}</dd>
        <dt>{t('rescue.weightColumn')}</dt>
        <dd>{format.number(Math.round(shelter.weight * 10) / 10)}</dd>
        <dt>{t('rescue.reachableColumn')}</dt>
        <dd>
          <span className={`badge reach-badge reach-${mark.band}`}>{when.estimate(mark)}</span>
          {shelter.reason && <span className="reason"> {shelter.reason}</span>}
        </dd>
        <dt>{t('rescue.waitsFor')}</dt>
        <dd>{shelter.needs.length === 0 ? t('app.none') : shelter.needs.map((n) => n.code).join(', ')}</dd>
      </dl>
    </section>
  );
}
