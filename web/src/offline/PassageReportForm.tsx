import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PassageState, passageStates } from '../../../src/domain/site.ts';
import type { Site } from '../api/types.ts';
import { useSyncEngine } from './OfflineProvider.tsx';
import { ReportFrame } from './ReportFrame.tsx';
import type { LocalSite } from './useLocalSite.ts';

/** A passage's state as the team found it, recorded on the device (passage.report). */
export function PassageReportForm({ site, local }: { site: Site; local: LocalSite }) {
  const { t } = useTranslation('offline');
  const engine = useSyncEngine();
  const [passageId, setPassageId] = useState('');
  const [state, setState] = useState<PassageState>('open');
  const [note, setNote] = useState('');
  const code = (id: string) => local.points.find((p) => p.id === id)?.code ?? '?';
  const label = (p: { from: string; to: string }) => `${code(p.from)}–${code(p.to)}`;
  const passages = [...local.passages].sort((a, b) => label(a).localeCompare(label(b)));

  const record = async () => {
    if (!engine || !passageId) return false;
    await engine.record({
      siteId: site.id,
      kind: 'passage.report',
      entityId: passageId,
      payload: { state, ...(note.trim() ? { note: note.trim() } : {}) },
    });
    setNote('');
    return true;
  };

  return (
    <ReportFrame id="field-passage" title={t('passageTitle')} submitLabel={t('report')} record={record}>
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
    </ReportFrame>
  );
}
