import { createContext, type ReactNode, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { User } from '../api/types.ts';
import { useCan } from '../session.ts';
import { useSite } from '../site-context.tsx';
import { LocalStore } from './local-store.ts';
import { SyncEngine, type SyncSnapshot } from './sync-engine.ts';

const EngineContext = createContext<SyncEngine | null>(null);

/**
 * The field device's local store and sync loop, for roles that push operations (field teams and
 * the cell). Other roles get no store: nothing of the site is copied to their browser.
 */
export function OfflineProvider({ user, children }: { user: User; children: ReactNode }) {
  const can = useCan();
  const { site } = useSite();
  const enabled = can('sync:push') && can('sync:pull');
  const [engine, setEngine] = useState<SyncEngine | null>(null);
  const siteId = site?.id;

  useEffect(() => {
    if (!enabled || typeof indexedDB === 'undefined') return;
    let made: SyncEngine | undefined;
    let cancelled = false;
    void LocalStore.open(user.id).then((store) => {
      if (cancelled) return store.close();
      made = new SyncEngine(store, undefined);
      made.start();
      setEngine(made);
    });
    return () => {
      cancelled = true;
      made?.stop();
      setEngine(null);
    };
  }, [enabled, user.id]);

  useEffect(() => engine?.setSite(siteId), [engine, siteId]);

  return <EngineContext.Provider value={engine}>{children}</EngineContext.Provider>;
}

/** The sync loop, or null while the store opens (or for a role without one). */
export const useSyncEngine = (): SyncEngine | null => useContext(EngineContext);

const idle: SyncSnapshot = {
  online: true,
  syncing: false,
  ops: [],
  lastSync: null,
  problem: null,
  retryAt: null,
  revision: 0,
  canExport: false,
};
const noSubscription = () => () => undefined;

export function useSyncState(): SyncSnapshot {
  const engine = useSyncEngine();
  return useSyncExternalStore(engine?.subscribe ?? noSubscription, engine?.getSnapshot ?? (() => idle));
}
