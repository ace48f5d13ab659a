import type { BirthKind } from './birth.ts';
import { comparePart, type PartKind, type PartRole } from './compare-part.ts';
import { bestPairing, newPairing, pairContext } from './pair.ts';
import type { MatchRecord } from './record.ts';
import { combine, defaultThreshold, type PairContext, type Penalty, weights } from './score.ts';
import { PartTable, PersonTable } from './table.ts';

export type Field = 'family name' | 'given name' | 'patronymic' | 'birth' | 'sex' | 'household' | 'shelter';

/** One line of an explanation: how one field compared and how much it counted. */
export interface FieldMatch {
  field: Field;
  similarity: number;
  weight: number;
  kind: PartKind | BirthKind | 'same' | 'different';
  /** For people: "given name: variant (Oleksii ~ Aleksei)". */
  detail: string;
}

export interface MatchResult {
  /** In [0, 1]; 1 for records that agree in everything. */
  score: number;
  /** True when the score reaches the threshold. */
  match: boolean;
  threshold: number;
  fields: FieldMatch[];
  penalties: Penalty[];
  /** The details, one sentence: what a coordinator reads beside a candidate. */
  summary: string;
}

export interface CompareOptions {
  threshold?: number;
  /** The year age bands were recorded in; without it an age band is compared only with another band. */
  referenceYear?: number;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

function partDetail(field: Field, kind: PartKind, a: string, b: string, edits?: number): string {
  switch (kind) {
    case 'exact':
      return `${field}: exact (${a})`;
    case 'transliteration':
      return `${field}: exact after transliteration (${a} = ${b})`;
    case 'spelling':
      return `${field}: spelling variant (${a} ~ ${b})`;
    case 'variant':
      return `${field}: variant (${a} ~ ${b})`;
    case 'form':
      return `${field}: another form of the same name (${a} ~ ${b})`;
    case 'initial':
      return `${field}: initial only (${a} ~ ${b})`;
    case 'typo':
      return `${field}: ${edits === 1 ? 'one letter differs' : `${edits} letters differ`}, a likely typo (${a} ~ ${b})`;
    case 'different':
      return `${field}: different (${a} ≠ ${b})`;
  }
}

const birthDetails: Record<BirthKind, string> = {
  'same date': 'birth: same date',
  'day and month swapped': 'birth: same year, day and month swapped',
  'same year and month': 'birth: same year and month, day differs',
  'same year and day': 'birth: same year and day, month differs',
  'same year': 'birth: same year',
  'year differs by one': 'birth: year differs by one',
  'year digits swapped': 'birth: same day and month, two digits of the year swapped',
  different: 'birth: born two or more years apart',
  'age band agrees': 'birth: age band agrees',
  'age band differs': 'birth: age band differs',
  'not compared': 'birth: not known for both',
};

function partLine(
  field: Field,
  role: PartRole,
  textA: string,
  textB: string,
  table: PersonTable,
  swapped: boolean,
  sameSex = false,
) {
  const a = table.parts.infos[table.parts.intern(textA)]!;
  const b = table.parts.infos[table.parts.intern(textB)]!;
  const comparison = comparePart(a, b, role, sameSex);
  const detail = partDetail(field, comparison.kind, textA, textB, comparison.edits);
  return { comparison, detail: swapped ? `${detail}, written as the other part of the name` : detail };
}

function contextLines(
  context: PairContext,
  a: MatchRecord,
  b: MatchRecord,
  table: PersonTable,
): FieldMatch[] {
  const lines: FieldMatch[] = [];
  if (context.patronymic >= 0) {
    const best = patronymicPair(table);
    if (best) {
      const { comparison, detail } = partLine('patronymic', 'patronymic', best[0], best[1], table, false);
      lines.push({
        field: 'patronymic',
        similarity: round(comparison.similarity),
        weight: weights.patronymic,
        kind: comparison.kind,
        detail,
      });
    }
  }
  if (context.birth.weight > 0)
    lines.push({
      field: 'birth',
      similarity: round(context.birth.similarity),
      weight: context.birth.weight,
      kind: context.birth.kind,
      detail: birthDetails[context.birth.kind],
    });
  if (context.sex !== 0)
    lines.push({
      field: 'sex',
      similarity: context.sex === 1 ? 1 : 0,
      weight: context.sex === 1 ? weights.sexSame : weights.sexDifferent,
      kind: context.sex === 1 ? 'same' : 'different',
      detail: context.sex === 1 ? `sex: same (${a.sex})` : `sex: differs (${a.sex} ≠ ${b.sex})`,
    });
  if (context.household)
    lines.push({
      field: 'household',
      similarity: 1,
      weight: weights.household,
      kind: 'same',
      detail: 'household: same',
    });
  if (context.shelter)
    lines.push({
      field: 'shelter',
      similarity: 1,
      weight: weights.shelter,
      kind: 'same',
      detail: 'shelter: same',
    });
  return lines;
}

/** The texts of the two patronymics that compare best (person 0 against person 1 of the table). */
function patronymicPair(table: PersonTable): [string, string] | undefined {
  let best: [string, string] | undefined;
  let bestSimilarity = -1;
  for (let x = table.patronymicStart[0]!; x < table.patronymicStart[1]!; x++)
    for (let y = table.patronymicStart[1]!; y < table.patronymicStart[2]!; y++) {
      const s = table.parts.similarity(table.patronymic[x]!, table.patronymic[y]!, 2);
      if (s > bestSimilarity) {
        bestSimilarity = s;
        best = [table.parts.infos[table.patronymic[x]!]!.text, table.parts.infos[table.patronymic[y]!]!.text];
      }
    }
  return best;
}

/**
 * Compares two person records: one score in [0, 1] and, field by field, what matched. Symmetric:
 * compare(a, b) and compare(b, a) give the same score.
 */
export function compare(a: MatchRecord, b: MatchRecord, options: CompareOptions = {}): MatchResult {
  return compareWith(new PartTable(64), a, b, options);
}

/** compare, reusing the part analyses and similarities of an index's PartTable. */
export function compareWith(
  parts: PartTable,
  a: MatchRecord,
  b: MatchRecord,
  options: CompareOptions = {},
): MatchResult {
  const threshold = options.threshold ?? defaultThreshold;
  const table = new PersonTable([a, b], { merge: false, parts });
  const context = pairContext(table, 0, table, 1, options.referenceYear);
  const pairing = newPairing();
  bestPairing(table, 0, table, 1, context, pairing);
  const nameA = a.names[pairing.nameA - table.nameStart[0]!]!;
  const nameB = b.names[pairing.nameB - table.nameStart[1]!]!;
  const fields: FieldMatch[] = [];
  const family = pairing.swapped ? nameB.given : nameB.family;
  const given = pairing.swapped ? nameB.family : nameB.given;
  if (pairing.family >= 0) {
    const role = pairing.swapped ? 'given' : 'family';
    const { comparison, detail } = partLine(
      'family name',
      role,
      nameA.family,
      family,
      table,
      pairing.swapped,
      context.sex === 1,
    );
    fields.push({
      field: 'family name',
      similarity: round(pairing.family),
      weight: weights.family,
      kind: comparison.kind,
      detail,
    });
  }
  if (pairing.given >= 0) {
    const { comparison, detail } = partLine(
      'given name',
      'given',
      nameA.given,
      given,
      table,
      pairing.swapped,
      context.sex === 1,
    );
    fields.push({
      field: 'given name',
      similarity: round(pairing.given),
      weight: weights.given,
      kind: comparison.kind,
      detail,
    });
  }
  fields.push(...contextLines(context, a, b, table));
  const penalties: Penalty[] = [];
  const score = combine(pairing.family, pairing.given, context, penalties);
  return {
    score,
    match: score >= threshold,
    threshold,
    fields,
    penalties: penalties.map((p) => ({ reason: p.reason, factor: round(p.factor) })),
    summary: [
      ...fields.map((f) => f.detail),
      ...penalties.map((p) => `${p.reason} (×${round(p.factor)})`),
    ].join('; '),
  };
}
