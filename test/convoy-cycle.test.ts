// A whole convoy cycle on the Azovstal scenario, through the HTTP API, as the roles do it: the cell
// plans and accepts an evacuation, makes the convoys and notifies the parties, who acknowledge; a
// field team boards people (one does not come); the convoy departs, a mother is taken off the bus at
// the screening point, the convoy reaches the reception centre; the desks check people in (her
// daughter arrives alone, a man who walked out of the site is on no manifest, one passenger never
// reaches the desk). Then the reconciliation says exactly who is missing and where each was last
// seen, and the alerts each of these raised are waiting for the cell. Finally the mother is let go
// and travels on with the next day's convoy: she is checked in as that convoy arrives, which counts for
// the convoy she boarded, ends her hold and resolves her alert; one man alone is still missing.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/domain/ids.ts';
import { personCode } from '../src/domain/person-code.ts';
import { azovstalSiteFile, loadAzovstal } from '../src/scenario/azovstal.ts';
import type { SiteFile } from '../src/scenario/format.ts';
import { systemActor } from '../src/store/repos/operations.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { backendName } from './support/database.ts';
import { call } from './support/fixtures.ts';

const file = JSON.parse(readFileSync(azovstalSiteFile, 'utf8')) as SiteFile;
const siteId = file.site.id;
const codeOf = new Map(file.points.map((p) => [p.id, p.code]));
const icrc = file.parties!.find((p) => p.shortName === 'ICRC')!.id;
const windowOn = (day: number) => file.pauses!.find((p) => p.announcedStart === `2022-05-0${day}T08:00`)!.id;
const isChild = (p: SiteFile['people'][number]) =>
  ['0-4', '5-11', '12-17'].includes(p.ageBand ?? '') || (p.vulnerabilities ?? []).includes('child');

/** The households of S01 with a child whose guardian is in the household, and a few others of S01. */
const s01 = file.households
  .map((h) => file.people.filter((p) => p.householdId === h.id))
  .filter((members) => codeOf.get(members[0]!.shelterId!) === 'S01');
const withChild = s01.filter((m) =>
  m.some((p) => isChild(p) && (p.guardians ?? []).some((g) => m.some((q) => q.id === g.personId))),
);
// A family with as few children as there are: the one child is the story.
const family = [...withChild].sort((a, b) => a.filter(isChild).length - b.filter(isChild).length)[0]!;
const child = family.find((p) => isChild(p) && (p.guardians ?? []).length > 0)!;
const mother = family.find((p) => p.id === child.guardians![0]!.personId)!;
const others = s01.filter((m) => m !== family && !m.some(isChild)).slice(0, 3);
const travellers = [...family, ...others.flat()];
/** The adults responsible for a child: the guardians, or else the household's adults. */
const responsibleFor = (c: SiteFile['people'][number]) =>
  (c.guardians ?? []).length > 0
    ? c.guardians!.map((g) => g.personId)
    : family.filter((p) => !isChild(p) && p.id !== c.id).map((p) => p.id);
/** The children of the family who arrive with none of their adults: those whose adults are the mother alone. */
const aloneChildren = family.filter((p) => isChild(p) && responsibleFor(p).every((id) => id === mother.id));
/** Someone of another shelter who is never planned: he comes out on his own. */
const walkIn = file.people.find(
  (p) =>
    p.shelterId &&
    codeOf.get(p.shelterId) !== 'S01' &&
    !isChild(p) &&
    (p.status ?? 'sheltering') === 'sheltering',
)!;

