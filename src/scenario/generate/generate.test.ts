import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorridorError } from '../../domain/errors.ts';
import { checkSiteFile } from '../check.ts';
import type { SiteFile } from '../format.ts';
import { asOf } from './households.ts';
import { defaultShelterCount, generateSite, siteFileText } from './site.ts';

const sizes = fc.record({
  people: fc.integer({ min: 1, max: 300 }),
  shelters: fc.integer({ min: 1, max: 12 }),
  seed: fc.maxSafeInteger(),
});

/** Age in whole years on the generator's reference day, or undefined when only a band is known. */
function ageOf(person: SiteFile['people'][number]): { min: number; max: number } {
  const [year, month, day] = asOf.split('-').map(Number) as [number, number, number];
  if (person.birthDate) {
    const [y, m, d] = person.birthDate.split('-').map(Number) as [number, number, number];
    const age = year - y - (m > month || (m === month && d > day) ? 1 : 0);
    return { min: age, max: age };
  }
  // A year alone leaves a year's doubt either side of the birthday.
  if (person.birthYear) return { min: year - person.birthYear - 1, max: year - person.birthYear };
  const band = person.ageBand!;
  if (band === '60+') return { min: 60, max: 120 };
  const [low, high] = band.split('-').map(Number) as [number, number];
  return { min: low, max: high };
}

/** The points reachable from the exits over passages in the given states. */
function reachable(file: SiteFile, states: ReadonlySet<string>): Set<string> {
  const seen = new Set(file.points.filter((p) => p.kind === 'exit').map((p) => p.id));
  const queue = [...seen];
  while (queue.length > 0) {
    const at = queue.pop()!;
    for (const passage of file.passages) {
      if (!states.has(passage.state)) continue;
      const other = passage.from === at ? passage.to : passage.to === at ? passage.from : undefined;
      if (other && !seen.has(other)) {
        seen.add(other);
        queue.push(other);
      }
    }
  }
  return seen;
}

function expectSoundSite(file: SiteFile): void {
  expect(() => checkSiteFile(file)).not.toThrow();
  const people = new Map(file.people.map((p) => [p.id, p]));

  // Households never span shelters.
  const shelterOf = new Map<string, string | null | undefined>();
  for (const person of file.people) {
    expect(person.householdId).toBeDefined();
    const first = shelterOf.get(person.householdId!);
    if (shelterOf.has(person.householdId!)) expect(person.shelterId).toBe(first);
    else shelterOf.set(person.householdId!, person.shelterId);
  }
  expect(shelterOf.size).toBe(file.households.length);

  // Every child has an adult guardian in the household, or is flagged as unaccompanied or separated.
  for (const person of file.people) {
    const age = ageOf(person);
    const vulnerabilities = person.vulnerabilities ?? [];
    const mayBeChild = age.min < 18;
    expect(vulnerabilities.includes('child'), JSON.stringify(person)).toBe(age.max < 18);
    if (!mayBeChild) continue;
    const flagged =
      vulnerabilities.includes('unaccompanied_child') || vulnerabilities.includes('separated_child');
    const guardians = (person.guardians ?? []).map((g) => people.get(g.personId)!);
    for (const guardian of guardians) {
      expect(guardian.householdId).toBe(person.householdId);
      expect(ageOf(guardian).min).toBeGreaterThanOrEqual(18);
    }
    expect(flagged || guardians.length > 0, JSON.stringify(person)).toBe(true);
  }

  // Every shelter can be reached once the blocked passages are cleared; some only then.
  const shelters = file.points.filter((p) => p.kind === 'shelter').map((p) => p.id);
  const cleared = reachable(file, new Set(['open', 'unsafe', 'blocked']));
  for (const shelter of shelters) expect(cleared.has(shelter)).toBe(true);
  const now = reachable(file, new Set(['open', 'unsafe']));
  if (shelters.length >= 3) expect(shelters.some((s) => !now.has(s))).toBe(true);
  expect(file.points.filter((p) => p.kind === 'exit').length).toBeGreaterThanOrEqual(2);
  expect(file.points.some((p) => p.kind === 'pickup_point' && now.has(p.id))).toBe(true);
}

