// Name matching and duplicate detection across scripts and spellings: plain data in, plain data
// out, no I/O. docs/matching.md explains the method and its measured quality and speed.
export { canonicalWord, skeleton } from './canonical.ts';
export { comparePart, type PartComparison, type PartKind, type PartRole } from './compare-part.ts';
export { editDistance } from './distance.ts';
export {
  type DuplicateOptions,
  type DuplicatePair,
  type DuplicateReport,
  findDuplicates,
} from './duplicates.ts';
export { type CompareOptions, compare, type Field, type FieldMatch, type MatchResult } from './explain.ts';
export { latinForm, latinWords } from './latin.ts';
export { analysePart, canonicalName, type PartInfo, phoneticKey } from './part.ts';
export type { MatchRecord } from './record.ts';
export { defaultThreshold } from './score.ts';
export {
  buildIndex,
  type IndexOptions,
  type MatchIndex,
  type SearchOptions,
  type SearchResult,
  search,
} from './search-index.ts';
export { transliterate } from './transliterate.ts';
