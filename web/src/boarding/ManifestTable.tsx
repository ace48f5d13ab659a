import { useTranslation } from 'react-i18next';
import { displayName } from '../format.ts';
import { type Entry, type Manifest, useBoard } from './api.ts';

const born = (e: Entry) => e.birthDate ?? (e.birthYear ? String(e.birthYear) : (e.category.ageBand ?? '—'));

/** One vehicle's people, households together, with what became of each at boarding. */
export function ManifestTable({
  convoyId,
  vehicle,
  entries,
  open,
}: {
  convoyId: string;
  vehicle: Manifest['vehicles'][number];
  entries: Entry[];
  open: boolean;
}) {
  const { t } = useTranslation();
  const board = useBoard(convoyId);
  const marking = vehicle.marking ?? vehicle.plateOrMarking;
  const m = vehicle.manifest;
  return (
    <div className="table-scroll">
      <table data-testid="manifest-table">
        <caption>
          {vehicle.label}
          {marking ? ` · ${marking}` : ''} —{' '}
          {t('boarding.counts', {
            boarded: m.boarded,
            expected: m.expected,
            noShow: m.no_show,
            total: m.total,
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('boarding.name')}</th>
            <th scope="col">{t('boarding.born')}</th>
            <th scope="col">{t('boarding.needs')}</th>
            <th scope="col">{t('boarding.status')}</th>
            {open && <th scope="col">{t('boarding.action')}</th>}
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const name = e.names ? displayName({ names: e.names }) : e.personId.slice(-8);
            return (
              <tr key={e.personId} data-testid="manifest-row" data-status={e.status}>
                <th scope="row">{name}</th>
                <td>{born(e)}</td>
                <td>
                  {[
                    e.category.priority !== 'other' ? t(`priority.${e.category.priority}`) : null,
                    e.category.needs !== 'seat' ? t(`needs.${e.category.needs}`) : null,
                  ]
                    .filter(Boolean)
                    .join(', ')}
                </td>
                <td>
                  {t(`boarding.entry.${e.status}`)}
                  {e.reason ? ` — ${e.reason}` : ''}
                </td>
                {open && (
                  <td>
                    {(e.status === 'expected' || e.status === 'no_show') && (
                      <button
                        type="button"
                        disabled={board.isPending}
                        onClick={() => board.mutate({ personId: e.personId, method: 'search' })}
                        aria-label={t('boarding.boardPerson', { name })}
                      >
                        {t('boarding.board')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {board.error && (
        <p role="alert" className="error">
          {board.error.message}
        </p>
      )}
    </div>
  );
}
