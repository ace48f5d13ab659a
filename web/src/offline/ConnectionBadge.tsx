import { useTranslation } from 'react-i18next';
import { Link } from '../router.tsx';
import { useSyncEngine, useSyncState } from './OfflineProvider.tsx';

/** In the header, for roles with a local store: online or offline, and how many changes are unsent. */
export function ConnectionBadge() {
  const { t } = useTranslation('offline');
  const engine = useSyncEngine();
  const state = useSyncState();
  if (!engine) return null;
  const waiting = state.ops.filter((op) => op.state === 'waiting').length;
  return (
    <Link
      href="/field/queue"
      className={`connection ${state.online ? 'is-online' : 'is-offline'}`}
      data-testid="connection"
    >
      <span>{state.online ? t('online') : t('offline')}</span>
      <span> · </span>
      <span data-testid="queue-count">{t('unsent', { count: waiting })}</span>
    </Link>
  );
}
