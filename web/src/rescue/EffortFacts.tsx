import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import type { RescueAnswer } from './api.ts';

const tenth = (value: number) => Math.round(value * 10) / 10;

/**
 * The least total effort that joins every reachable occupied shelter to an exit, beside its lower
 * bound and the gap between them, and the priority-weighted waiting the schedule gives.
 */
export function EffortFacts({ answer }: { answer: RescueAnswer }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { effort, objective } = answer;
  const personHours = (value: number) => t('rescue.personHours', { value: format.number(tenth(value)) });
  return (
    <ul className="tiles" aria-label={t('rescue.effortHeading')} data-testid="effort">
      <li className="tile">
        <span className="tile-label">{t('rescue.effortTotal')}</span>
        <span className="tile-value" data-testid="effort-total">
          {format.number(tenth(effort.personHours))}
        </span>
        <span className="tile-detail">{t('rescue.personHoursUnit')}</span>
      </li>
      <li className="tile">
        <span className="tile-label">{t('rescue.lowerBound')}</span>
        <span className="tile-value">{format.number(tenth(effort.lowerBound))}</span>
        <span className="tile-detail">{t('rescue.boundBy', { method: effort.boundMethod })}</span>
      </li>
      <li className="tile">
        <span className="tile-label">{t('rescue.gap')}</span>
        <span className="tile-value" data-testid="effort-gap">
          {t('rescue.percent', { value: format.number(tenth(effort.gap * 100)) })}
        </span>
        <span className="tile-detail">
          {effort.optimal ? t('rescue.optimal') : t('rescue.notProven')} ·{' '}
          {t('rescue.methodIs', { method: effort.method })}
        </span>
      </li>
      <li className="tile">
        <span className="tile-label">{t('rescue.weighted')}</span>
        <span className="tile-value">{format.number(Math.round(objective.weightedHours))}</span>
        <span className="tile-detail">
          {t('rescue.weightedBound', { bound: format.number(Math.round(objective.lowerBound)) })}
        </span>
      </li>
      <li className="tile">
        <span className="tile-label">{t('rescue.toClearHeading')}</span>
        <span className="tile-value">{format.number(answer.passagesToClear.length)}</span>
        <span className="tile-detail">
          {personHours(answer.passagesToClear.reduce((sum, p) => sum + p.personHours, 0))}{' '}
          {t('rescue.stillNeeded')}
        </span>
      </li>
    </ul>
  );
}
