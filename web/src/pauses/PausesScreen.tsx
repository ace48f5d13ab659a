import { useTranslation } from 'react-i18next';
import { useClaims, useIncidents, useParties, usePauses, useSources } from '../api/queries.ts';
import type { Site } from '../api/types.ts';
import { QueryState } from '../components/ErrorNote.tsx';
import { useCan } from '../session.ts';
import { ClaimsFeed } from './ClaimsFeed.tsx';
import { FiguresTable } from './FiguresTable.tsx';
import { PauseCard } from './PauseCard.tsx';
import { TimelineList } from './TimelineList.tsx';

/** Pause windows for every role; claims, figures and the timeline for the roles that read claims. */
export function PausesScreen({ site }: { site: Site }) {
  const { t } = useTranslation();
  const can = useCan();
  const readsClaims = can('claims:read');
  const pauses = usePauses(site.id);
  const parties = useParties();
  const sources = useSources(readsClaims);
  const claims = useClaims(site.id, readsClaims);
  const incidents = useIncidents(site.id, readsClaims);
  const partyName = new Map((parties.data?.items ?? []).map((p) => [p.id, p.shortName ?? p.name]));
  const sourceTitle = new Map((sources.data?.items ?? []).map((s) => [s.id, s.title]));
  const windows = [...(pauses.data?.items ?? [])].sort((a, b) =>
    b.times.utc.start.localeCompare(a.times.utc.start),
  );
  return (
    <>
      <h1>{t('pauses.title')}</h1>
      <section aria-labelledby="windows-heading">
        <h2 id="windows-heading">{t('pauses.windows')}</h2>
        <QueryState loading={pauses.isPending} error={pauses.error} />
        {pauses.data && windows.length === 0 && <p>{t('pauses.noWindows')}</p>}
        {windows.map((pause) => (
          <PauseCard
            key={pause.id}
            site={site}
            pause={pause}
            partyName={partyName}
            claims={claims.data?.items.filter((c) => c.pauseWindowId === pause.id)}
            incidents={incidents.data?.items.filter((i) => i.pauseWindowId === pause.id)}
            allClaims={claims.data?.items}
            sourceTitle={sourceTitle}
          />
        ))}
      </section>
      {readsClaims && (
        <>
          <section aria-labelledby="claims-heading" className="card" data-testid="claims-feed">
            <h2 id="claims-heading">{t('pauses.claims')}</h2>
            <QueryState loading={claims.isPending} error={claims.error} />
            {claims.data && (
              <ClaimsFeed
                site={site}
                claims={claims.data.items}
                partyName={partyName}
                sourceTitle={sourceTitle}
              />
            )}
          </section>
          <FiguresTable site={site} partyName={partyName} sourceTitle={sourceTitle} />
          <TimelineList site={site} partyName={partyName} />
        </>
      )}
    </>
  );
}
