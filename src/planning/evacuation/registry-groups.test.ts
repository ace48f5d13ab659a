import { describe, expect, it } from 'vitest';
import { ageBandAt, type RegisteredPerson, registryGroups } from './registry-groups.ts';

const at = new Date('2022-05-05T05:00:00Z');
const person = (id: string, fields: Partial<RegisteredPerson> = {}): RegisteredPerson => ({
  id,
  householdId: null,
  shelterId: 'S1',
  vulnerabilities: [],
  triage: null,
  ageBand: '18-59',
  birthDate: null,
  birthYear: null,
  guardianIds: [],
  ...fields,
});
const child = (id: string, fields: Partial<RegisteredPerson> = {}) =>
  person(id, { ageBand: '5-11', vulnerabilities: ['child'], ...fields });

describe('groups from the registry', () => {
  it('keeps a household together, in one group named after the household', () => {
    const groups = registryGroups(
      [person('a', { householdId: 'H' }), child('b', { householdId: 'H', guardianIds: ['a'] }), person('c')],
      at,
    );
    expect(groups.map((g) => [g.id, g.kind, g.members.map((m) => m.id)])).toEqual([
      ['H', 'household', ['a', 'b']],
      ['c', 'household', ['c']],
    ]);
    expect(groups[0]!.members.find((m) => m.id === 'b')).toMatchObject({ child: true, priority: 'child' });
  });

  it('sends an unaccompanied child with the guardian named for it, as the escort', () => {
    const groups = registryGroups(
      [
        person('aunt'),
        child('girl', { vulnerabilities: ['child', 'separated_child'], guardianIds: ['aunt'] }),
      ],
      at,
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ id: 'aunt', kind: 'escorted_child', escortId: 'aunt' });
    expect(groups[0]!.members.map((m) => [m.id, m.priority])).toEqual([
      ['aunt', 'other'],
      ['girl', 'unaccompanied_child'],
    ]);
  });

  it('puts children whose household adults are not leaving with a guardian from another household', () => {
    const groups = registryGroups(
      [
        child('boy', { householdId: 'H1', guardianIds: ['uncle'] }),
        person('uncle', { householdId: 'H2' }),
        person('cousin', { householdId: 'H2' }),
      ],
      at,
    );
    expect(groups.map((g) => [g.id, g.kind, g.members.map((m) => m.id)])).toEqual([
      ['H2', 'household', ['uncle', 'cousin', 'boy']],
    ]);
  });

  it('leaves a child without a named adult alone: no escort is made up', () => {
    const groups = registryGroups(
      [child('boy', { vulnerabilities: ['child', 'unaccompanied_child'] }), person('stranger')],
      at,
    );
    expect(groups.map((g) => [g.id, g.members.map((m) => m.id)])).toEqual([
      ['boy', ['boy']],
      ['stranger', ['stranger']],
    ]);
    // A guardian who is not leaving (not in the list) does not help either.
    expect(registryGroups([child('girl', { guardianIds: ['mother'] })], at)[0]!.members).toHaveLength(1);
    // Nor does a guardian who is a child.
    const siblings = registryGroups([child('girl', { guardianIds: ['brother'] }), child('brother')], at);
    expect(siblings.map((g) => g.members.length)).toEqual([1, 1]);
  });

  it('lists the shelters of the members and counts those with none recorded', () => {
    const [group] = registryGroups(
      [
        person('a', { householdId: 'H', shelterId: 'S2' }),
        person('b', { householdId: 'H', shelterId: 'S1' }),
        person('c', { householdId: 'H', shelterId: null }),
      ],
      at,
    );
    expect(group).toMatchObject({ shelterIds: ['S1', 'S2'], withoutShelter: 1 });
  });

  it('works out the age band from a birth date, and from a year takes the younger band', () => {
    const p = (fields: Partial<RegisteredPerson>) => person('x', { ageBand: null, ...fields });
    expect(ageBandAt(p({ birthDate: '2004-05-05' }), at)).toBe('18-59');
    expect(ageBandAt(p({ birthDate: '2004-05-06' }), at)).toBe('12-17');
    expect(ageBandAt(p({ birthYear: 2004 }), at)).toBe('12-17');
    expect(ageBandAt(p({ birthDate: '1950-01-01' }), at)).toBe('60+');
    expect(ageBandAt(p({}), at)).toBeNull();
    const [group] = registryGroups([p({ birthDate: '2010-03-01' })], at);
    expect(group!.members[0]).toMatchObject({ child: true, priority: 'child' });
  });
});
