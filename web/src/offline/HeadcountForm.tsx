import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { headcountCategories } from '../../../src/domain/headcount.ts';
import { newId } from '../../../src/domain/ids.ts';
import type { Site } from '../api/types.ts';
import { ShelterOptions } from '../people/ShelterOptions.tsx';
import { useSyncEngine } from './OfflineProvider.tsx';
import { ReportFrame } from './ReportFrame.tsx';
import type { LocalSite } from './useLocalSite.ts';

/** A headcount the team was told or made, with its source (headcount.report): a claim, not a sum. */
export function HeadcountForm({ site, local }: { site: Site; local: LocalSite }) {
  const { t } = useTranslation('offline');
  const engine = useSyncEngine();
  const [shelterId, setShelterId] = useState('');
  const [category, setCategory] = useState<string>('total');
  const [count, setCount] = useState('');
  const [approximate, setApproximate] = useState(false);
  const [source, setSource] = useState('');

  const record = async () => {
    if (!engine) return false;
    await engine.record({
      siteId: site.id,
      kind: 'headcount.report',
      entityId: newId(),
      payload: {
        siteId: site.id,
        shelterId: shelterId || null,
        category,
        count: Number(count),
        approximate,
        source: source.trim(),
        reportedAt: new Date().toISOString(),
      },
    });
    setCount('');
    return true;
  };

  return (
    <ReportFrame id="field-headcount" title={t('headcountTitle')} submitLabel={t('report')} record={record}>
      <label>
        {t('shelter')}
        <select value={shelterId} onChange={(event) => setShelterId(event.target.value)}>
          <option value="">{t('wholeSite')}</option>
          <ShelterOptions shelters={local.shelters} />
        </select>
      </label>
      <label>
        {t('category')}
        <select value={category} onChange={(event) => setCategory(event.target.value)}>
          {headcountCategories.map((c) => (
            <option key={c} value={c}>
              {t(`translation:headcount.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('count')}
        <input
          type="number"
          required
          min="0"
          max="10000000"
          value={count}
          onChange={(event) => setCount(event.target.value)}
        />
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={approximate}
          onChange={(event) => setApproximate(event.target.checked)}
        />
        {t('approximate')}
      </label>
      <label>
        {t('source')}
        <input required maxLength={2000} value={source} onChange={(event) => setSource(event.target.value)} />
      </label>
    </ReportFrame>
  );
}
