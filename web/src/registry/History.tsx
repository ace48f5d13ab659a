import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { Items, Operation, Site } from '../api/types.ts';
import { QueryState } from '../components/ErrorNote.tsx';
import { useFormat } from '../format.ts';
import { changedFields } from './changes.ts';

/** A person's history, newest first, from the operations log. */
export function History({ site, personId }: { site: Site; personId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useQuery({
    queryKey: ['person', personId, 'history'],
    queryFn: () => api<Items<Operation>>(`/api/people/${personId}/history`),
  });
  const items = [...(history.data?.items ?? [])].sort((a, b) => b.seq - a.seq);
  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('person.history')}</h2>
      <QueryState loading={history.isPending} error={history.error} />
      {history.data && items.length === 0 && <p>{t('person.noHistory')}</p>}
      <ol className="history" data-testid="history">
        {items.map((op) => {
          const fields = changedFields(op.before, op.after);
          const after = op.after as { status?: string } | null;
          const before = op.before as { status?: string } | null;
          return (
            <li key={op.id}>
              <time dateTime={op.at}>{format.dateTime(op.at, site.timeZone)}</time>{' '}
              {t('person.operation', { action: op.action, actor: op.actor })}
              {before?.status && after?.status && before.status !== after.status && (
                <>
                  {': '}
                  {t(`status.${before.status}`)} → <strong>{t(`status.${after.status}`)}</strong>
                </>
              )}
              {fields.length > 0 && (
                <span className="muted"> ({t('person.changed', { fields: fields.join(', ') })})</span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
