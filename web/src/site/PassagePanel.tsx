import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PassageState, passageStates } from '../../../src/domain/site.ts';
import { api } from '../api/client.ts';
import type { Passage, Site, SitePoint } from '../api/types.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useFormat } from '../format.ts';
import { useCan } from '../session.ts';

/** A passage's facts, and for field teams and the cell a form to report its state as found. */
export function PassagePanel({
  site,
  passage,
  points,
  onClose,
}: {
  site: Site;
  passage: Passage;
  points: SitePoint[];
  onClose(): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const code = (id: string) => points.find((p) => p.id === id)?.code ?? '?';
  return (
    <section aria-labelledby="passage-heading" data-testid="passage-panel">
      <div className="panel-head">
        <h2 id="passage-heading">
          {code(passage.from)}–{code(passage.to)}
        </h2>
        <button type="button" onClick={onClose}>
          {t('app.close')}
        </button>
      </div>
      <dl className="facts">
        <dt>{t('site.state')}</dt>
        <dd>
          <span className={`badge passage-badge state-${passage.state}`}>
            {t(`passageState.${passage.state}`)}
          </span>
        </dd>
        <dt>{t('site.length')}</dt>
        <dd>{t('site.metres', { value: format.number(passage.lengthM) })}</dd>
        {passage.clearancePersonHours !== null && (
          <>
            <dt>{t('site.clearance')}</dt>
            <dd>{format.number(passage.clearancePersonHours)}</dd>
          </>
        )}
        {passage.stateReportedAt && (
          <>
            <dt>{t('site.stateReported')}</dt>
            <dd>
              {passage.stateReportedBy
                ? t('site.reportBy', {
                    at: format.dateTime(passage.stateReportedAt, site.timeZone),
                    by: passage.stateReportedBy,
                  })
                : format.dateTime(passage.stateReportedAt, site.timeZone)}
            </dd>
          </>
        )}
        {passage.note && (
          <>
            <dt>{t('site.note')}</dt>
            <dd>{passage.note}</dd>
          </>
        )}
      </dl>
      {can('passage:report') && <ReportForm key={passage.id} site={site} passage={passage} />}
    </section>
  );
}

function ReportForm({ site, passage }: { site: Site; passage: Passage }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const id = useId();
  const [state, setState] = useState<PassageState>(passage.state);
  const [hours, setHours] = useState('');
  const [note, setNote] = useState('');
  const report = useMutation({
    mutationFn: () =>
      api<Passage>(`/api/passages/${passage.id}/reports`, {
        method: 'POST',
        body: {
          state,
          clearancePersonHours: state === 'blocked' ? Number(hours) : null,
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['site', site.id] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    report.mutate();
  };
  return (
    <form onSubmit={submit} className="stack" aria-labelledby="report-heading">
      <h3 id="report-heading">{t('site.report')}</h3>
      <label htmlFor={`${id}-state`}>{t('site.state')}</label>
      <select
        id={`${id}-state`}
        name="state"
        value={state}
        onChange={(event) => {
          setState(event.target.value as PassageState);
          report.reset();
        }}
      >
        {passageStates.map((s) => (
          <option key={s} value={s}>
            {t(`passageState.${s}`)}
          </option>
        ))}
      </select>
      {state === 'blocked' && (
        <label>
          {t('site.clearance')}
          <input
            name="clearancePersonHours"
            type="number"
            min="0.5"
            step="0.5"
            required
            value={hours}
            onChange={(event) => setHours(event.target.value)}
            aria-describedby="clearance-help"
          />
          <span id="clearance-help" className="hint">
            {t('site.clearanceHelp')}
          </span>
        </label>
      )}
      <label>
        {t('site.note')}
        <input name="note" value={note} onChange={(event) => setNote(event.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={report.isPending}>
        {t('site.reportSubmit')}
      </button>
      {report.isSuccess && (
        <p role="status" className="ok">
          {t('site.reported_ok', { state: t(`passageState.${report.data.state}`) })}
        </p>
      )}
      <ErrorNote error={report.error} />
    </form>
  );
}
