import { useTranslation } from 'react-i18next';
import type { Passage } from '../api/types.ts';
import type { Placed } from '../site/layout.ts';
import { type RescueOverlay, reachBands } from './bands.ts';
import { useWhen } from './when.ts';
import './rescue.css';

type DrawnPassage = Passage & { a: Placed; b: Placed };

/**
 * The rescue answer's marks on the site diagram: for a shelter, its band's class, a label under it
 * with its estimated time and words for screen readers; for a passage to clear, a halo, the share
 * cleared drawn from the end the crew works from, its percentage, and words. Nothing without an
 * answer. The labels are drawn outside the links and hidden from screen readers, which read the
 * same in the link's name: a link's visible text must be part of its name.
 */
export function useRescueMarks(rescue: RescueOverlay | undefined, timeZone: string, scale: number) {
  const { t } = useTranslation();
  const when = useWhen(timeZone);
  return {
    shelter(point: Placed, radius: number) {
      const mark = rescue?.shelters.get(point.id);
      if (!mark) return undefined;
      const estimate = when.estimate(mark);
      const label =
        mark.reachableAt !== null
          ? mark.band === 'now'
            ? t('rescue.reachableNow')
            : t('rescue.reachableFrom', { at: estimate })
          : t('rescue.unreachable', { reason: mark.reason ?? estimate });
      return {
        className: `reach-${mark.band}`,
        label,
        data: { 'data-reach-band': mark.band, 'data-reachable-at': mark.reachableAt ?? '' },
        text: (
          // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG group is not focusable; the link's name already says this
          <g aria-hidden="true">
            <text
              x={point.px}
              y={point.py + radius + 52 * scale}
              textAnchor="middle"
              fontSize={40 * scale}
              className="estimate"
              data-testid={`reach-label-${point.code}`}
            >
              {estimate}
            </text>
          </g>
        ),
      };
    },
    passage(passage: DrawnPassage) {
      const mark = rescue?.passages.get(passage.id);
      if (!mark) return undefined;
      // The cleared share runs from the end the crew entered by.
      const [from, to] = mark.fromPointId === passage.to ? [passage.b, passage.a] : [passage.a, passage.b];
      const share = Math.min(100, Math.max(0, mark.percent)) / 100;
      const tip = { x: from.px + (to.px - from.px) * share, y: from.py + (to.py - from.py) * share };
      const middle = { x: (passage.a.px + passage.b.px) / 2, y: (passage.a.py + passage.b.py) / 2 };
      const label = [
        t('rescue.toClear', { percent: Math.round(mark.percent) }),
        mark.crewName ? t('rescue.byCrew', { crew: mark.crewName }) : t('rescue.noCrew'),
        mark.endAt ? t('rescue.clearedBy', { at: when.short(mark.endAt) }) : '',
      ]
        .filter(Boolean)
        .join(', ');
      return {
        label,
        data: { 'data-to-clear': 'true', 'data-percent': String(mark.percent) },
        halo: (
          <line
            x1={passage.a.px}
            y1={passage.a.py}
            x2={passage.b.px}
            y2={passage.b.py}
            className="clear-halo"
          />
        ),
        cleared: share > 0 && <line x1={from.px} y1={from.py} x2={tip.x} y2={tip.y} className="cleared" />,
        text: (
          // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG group is not focusable; the link's name already says this
          <g aria-hidden="true">
            <text
              x={middle.x}
              y={middle.y - 30 * scale}
              textAnchor="middle"
              fontSize={44 * scale}
              className="clear-percent"
            >
              {t('rescue.percent', { value: Math.round(mark.percent) })}
            </text>
          </g>
        ),
      };
    },
  };
}

/** The diagram legend's rescue part: the bands of estimated times and a passage to clear. */
export function RescueLegend() {
  const { t } = useTranslation();
  return (
    <>
      {reachBands.map((band) => (
        <span key={band} className="legend-item">
          <svg width="16" height="16" aria-hidden="true" className={`shelter reach-${band}`}>
            <circle cx="8" cy="8" r="6" />
          </svg>
          {t(`rescue.band.${band}`)}
        </span>
      ))}
      <span className="legend-item">
        <svg width="36" height="14" aria-hidden="true" className="passage to-clear state-blocked">
          <line x1="4" y1="7" x2="32" y2="7" className="clear-halo" />
          <line x1="4" y1="7" x2="32" y2="7" className="stroke" />
          <line x1="4" y1="7" x2="16" y2="7" className="cleared" />
        </svg>
        {t('rescue.legendToClear')}
      </span>
    </>
  );
}
