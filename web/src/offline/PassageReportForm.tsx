import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PassageState, passageStates } from '../../../src/domain/site.ts';
import type { Site } from '../api/types.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useSyncEngine } from './OfflineProvider.tsx';
import { SavedNote } from './SavedNote.tsx';
import type { LocalSite } from './useLocalSite.ts';

/** A passage's state as the team found it, recorded on the device (passage.report). */
export function PassageReportForm({ site, local }: { site: Site; local: LocalSite }) {
  const { t } = useTranslation('offline');
  const engine = useSyncEngine();
  const [passageId, setPassageId] = useState('');
  const [state, setState] = useState<PassageState>('open');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>();
  const code = (id: string) => local.points.find((p) => p.id === id)?.code ?? '?';
  const label = (p: { from: string; to: string }) => `${code(p.from)}–${code(p.to)}`;
  const passages = [...local.passages].sort((a, b) => label(a).localeCompare(label(b)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!engine || !passageId) return;
    setError(undefined);
    setSaved(false);
    try {
      await engine.record({
        siteId: site.id,
        kind: 'passage.report',
        entityId: passageId,
        payload: { state, ...(note.trim() ? { note: note.trim() } : {}) },
      });
      setNote('');
      setSaved(true);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <form className="card stack" aria-labelledby="field-passage" onSubmit={(event) => void submit(event)}>
      <h2 id="field-passage">{t('passageTitle')}</h2>
      <label>
        {t('passage')}
        <select required value={passageId} onChange={(event) => setPassageId(event.target.value)}>
          <option value="">{t('choose')}</option>
          {passages.map((p) => (
            <option key={p.id} value={p.id}>
              {label(p)} ({t(`translation:passageState.${p.state}`)})
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('passageState')}
        <select value={state} onChange={(event) => setState(event.target.value as PassageState)}>
          {passageStates.map((s) => (
            <option key={s} value={s}>
              {t(`translation:passageState.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('note')}
        <input value={note} maxLength={4000} onChange={(event) => setNote(event.target.value)} />
      </label>
      <div className="button-row">
        <button type="submit" className="primary">
          {t('report')}
        </button>
      </div>
      {saved && <SavedNote />}
      <ErrorNote error={error} />
    </form>
  );
}
