import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../api/types.ts';
import { fromZoned, toZoned } from '../plans/zone.ts';
import { useCan } from '../session.ts';

// Downloads of what the site may share: a situation report for a chosen time (public for every
// role; the full one for the cell and admins) and the counts as an HXL table. The server decides
// what each role gets; the links only ask for it.
export function ReportsCard({ site }: { site: Site }) {
  const { t } = useTranslation();
  const can = useCan();
  const id = useId();
  const [at, setAt] = useState(() => toZoned(new Date().toISOString(), site.timeZone));
  const full = can('data:export');
  const [version, setVersion] = useState<'public' | 'full'>('public');
  let instant: string | null = null;
  try {
    instant = fromZoned(at, site.timeZone);
  } catch {
    instant = null;
  }
  const sitrep = (format: 'md' | 'pdf') =>
    `/api/sites/${site.id}/sitrep?${new URLSearchParams({ format, version, ...(instant ? { at: instant } : {}) })}`;
  return (
    <section aria-labelledby={`${id}-heading`} className="card stack">
      <h2 id={`${id}-heading`}>{t('reports.title')}</h2>
      <p className="hint">{t('reports.note')}</p>
      <div className="form-row">
        <div className="field">
          <label>
            {t('reports.at', { zone: site.timeZone })}
            <input type="datetime-local" value={at} onChange={(event) => setAt(event.target.value)} />
          </label>
        </div>
        {full && (
          <div className="field">
            <label>
              {t('reports.version')}
              <select
                value={version}
                onChange={(event) => setVersion(event.target.value as 'public' | 'full')}
              >
                <option value="public">{t('reports.public')}</option>
                <option value="full">{t('reports.full')}</option>
              </select>
            </label>
          </div>
        )}
      </div>
      <p>
        <a className="button" href={sitrep('pdf')} download data-testid="sitrep-pdf">
          {t('reports.sitrepPdf')}
        </a>{' '}
        <a className="button" href={sitrep('md')} download data-testid="sitrep-md">
          {t('reports.sitrepMarkdown')}
        </a>{' '}
        <a className="button" href={`/api/sites/${site.id}/exports/hxl`} download data-testid="hxl-csv">
          {t('reports.hxl')}
        </a>
      </p>
    </section>
  );
}
