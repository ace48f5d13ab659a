import { useTranslation } from 'react-i18next';
import { useGraph, useSummary } from '../api/queries.ts';
import type { Site } from '../api/types.ts';
import { QueryState } from '../components/ErrorNote.tsx';
import { useRescueEstimates } from '../rescue/api.ts';
import { rescueOverlay } from '../rescue/bands.ts';
import { SiteEstimatesNote } from '../rescue/SiteEstimatesNote.tsx';
import { useRouter } from '../router.tsx';
import { useCan } from '../session.ts';
import { PassagePanel } from './PassagePanel.tsx';
import { PassageTable } from './PassageTable.tsx';
import { PointPanel } from './PointPanel.tsx';
import { type Selection, SiteDiagram, selectionHref } from './SiteDiagram.tsx';

export function SiteScreen({ site }: { site: Site }) {
  const { t } = useTranslation();
  const can = useCan();
  // Only the roles that may report passages are told they can.
  const hint = can('passage:report') ? t('site.select') : t('site.selectToRead');
  const graph = useGraph(site.id);
  const summary = useSummary(site.id);
  // The accepted rescue plan's estimates, for the roles that may read rescue plans.
  const estimates = useRescueEstimates(site.id, can('rescue:read'));
  const answer = estimates.data?.estimate;
  const { search, navigate } = useRouter();
  const pointId = search.get('point');
  const passageId = search.get('passage');
  const selected: Selection = pointId
    ? { kind: 'point', id: pointId }
    : passageId
      ? { kind: 'passage', id: passageId }
      : undefined;
  const setSelected = (selection: Selection) =>
    navigate(selection ? selectionHref(selection) : '/site', { replace: true });
  const occupancy = new Map<string, number>();
  for (const row of summary.data?.registered.byShelter ?? [])
    if (row.shelterId) occupancy.set(row.shelterId, row.count);
  const point = selected?.kind === 'point' ? graph.data?.points.find((p) => p.id === selected.id) : undefined;
  const passage =
    selected?.kind === 'passage' ? graph.data?.passages.find((p) => p.id === selected.id) : undefined;
  return (
    <>
      <h1>
        {t('site.title')}: {site.name}
      </h1>
      <QueryState loading={graph.isPending} error={graph.error} />
      {graph.data && (
        <div className="site-layout">
          <div>
            <p className="muted">{hint}</p>
            {estimates.data && <SiteEstimatesNote site={site} estimates={estimates.data} />}
            <SiteDiagram
              graph={graph.data}
              occupancy={occupancy}
              selected={selected}
              onSelect={setSelected}
              rescue={answer ? rescueOverlay(answer) : undefined}
            />
          </div>
          <aside className="card panel" aria-live="polite">
            {point && (
              <PointPanel
                site={site}
                point={point}
                count={occupancy.get(point.id) ?? 0}
                headcounts={summary.data?.reportedHeadcounts.filter((h) => h.shelterId === point.id) ?? []}
                onClose={() => setSelected(undefined)}
              />
            )}
            {passage && (
              <PassagePanel
                site={site}
                passage={passage}
                points={graph.data.points}
                onClose={() => setSelected(undefined)}
              />
            )}
            {!point && !passage && <p>{hint}</p>}
          </aside>
        </div>
      )}
      {graph.data && (
        <PassageTable graph={graph.data} onSelect={(id) => setSelected({ kind: 'passage', id })} />
      )}
    </>
  );
}
