import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../../src/domain/roles.ts';
import { AlertsScreen } from '../alerts/AlertsScreen.tsx';
import { AuditScreen } from '../audit/AuditScreen.tsx';
import { BoardingDesk } from '../boarding/BoardingDesk.tsx';
import { BundleImportScreen } from '../bundles/BundleImportScreen.tsx';
import { QueryState } from '../components/ErrorNote.tsx';
import { ConvoyPage } from '../convoys/ConvoyPage.tsx';
import { ConvoysScreen } from '../convoys/ConvoysScreen.tsx';
import { ImportScreen } from '../import/ImportScreen.tsx';
import { FieldPersonForm } from '../offline/FieldPersonForm.tsx';
import { FieldScreen } from '../offline/FieldScreen.tsx';
import { QueueScreen } from '../offline/QueueScreen.tsx';
import { PausesScreen } from '../pauses/PausesScreen.tsx';
import { PlanPage } from '../plans/PlanPage.tsx';
import { PlansScreen } from '../plans/PlansScreen.tsx';
import { ReceptionDesk } from '../reception/ReceptionDesk.tsx';
import { PersonForm } from '../registry/PersonForm.tsx';
import { PersonPage } from '../registry/PersonPage.tsx';
import { Registry } from '../registry/Registry.tsx';
import { RescuePlanPage } from '../rescue/RescuePlanPage.tsx';
import { RescueScreen } from '../rescue/RescueScreen.tsx';
import { RoadLogScreen } from '../road/RoadLogScreen.tsx';
import { match, useRouter } from '../router.tsx';
import { useCan } from '../session.ts';
import { SiteScreen } from '../site/SiteScreen.tsx';
import { useSite } from '../site-context.tsx';
import { ChildCasesScreen } from '../tracing/ChildCasesScreen.tsx';
import { DuplicatesScreen } from '../tracing/DuplicatesScreen.tsx';
import { MatchesScreen, RequestPage } from '../tracing/RequestPage.tsx';
import { TracingScreen } from '../tracing/TracingScreen.tsx';
import { Overview } from './Overview.tsx';

/** Which screen a path shows, and the permission it needs (the server's own table). */
export function Routes() {
  const { t } = useTranslation();
  const { path } = useRouter();
  const can = useCan();
  const { site, loading, error } = useSite();
  const previous = useRef(path);

  // After moving to another screen, keyboard focus goes to it (its search box if it has one),
  // not back to the top of the page.
  useEffect(() => {
    if (previous.current === path) return;
    previous.current = path;
    const target = document.querySelector<HTMLElement>('[data-autofocus]') ?? document.getElementById('main');
    target?.focus();
  }, [path]);

  const guard = (needs: Permission, screen: () => ReactNode) =>
    can(needs) ? screen() : <p className="muted">{t('app.notFound')}</p>;

  if (path === '/import') return guard('data:import', () => <ImportScreen />);
  // A bundle is not about the site chosen here: its operations name their own.
  if (path === '/bundles') return guard('sync:push', () => <BundleImportScreen />);
  // The audit trail is not about any one site; an auditor, who reads no site, starts there.
  if (path === '/audit' || (path === '/' && !can('site:read') && can('audit:read')))
    return guard('audit:read', () => <AuditScreen />);
  if (loading || error) return <QueryState loading={loading} error={error} />;
  if (!site) return <p>{t('app.noSite')}</p>;

  if (path === '/') return guard('aggregates:read', () => <Overview site={site} />);
  if (path === '/site') return guard('site:read', () => <SiteScreen site={site} />);
  if (path === '/registry') return guard('people:read', () => <Registry site={site} />);
  if (path === '/registry/new') return guard('people:write', () => <PersonForm site={site} />);
  // The offline field screens (web/src/offline): the device's own copy, the queue of changes.
  if (path === '/field') return guard('sync:push', () => <FieldScreen site={site} />);
  if (path === '/field/register') return guard('sync:push', () => <FieldPersonForm site={site} />);
  if (path === '/field/queue') return guard('sync:push', () => <QueueScreen site={site} />);
  const fieldEditId = match('/field/people/:id/edit', path)?.id;
  if (fieldEditId)
    return guard('sync:push', () => <FieldPersonForm key={fieldEditId} site={site} personId={fieldEditId} />);
  const editId = match('/people/:id/edit', path)?.id;
  if (editId) return guard('people:write', () => <PersonForm site={site} personId={editId} />);
  const personId = match('/people/:id', path)?.id;
  if (personId) return guard('people:read', () => <PersonPage site={site} personId={personId} />);
  if (path === '/tracing')
    return can('tracing:read') || can('tracing:request') ? (
      <TracingScreen site={site} />
    ) : (
      guard('tracing:read', () => null)
    );
  if (path === '/tracing/matches') return guard('tracing:read', () => <MatchesScreen site={site} />);
  const requestId = match('/tracing/:id', path)?.id;
  if (requestId)
    return guard('tracing:read', () => <RequestPage key={requestId} site={site} requestId={requestId} />);
  if (path === '/duplicates') return guard('people:merge', () => <DuplicatesScreen site={site} />);
  if (path === '/children') return guard('children:read', () => <ChildCasesScreen site={site} />);
  if (path === '/pauses') return guard('pauses:read', () => <PausesScreen site={site} />);
  if (path === '/reception') return guard('reception:check_in', () => <ReceptionDesk site={site} />);
  if (path === '/alerts') return guard('alerts:read', () => <AlertsScreen site={site} />);
  if (path === '/plans') return guard('plans:read', () => <PlansScreen site={site} />);
  const planId = match('/plans/:id', path)?.id;
  if (planId) return guard('plans:read', () => <PlanPage key={planId} site={site} planId={planId} />);
  if (path === '/rescue') return guard('rescue:read', () => <RescueScreen site={site} />);
  const rescuePlanId = match('/rescue/:id', path)?.id;
  if (rescuePlanId)
    return guard('rescue:read', () => (
      <RescuePlanPage key={rescuePlanId} site={site} planId={rescuePlanId} />
    ));
  const boardingId = match('/convoys/:id/boarding', path)?.id;
  if (boardingId)
    return guard('convoys:read', () => <BoardingDesk key={boardingId} site={site} convoyId={boardingId} />);
  const roadId = match('/convoys/:id/road', path)?.id;
  if (roadId)
    return guard('convoys:read', () => <RoadLogScreen key={roadId} site={site} convoyId={roadId} />);
  if (path === '/convoys') return guard('convoys:read', () => <ConvoysScreen site={site} />);
  const convoyId = match('/convoys/:id', path)?.id;
  if (convoyId)
    return guard('convoys:read', () => <ConvoyPage key={convoyId} site={site} convoyId={convoyId} />);
  return <p className="muted">{t('app.notFound')}</p>;
}