describe('generateSite', () => {
  it('makes sites that validate, keep households together and look after every child', () => {
    fc.assert(
      fc.property(sizes, (options) => {
        const file = generateSite(options);
        expect(file.people).toHaveLength(options.people);
        expect(file.points.filter((p) => p.kind === 'shelter')).toHaveLength(options.shelters);
        expectSoundSite(file);
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same file for the same seed and sizes, and another for another seed', () => {
    fc.assert(
      fc.property(sizes, fc.maxSafeInteger(), (options, otherSeed) => {
        fc.pre(otherSeed !== options.seed);
        const text = [...siteFileText(options, 512)].join('');
        expect([...siteFileText(options, 4096)].join('')).toBe(text);
        expect(JSON.parse(text)).toStrictEqual(generateSite(options));
        const other = generateSite({ ...options, seed: otherSeed });
        expect(other.site.id).not.toBe(JSON.parse(text).site.id);
        expect(JSON.stringify(other.people)).not.toBe(JSON.stringify(generateSite(options).people));
      }),
      { numRuns: 40 },
    );
  });

  it('gives a new site, sharing no id, when only the sizes change', () => {
    const small = generateSite({ people: 50, shelters: 3, seed: 7 });
    const large = generateSite({ people: 60, shelters: 3, seed: 7 });
    const ids = (file: SiteFile) =>
      [file.site, ...file.points, ...file.passages, ...file.households, ...file.people].map((r) => r.id);
    const shared = ids(small).filter((id) => new Set(ids(large)).has(id));
    expect(shared).toEqual([]);
  });

  it('writes ids shaped as UUID version 7', () => {
    const file = generateSite({ people: 40, seed: 1 });
    for (const record of [file.site, ...file.points, ...file.passages, ...file.households, ...file.people])
      expect(record.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('has realistic shares at scale: households of two to four, 15% children, 20% elderly, 8% wounded', () => {
    const file = generateSite({ people: 20_000, seed: 2022 });
    expectSoundSite(file);
    const share = (v: string) =>
      file.people.filter((p) => (p.vulnerabilities ?? []).includes(v as never)).length / file.people.length;
    expect(share('child')).toBeGreaterThan(0.13);
    expect(share('child')).toBeLessThan(0.17);
    expect(share('elderly')).toBeGreaterThan(0.17);
    expect(share('elderly')).toBeLessThan(0.24);
    expect(share('wounded')).toBeGreaterThan(0.07);
    expect(share('wounded')).toBeLessThan(0.09);
    for (const v of [
      'unaccompanied_child',
      'separated_child',
      'needs_stretcher',
      'needs_wheelchair',
      'pregnant',
    ])
      expect(share(v), v).toBeGreaterThan(0);
    const triage = new Set(file.people.map((p) => p.triage).filter(Boolean));
    expect([...triage].sort()).toEqual(['T1', 'T2', 'T3']);

    const size = new Map<string, number>();
    for (const p of file.people) size.set(p.householdId!, (size.get(p.householdId!) ?? 0) + 1);
    const counts = [...size.values()];
    expect(Math.max(...counts)).toBeLessThanOrEqual(7);
    expect(counts.filter((n) => n >= 2 && n <= 4).length / counts.length).toBeGreaterThan(0.6);

    const hours = file.passages.flatMap((p) => (p.state === 'blocked' ? [p.clearancePersonHours!] : []));
    expect(Math.min(...hours)).toBeLessThan(10);
    expect(Math.max(...hours)).toBeGreaterThan(200);
    const states = new Set(file.passages.map((p) => p.state));
    expect([...states].sort()).toEqual(['blocked', 'impassable', 'open', 'unsafe']);
    expect(file.passages.filter((p) => p.state === 'open').length / file.passages.length).toBeGreaterThan(
      0.6,
    );
    // Names in Cyrillic with their Latin transliteration.
    const names = file.people[0]!.names;
    expect(names.map((n) => n.script)).toEqual(['Cyrl', 'Latn']);
    expect(names[0]!.family).toMatch(/^[А-ЯҐЄІЇа-яґєії'-]+$/);
    expect(names[1]!.family).toMatch(/^[A-Za-z-]+$/);
  });

  it('defaults to one shelter for every sixty people, and at least three', () => {
    expect(defaultShelterCount(10)).toBe(3);
    expect(defaultShelterCount(6000)).toBe(100);
    expect(generateSite({ people: 10, seed: 1 }).points.filter((p) => p.kind === 'shelter')).toHaveLength(3);
  });

  it('refuses sizes it cannot make', () => {
    for (const options of [
      { people: 0, seed: 1 },
      { people: 1.5, seed: 1 },
      { people: 10, shelters: 0, seed: 1 },
      { people: 10, seed: 0.5 },
    ])
      expect(() => generateSite(options)).toThrow(CorridorError);
  });
});
