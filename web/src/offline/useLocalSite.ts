import { useEffect, useState } from 'react';
import type { Person } from '../../../src/domain/person.ts';
import type { Passage, SitePoint } from '../../../src/domain/site.ts';
import type { Household } from '../api/types.ts';
import { useSyncEngine, useSyncState } from './OfflineProvider.tsx';
import { overlayHouseholds, overlayPassages, overlayPeople } from './operations.ts';

export interface LocalSite {
  /** false until the store has been read once (or if there is no store for this role). */
  ready: boolean;
  people: Person[];
  households: Household[];
  passages: Passage[];
  shelters: SitePoint[];
  points: SitePoint[];
}

const empty: LocalSite = { ready: false, people: [], households: [], passages: [], shelters: [], points: [] };

/** The site as the device holds it: the records last pulled, with its own unsent changes on top. */
export function useLocalSite(siteId: string): LocalSite {
  const engine = useSyncEngine();
  // Each sync and each change reads the queue again (a new list): the store is read again with it.
  const { ops } = useSyncState();
  const [local, setLocal] = useState<LocalSite>(empty);
  useEffect(() => {
    if (!engine) return;
    let current = true;
    void Promise.all([
      engine.store.people(siteId),
      engine.store.households(siteId),
      engine.store.passages(siteId),
      engine.store.graph(siteId),
    ]).then(([people, households, passages, graph]) => {
      if (!current) return;
      const points = graph?.points ?? [];
      setLocal({
        ready: true,
        people: overlayPeople(people, ops, siteId),
        households: overlayHouseholds(households, ops, siteId),
        passages: overlayPassages(passages, ops),
        shelters: points.filter((p) => p.kind === 'shelter'),
        points,
      });
    });
    return () => {
      current = false;
    };
  }, [engine, siteId, ops]);
  return local;
}
