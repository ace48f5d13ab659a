// The reception desk's search: an id or the text of a card's QR code finds one person; a name typed
// as the desk hears it (Cyrillic or Latin, any of the usual spellings, family and given name in
// either order) goes through the name matcher over the site's registry, then through the registry's
// plain name search for what the matcher cannot read (a given name alone, part of a name).
import { isUuid } from '../domain/ids.ts';
import { compare, type MatchRecord, search } from '../matching/index.ts';
import type { Queryable } from '../store/database.ts';
import { type PersonBrief, personBriefs, receptionState } from '../store/repos/check-ins.ts';
import { findPerson, listPeople } from '../store/repos/people.ts';
import { referenceYear, siteNameIndex } from './site-name-index.ts';
import { requireSite } from './sites.ts';

export interface ReceptionMatch {
  person: PersonBrief;
  score: number;
  why: string;
  checkedIn: { at: string; receptionPointName: string; desk: string | null } | null;
  expectedOn: { convoyId: string; convoyCode: string; manifestStatus: string } | null;
}

const brief = (p: PersonBrief): PersonBrief => ({
  id: p.id,
  names: p.names,
  sex: p.sex,
  ageBand: p.ageBand,
  birthYear: p.birthYear,
  status: p.status,
});

/** The query as a record for the matcher: family name first, as Ukrainian documents write it. */
function queryRecord(q: string): MatchRecord | undefined {
  const words = q.split(/[\s,]+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return undefined;
  const [family, given = '', patronymic] = words;
  return { id: 'query', names: [{ family: family!, given, ...(patronymic ? { patronymic } : {}) }] };
}

async function withState(db: Queryable, found: Array<Omit<ReceptionMatch, 'checkedIn' | 'expectedOn'>>) {
  const state = await receptionState(
    db,
    found.map((f) => f.person.id),
  );
  return found.map((f) => ({ ...f, ...state.get(f.person.id)! }));
}

/** A person id, or a QR code's text that carries one, found in the text the desk entered. */
export type IdReader = (text: string) => string | undefined;

export async function receptionSearch(
  db: Queryable,
  siteId: string,
  q: string,
  limit: number,
  readId: IdReader,
): Promise<ReceptionMatch[]> {
  await requireSite(db, siteId);
  const text = q.trim();
  const id = isUuid(text) ? text : readId(text);
  if (id) {
    const person = await findPerson(db, id);
    if (!person || person.siteId !== siteId) return [];
    return withState(db, [{ person: brief(person), score: 1, why: isUuid(text) ? 'person id' : 'QR code' }]);
  }
  const query = queryRecord(text);
  const found: Array<Omit<ReceptionMatch, 'checkedIn' | 'expectedOn'>> = [];
  if (query) {
    const hits = search(await siteNameIndex(db, siteId), query, { limit, minScore: 0.6 });
    const briefs = await personBriefs(
      db,
      hits.map((h) => h.id),
    );
    const byId = new Map(briefs.map((b) => [b.id, b]));
    for (const hit of hits) {
      const person = byId.get(hit.id);
      // A registration merged into another is found as the other.
      if (person && person.status !== 'merged')
        found.push({ person, score: hit.score, why: hit.explanation.summary });
    }
  }
  // Anyone else whose name contains the text as typed: people the desk did not expect.
  const seen = new Set(found.map((f) => f.person.id));
  const plain = await listPeople(db, { siteId, q: text, limit, offset: 0 });
  for (const person of plain.items) {
    if (seen.has(person.id) || person.status === 'merged' || found.length >= limit) continue;
    const scored = query ? compare(query, person, { referenceYear }) : undefined;
    found.push({
      person: brief(person),
      score: scored?.score ?? 0,
      why: `name contains "${text}"`,
    });
  }
  return withState(db, found.slice(0, limit));
}
