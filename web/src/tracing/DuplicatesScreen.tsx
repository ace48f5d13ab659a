import { useTranslation } from 'react-i18next';
import type { Site } from '../api/types.ts';
import { ErrorNote, QueryState } from '../components/ErrorNote.tsx';
import { Link } from '../router.tsx';
import { type Candidate, useDismiss, useDuplicates, useMerge } from './api.ts';
import { allNames } from './names.ts';

const born = (p: Candidate['a']) =>
  p.birthDate ?? (p.birthYear === null ? (p.ageBand ?? '—') : String(p.birthYear));

/** Candidate duplicates of the registry: the cell merges them (keeping both histories) or sets them apart. */
export function DuplicatesScreen({ site }: { site: Site }) {
  const { t } = useTranslation();
  const duplicates = useDuplicates(site.id);
  const merge = useMerge(site.id);
  const dismiss = useDismiss(site.id);
  const busy = merge.isPending || dismiss.isPending;
  return (
    <>
      <h1>{t('duplicates.title')}</h1>
      <p className="muted">{t('duplicates.hint')}</p>
      <QueryState loading={duplicates.isPending} error={duplicates.error} />
      {duplicates.data?.items.length === 0 && <p>{t('duplicates.none')}</p>}
      {merge.error && <ErrorNote error={merge.error} />}
      {dismiss.error && <ErrorNote error={dismiss.error} />}
      <ul className="match-list">
        {duplicates.data?.items.map((pair) => (
          <li key={`${pair.a.id}-${pair.b.id}`} className="card" data-testid="duplicate-pair">
            <p>{t('tracing.score', { score: Math.round(pair.score * 100) })}</p>
            <p className="muted">{pair.summary}</p>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('duplicates.registration')}</th>
                  <th scope="col">{t('duplicates.born')}</th>
                  <th scope="col">{t('duplicates.status')}</th>
                  <th scope="col">{t('duplicates.keep')}</th>
                </tr>
              </thead>
              <tbody>
                {[
                  [pair.a, pair.b],
                  [pair.b, pair.a],
                ].map(([survivor, absorbed]) => (
                  <tr key={survivor!.id}>
                    <td>
                      <Link href={`/people/${survivor!.id}`}>{allNames(survivor!.names)}</Link>
                    </td>
                    <td>{born(survivor!)}</td>
                    <td>{t(`status.${survivor!.status}`)}</td>
                    <td>
                      <button
                        type="button"
                        disabled={busy}
                        onClick={() => merge.mutate({ survivorId: survivor!.id, absorbedId: absorbed!.id })}
                      >
                        {t('duplicates.mergeInto', { name: allNames(survivor!.names) })}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button
              type="button"
              disabled={busy}
              onClick={() => dismiss.mutate({ personA: pair.a.id, personB: pair.b.id })}
            >
              {t('duplicates.dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
