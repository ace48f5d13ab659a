import { createContext, type ReactNode, useContext, useState } from 'react';
import { useSites } from './api/queries.ts';
import type { Site } from './api/types.ts';

const storageKey = 'corridor.site';

interface SiteValue {
  sites: Site[];
  site: Site | undefined;
  choose(id: string): void;
  loading: boolean;
  error: unknown;
}

const SiteContext = createContext<SiteValue | null>(null);

/** The site the screens show: the one chosen last time, else the first. */
export function SiteProvider({ children }: { children: ReactNode }) {
  const sites = useSites();
  const [chosen, setChosen] = useState(() => localStorage.getItem(storageKey));
  const items = sites.data?.items ?? [];
  const site = items.find((s) => s.id === chosen) ?? items[0];
  const choose = (id: string) => {
    localStorage.setItem(storageKey, id);
    setChosen(id);
  };
  return (
    <SiteContext.Provider
      value={{ sites: items, site, choose, loading: sites.isPending, error: sites.error }}
    >
      {children}
    </SiteContext.Provider>
  );
}

export function useSite(): SiteValue {
  const value = useContext(SiteContext);
  if (!value) throw new Error('useSite outside SiteProvider');
  return value;
}
