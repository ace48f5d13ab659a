// Finding a crew or a passage the way people name them: a crew by its id or name, a passage by its
// id or the codes of its two ends in either order (S06-J03 or J03-S06).
import { CorridorError } from '../domain/errors.ts';
import { isUuid } from '../domain/ids.ts';
import { type Crew, passageCode } from '../domain/rescue.ts';
import type { Queryable } from '../store/database.ts';
import { listCrews } from '../store/repos/rescue.ts';
import { listPassages, listPoints } from '../store/repos/sites.ts';

export async function findCrewNamed(db: Queryable, siteId: string, idOrName: string): Promise<Crew> {
  const crews = await listCrews(db, siteId);
  const wanted = idOrName.toLowerCase();
  const crew = crews.find((c) => c.id === idOrName) ?? crews.find((c) => c.name.toLowerCase() === wanted);
  if (!crew)
    throw new CorridorError(
      'not_found',
      `no crew of this site is called ${idOrName} (its crews: ${crews.map((c) => c.name).join(', ') || 'none'})`,
      { id: idOrName },
    );
  return crew;
}

export async function findPassageNamed(db: Queryable, siteId: string, codeOrId: string): Promise<string> {
  const passages = await listPassages(db, siteId);
  if (isUuid(codeOrId) && passages.some((p) => p.id === codeOrId)) return codeOrId;
  const code = new Map((await listPoints(db, siteId)).map((p) => [p.id, p.code.toLowerCase()]));
  const wanted = codeOrId.toLowerCase().replace('–', '-');
  const matches = passages.filter((p) => {
    const [from, to] = [code.get(p.from) ?? p.from, code.get(p.to) ?? p.to];
    return passageCode(from, to) === wanted || passageCode(to, from) === wanted;
  });
  if (matches.length === 0)
    throw new CorridorError(
      'not_found',
      `no passage of this site is ${codeOrId}; name it by the codes of its two ends (e.g. S06-J03) or by its id`,
      { id: codeOrId },
    );
  if (matches.length > 1)
    throw new CorridorError(
      'conflict',
      `${codeOrId} names ${matches.length} passages between the same two points; give its id (${matches.map((p) => p.id).join(', ')})`,
    );
  return matches[0]!.id;
}
