import { canonicalWord, skeleton } from './canonical.ts';
import { knownGivenNames } from './known-names.ts';
import { latinWords } from './latin.ts';
import { givenNameGroups } from './variants.ts';

/** One name part (a family, given or father's name) as the matcher sees it. */
export interface PartInfo {
  /** As written. */
  text: string;
  /** Lowercase Latin words, space-separated: equal for a name and its transliteration. */
  latin: string;
  /** The canonical spelling (canonical.ts): equal for spelling variants of one name. */
  canonical: string;
  /** The canonical form without a final vowel or glide: equal for case and gender forms (Kovalenko, Kovalenka). */
  stem: string;
  /** The phonetic key for blocking and blind indexes: equal across scripts, spellings and the variant groups. */
  key: string;
  /** The variant groups (variants.ts) this name belongs to, by index. */
  groups: readonly number[];
  /** A known given name (known-names.ts or a variant group): a difference from another known name is no typo. */
  known: boolean;
  /** A single letter, as in "O.", "О" or "Zh.": an initial. */
  initial: boolean;
}

/** The end of a word that case and gender change: Kovalenk-o/-a/-u, Ivanov-/-a, Biletsk-yi/-a/-aya. */
export const stemOf = (canonical: string): string => {
  const stem = canonical.replace(/[aeiouy]+$/, '');
  // Very short stems say too little (Ia, Iu); the whole canonical form stands for them.
  return stem.length >= 3 ? stem : canonical;
};

// The Latin spellings of a single Cyrillic letter, so that Ж. and Zh. are both initials.
const oneLetterSpellings = new Set([
  'zh',
  'kh',
  'ts',
  'ch',
  'sh',
  'shch',
  'ye',
  'ie',
  'yi',
  'yu',
  'iu',
  'ya',
  'ia',
  'yo',
  'io',
]);

const canonicalOfWords = (words: readonly string[]): string => words.map(canonicalWord).join('');

interface VariantIndex {
  byCanonical: Map<string, number[]>;
  byStem: Map<string, number[]>;
  members: string[][];
}

function buildVariantIndex(): VariantIndex {
  const byCanonical = new Map<string, number[]>();
  const byStem = new Map<string, number[]>();
  const members: string[][] = [];
  const add = (map: Map<string, number[]>, key: string, group: number) => {
    const list = map.get(key) ?? [];
    if (!list.includes(group)) list.push(group);
    map.set(key, list);
  };
  givenNameGroups.forEach((names, group) => {
    const canonicals = [...new Set(names.map((name) => canonicalOfWords(latinWords(name))))];
    members.push(canonicals);
    for (const canonical of canonicals) {
      add(byCanonical, canonical, group);
      add(byStem, stemOf(canonical), group);
    }
  });
  return { byCanonical, byStem, members };
}

export const variants: VariantIndex = buildVariantIndex();

const knownCanonical = new Set<string>([
  ...knownGivenNames.map((name) => canonicalOfWords(latinWords(name))),
  ...variants.members.flat(),
]);

/** Canonical forms of every name in a variant group. */
export const groupMembers = (group: number): readonly string[] => variants.members[group] ?? [];

// Analyses of recently seen texts: comparing records one pair at a time meets the same names again
// and again. Bounded, and emptied rather than evicted one by one.
const analysed = new Map<string, PartInfo>();
const analysedLimit = 50_000;

export function analysePart(text: string): PartInfo {
  const known = analysed.get(text);
  if (known) return known;
  if (analysed.size >= analysedLimit) analysed.clear();
  const info = analyse(text);
  analysed.set(text, info);
  return info;
}

function analyse(text: string): PartInfo {
  const words = latinWords(text);
  const canonical = canonicalOfWords(words);
  const groups = variants.byCanonical.get(canonical) ?? [];
  // A name in a variant group is keyed by the group's first (Ukrainian) form, so Aleksei and
  // Oleksii, Nikolai and Mykola share a key.
  const representative = groups.length > 0 ? groupMembers(Math.min(...groups))[0]! : canonical;
  return {
    text,
    latin: words.join(' '),
    canonical,
    stem: stemOf(canonical),
    key: skeleton(representative),
    groups,
    known: knownCanonical.has(canonical),
    initial: words.length === 1 && (words[0]!.length === 1 || oneLetterSpellings.has(words[0]!)),
  };
}

/** The phonetic key of a name part (for blocking and blind indexes): the same in any script or spelling. */
export const phoneticKey = (text: string): string => analysePart(text).key;

/** The canonical spelling of a name part: the same for spelling variants and transliterations. */
export const canonicalName = (text: string): string => analysePart(text).canonical;
