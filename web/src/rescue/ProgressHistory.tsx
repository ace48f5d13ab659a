import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import type { Progress } from './api.ts';

/** The progress reported on the plan, newest first, with who reported it. */
export function ProgressHistory({ progress, timeZone }: { progress: Progress[]; timeZone: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (progress.length === 0) return <p className="muted">{t('rescue.noProgress')}</p>;
  const rows = [...progress].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <ol className="history" data-testid="progress-history">
      {rows.map((p) => (
        <li key={p.id}>
          {t('rescue.progressLine', {
            at: format.dateTime(p.at, timeZone),
            crew: p.crewName,
            percent: format.number(p.percent),
            code: p.passageCode,
            by: p.reportedBy,
          })}
          {p.note && <span className="muted"> — {p.note}</span>}
        </li>
      ))}
    </ol>
  );
}
