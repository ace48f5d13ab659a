// The name matcher's index over a site's registry, kept between searches: building it reads every
// person of the site (about a second for 200,000 people), searching it takes milliseconds. It is
// rebuilt when the registry's mark changes, which a new registration does. A name corrected in place
// is found by its new spelling only after the next registration or a restart; the search then shows
// the person as they are now, never the old spelling, because results are read fresh.
import { buildIndex, type MatchIndex } from '../matching/index.ts';
import type { Queryable } from '../store/database.ts';
import { matchRecordsOf, registryMark } from '../store/repos/check-ins.ts';

// Age bands in the registry were recorded during the 2022 operation.
export const referenceYear = 2022;

// A server answers for a handful of sites; the oldest index is dropped beyond this.
const maxSites = 4;

interface Entry {
  mark: string;
  index: Promise<MatchIndex>;
}

const cache = new Map<string, Entry>();

export async function siteNameIndex(db: Queryable, siteId: string): Promise<MatchIndex> {
  const mark = await registryMark(db, siteId);
  const cached = cache.get(siteId);
  if (cached?.mark === mark) return cached.index;
  // Searches arriving while the index is built wait for the same build.
  const index = matchRecordsOf(db, siteId).then((records) => buildIndex(records, { referenceYear }));
  cache.delete(siteId);
  cache.set(siteId, { mark, index });
  if (cache.size > maxSites) cache.delete(cache.keys().next().value!);
  index.catch(() => {
    if (cache.get(siteId)?.index === index) cache.delete(siteId);
  });
  return index;
}
