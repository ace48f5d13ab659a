import { comparePart, type PartRole } from './compare-part.ts';
import { latinWords } from './latin.ts';
import { PairCache } from './pair-cache.ts';
import { analysePart, type PartInfo } from './part.ts';
import { birthOf, checkRecord, type MatchRecord, nameWithoutLetters, sexCode } from './record.ts';

// The roles a part is compared in; the fourth is a given name when both records give the same sex.
const roles: readonly PartRole[] = ['family', 'given', 'patronymic', 'given'];

/**
 * Every distinct name part seen, analysed once, and the similarities of pairs of them, computed
 * once: a million people share a few tens of thousands of distinct names, so most comparisons
 * in duplicate detection are a lookup.
 */
export class PartTable {
  readonly infos: PartInfo[] = [];
  private readonly ids = new Map<string, number>();
  private readonly similarities: PairCache;

  /** `cacheSize`: how many similarities to keep (an index wants millions, one comparison a few). */
  constructor(cacheSize = 1 << 21) {
    this.similarities = new PairCache(cacheSize);
  }

  /** The id of a part by its text, or -1 for a part with no letters (absent). */
  intern(text: string | undefined): number {
    if (text === undefined) return -1;
    const known = this.ids.get(text);
    if (known !== undefined) return known;
    const id = latinWords(text).length > 0 ? this.infos.push(analysePart(text)) - 1 : -1;
    this.ids.set(text, id);
    return id;
  }

  similarity(a: number, b: number, role: number): number {
    if (a === b) return 1;
    const low = Math.min(a, b);
    // The role rides in the low bits of the second key (four roles, part ids below 2^29).
    const high = (Math.max(a, b) << 2) | role;
    const known = this.similarities.get(low, high);
    if (known >= 0) return known;
    const value = comparePart(this.infos[low]!, this.infos[high >> 2]!, roles[role]!, role === 3).similarity;
    this.similarities.set(low, high, value);
    return value;
  }

  /** Whether two parts (ids, -1 for absent) read the same in Latin letters. */
  sameLatin(a: number, b: number): boolean {
    return a === b || (a >= 0 && b >= 0 && this.infos[a]!.latin === this.infos[b]!.latin);
  }

  get size(): number {
    return this.infos.length;
  }
}

/**
 * People prepared for matching, in columns: name parts as ids into a PartTable, birth as numbers,
 * households and shelters as small integers. Built once for an index; for comparing two records
 * a table of two is built on the spot, so both paths share one scoring code.
 */
export class PersonTable {
  readonly parts: PartTable;
  readonly ids: string[];
  readonly nameStart: Int32Array;
  readonly family: Int32Array;
  readonly given: Int32Array;
  readonly patronymicStart: Int32Array;
  readonly patronymic: Int32Array;
  readonly year: Int16Array;
  readonly month: Uint8Array;
  readonly day: Uint8Array;
  readonly band: Uint8Array;
  readonly sex: Uint8Array;
  readonly household: Int32Array;
  readonly shelter: Int32Array;

  /**
   * Prepares records (checking each). With `merge`, names of one person that read the same in
   * Latin letters (Коваленко and Kovalenko) are kept once: they compare the same with anything.
   */
  constructor(records: readonly MatchRecord[], options: { merge: boolean; parts?: PartTable }) {
    const n = records.length;
    this.parts = options.parts ?? new PartTable();
    this.ids = new Array<string>(n);
    this.nameStart = new Int32Array(n + 1);
    this.patronymicStart = new Int32Array(n + 1);
    this.year = new Int16Array(n);
    this.month = new Uint8Array(n);
    this.day = new Uint8Array(n);
    this.band = new Uint8Array(n);
    this.sex = new Uint8Array(n);
    this.household = new Int32Array(n);
    this.shelter = new Int32Array(n);
    const family: number[] = [];
    const given: number[] = [];
    const patronymic: number[] = [];
    const households = new Map<string, number>();
    const shelters = new Map<string, number>();
    const place = (places: Map<string, number>, id: string | null | undefined): number => {
      if (id === null || id === undefined || id === '') return -1;
      const known = places.get(id);
      if (known !== undefined) return known;
      places.set(id, places.size);
      return places.size - 1;
    };
    for (let i = 0; i < n; i++) {
      const record = records[i]!;
      checkRecord(record);
      const birth = birthOf(record);
      this.ids[i] = record.id;
      this.nameStart[i] = family.length;
      this.patronymicStart[i] = patronymic.length;
      for (let index = 0; index < record.names.length; index++) {
        const name = record.names[index]!;
        const f = this.parts.intern(name.family);
        const g = this.parts.intern(name.given);
        const p = this.parts.intern(name.patronymic);
        if (f < 0 && g < 0) throw nameWithoutLetters(record, index);
        let repeated = false;
        for (let x = this.nameStart[i]!; options.merge && x < family.length && !repeated; x++)
          repeated = this.parts.sameLatin(family[x]!, f) && this.parts.sameLatin(given[x]!, g);
        if (!repeated) {
          family.push(f);
          given.push(g);
        }
        let known = p < 0;
        for (let x = this.patronymicStart[i]!; x < patronymic.length && !known; x++)
          known = this.parts.sameLatin(patronymic[x]!, p);
        if (!known) patronymic.push(p);
      }
      this.year[i] = birth.year;
      this.month[i] = birth.month;
      this.day[i] = birth.day;
      this.band[i] = birth.band;
      this.sex[i] = sexCode(record.sex);
      this.household[i] = place(households, record.householdId);
      this.shelter[i] = place(shelters, record.shelterId);
    }
    this.nameStart[n] = family.length;
    this.patronymicStart[n] = patronymic.length;
    this.family = Int32Array.from(family);
    this.given = Int32Array.from(given);
    this.patronymic = Int32Array.from(patronymic);
  }

  get length(): number {
    return this.ids.length;
  }
}
