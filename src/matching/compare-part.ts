import { editDistance } from './distance.ts';
import { groupMembers, type PartInfo, stemOf, variants } from './part.ts';

export type PartRole = 'family' | 'given' | 'patronymic';

/**
 * How two name parts agree, strongest first: the same letters (exact), the same after
 * transliteration, the same canonical spelling, one name in its Ukrainian and Russian forms
 * (variant), another case or gender form (form), an initial, a typo, or different names.
 */
export type PartKind =
  | 'exact'
  | 'transliteration'
  | 'spelling'
  | 'variant'
  | 'form'
  | 'initial'
  | 'typo'
  | 'different';

export interface PartComparison {
  similarity: number;
  kind: PartKind;
  /** Edits between the closest canonical forms, when kind is typo or different. */
  edits?: number;
}

// Agreement levels. A given name in another form is usually the male or female name (Oleksandr,
// Oleksandra: brother and sister), so it counts for less than a family name in another form,
// which is usually a case ending (Kovalenka) or a wife's form of her husband's name.
const similarityOf = {
  spelling: 0.97,
  variant: 0.93,
  form: { family: 0.9, given: 0.75, patronymic: 0.93 },
  /** A given name in another form when both records give the same sex: a case ending (Олексія), not a sister. */
  formSameSex: 0.9,
  /** Consistent but weak: it neither confirms nor contradicts the name. */
  initial: 0.85,
  typo: 0.92,
  variantTypo: 0.95,
  /** The most two different known given names can count, however few letters apart. */
  knownDifferent: 0.5,
} as const;

const hasCyrillic = (text: string): boolean => /\p{Script=Cyrillic}/u.test(text);

const sharesGroup = (a: readonly number[], b: readonly number[]): boolean => a.some((g) => b.includes(g));

// Patronymic endings in canonical form: -ovych/-ovich, -evich, -ich (Illich); -ivna, -ovna, -evna, -ichna.
const patronymicEnding = /(oviC|eviC|iCna|ivna|ovna|evna|iC)$/;

/** The father's name inside a patronymic (Oleksandrovych, Aleksandrovich: oleksandr, aleksandr). */
export function fatherStem(canonical: string): string | undefined {
  const match = patronymicEnding.exec(canonical);
  if (!match || match.index < 2) return undefined;
  return stemOf(canonical.slice(0, match.index));
}

/** Edits a typo may make in a name of this length: none in very short names, two in long ones. */
const allowedEdits = (length: number): number => (length >= 8 ? 2 : length >= 4 ? 1 : 0);

function fuzzy(a: PartInfo, b: PartInfo): PartComparison {
  // The Latin forms as written are compared too: a typo can move a canonical form further than
  // the letters (Іан for Іван reads as a glide: yan against ivan), never the other way round.
  const pairs: Array<[string, string, number]> = [[a.latin, b.latin, 1]];
  const formsA = [a.canonical, ...a.groups.flatMap(groupMembers)];
  const formsB = [b.canonical, ...b.groups.flatMap(groupMembers)];
  // A typo in a variant of the name is a little weaker evidence than a typo in the name itself.
  for (const x of formsA)
    for (const y of formsB)
      pairs.push([x, y, x === a.canonical && y === b.canonical ? 1 : similarityOf.variantTypo]);
  let best = 0;
  let bestEdits = Number.POSITIVE_INFINITY;
  let bestLength = 1;
  for (const [x, y, factor] of pairs) {
    // Measured against the shorter name, so that a longer family (Мельничук against Мельник,
    // Морозов against Мороз) is not mistaken for a slip.
    const length = Math.min(x.length, y.length);
    const edits = editDistance(x, y);
    const similarity = (1 - edits / (length + 2)) * factor;
    if (similarity > best) {
      best = similarity;
      bestEdits = edits;
      bestLength = length;
    }
  }
  const kind: PartKind = bestEdits <= allowedEdits(bestLength) ? 'typo' : 'different';
  return { similarity: Math.min(best, similarityOf.typo), kind, edits: bestEdits };
}

/** Whether one part is an initial the other begins with (O. for Oleksii, A. for Aleksei, Ю. for Yurii). */
function initial(a: PartInfo, b: PartInfo): boolean {
  if (a.initial === b.initial) return false;
  const [short, long] = a.initial ? [a, b] : [b, a];
  if (long.latin.startsWith(short.latin)) return true;
  return [long.canonical, ...long.groups.flatMap(groupMembers)].some((form) =>
    form.startsWith(short.canonical),
  );
}

/**
 * Compares two name parts in the same role; symmetric in a and b. `sameSex` says both records give
 * the same sex, which makes another form of a given name a case ending rather than a sibling's name.
 */
export function comparePart(a: PartInfo, b: PartInfo, role: PartRole, sameSex = false): PartComparison {
  if (a.latin === b.latin)
    return { similarity: 1, kind: hasCyrillic(a.text) !== hasCyrillic(b.text) ? 'transliteration' : 'exact' };
  if (a.canonical === b.canonical) return { similarity: similarityOf.spelling, kind: 'spelling' };
  if (sharesGroup(a.groups, b.groups)) return { similarity: similarityOf.variant, kind: 'variant' };
  if (role === 'patronymic') {
    const fa = fatherStem(a.canonical);
    const fb = fatherStem(b.canonical);
    if (fa !== undefined && fb !== undefined) {
      if (fa === fb) return { similarity: similarityOf.form.patronymic, kind: 'form' };
      if (sharesGroup(variants.byStem.get(fa) ?? [], variants.byStem.get(fb) ?? []))
        return { similarity: similarityOf.variant, kind: 'variant' };
    }
  } else if (a.stem === b.stem && a.stem.length >= 3) {
    const similarity = role === 'given' && sameSex ? similarityOf.formSameSex : similarityOf.form[role];
    return { similarity, kind: 'form' };
  }
  if (initial(a, b)) return { similarity: similarityOf.initial, kind: 'initial' };
  const close = fuzzy(a, b);
  if (role === 'given' && a.known && b.known)
    return {
      similarity: Math.min(close.similarity, similarityOf.knownDifferent),
      kind: 'different',
      edits: close.edits,
    };
  return close;
}
