import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useFormat } from '../format.ts';
import { type ImportPhase, uploadSiteFile } from './upload.ts';

/** Import a site file, with the upload's progress and then the server's own step. */
export function ImportScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<ImportPhase>({ phase: 'idle' });
  const busy = state.phase === 'reading' || state.phase === 'uploading' || state.phase === 'importing';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return;
    setState({ phase: 'reading' });
    await uploadSiteFile(file, setState);
    // Whatever the file changed, every screen reads it afresh.
    await client.invalidateQueries();
  };

  const percent =
    state.phase === 'uploading' && state.total > 0 ? Math.round((100 * state.sent) / state.total) : 0;
  return (
    <>
      <h1>{t('import.title')}</h1>
      <p>{t('import.help')}</p>
      <form onSubmit={submit} className="stack">
        <label>
          {t('import.file')}
          <input
            ref={input}
            type="file"
            name="file"
            accept="application/json,.json"
            required
            disabled={busy}
          />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {t('import.submit')}
        </button>
      </form>
      <div aria-live="polite" className="import-progress">
        {state.phase === 'reading' && <p>{t('import.reading')}</p>}
        {state.phase === 'uploading' && (
          <>
            <progress max={100} value={percent} aria-label={t('import.progress')} />
            <p>{t('import.uploading', { percent: format.number(percent) })}</p>
          </>
        )}
        {state.phase === 'importing' && (
          <>
            <progress aria-label={t('import.progress')} />
            <p>{t('import.importing')}</p>
          </>
        )}
        {state.phase === 'done' && (
          <>
            <p role="status" className="ok">
              {t('import.done')}
            </p>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('import.entity')}</th>
                  <th scope="col" className="num">
                    {t('import.created')}
                  </th>
                  <th scope="col" className="num">
                    {t('import.updated')}
                  </th>
                  <th scope="col" className="num">
                    {t('import.unchanged')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {Object.keys({
                  ...state.summary.created,
                  ...state.summary.updated,
                  ...state.summary.unchanged,
                }).map((entity) => (
                  <tr key={entity}>
                    <th scope="row">{t(`entity.${entity}`, { defaultValue: entity })}</th>
                    <td className="num">{format.number(state.summary.created[entity] ?? 0)}</td>
                    <td className="num">{format.number(state.summary.updated[entity] ?? 0)}</td>
                    <td className="num">{format.number(state.summary.unchanged[entity] ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {state.phase === 'failed' && (
          <>
            <p className="error">{t('import.failed')}</p>
            <ErrorNote error={state.error} />
          </>
        )}
      </div>
    </>
  );
}
