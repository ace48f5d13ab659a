import { useTranslation } from 'react-i18next';
import type { Site } from '../api/types.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { Link } from '../router.tsx';
import { type MatchItem, useReviewMatch } from './api.ts';
import { allNames } from './names.ts';

/** Matches with what matched, where the person was last known to be, and the cell's verdict. */
export function MatchList({
  site,
  matches,
  showRequest,
}: {
  site: Site;
  matches: MatchItem[];
  showRequest?: boolean;
}) {
  const { t } = useTranslation();
  const review = useReviewMatch(site.id);
  if (matches.length === 0) return <p>{t('tracing.noMatches')}</p>;
  return (
    <ul className="match-list">
      {matches.map((m) => {
        const where = m.whereabouts;
        return (
          <li key={`${m.requestId}-${m.person.id}`} data-testid="match" className="card">
            <p>
              <Link href={`/people/${m.person.id}`}>{allNames(m.person.names)}</Link>{' '}
              <span className="badge">{t(`tracing.matchStatus.${m.status}`)}</span>{' '}
              {t('tracing.score', { score: Math.round(m.score * 100) })}
            </p>
            <p className="muted">{m.summary}</p>
            {where && (
              <p>
                {t('tracing.whereabouts', { status: t(`status.${where.status}`) })}
                {where.shelter ? ` · ${where.shelter.code}` : ''}
                {where.manifest ? ` · ${t('tracing.onConvoy', { code: where.manifest.convoyCode })}` : ''}
                {where.checkIn ? ` · ${t('tracing.checkedIn', { point: where.checkIn.receptionPoint })}` : ''}
              </p>
            )}
            {showRequest && (
              <p>
                <Link href={`/tracing/${m.requestId}`}>{t('tracing.openRequest')}</Link>
              </p>
            )}
            {m.status === 'proposed' && (
              <div className="actions">
                <button
                  type="button"
                  disabled={review.isPending}
                  onClick={() =>
                    review.mutate({ requestId: m.requestId, personId: m.person.id, status: 'confirmed' })
                  }
                >
                  {t('tracing.confirm')}
                </button>
                <button
                  type="button"
                  disabled={review.isPending}
                  onClick={() =>
                    review.mutate({ requestId: m.requestId, personId: m.person.id, status: 'rejected' })
                  }
                >
                  {t('tracing.reject')}
                </button>
              </div>
            )}
          </li>
        );
      })}
      {review.error && <ErrorNote error={review.error} />}
    </ul>
  );
}
