import { createHash } from 'node:crypto';

// Ids are derived from a stable name (`person:S01:03:2`, `passage:J01-J02` …) rather than drawn at
// random, so rebuilding the scenario gives the same ids and editing one record leaves the others'
// ids untouched. Name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace and a name).
const namespace = Buffer.from('6f1d2c3a8b7e4f50a1c2d3e4f5a6b7c8', 'hex');

export function scenarioId(name: string): string {
  const hash = createHash('sha1').update(namespace).update(`azovstal:${name}`, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
