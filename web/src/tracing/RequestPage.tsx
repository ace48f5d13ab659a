import { useTranslation } from 'react-i18next';
import type { Site } from '../api/types.ts';
import { QueryState } from '../components/ErrorNote.tsx';
import { Link } from '../router.tsx';
import { useTracingMatches, useTracingRequest } from './api.ts';
import { MatchList } from './MatchList.tsx';
import { allNames } from './names.ts';

/** One tracing request: who is sought, by whom, last seen where, and what the matcher found. */
export function RequestPage({ site, requestId }: { site: Site; requestId: string }) {
  const { t } = useTranslation();
  const request = useTracingRequest(requestId);
  const r = request.data;
  return (
    <>
      <p>
        <Link href="/tracing">{t('tracing.back')}</Link>
      </p>
      <QueryState loading={request.isPending} error={request.error} />
      {r && (
        <>
          <h1>{allNames(r.sought.names)}</h1>
          <dl className="facts">
            <dt>{t('tracing.enquirer')}</dt>
            <dd>
              {r.enquirer.name}
              {r.relation ? ` (${r.relation})` : ''} {r.enquirer.phone ?? ''} {r.enquirer.email ?? ''}{' '}
              {r.enquirer.contactNote ?? ''}
            </dd>
            <dt>{t('tracing.lastSeen')}</dt>
            <dd>{[r.lastSeen.place, r.lastSeen.date].filter(Boolean).join(', ') || '—'}</dd>
            <dt>{t('tracing.separation')}</dt>
            <dd>{r.separation ?? '—'}</dd>
            <dt>{t('tracing.status')}</dt>
            <dd>{t(`tracing.requestStatus.${r.status}`)}</dd>
          </dl>
          <h2>{t('tracing.matches')}</h2>
          <MatchList site={site} matches={r.matches} />
        </>
      )}
    </>
  );
}

/** Every unreviewed match of the site's open requests, best first. */
export function MatchesScreen({ site }: { site: Site }) {
  const { t } = useTranslation();
  const matches = useTracingMatches(site.id);
  return (
    <>
      <p>
        <Link href="/tracing">{t('tracing.back')}</Link>
      </p>
      <h1>{t('tracing.matchesTitle')}</h1>
      <p className="muted">{t('tracing.matchesHint')}</p>
      <QueryState loading={matches.isPending} error={matches.error} />
      {matches.data && <MatchList site={site} matches={matches.data.items} showRequest />}
    </>
  );
}
