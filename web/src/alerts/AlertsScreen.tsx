import { useTranslation } from 'react-i18next';
import { alertKinds } from '../../../src/domain/reception.ts';
import type { Site } from '../api/types.ts';
import { QueryState } from '../components/ErrorNote.tsx';
import { useRouter } from '../router.tsx';
import { AlertCard } from './AlertCard.tsx';
import { type AlertState, useAlerts } from './api.ts';
import { ReconciliationPanel } from './ReconciliationPanel.tsx';
import './alerts.css';

const states: AlertState[] = ['open', 'resolved', 'all'];
const isKind = (value: string): value is (typeof alertKinds)[number] =>
  (alertKinds as readonly string[]).includes(value);

/** Reconciliation alerts, open ones first, and the live reconciliation beside them. */
export function AlertsScreen({ site }: { site: Site }) {
  const { t } = useTranslation();
  const { search, navigate } = useRouter();
  const stateParam = search.get('state');
  const state: AlertState = states.find((s) => s === stateParam) ?? 'open';
  const kindParam = search.get('kind') ?? '';
  const kind = isKind(kindParam) ? kindParam : '';
  const alerts = useAlerts(site.id, state, kind);
  const choose = (next: { state?: AlertState; kind?: string }) => {
    const params = new URLSearchParams({ state: next.state ?? state, kind: next.kind ?? kind });
    if (!params.get('kind')) params.delete('kind');
    navigate(`/alerts?${params.toString()}`, { replace: true });
  };
  return (
    <>
      <h1>
        {t('alerts.title')}
        {alerts.data && (
          <span className="count"> ({t('alerts.openCount', { count: alerts.data.open })})</span>
        )}
      </h1>
      <ReconciliationPanel site={site} />
      <div className="filters">
        <label>
          {t('alerts.state')}
          <select value={state} onChange={(event) => choose({ state: event.target.value as AlertState })}>
            {states.map((s) => (
              <option key={s} value={s}>
                {t(`alerts.states.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('alerts.kind')}
          <select value={kind} onChange={(event) => choose({ kind: event.target.value })}>
            <option value="">{t('app.all')}</option>
            {alertKinds.map((k) => (
              <option key={k} value={k}>
                {t(`alertKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryState loading={alerts.isPending} error={alerts.error} />
      {alerts.data && alerts.data.items.length === 0 && <p>{t('alerts.none')}</p>}
      <div className="alert-list" data-testid="alert-list">
        {alerts.data?.items.map((a) => (
          <AlertCard key={a.id} site={site} alert={a} />
        ))}
      </div>
    </>
  );
}
