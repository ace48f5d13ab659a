import { Fragment, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { passageStates } from '../../../src/domain/site.ts';
import type { SiteGraph } from '../api/types.ts';
import { useFormat } from '../format.ts';
import type { RescueOverlay } from '../rescue/bands.ts';
import { RescueLegend, useRescueMarks } from '../rescue/DiagramMarks.tsx';
import { layout, shelterRadius } from './layout.ts';

export type Selection = { kind: 'point'; id: string } | { kind: 'passage'; id: string } | undefined;

/** The address of a selection: a chosen shelter or passage is a link, shareable and kept on reload. */
export const selectionHref = (selection: NonNullable<Selection>) =>
  `/site?${selection.kind}=${encodeURIComponent(selection.id)}`;

/**
 * The site drawn from its graph: shelters as circles whose area follows the people registered in
 * them, exits and pickup points as squares and diamonds, passages as lines coloured (and dashed,
 * for those who do not see colour) by state. Shelters, exits and passages are links that select them.
 * With a rescue answer, shelters are coloured and labelled by when their people can reach an exit,
 * and the passages to clear are highlighted with the share already cleared.
 */
export function SiteDiagram({
  graph,
  occupancy,
  selected,
  onSelect,
  rescue,
}: {
  graph: SiteGraph;
  occupancy: Map<string, number>;
  selected: Selection;
  onSelect(selection: Selection): void;
  rescue?: RescueOverlay | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const drawing = layout(graph.points, graph.passages);
  const scale = Math.max(drawing.width, drawing.height) / 4500;
  const marks = useRescueMarks(rescue, graph.site.timeZone, scale);
  const largest = Math.max(0, ...occupancy.values());
  const codeOf = (id: string) => drawing.points.get(id)?.code ?? '?';
  const isSelected = (kind: 'point' | 'passage', id: string) => selected?.kind === kind && selected.id === id;
  const follow = (selection: NonNullable<Selection>) => (event: MouseEvent) => {
    event.preventDefault();
    onSelect(selection);
  };
  return (
    <figure className="diagram">
      <svg
        viewBox={`0 0 ${drawing.width} ${drawing.height}`}
        aria-labelledby="diagram-title"
        data-testid="site-diagram"
      >
        <title id="diagram-title">
          {t('site.diagram', { name: graph.site.name })}
          {rescue ? `. ${t('rescue.diagramNote')}` : ''}
        </title>
        <rect width={drawing.width} height={drawing.height} className="diagram-ground" />
        {drawing.passages.map((passage) => {
          const label = t('site.passage', {
            from: codeOf(passage.from),
            to: codeOf(passage.to),
            state: t(`passageState.${passage.state}`),
            length: format.number(passage.lengthM),
          });
          const selection = { kind: 'passage', id: passage.id } as const;
          const mark = marks.passage(passage);
          return (
            <Fragment key={passage.id}>
              <a
                href={selectionHref(selection)}
                aria-label={mark ? `${label}. ${mark.label}` : label}
                aria-current={isSelected('passage', passage.id) ? 'true' : undefined}
                data-testid={`passage-${codeOf(passage.from)}-${codeOf(passage.to)}`}
                data-state={passage.state}
                {...mark?.data}
                className={`passage state-${passage.state}${mark ? ' to-clear' : ''}${isSelected('passage', passage.id) ? ' selected' : ''}`}
                onClick={follow(selection)}
              >
                <line
                  x1={passage.a.px}
                  y1={passage.a.py}
                  x2={passage.b.px}
                  y2={passage.b.py}
                  className="hit"
                />
                {mark?.halo}
                <line
                  x1={passage.a.px}
                  y1={passage.a.py}
                  x2={passage.b.px}
                  y2={passage.b.py}
                  className="stroke"
                />
                {mark?.cleared}
              </a>
              {mark?.text}
            </Fragment>
          );
        })}
        {[...drawing.points.values()].map((point) => {
          const selection = { kind: 'point', id: point.id } as const;
          const common = {
            'aria-current': isSelected('point', point.id) ? ('true' as const) : undefined,
            onClick: follow(selection),
            'data-testid': `point-${point.code}`,
          };
          if (point.kind === 'junction')
            return <circle key={point.id} cx={point.px} cy={point.py} r={12 * scale} className="junction" />;
          const name = point.name ?? '';
          if (point.kind === 'shelter') {
            const count = occupancy.get(point.id) ?? 0;
            const r = shelterRadius(count, largest, scale);
            const label = t('site.shelter', {
              code: point.code,
              name,
              count: format.number(count),
              capacity: point.capacity === null ? t('app.none') : format.number(point.capacity),
            });
            const mark = marks.shelter(point, r);
            return (
              <Fragment key={point.id}>
                <a
                  href={selectionHref(selection)}
                  {...common}
                  aria-label={mark ? `${label}. ${mark.label}` : label}
                  {...mark?.data}
                  className={`shelter${mark ? ` ${mark.className}` : ''}${isSelected('point', point.id) ? ' selected' : ''}`}
                >
                  <circle cx={point.px} cy={point.py} r={r} />
                  <text x={point.px} y={point.py + 15 * scale} textAnchor="middle" fontSize={44 * scale}>
                    {point.code}
                  </text>
                </a>
                {mark?.text}
              </Fragment>
            );
          }
          const size = 34 * scale;
          const label =
            point.kind === 'exit'
              ? t('site.exit', { code: point.code, name })
              : t('site.pickup', { code: point.code, name });
          return (
            <a
              key={point.id}
              href={selectionHref(selection)}
              {...common}
              aria-label={label}
              className={`${point.kind === 'exit' ? 'exit' : 'pickup'}${isSelected('point', point.id) ? ' selected' : ''}`}
            >
              <rect
                x={point.px - size}
                y={point.py - size}
                width={size * 2}
                height={size * 2}
                transform={point.kind === 'exit' ? undefined : `rotate(45 ${point.px} ${point.py})`}
              />
              <text x={point.px} y={point.py + size + 34 * scale} textAnchor="middle" fontSize={44 * scale}>
                {point.code}
              </text>
            </a>
          );
        })}
      </svg>
      <figcaption className="legend">
        {passageStates.map((state) => (
          <span key={state} className="legend-item">
            <svg width="36" height="12" aria-hidden="true" className={`passage state-${state}`}>
              <line x1="2" y1="6" x2="34" y2="6" className="stroke" />
            </svg>
            {t(`passageState.${state}`)}
          </span>
        ))}
        {rescue && <RescueLegend />}
      </figcaption>
    </figure>
  );
}