interface Waypoint {
  id: string;
  kind: string;
  name: string;
  plannedAt: string;
}
interface ConvoyView {
  id: string;
  code: string;
  status: string;
  vehicles: Array<{ vehicleId: string; label: string; manifest: { total: number } }>;
  waypoints: Waypoint[];
  flags: Array<{ message: string }>;
  notifications: Array<{ state: string; notification: { id: string } | null }>;
}
interface Manifest {
  entries: Array<{ personId: string; vehicleId: string; status: string; code: string }>;
}
interface Reconciliation {
  counts: Record<string, number>;
  convoys: Array<{
    convoyId: string;
    manifest: Record<string, number>;
    checkedIn: number;
    notArrived: number;
  }>;
  boardedNotArrived: Array<{
    person: { id: string; status: string };
    convoyCode: string;
    lastSeen: {
      waypointId: string;
      waypointName: string;
      waypointKind: string;
      how: string;
      heldNow: boolean;
    } | null;
  }>;
  arrivedNotOnManifest: Array<{ person: { id: string } }>;
  neverBoarded: Array<{ person: { id: string }; manifestStatus: string; reason: string | null }>;
  unaccompaniedChildren: Array<{
    person: { id: string };
    adults: Array<{ personId: string; status: string; lastSeen: { waypointName: string } | null }>;
  }>;
}

let t: TestApp;
let convoy: ConvoyView;
let manifest: Manifest;
const at = (kind: string) => convoy.waypoints.find((w) => w.kind === kind)!;
/** Minutes after a waypoint's planned time, as the field team reports it. */
const later = (w: Waypoint, minutes: number) =>
  new Date(Date.parse(w.plannedAt) + minutes * 60_000).toISOString();

/** Notifies every party of the convoy's movement on the evening before; each acknowledges. */
async function notifyAndAcknowledge(convoyId: string) {
  const { sent } = await call<{ sent: Array<{ id: string; content: unknown }> }>(
    t,
    'coordinator',
    'POST',
    `/api/convoys/${convoyId}/notifications`,
    { channel: 'humanitarian notification system', sentAt: '2022-05-05T19:00:00Z' },
    201,
  );
  for (const n of sent)
    await call(
      t,
      'coordinator',
      'POST',
      `/api/notifications/${n.id}/answers`,
      { answer: 'acknowledged', answeredAt: '2022-05-05T21:00:00Z', sourceNote: 'liaison officer, by phone' },
      201,
    );
  return sent;
}

/** A check-in at the desk of the reception centre, with a key of its own. */
const desk = (body: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: `/api/sites/${siteId}/check-ins`,
    headers: { ...t.as('reception'), 'idempotency-key': newId() },
    payload: { receptionPointId, desk: '2', ...body },
  });

let noShow: string;
let walkedOff: string;
let receptionPointId: string;

beforeAll(async () => {
  t = await openTestApp();
  await loadAzovstal(t.db, systemActor);
  const points = await call<{ roadPoints: Array<{ id: string; kind: string; name: string }> }>(
    t,
    'coordinator',
    'GET',
    `/api/sites/${siteId}/logistics`,
    undefined,
    200,
  );
  receptionPointId = points.roadPoints.find((p) => p.kind === 'reception_point')!.id;
}, 300_000);
afterAll(() => t.close());

