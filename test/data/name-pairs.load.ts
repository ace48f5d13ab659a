// Reads test/data/name-pairs.tsv into record pairs the matcher compares (see name-pairs.build.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AgeBand } from '../../src/domain/person.ts';
import type { MatchRecord } from '../../src/matching/index.ts';

export interface LabelledPair {
  id: number;
  match: boolean;
  kind: string;
  a: MatchRecord;
  b: MatchRecord;
  note: string;
}

/** Age bands in the set are as of this year. */
export const referenceYear = 2022;

function record(id: string, [family, given, patronymic, birth, sex, household]: string[]): MatchRecord {
  const r: MatchRecord = {
    id,
    names: [{ family: family!, given: given!, ...(patronymic ? { patronymic } : {}) }],
    sex: sex === 'm' ? 'male' : sex === 'f' ? 'female' : null,
    householdId: household || null,
  };
  if (birth && /^\d{4}-\d{2}-\d{2}$/.test(birth))
    return { ...r, birthDate: birth, birthYear: Number(birth.slice(0, 4)) };
  if (birth && /^\d{4}$/.test(birth)) return { ...r, birthYear: Number(birth) };
  if (birth?.startsWith('band:')) return { ...r, ageBand: birth.slice(5) as AgeBand };
  if (birth) throw new Error(`record ${id}: birth ${birth} is not a date, a year or a band`);
  return r;
}

export function loadNamePairs(
  path = fileURLToPath(new URL('./name-pairs.tsv', import.meta.url)),
): LabelledPair[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const columns = header!.split('\t');
  if (columns.length !== 16) throw new Error(`${path}: expected 16 columns, found ${columns.length}`);
  return lines.map((line, row) => {
    const cells = line.split('\t');
    if (cells.length !== 16) throw new Error(`${path}:${row + 2}: expected 16 cells, found ${cells.length}`);
    const [id, label, kind] = cells;
    if (label !== 'match' && label !== 'different') throw new Error(`${path}:${row + 2}: label ${label}`);
    return {
      id: Number(id),
      match: label === 'match',
      kind: kind!,
      a: record(`${id}a`, cells.slice(3, 9)),
      b: record(`${id}b`, cells.slice(9, 15)),
      note: cells[15]!,
    };
  });
}
