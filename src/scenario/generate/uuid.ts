import type { Random } from './random.ts';

// Generated records carry UUIDs shaped like version 7: a 48-bit millisecond time, then random bits
// from the seeded generator. Each kind of record counts its own milliseconds from a fixed instant,
// so ids are unique within a file by construction and sort in generation order (which keeps the
// database's primary-key index appending rather than splitting pages on a large import).

/** 2022-05-06T00:00:00Z, the date of the report the Azovstal scenario follows. */
export const idEpochMs = Date.UTC(2022, 4, 6);

/** Disjoint millisecond ranges per kind of record; each range holds 2^25 (33 million) ids. */
export const idLanes = { site: 0, point: 1, passage: 2, household: 3, person: 4, headcount: 5 } as const;
const laneWidth = 2 ** 25;

const hex: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function generatedId(lane: keyof typeof idLanes, index: number, random: Random): string {
  if (index < 0 || index >= laneWidth) throw new RangeError(`id index ${index} is outside its lane`);
  const ms = idEpochMs + idLanes[lane] * laneWidth + index;
  // 48 bits of time: the high 16 and the low 32, written big-endian.
  const high = Math.floor(ms / 2 ** 32);
  const low = ms >>> 0;
  const a = random.uint32();
  const b = random.uint32();
  const c = random.uint32();
  return (
    hex[(high >>> 8) & 0xff]! +
    hex[high & 0xff]! +
    hex[low >>> 24]! +
    hex[(low >>> 16) & 0xff]! +
    '-' +
    hex[(low >>> 8) & 0xff]! +
    hex[low & 0xff]! +
    '-' +
    // version 7 in the high nibble, then 12 random bits
    hex[0x70 | ((a >>> 24) & 0x0f)]! +
    hex[(a >>> 16) & 0xff]! +
    '-' +
    // the RFC 9562 variant (binary 10) in the top two bits, then 62 random bits
    hex[0x80 | ((a >>> 8) & 0x3f)]! +
    hex[a & 0xff]! +
    '-' +
    hex[b >>> 24]! +
    hex[(b >>> 16) & 0xff]! +
    hex[(b >>> 8) & 0xff]! +
    hex[b & 0xff]! +
    hex[c >>> 24]! +
    hex[(c >>> 16) & 0xff]!
  );
}
