import type { FieldCipher } from './keyring.ts';

// What the operations log records is the record before and after a change, names included. Values
// under these keys, at any depth, are sealed before the log is written; the store opens them again
// on read, so the history reads as before. A key's value is sealed whole (an enquirer's name and
// contacts together). A label names a household's family (a vehicle's label is sealed alike,
// harmlessly); a supervisor is a shelter's named person. Birth dates and years identify as names
// do; the reporter of a passage's state, a headcount or a road event, a reception desk, a crew note
// and a claim's speaker name people beside their work (docs/data-responsibility.md, migration 012).
// The reason given for a change to a person, a hold, a boarding, a check-in, a merge, a tracing
// request or a child's case, and how an alert about a person was resolved, describe that person
// (wounded, deceased, held, found): sealed since migration 017. A child's case records how an adult
// was verified: their contact and the evidence seen (their name is sealed by the service, as the
// key 'name' elsewhere holds places' and windows' names).
export const personalKeys = new Set([
  'names',
  'birthDate',
  'birthYear',
  'reportedBy',
  'stateReportedBy',
  'reporter',
  'desk',
  'crewNote',
  'speaker',
  'note',
  'label',
  'supervisor',
  'description',
  'enquirer',
  'pfif',
  'contactNote',
  'phone',
  'email',
  'reason',
  'closedReason',
  'unmergeReason',
  'voidedReason',
  'resolution',
  'contact',
  'evidence',
]);

export function sealPersonal(cipher: FieldCipher, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((item) => sealPersonal(cipher, item));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>))
    out[key] =
      personalKeys.has(key) && item !== null && item !== undefined
        ? cipher.seal(item)
        : sealPersonal(cipher, item);
  return out;
}
