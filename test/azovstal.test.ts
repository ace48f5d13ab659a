import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAzovstal, renderSiteFile, siteJsonPath } from '../scenarios/azovstal/build.ts';
import { transliterate } from '../scenarios/azovstal/transliterate.ts';
import type { Vulnerability } from '../src/domain/person.ts';
import { loadAzovstal } from '../src/scenario/azovstal.ts';
import { checkSiteFile } from '../src/scenario/check.ts';
import { exportSiteFileText } from '../src/scenario/export.ts';
import type { SiteFile } from '../src/scenario/format.ts';
import { type ImportSummary, importSiteFile } from '../src/scenario/import.ts';
import { siteSummary } from '../src/services/summary.ts';
import { systemActor } from '../src/store/repos/operations.ts';
import { openTestDatabase, snapshot, type TestDatabase } from './support/database.ts';

const committedText = readFileSync(siteJsonPath, 'utf8');
const committed = (): SiteFile => checkSiteFile(JSON.parse(committedText));

const ageOn = (birthDate: string, day: string) =>
  Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (day.slice(5) < birthDate.slice(5) ? 1 : 0);

/** Codes of the shelters reachable from an exit over passages in the given states. */
function reachableShelters(file: SiteFile, states: ReadonlySet<string>): Set<string> {
  const byId = new Map(file.points.map((p) => [p.id, p]));
  const next = new Map<string, string[]>();
  for (const p of file.passages)
    if (states.has(p.state)) {
      next.set(p.from, [...(next.get(p.from) ?? []), p.to]);
      next.set(p.to, [...(next.get(p.to) ?? []), p.from]);
    }
  const seen = new Set(file.points.filter((p) => p.kind === 'exit').map((p) => p.id));
  const queue = [...seen];
  for (let id = queue.shift(); id !== undefined; id = queue.shift())
    for (const other of next.get(id) ?? [])
      if (!seen.has(other)) {
        seen.add(other);
        queue.push(other);
      }
  return new Set([...seen].map((id) => byId.get(id)!).flatMap((p) => (p.kind === 'shelter' ? [p.code] : [])));
}

const everythingUnchanged = (file: SiteFile): ImportSummary => {
  const counts = {
    site: 1,
    site_point: file.points.length,
    passage: file.passages.length,
    household: file.households.length,
    person: file.people.length,
    headcount: file.headcounts.length,
    party: file.parties?.length ?? 0,
    source: file.sources?.length ?? 0,
    pause_window: file.pauses?.length ?? 0,
    incident: file.incidents?.length ?? 0,
    claim: file.claims?.length ?? 0,
    depot: file.depots?.length ?? 0,
    vehicle: file.vehicles?.length ?? 0,
    road_point: file.roadPoints?.length ?? 0,
    pickup_route: file.pickupRoutes?.length ?? 0,
    travel_time: file.travelTimes?.length ?? 0,
    planning_settings: file.planningSettings ? 1 : 0,
    crew: file.crews?.length ?? 0,
  };
  const zero = Object.fromEntries(Object.keys(counts).map((k) => [k, 0]));
  return { siteId: file.site.id, created: zero, updated: zero, unchanged: counts };
};

