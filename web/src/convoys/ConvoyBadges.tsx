import { useTranslation } from 'react-i18next';
import type { Convoy, Flag, PartyNotification } from './api.ts';

export function ConvoyStatus({ status }: { status: Convoy['status'] }) {
  const { t } = useTranslation();
  return <span className={`badge convoy-${status}`}>{t(`convoys.statusName.${status}`)}</span>;
}

export function PartyState({ state }: { state: PartyNotification['state'] }) {
  const { t } = useTranslation();
  return <span className={`badge party-${state}`}>{t(`convoys.partyState.${state}`)}</span>;
}

/** How many flags a convoy has, or that it has none: what a list needs to show. */
export function FlagCount({ flags }: { flags: readonly Flag[] }) {
  const { t } = useTranslation();
  if (flags.length === 0) return <span className="muted">{t('convoys.noFlags')}</span>;
  return <span className="badge flagged">{t('convoys.flagCount', { count: flags.length })}</span>;
}
