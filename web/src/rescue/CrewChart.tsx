import { useTranslation } from 'react-i18next';
import { zoneOffsetMinutes } from '../plans/zone.ts';
import type { RescueAnswer } from './api.ts';
import { timeScale } from './time-scale.ts';
import { useWhen } from './when.ts';

const width = 960;
const labelWidth = 170;
const axisHeight = 40;
const rowHeight = 64;
const barHeight = 18;

/**
 * Crews against time: one row per crew, each task a run of bars — hatched while the crew walks to
 * the passage, solid while it works — with gaps where the crew rests between shifts. A vertical
 * line marks the answer's own time. The same tasks are listed in the tables beside, for anyone who
 * does not read the chart.
 */
export function CrewChart({ answer, timeZone }: { answer: RescueAnswer; timeZone: string }) {
  const { t } = useTranslation();
  const when = useWhen(timeZone);
  const start = Date.parse(answer.at);
  const ends = answer.crews.flatMap((c) => c.tasks.map((task) => Date.parse(task.endAt)));
  const end = Math.max(start + 24 * 3_600_000, ...ends);
  const scale = timeScale(start, end, width - labelWidth - 20, {
    maxTicks: 9,
    offsetMinutes: zoneOffsetMinutes(start, timeZone),
  });
  const x = (instant: string | number) => labelWidth + scale.x(instant);
  const height = axisHeight + Math.max(1, answer.crews.length) * rowHeight + 8;
  return (
    <figure className="crew-chart" data-testid="crew-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="crew-chart-title" width="100%">
        <title id="crew-chart-title">
          {t('rescue.chartTitle', { from: when.short(start), to: when.short(end) })}
        </title>
        <defs>
          <pattern
            id="walk-hatch"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" className="walk-ground" />
            <line x1="0" y1="0" x2="0" y2="6" className="walk-line" />
          </pattern>
        </defs>
        {scale.ticks.map((tick) => (
          <g key={tick.at} className={tick.midnight ? 'tick midnight' : 'tick'}>
            <line x1={x(tick.at)} x2={x(tick.at)} y1={axisHeight - 6} y2={height - 4} />
            <text x={x(tick.at)} y={axisHeight - 12} textAnchor="middle">
              {tick.midnight || scale.stepHours >= 24 ? when.day(tick.at) : when.clock(tick.at)}
            </text>
          </g>
        ))}
        <line className="now" x1={x(start)} x2={x(start)} y1={axisHeight - 6} y2={height - 4} />
        {answer.crews.map((crew, row) => {
          const top = axisHeight + row * rowHeight;
          const barTop = top + (rowHeight - barHeight) / 2;
          return (
            <g key={crew.crewId} data-testid={`crew-row-${row + 1}`}>
              <text x={8} y={barTop + barHeight - 4} className="crew-name">
                {crew.name}
              </text>
              {crew.tasks.length === 0 && (
                <text x={labelWidth + 4} y={barTop + barHeight - 4} className="idle">
                  {t('rescue.noTasks')}
                </text>
              )}
              {crew.tasks.map((task, i) => {
                const startsWork = Date.parse(task.startAt);
                // Labels alternate above and below the bars, so short tasks in a row stay legible.
                const labelY = i % 2 === 0 ? barTop - 5 : barTop + barHeight + 14;
                return (
                  <g key={task.passageId} className="task">
                    <title>
                      {t('rescue.taskTitle', {
                        code: task.code,
                        start: when.short(task.startAt),
                        end: when.short(task.endAt),
                      })}
                    </title>
                    {task.segments.map((segment) => (
                      <rect
                        key={segment.start}
                        x={x(segment.start)}
                        y={barTop}
                        width={Math.max(1.5, x(segment.end) - x(segment.start))}
                        height={barHeight}
                        className={Date.parse(segment.end) <= startsWork ? 'walk' : 'work'}
                      />
                    ))}
                    <text x={x(task.startAt)} y={labelY} className="task-code">
                      {task.code}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        <span className="legend-item">
          <svg width="28" height="12" aria-hidden="true" className="crew-chart-key">
            <rect width="28" height="12" className="work" />
          </svg>
          {t('rescue.keyWork')}
        </span>
        <span className="legend-item">
          <svg width="28" height="12" aria-hidden="true" className="crew-chart-key">
            <rect width="28" height="12" className="walk" />
          </svg>
          {t('rescue.keyWalk')}
        </span>
        <span className="legend-item">
          <svg width="12" height="14" aria-hidden="true" className="crew-chart-key">
            <line x1="6" x2="6" y1="0" y2="14" className="now" />
          </svg>
          {t('rescue.keyNow', { at: when.short(start) })}
        </span>
      </figcaption>
    </figure>
  );
}