describe(`a whole convoy cycle on Azovstal (${backendName})`, () => {
  it('plans, accepts and makes the convoys; the one carrying the family is notified and acknowledged', {
    timeout: 300_000,
  }, async () => {
    // The story needs a child whose only responsible adult is the mother.
    expect(aloneChildren.map((p) => p.id)).toContain(child.id);
    for (const p of travellers)
      await call(t, 'coordinator', 'POST', `/api/people/${p.id}/status`, { status: 'ready' }, 200);
    for (const day of [6, 7])
      await call(
        t,
        'coordinator',
        'PUT',
        `/api/pauses/${windowOn(day)}/acceptances/${icrc}`,
        { answer: 'accepted', answeredAt: '2022-05-05T18:00:00Z' },
        200,
      );
    const plan = await call<{ id: string }>(
      t,
      'coordinator',
      'POST',
      `/api/sites/${siteId}/plans`,
      { at: '2022-05-06T00:00:00Z', timeLimitSeconds: 6 },
      201,
    );
    await call(t, 'coordinator', 'POST', `/api/plans/${plan.id}/accept`, undefined, 200);
    const made = await call<{ convoys: ConvoyView[] }>(
      t,
      'coordinator',
      'POST',
      `/api/plans/${plan.id}/convoys`,
      undefined,
      201,
    );
    for (const c of made.convoys) {
      const m = await call<Manifest>(t, 'field', 'GET', `/api/convoys/${c.id}/manifest`, undefined, 200);
      if (m.entries.some((e) => e.personId === mother.id)) {
        convoy = c;
        manifest = m;
      }
    }
    expect(manifest.entries.map((e) => e.personId)).toEqual(expect.arrayContaining([mother.id, child.id]));
    expect(convoy.waypoints.map((w) => w.kind)).toEqual(
      expect.arrayContaining(['pickup_point', 'screening_point', 'reception_point']),
    );

    const sent = await notifyAndAcknowledge(convoy.id);
    expect(sent.length).toBeGreaterThan(0);
    // What the parties are told names nobody.
    const told = JSON.stringify(sent.map((n) => n.content));
    for (const name of mother.names) expect(told).not.toContain(name.family);
    // Nothing stands against departure on the evening before (the window is agreed, every party
    // acknowledged).
    convoy = await call<ConvoyView>(
      t,
      'coordinator',
      'GET',
      `/api/convoys/${convoy.id}?at=2022-05-05T22:00:00Z`,
      undefined,
      200,
    );
    expect(convoy.flags).toEqual([]);
  });

  it('boards everyone on the manifest by their cards but one, who does not come; the convoy departs', async () => {
    noShow = manifest.entries.find((e) => !family.some((p) => p.id === e.personId))!.personId;
    await call(
      t,
      'field',
      'POST',
      `/api/convoys/${convoy.id}/no-shows`,
      { personId: noShow, reason: 'stayed with a wounded neighbour who cannot be moved' },
      200,
    );
    for (const entry of manifest.entries.filter((e) => e.personId !== noShow))
      await call(t, 'field', 'POST', `/api/convoys/${convoy.id}/boarding`, { qr: entry.code }, 200);
    const departure = await call<{ alertsRaised: number }>(
      t,
      'coordinator',
      'POST',
      `/api/convoys/${convoy.id}/depart`,
      { departedAt: later(at('pickup_point'), 10) },
      200,
    );
    expect(departure.alertsRaised).toBe(1);
  });

  it('takes the mother off the bus at the screening point; the convoy drives on and arrives', async () => {
    const report = (payload: Record<string, unknown>) =>
      call(
        t,
        'field',
        'POST',
        `/api/convoys/${convoy.id}/events`,
        { reporter: 'ICRC convoy lead', ...payload },
        201,
      );
    const screening = at('screening_point');
    const reception = at('reception_point');
    const motherVehicle = manifest.entries.find((e) => e.personId === mother.id)!.vehicleId;
    await report({ waypointId: screening.id, kind: 'arrived', occurredAt: later(screening, 0) });
    await report({
      waypointId: screening.id,
      vehicleId: motherVehicle,
      kind: 'held',
      occurredAt: later(screening, 20),
      heldPersonIds: [mother.id],
      claim: { words: 'One woman was taken off the bus for further checks' },
    });
    await report({ waypointId: screening.id, kind: 'departed', occurredAt: later(screening, 60) });
    await report({ waypointId: reception.id, kind: 'arrived', occurredAt: later(reception, 30) });
    convoy = await call<ConvoyView>(t, 'coordinator', 'GET', `/api/convoys/${convoy.id}`, undefined, 200);
    expect(convoy.status).toBe('arrived');
  });

  it('checks people in at the desk by card, by name and by id; one passenger never reaches it', async () => {
    const aboard = manifest.entries.filter((e) => e.personId !== noShow && e.personId !== mother.id);
    walkedOff = aboard.find((e) => !family.some((p) => p.id === e.personId))!.personId;
    const childIds = new Set(family.filter(isChild).map((p) => p.id));
    // Adults first, by the QR codes on their cards: each on the manifest, none raising an alert.
    for (const entry of aboard.filter((e) => e.personId !== walkedOff && !childIds.has(e.personId))) {
      const response = await desk({ qr: personCode(entry.personId) });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({ onManifest: true, convoyId: convoy.id, alerts: [] });
    }
    for (const id of [...childIds].filter((id) => id !== child.id)) {
      const response = await desk({ qr: personCode(id) });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().alerts.map((a: { kind: string }) => a.kind)).toEqual(
        aloneChildren.some((p) => p.id === id) ? ['unaccompanied_child_arrived'] : [],
      );
    }
    // The girl has no card: the desk finds her by the name she gives, in Latin letters.
    const name = child.names.find((n) => n.script !== 'Latn') ?? child.names[0]!;
    const found = await call<{
      items: Array<{ person: { id: string }; expectedOn: { convoyCode: string } | null }>;
    }>(
      t,
      'reception',
      'GET',
      `/api/sites/${siteId}/reception/search?q=${encodeURIComponent(`${name.family} ${name.given}`)}`,
      undefined,
      200,
    );
    expect(found.items[0]).toMatchObject({
      person: { id: child.id },
      expectedOn: { convoyCode: convoy.code },
    });
    const girl = await desk({ personId: child.id, method: 'search' });
    expect(girl.statusCode, girl.body).toBe(201);
    expect(girl.json().alerts.map((a: { kind: string }) => a.kind)).toEqual(['unaccompanied_child_arrived']);
    // A man who walked out of the site on his own.
    const walker = await desk({ personId: walkIn.id });
    expect(walker.statusCode, walker.body).toBe(201);
    expect(walker.json()).toMatchObject({ onManifest: false, convoyId: null });
  });

  it('shows exactly who is missing and where each was last seen, and the alerts wait for the cell', async () => {
    const report = await call<Reconciliation>(
      t,
      'coordinator',
      'GET',
      `/api/sites/${siteId}/reconciliation`,
      undefined,
      200,
    );
    const missing = new Map(report.boardedNotArrived.map((b) => [b.person.id, b]));
    // Exactly two of those who boarded are missing: the mother, held, and a man who never reached
    // the desk; everyone else is counted where they are.
    expect([...missing.keys()].sort()).toEqual([mother.id, walkedOff].sort());
    expect(report.counts).toMatchObject({
      boardedNotArrived: 2,
      heldAtScreening: 1,
      arrivedNotOnManifest: 1,
      neverBoarded: 1,
      unaccompaniedChildren: aloneChildren.length,
    });
    expect(missing.get(mother.id)).toMatchObject({
      convoyCode: convoy.code,
      person: { status: 'held_at_screening' },
      lastSeen: {
        waypointId: at('screening_point').id,
        waypointName: at('screening_point').name,
        waypointKind: 'screening_point',
        how: 'held',
        heldNow: true,
      },
    });
    expect(missing.get(walkedOff)).toMatchObject({
      person: { status: 'boarded' },
      lastSeen: {
        waypointId: at('reception_point').id,
        waypointName: at('reception_point').name,
        waypointKind: 'reception_point',
        how: 'arrived',
        heldNow: false,
      },
    });
    expect(report.neverBoarded).toEqual([
      expect.objectContaining({
        person: expect.objectContaining({ id: noShow }),
        manifestStatus: 'no_show',
        reason: 'stayed with a wounded neighbour who cannot be moved',
      }),
    ]);
    expect(report.arrivedNotOnManifest.map((a) => a.person.id)).toEqual([walkIn.id]);
    expect(report.unaccompaniedChildren.map((c) => c.person.id).sort()).toEqual(
      aloneChildren.map((p) => p.id).sort(),
    );
    expect(report.unaccompaniedChildren.find((c) => c.person.id === child.id)!.adults).toEqual([
      expect.objectContaining({
        personId: mother.id,
        status: 'held_at_screening',
        lastSeen: expect.objectContaining({ waypointName: at('screening_point').name }),
      }),
    ]);
    const boarded = manifest.entries.length - 1;
    expect(report.convoys.find((c) => c.convoyId === convoy.id)).toMatchObject({
      manifest: { boarded, noShow: 1 },
      checkedIn: boarded - 2,
      notArrived: 2,
    });

    const alerts = await call<{
      items: Array<{ kind: string; person: { id: string }; details: Record<string, unknown> }>;
    }>(t, 'coordinator', 'GET', `/api/sites/${siteId}/alerts`, undefined, 200);
    const kinds = alerts.items.map((a) => `${a.kind} ${a.person.id}`).sort();
    expect(kinds).toEqual(
      [
        `manifest_not_boarded ${noShow}`,
        `boarded_not_arrived ${mother.id}`,
        ...aloneChildren.map((p) => `unaccompanied_child_arrived ${p.id}`),
        `arrived_not_on_manifest ${walkIn.id}`,
      ].sort(),
    );
    const held = alerts.items.find((a) => a.kind === 'boarded_not_arrived')!;
    expect(held.details).toMatchObject({
      convoyCode: convoy.code,
      lastSeen: { waypointName: at('screening_point').name, how: 'held' },
    });
    expect(alerts.items.find((a) => a.kind === 'manifest_not_boarded')!.details).toMatchObject({
      reason: 'stayed with a wounded neighbour who cannot be moved',
    });
  });

  it('lets the mother go: she travels on with another convoy, is checked in as it arrives, and that counts for the convoy she boarded', async () => {
    // The next day's convoy: the cell plans two more families of the shelter S28 for 7 May.
    const nextFamilies = file.households
      .map((h) => file.people.filter((p) => p.householdId === h.id))
      .filter(
        (m) =>
          m.length > 0 &&
          codeOf.get(m[0]!.shelterId!) === 'S28' &&
          !m.some((p) => isChild(p) || p.id === walkIn.id || (p.status ?? 'sheltering') !== 'sheltering'),
      )
      .slice(0, 2)
      .flat();
    expect(nextFamilies.length).toBeGreaterThan(0);
    for (const p of nextFamilies)
      await call(t, 'coordinator', 'POST', `/api/people/${p.id}/status`, { status: 'ready' }, 200);
    const plan = await call<{ id: string }>(
      t,
      'coordinator',
      'POST',
      `/api/sites/${siteId}/plans`,
      { at: '2022-05-07T00:00:00Z', timeLimitSeconds: 6 },
      201,
    );
    await call(t, 'coordinator', 'POST', `/api/plans/${plan.id}/accept`, undefined, 200);
    const next = (
      await call<{ convoys: ConvoyView[] }>(
        t,
        'coordinator',
        'POST',
        `/api/plans/${plan.id}/convoys`,
        undefined,
        201,
      )
    ).convoys.find((c) => c.vehicles.some((v) => v.manifest.total > 0))!;
    expect(next, 'the plan of 7 May makes a convoy').toBeDefined();
    const nextManifest = await call<Manifest>(
      t,
      'field',
      'GET',
      `/api/convoys/${next.id}/manifest`,
      undefined,
      200,
    );
    // She is not on its manifest: she boarded the first convoy and was taken off it.
    expect(nextManifest.entries.map((e) => e.personId)).not.toContain(mother.id);
    await notifyAndAcknowledge(next.id);
    for (const entry of nextManifest.entries)
      await call(t, 'field', 'POST', `/api/convoys/${next.id}/boarding`, { qr: entry.code }, 200);
    const stop = (kind: string) => next.waypoints.find((w) => w.kind === kind)!;
    await call(
      t,
      'coordinator',
      'POST',
      `/api/convoys/${next.id}/depart`,
      { departedAt: later(stop('pickup_point'), 10) },
      200,
    );
    await call(
      t,
      'field',
      'POST',
      `/api/convoys/${next.id}/events`,
      {
        reporter: 'ICRC convoy lead',
        waypointId: stop('reception_point').id,
        kind: 'arrived',
        occurredAt: later(stop('reception_point'), 30),
        note: 'a woman let go at the screening point travels with us',
      },
      201,
    );
    // The desk receives the second convoy: its passengers, and the mother, who rode with them.
    for (const entry of nextManifest.entries) {
      const response = await desk({ qr: entry.code, convoyId: next.id });
      expect(response.statusCode, response.body).toBe(201);
    }
    const her = await desk({ qr: personCode(mother.id), convoyId: next.id });
    expect(her.statusCode, her.body).toBe(201);
    // She was on a manifest (the first convoy's): no alert for arriving on none.
    expect(her.json()).toMatchObject({ convoyId: next.id, onManifest: true, alerts: [] });

    // Her hold at the screening point ends with the check-in; its claim stays.
    const road = await call<{
      holds: Array<{ personId: string; claimId: string | null; endedByCheckInId: string | null }>;
    }>(t, 'coordinator', 'GET', `/api/convoys/${convoy.id}/events`, undefined, 200);
    expect(road.holds).toEqual([
      expect.objectContaining({
        personId: mother.id,
        claimId: expect.any(String),
        endedByCheckInId: her.json().id,
      }),
    ]);
    const report = await call<Reconciliation>(
      t,
      'coordinator',
      'GET',
      `/api/sites/${siteId}/reconciliation`,
      undefined,
      200,
    );
    // One man alone is still missing, last seen as his bus reached the reception point.
    expect(report.boardedNotArrived).toEqual([
      expect.objectContaining({
        person: expect.objectContaining({ id: walkedOff, status: 'boarded' }),
        convoyCode: convoy.code,
        lastSeen: expect.objectContaining({ waypointId: at('reception_point').id, how: 'arrived' }),
      }),
    ]);
    expect(report.counts).toMatchObject({
      boardedNotArrived: 1,
      heldAtScreening: 0,
      arrivedNotOnManifest: 1,
    });
    // Her arrival counts for the convoy she boarded, not the one she came with.
    const boarded = manifest.entries.length - 1;
    expect(report.convoys.find((c) => c.convoyId === convoy.id)).toMatchObject({
      checkedIn: boarded - 1,
      notArrived: 1,
    });
    expect(report.convoys.find((c) => c.convoyId === next.id)).toMatchObject({
      manifest: { boarded: nextManifest.entries.length },
      checkedIn: nextManifest.entries.length,
      notArrived: 0,
    });
    // With their mother in, no child is alone; the alerts raised when they arrived wait for the cell.
    expect(report.unaccompaniedChildren).toEqual([]);

    const alerts = await call<{
      items: Array<{
        kind: string;
        person: { id: string };
        resolvedBy: string | null;
        resolution: string | null;
      }>;
    }>(t, 'coordinator', 'GET', `/api/sites/${siteId}/alerts?state=all`, undefined, 200);
    const hers = alerts.items.find((a) => a.kind === 'boarded_not_arrived' && a.person.id === mother.id)!;
    expect(hers.resolution).toContain(`no longer held at ${at('screening_point').name}`);
    expect(hers.resolvedBy).toBe('reception-user');
    const open = await call<{ items: Array<{ kind: string; person: { id: string } }> }>(
      t,
      'coordinator',
      'GET',
      `/api/sites/${siteId}/alerts`,
      undefined,
      200,
    );
    expect(open.items.map((a) => `${a.kind} ${a.person.id}`).sort()).toEqual(
      [
        `manifest_not_boarded ${noShow}`,
        ...aloneChildren.map((p) => `unaccompanied_child_arrived ${p.id}`),
        `arrived_not_on_manifest ${walkIn.id}`,
      ].sort(),
    );
  });
});
