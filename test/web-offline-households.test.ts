import { describe, expect, it } from 'vitest';
import type { Person } from '../src/domain/person.ts';
import type { Household } from '../web/src/api/types.ts';
import { householdTitle, membersByHousehold } from '../web/src/offline/household-title.ts';
import { overlayHouseholds, overlayPeople } from '../web/src/offline/operations.ts';
import { correctionOf, personFieldsOf } from '../web/src/offline/person-payload.ts';
import { draftOf } from '../web/src/registry/draft.ts';
import { names, op, personId, siteId } from './support/offline-ops.ts';

// Households in the offline field app (web/src/offline): one created or relabelled on the device
// shows at once, a person registered on the device can be put in it, and a correction sends a
// change of household like any other field.

const householdId = '0190a0b0-0000-7000-8000-0000000000e1';

const pulledHousehold = (changes: Partial<Household> = {}): Household => ({
  id: householdId,
  siteId,
  label: 'Melnyk family',
  note: null,
  createdAt: '2026-11-29T00:00:00.000Z',
  updatedAt: '2026-11-29T00:00:00.000Z',
  ...changes,
});

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
