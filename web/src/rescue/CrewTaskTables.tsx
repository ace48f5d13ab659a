import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import type { RescueAnswer } from './api.ts';
import { ScrollRegion } from './ScrollRegion.tsx';
import { useWhen } from './when.ts';

/** Each crew's tasks in order: where it goes in, when it sets off, starts and finishes. */
export function CrewTaskTables({ answer, timeZone }: { answer: RescueAnswer; timeZone: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const when = useWhen(timeZone);
  return (
    <div className="crew-tasks">
      {answer.crews.map((crew) => (
        <ScrollRegion key={crew.crewId} label={crew.name} testId="crew-tasks">
          <table>
            <caption>{crew.name}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('rescue.order')}
                </th>
                <th scope="col">{t('rescue.passage')}</th>
                <th scope="col">{t('rescue.enterAt')}</th>
                <th scope="col">{t('rescue.departAt')}</th>
                <th scope="col">{t('rescue.startAt')}</th>
                <th scope="col">{t('rescue.endAt')}</th>
                <th scope="col" className="num">
                  {t('rescue.workHours')}
                </th>
              </tr>
            </thead>
            <tbody>
              {crew.tasks.length === 0 && (
                <tr>
                  <td colSpan={7} className="muted">
                    {t('rescue.noTasks')}
                  </td>
                </tr>
              )}
              {crew.tasks.map((task, i) => (
                <tr key={task.passageId}>
                  <td className="num">{format.number(i + 1)}</td>
                  <th scope="row">
                    {task.code}
                    {task.percentDoneAtStart > 0 && (
                      <span className="muted">
                        {' '}
                        {t('rescue.alreadyDone', {
                          percent: format.number(Math.round(task.percentDoneAtStart)),
                        })}
                      </span>
                    )}
                  </th>
                  <td>{task.enterAt.code}</td>
                  <td>{when.short(task.departAt)}</td>
                  <td>{when.short(task.startAt)}</td>
                  <td>{when.short(task.endAt)}</td>
                  <td className="num">{format.number(Math.round(task.workHours * 10) / 10)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ))}
    </div>
  );
}