describe('the Azovstal scenario file', () => {
  it('is built the same on every run, and the committed site.json is what the builder writes now', () => {
    const first = renderSiteFile(buildAzovstal());
    const second = renderSiteFile(buildAzovstal());
    expect(second).toBe(first);
    // If this fails, run `npx tsx scenarios/azovstal/build.ts` and commit site.json.
    expect(committedText).toBe(first);
  });

  it('models the plant as public record describes it', () => {
    const file = committed();
    expect(file.site).toEqual({
      id: file.site.id,
      name: 'Azovstal Iron and Steel Works',
      place: 'Mariupol, Ukraine',
      timeZone: 'Europe/Kyiv',
    });
    const shelters = file.points.filter((p) => p.kind === 'shelter');
    expect(shelters.length).toBeGreaterThanOrEqual(33);
    expect(shelters.length).toBeLessThanOrEqual(39);
    for (const s of shelters) {
      expect(s.depthM, s.code).toBeGreaterThanOrEqual(8);
      expect(Object.keys(s.conditions ?? {})).toEqual(
        expect.arrayContaining(['water', 'food', 'air', 'medical']),
      );
    }
    const capacity = shelters.reduce((sum, s) => sum + (s.capacity ?? 0), 0);
    expect(capacity).toBeGreaterThanOrEqual(11_000);
    expect(capacity).toBeLessThanOrEqual(13_000);
    // Drawn over about 4 km by 2.8 km, i.e. about 11 km².
    const xs = file.points.map((p) => p.x!);
    const ys = file.points.map((p) => p.y!);
    const area = (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
    expect(area / 1e6).toBeGreaterThan(9);
    expect(area / 1e6).toBeLessThan(14);
    expect(file.points.filter((p) => p.kind === 'exit').length).toBeGreaterThanOrEqual(3);
    expect(file.points.filter((p) => p.kind === 'pickup_point').length).toBeGreaterThanOrEqual(2);
    expect(file.points.filter((p) => p.kind === 'junction').length).toBeGreaterThanOrEqual(8);
  });

  it('has passages in every state, rubble that takes hours to weeks to clear, and shelters cut off until cleared', () => {
    const file = committed();
    const byState = (state: string) => file.passages.filter((p) => p.state === state);
    expect(byState('open').length).toBeGreaterThan(file.passages.length / 2);
    expect(byState('unsafe').length).toBeGreaterThanOrEqual(3);
    expect(byState('impassable').length).toBeGreaterThanOrEqual(3);
    const hours = byState('blocked').map((p) => p.clearancePersonHours!);
    expect(hours.length).toBeGreaterThanOrEqual(6);
    expect(Math.min(...hours)).toBeLessThanOrEqual(10);
    expect(Math.max(...hours)).toBeGreaterThanOrEqual(300);

    const withoutClearing = reachableShelters(file, new Set(['open', 'unsafe']));
    const afterClearing = reachableShelters(file, new Set(['open', 'unsafe', 'blocked']));
    const cutOff = [...afterClearing].filter((code) => !withoutClearing.has(code));
    expect(cutOff.length).toBeGreaterThanOrEqual(2);
    const occupied = new Set(file.people.map((p) => file.points.find((s) => s.id === p.shelterId)!.code));
    // Some of the civilians wait behind rubble: rescue, not only evacuation.
    expect(cutOff.filter((code) => occupied.has(code)).length).toBeGreaterThanOrEqual(2);
  });

  it('registers about 200 civilians in households, 30 of them children, each child with a guardian or flagged', () => {
    const file = committed();
    expect(file.people.length).toBeGreaterThanOrEqual(190);
    expect(file.people.length).toBeLessThanOrEqual(210);
    expect(file.households.length).toBeGreaterThanOrEqual(70);
    expect(file.households.length).toBeLessThanOrEqual(90);
    const byId = new Map(file.people.map((p) => [p.id, p]));
    const children = file.people.filter((p) => p.vulnerabilities?.includes('child'));
    expect(children).toHaveLength(30);
    for (const child of children) expect(ageOn(child.birthDate!, '2022-05-06'), child.id).toBeLessThan(18);
    let flagged = 0;
    for (const child of children) {
      const guardians = (child.guardians ?? []).map((g) => byId.get(g.personId));
      const isFlagged =
        child.vulnerabilities!.includes('unaccompanied_child') ||
        child.vulnerabilities!.includes('separated_child');
      if (isFlagged) flagged++;
      expect(guardians.length > 0 || isFlagged, child.id).toBe(true);
      for (const guardian of guardians) expect(guardian?.householdId).toBe(child.householdId);
    }
    expect(flagged).toBeGreaterThanOrEqual(1);

    const shelterOf = new Map<string, Set<string>>();
    for (const p of file.people)
      shelterOf.set(p.householdId!, (shelterOf.get(p.householdId!) ?? new Set()).add(p.shelterId!));
    for (const [household, shelters] of shelterOf) expect(shelters.size, household).toBe(1);

    const count = (v: Vulnerability) => file.people.filter((p) => p.vulnerabilities?.includes(v)).length;
    expect(count('elderly')).toBeGreaterThanOrEqual(20);
    expect(count('needs_stretcher')).toBeGreaterThanOrEqual(3);
    expect(count('needs_wheelchair')).toBeGreaterThanOrEqual(1);
    expect(count('pregnant')).toBeGreaterThanOrEqual(1);
    expect(count('needs_medication')).toBeGreaterThanOrEqual(5);
    expect(new Set(file.people.map((p) => p.triage).filter(Boolean))).toEqual(new Set(['T1', 'T2', 'T3']));
    expect(new Set(file.people.map((p) => p.status))).toEqual(new Set(['sheltering']));
  });

  it('writes every name in Cyrillic with a patronymic and in Latin by the Ukrainian national system', () => {
    for (const person of committed().people) {
      const cyrillic = person.names.find((n) => n.script === 'Cyrl')!;
      const latin = person.names.find((n) => n.script === 'Latn')!;
      expect(cyrillic.patronymic).toMatch(/^\p{Script=Cyrillic}+(ович|івна|ївна)$/u);
      expect(latin).toEqual({
        script: 'Latn',
        family: transliterate(cyrillic.family),
        given: transliterate(cyrillic.given),
      });
      expect(`${latin.family} ${latin.given}`).toMatch(/^[A-Za-z ]+$/);
    }
  });

  it('transliterates as the national system’s own examples do', () => {
    const examples: Array<[string, string]> = [
      ['Алушта', 'Alushta'],
      ['Згорани', 'Zghorany'],
      ['Розгон', 'Rozghon'],
      ['Єнакієве', 'Yenakiieve'],
      ['Гаєвич', 'Haievych'],
      ['Їжакевич', 'Yizhakevych'],
      ['Кадиївка', 'Kadyivka'],
      ['Йосипівка', 'Yosypivka'],
      ['Стрий', 'Stryi'],
      ['Олексій', 'Oleksii'],
      ['Юрій', 'Yurii'],
      ['Крюківка', 'Kriukivka'],
      ['Яготин', 'Yahotyn'],
      ['Ічня', 'Ichnia'],
      ['Знам’янка', 'Znamianka'],
      ['Щербухи', 'Shcherbukhy'],
      ['Ґалаґан', 'Galagan'],
      ['Біла Церква', 'Bila Tserkva'],
    ];
    for (const [cyrillic, latin] of examples) expect(transliterate(cyrillic)).toBe(latin);
  });

  it('keeps the report’s figures as sourced headcounts, and its route in the provenance', () => {
    const file = committed();
    const total = file.headcounts.find((h) => h.category === 'total');
    expect(total).toMatchObject({ count: 2000, approximate: true, reportedAt: '2022-05-06T06:00:00.000Z' });
    expect(total?.source).toMatch(/2022-05-06/);
    const mayor = file.headcounts.filter((h) => h.reportedBy?.includes('Boychenko'));
    expect(mayor.map((h) => h.category).sort()).toEqual(['children', 'civilians']);
    expect(mayor.find((h) => h.category === 'children')?.count).toBeGreaterThan(30);

    const provenance = file.provenance as {
      route: { waypoints: Array<{ name: string; kind: string; approxKmFromPlant: number }> };
    };
    const waypoints = provenance.route.waypoints;
    expect(waypoints.map((w) => w.name)).toEqual([
      'Bezimenne',
      'Manhush',
      'Berdiansk',
      'Tokmak',
      'Vasylivka',
      'Zaporizhzhia',
    ]);
    expect(waypoints.map((w) => w.kind)).toEqual([
      'screening_point',
      'screening_point',
      'checkpoint',
      'checkpoint',
      'checkpoint',
      'reception_point',
    ]);
    const km = waypoints.map((w) => w.approxKmFromPlant);
    expect(km).toEqual([...km].sort((a, b) => a - b));
  });

  it('has a fleet at Zaporizhzhia and the road out as public record gives it, with invented numbers', () => {
    const file = committed();
    const vehicles = file.vehicles ?? [];
    expect(file.depots?.map((d) => d.name)).toEqual(['Zaporizhzhia convoy assembly point']);
    expect(vehicles.filter((v) => v.kind === 'bus')).toHaveLength(8);
    const ambulances = vehicles.filter((v) => v.kind === 'ambulance');
    expect(ambulances).toHaveLength(2);
    for (const a of ambulances) expect(a.stretcherPlaces).toBeGreaterThanOrEqual(1);
    // Every stretcher case and wheelchair user registered has a kind of place in the fleet.
    expect(vehicles.some((v) => (v.wheelchairPlaces ?? 0) > 0)).toBe(true);
    for (const v of vehicles) expect(v.plateOrMarking, v.label).toBeTruthy();

    // The road points are the provenance route's waypoints, of the same kinds.
    const provenance = file.provenance as { route: { waypoints: Array<{ name: string; kind: string }> } };
    const roads = new Map((file.roadPoints ?? []).map((p) => [p.name, p]));
    for (const w of provenance.route.waypoints)
      expect(
        roads.get(w.name === 'Zaporizhzhia' ? 'Zaporizhzhia reception centre' : w.name)?.kind,
        w.name,
      ).toBe(w.kind);

    // Every pickup point has a route to a screening point; every screening point a road to reception;
    // the depot and the reception point drive to every pickup point.
    const pickups = file.points.filter((p) => p.kind === 'pickup_point').map((p) => p.id);
    expect((file.pickupRoutes ?? []).map((r) => r.pickupPointId).sort()).toEqual([...pickups].sort());
    const travel = new Set((file.travelTimes ?? []).map((t) => `${t.fromId}>${t.toId}`));
    const reception = roads.get('Zaporizhzhia reception centre')!.id;
    for (const screening of ['Bezimenne', 'Manhush'])
      expect(travel.has(`${roads.get(screening)!.id}>${reception}`), screening).toBe(true);
    for (const pickup of pickups) {
      expect(travel.has(`${file.depots![0]!.id}>${pickup}`)).toBe(true);
      expect(travel.has(`${reception}>${pickup}`)).toBe(true);
    }
    expect(file.planningSettings?.loadingMinutesPerStretcher).toBeGreaterThan(
      file.planningSettings!.loadingMinutesPerPerson,
    );
  });

  it('has two or three invented hand crews, in the tunnels, at least one inside the part rubble cuts off', () => {
    const file = committed();
    const crews = file.crews ?? [];
    expect(crews.length).toBeGreaterThanOrEqual(2);
    expect(crews.length).toBeLessThanOrEqual(3);
    const points = new Map(file.points.map((p) => [p.id, p]));
    for (const crew of crews) {
      expect(points.get(crew.positionId)?.kind, crew.name).toBe('junction');
      expect(crew.size, crew.name).toBeGreaterThanOrEqual(1);
      expect(crew.note, crew.name).toMatch(/^Invented/);
    }
    // Reachable from an exit through open passages only, or not: crews on both sides of the rubble.
    const next = new Map<string, string[]>();
    for (const p of file.passages.filter((p) => p.state === 'open')) {
      next.set(p.from, [...(next.get(p.from) ?? []), p.to]);
      next.set(p.to, [...(next.get(p.to) ?? []), p.from]);
    }
    const seen = new Set(file.points.filter((p) => p.kind === 'exit').map((p) => p.id));
    const queue = [...seen];
    for (let id = queue.shift(); id !== undefined; id = queue.shift())
      for (const other of next.get(id) ?? [])
        if (!seen.has(other)) {
          seen.add(other);
          queue.push(other);
        }
    const outside = crews.filter((c) => seen.has(c.positionId));
    expect(outside.length).toBeGreaterThanOrEqual(1);
    expect(outside.length).toBeLessThan(crews.length);
  });

  it('records the report’s statements as sourced claims: the pause, the accusation and the denial, the commander, the mayor', () => {
    const file = committed();
    const partyNamed = (name: string) => file.parties?.find((p) => p.name === name)?.id;
    const moscow = partyNamed('Russian Federation Ministry of Defence');
    const kyiv = partyNamed('Government of Ukraine');
    expect(
      moscow && kyiv && partyNamed('Azov regiment command') && partyNamed('City of Mariupol'),
    ).toBeTruthy();

    // A pause announced by Moscow, in Moscow time, for the civilians' evacuation.
    const pause = file.pauses?.find((p) => p.announcedStart === '2022-05-05T08:00');
    expect(pause).toMatchObject({
      announcedBy: moscow,
      announcedZone: 'Europe/Moscow',
      announcedStart: '2022-05-05T08:00',
    });
    const claims = file.claims ?? [];
    expect(claims.find((c) => c.pauseWindowId === pause?.id && c.partyId === moscow)?.stance).toBe('asserts');

    // The accusation and the denial are two claims on one incident.
    const onIncident = claims.filter((c) => c.subject === 'incident');
    expect(new Set(onIncident.map((c) => c.incidentId)).size).toBe(1);
    expect(onIncident.map((c) => [c.partyId, c.stance])).toEqual(
      expect.arrayContaining([
        [kyiv, 'asserts'],
        [moscow, 'denies'],
      ]),
    );
    expect(onIncident).toHaveLength(2);
    expect(onIncident.find((c) => c.partyId === kyiv)?.words).toMatch(/200 civilians, including 30 children/);

    // The commander's statement, on Telegram; the mayor's figures.
    const telegram = file.sources?.find((s) => s.channel === 'Telegram');
    expect(claims.find((c) => c.sourceId === telegram?.id)?.words).toMatch(/keep up our defences/);
    const mayor = partyNamed('City of Mariupol');
    expect(
      claims
        .filter((c) => c.partyId === mayor && c.figure)
        .map((c) => c.figure?.metric)
        .sort(),
    ).toEqual(['children', 'civilians']);
    // Short quotes only: the report is cited, not copied.
    for (const claim of claims) if (claim.quoted) expect(claim.words.length).toBeLessThanOrEqual(80);
    expect(file.sources?.find((s) => s.kind === 'press_report')?.publishedAt).toMatch(/^2022-05-06/);
  });
});

describe('loading the Azovstal scenario', () => {
  let t: TestDatabase;
  let file: SiteFile;
  beforeAll(async () => {
    t = await openTestDatabase();
    file = committed();
  });
  afterAll(() => t.close());

  it('registers the civilians and keeps the reported headcount of about 2,000 apart', async () => {
    const loaded = await loadAzovstal(t.db, systemActor);
    expect(loaded.created.person).toBe(file.people.length);
    const summary = await siteSummary(t.db, loaded.siteId);
    expect(summary.site.name).toBe('Azovstal Iron and Steel Works');
    expect(summary.registered.total).toBe(file.people.length);
    expect(summary.registered.total).toBeGreaterThanOrEqual(190);
    expect(summary.registered.total).toBeLessThanOrEqual(210);
    expect(summary.registered.byStatus).toEqual({ sheltering: file.people.length });
    expect(summary.registered.byVulnerability.child).toBe(30);
    expect(summary.reportedHeadcounts.find((h) => h.category === 'total')).toMatchObject({
      count: 2000,
      approximate: true,
    });
  });

  it('changes nothing when loaded again', async () => {
    const before = await snapshot(t.db);
    const again = await loadAzovstal(t.db, systemActor);
    expect(again).toEqual(everythingUnchanged(file));
    expect(await snapshot(t.db)).toBe(before);
  });

  it('exports every record it imported, and exports the same bytes after a round trip', async () => {
    const exported = await exportSiteFileText(t.db, file.site.id);
    const parsed = checkSiteFile(JSON.parse(exported));
    const byId = <T extends { id: string }>(records: T[]) =>
      [...records].sort((a, b) => (a.id < b.id ? -1 : 1));
    const { provenance: _kept, ...withoutProvenance } = file;
    expect({
      ...parsed,
      points: byId(parsed.points),
      passages: byId(parsed.passages),
      households: byId(parsed.households),
      people: byId(parsed.people),
      headcounts: byId(parsed.headcounts),
    }).toEqual({
      ...withoutProvenance,
      points: byId(file.points),
      passages: byId(file.passages),
      households: byId(file.households),
      people: byId(file.people),
      headcounts: byId(file.headcounts),
    });

    const fresh = await openTestDatabase();
    try {
      await importSiteFile(fresh.db, systemActor, JSON.parse(exported));
      expect(await exportSiteFileText(fresh.db, file.site.id)).toBe(exported);
    } finally {
      await fresh.close();
    }
  });
});
