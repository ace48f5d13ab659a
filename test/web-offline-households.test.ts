import { describe, expect, it } from 'vitest';
import type { Person } from '../src/domain/person.ts';
import type { Household } from '../web/src/api/types.ts';
import { householdTitle, membersByHousehold } from '../web/src/offline/household-title.ts';
import { entityOf, overlayHouseholds, overlayPeople, type QueuedOp } from '../web/src/offline/operations.ts';
import { correctionOf, personFieldsOf } from '../web/src/offline/person-payload.ts';
import { draftOf } from '../web/src/registry/draft.ts';

// Households in the offline field app (web/src/offline): one created or relabelled on the device
// shows at once, a person registered on the device can be put in it, and a correction sends a
// change of household like any other field.

const siteId = '0190a0a9-0000-7000-8000-0000000000a1';
const deviceId = '0190a0a9-0000-7000-8000-00000000000a';
const householdId = '0190a0b0-0000-7000-8000-0000000000e1';
const personId = '0190a0b0-0000-7000-8000-0000000000f1';

let seq = 0;
const op = (kind: QueuedOp['kind'], entityId: string, payload: Record<string, unknown>): QueuedOp => {
  seq++;
  return {
    opId: `0190a0b0-1c2d-7e3f-8a4b-${String(seq).padStart(12, '0')}`,
    deviceId,
    seq,
    hlc: `${String(1_700_000_000_000 + seq).padStart(15, '0')}-0000-${deviceId}`,
    entity: entityOf(kind),
    entityId,
    kind,
    payload,
    siteId,
    state: 'waiting',
    recordedAt: `2026-11-30T04:00:${String(seq).padStart(2, '0')}.000Z`,
    pulled: false,
  };
};

const pulledHousehold = (changes: Partial<Household> = {}): Household => ({
  id: householdId,
  siteId,
  label: 'Melnyk family',
  note: null,
  createdAt: '2026-11-29T00:00:00.000Z',
  updatedAt: '2026-11-29T00:00:00.000Z',
  ...changes,
});

const names = [{ script: 'Latn' as const, family: 'Tunelna', given: 'Oksana' }];

describe('households on the device', () => {
  it('shows a household created on the device at once, and the pulled one once the server has it', () => {
    const created = op('household.create', householdId, { siteId, label: 'Tunnel family', note: null });
    expect(created.entity).toBe('household');
    expect(overlayHouseholds([], [created], siteId)).toEqual([
      {
        id: householdId,
        siteId,
        label: 'Tunnel family',
        note: null,
        createdAt: created.recordedAt,
        updatedAt: created.recordedAt,
      },
    ]);
    const pulled = pulledHousehold({ label: 'as the server has it' });
    expect(overlayHouseholds([pulled], [{ ...created, state: 'sent', pulled: true }], siteId)).toEqual([
      pulled,
    ]);
    expect(overlayHouseholds([], [{ ...created, siteId: 'another' }], siteId)).toEqual([]);
  });

  it('lays label and note changes on in the order they were made, leaving out unsent fields', () => {
    const shown = overlayHouseholds(
      [pulledHousehold({ note: 'kept' })],
      [
        op('household.update', householdId, { label: 'first' }),
        op('household.update', householdId, { label: 'second' }),
      ].reverse(),
      siteId,
    );
    expect(shown[0]).toMatchObject({ label: 'second', note: 'kept' });
    const rejected = {
      ...op('household.update', householdId, { note: 'refused' }),
      state: 'rejected' as const,
    };
    expect(overlayHouseholds([pulledHousehold()], [rejected], siteId)[0]!.note).toBeNull();
  });

  it('puts a person registered on the device in a household created on the device', () => {
    const ops = [
      op('household.create', householdId, { siteId, label: null, note: null }),
      op('person.register', personId, { siteId, names, sex: 'female', householdId }),
    ];
    const people = overlayPeople([], ops, siteId);
    const households = overlayHouseholds([], ops, siteId);
    expect(people[0]!.householdId).toBe(householdId);
    const members = membersByHousehold(people).get(householdId) ?? [];
    // A household with no label is named by its members.
    expect(householdTitle(households[0]!, members, (key) => key)).toBe('Tunelna Oksana');
    expect(householdTitle(households[0]!, [], (key) => key)).toBe('unlabelledHousehold');
  });

  it('sends a change of household as a correction, and nothing when the household is unchanged', () => {
    const person = overlayPeople(
      [],
      [op('person.register', personId, { siteId, names, sex: 'female' })],
      siteId,
    )[0]!;
    const fields = (household: string | null) => ({
      ...personFieldsOf(draftOf(person), person),
      householdId: household,
    });
    expect(correctionOf(person, fields(null))).toEqual({});
    expect(correctionOf(person, fields(householdId))).toEqual({ householdId });
    const member: Person = { ...person, householdId };
    expect(correctionOf(member, fields(null))).toEqual({ householdId: null });
  });
});
