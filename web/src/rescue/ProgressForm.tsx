import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useFormat } from '../format.ts';
import { type Crew, type RescueAnswer, useRecordProgress } from './api.ts';
import type { RescueOverlay } from './bands.ts';

/**
 * "Crew 2 cleared 40 % of passage S06-J03": a report on the accepted plan. The server records it,
 * re-plans with the crew kept on the passage, and every screen showing the site refreshes.
 */
export function ProgressForm({
  siteId,
  planId,
  answer,
  overlay,
  crews,
  passageId,
  onPassage,
}: {
  siteId: string;
  planId: string;
  answer: RescueAnswer;
  overlay: RescueOverlay;
  crews: Crew[];
  passageId: string;
  onPassage(id: string): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const record = useRecordProgress(siteId, planId);
  const active = crews.filter((c) => c.status === 'active');
  // The crew the plan gives the passage to, unless the reporter picks another.
  const planned = answer.crews.find((c) => c.tasks.some((task) => task.passageId === passageId))?.crewId;
  const [crewChoice, setCrewChoice] = useState<string | undefined>(undefined);
  const crewId = crewChoice ?? planned ?? active[0]?.id ?? '';
  const [percent, setPercent] = useState('');
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate(
      { crewId, passageId, percent: Number(percent), ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          setPercent('');
          setNote('');
        },
      },
    );
  };
  if (answer.passagesToClear.length === 0) return null;
  const done = record.data;
  return (
    <form onSubmit={submit} className="stack" aria-labelledby={`${id}-heading`} data-testid="progress-form">
      <h2 id={`${id}-heading`}>{t('rescue.recordProgress')}</h2>
      {/* Labels beside, not around, the lists: a wrapping label would put the chosen option in the name. */}
      <label htmlFor={`${id}-passage`}>{t('rescue.passage')}</label>
      <select
        id={`${id}-passage`}
        name="passageId"
        value={passageId}
        onChange={(event) => {
          onPassage(event.target.value);
          setCrewChoice(undefined);
          record.reset();
        }}
      >
        {answer.passagesToClear.map((p) => (
          <option key={p.passageId} value={p.passageId}>
            {t('rescue.passageOption', {
              code: p.code,
              percent: format.number(Math.round(overlay.passages.get(p.passageId)?.percent ?? 0)),
            })}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-crew`}>{t('rescue.crew')}</label>
      <select
        id={`${id}-crew`}
        name="crewId"
        value={crewId}
        onChange={(event) => setCrewChoice(event.target.value)}
      >
        {active.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <label>
        {t('rescue.percentCleared')}
        <input
          name="percent"
          type="number"
          min="0"
          max="100"
          step="1"
          required
          value={percent}
          onChange={(event) => setPercent(event.target.value)}
          aria-describedby={`${id}-help`}
        />
        <span id={`${id}-help`} className="hint">
          {t('rescue.percentHelp')}
        </span>
      </label>
      <label>
        {t('rescue.note')}
        <input name="note" value={note} onChange={(event) => setNote(event.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={record.isPending || !crewId}>
        {t('rescue.recordSubmit')}
      </button>
      {record.isPending && (
        <p role="status" className="muted">
          {t('rescue.replanning')}
        </p>
      )}
      {done && (
        <p role="status" className="ok" data-testid="progress-recorded">
          {t('rescue.recorded', {
            crew: done.progress.crewName,
            percent: format.number(done.progress.percent),
            code: done.progress.passageCode,
          })}{' '}
          {done.passageOpened ? t('rescue.passageOpened') : ''}
        </p>
      )}
      {done?.replanProblem && (
        <p className="error" role="alert">
          {t('rescue.replanProblem', { problem: done.replanProblem })}
        </p>
      )}
      <ErrorNote error={record.error} />
    </form>
  );
}
