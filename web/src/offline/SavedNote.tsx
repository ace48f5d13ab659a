import { useTranslation } from 'react-i18next';
import { useSyncState } from './OfflineProvider.tsx';

/** After a change is recorded: kept on the device, and whether it can go now. */
export function SavedNote() {
  const { t } = useTranslation('offline');
  const { online } = useSyncState();
  return (
    <p role="status" className="ok">
      {online ? t('savedOnline') : t('savedOffline')}
    </p>
  );
}
