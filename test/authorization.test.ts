import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Role, roles } from '../src/domain/roles.ts';
import { createToken, createUser } from '../src/services/accounts.ts';
import { systemActor } from '../src/store/repos/operations.ts';
import { openTestApp, passwordOf, type TestApp } from './support/app.ts';
import { type ConvoyFixtures, seedConvoy } from './support/convoy-fixtures.ts';
import { backendName } from './support/database.ts';
import { call, type Fixtures, secretNames, seedSite } from './support/fixtures.ts';
import { expectError, sessionCookieOf } from './support/http.ts';
import { type LogisticsFixtures, seedLogistics } from './support/logistics-fixtures.ts';
import { type ReceptionFixtures, seedReception } from './support/reception-fixtures.ts';
import { type RescueFixtures, seedRescue } from './support/rescue-fixtures.ts';
import { seedTracingRecords } from './support/tracing-fixtures.ts';

// The authorization matrix, written out by hand from the roles' purpose (DESIGN.md): a second,
// independent statement of who may do what, checked against what the server does. A route the app
// registers that is missing here fails the first test, so no route escapes the matrix.
type Access = 'public' | readonly Role[];
interface Expected {
  access: Access;
  /** A concrete path with real ids, for routes with parameters. */
  path?: (f: Fixtures, t: TestApp) => string;
}

const everyone = roles;
// Everyone who takes part in the operation: auditors read the audit trail and nothing of the site.
const participants = roles.filter((role) => role !== 'auditor');
const admin = ['admin'] as const;
const coordinator = ['coordinator'] as const;
const peopleReaders = ['admin', 'coordinator', 'field', 'reception'] as const;
const registrars = ['coordinator', 'field'] as const;
// Tracing matches say where someone is: the coordination cell alone sees them. Reception desks file
// requests and record consent to be found; they and the cell see children's cases.
const tracingDesks = ['coordinator', 'reception'] as const;
let tracing: Awaited<ReturnType<typeof seedTracingRecords>>;
const claimReaders = ['admin', 'coordinator', 'field'] as const;
// Plans list people and the fleet's depots: every role but observers.
const planReaders = ['admin', 'coordinator', 'field', 'reception'] as const;
let logistics: LogisticsFixtures;
// Rescue plans say where crews are and will be: the cell, field teams and admins, not observers.
const rescueReaders = ['admin', 'coordinator', 'field'] as const;
let rescue: RescueFixtures;
// Convoys: who is coming, on which vehicle, when: every role but observers, who hear of a movement
// only through its notification. The cell makes and decides them.
const convoyReaders = ['admin', 'coordinator', 'field', 'reception'] as const;
let convoy: ConvoyFixtures;
// Reception desks check people in; the alerts reconciliation raises are read by the cell, reception
// and admins, and resolved by the cell.
const checkInDesks = ['coordinator', 'reception'] as const;
const alertReaders = ['admin', 'coordinator', 'reception'] as const;
let reception: ReceptionFixtures;

const expected: Record<string, Expected> = {
  // The API reference page and the documents are public.
  'GET /api/docs': { access: 'public' },
  'GET /api/docs/static/index.html': { access: 'public' },
  'GET /api/docs/static/swagger-initializer.js': { access: 'public' },
  'GET /api/docs/static/*': { access: 'public', path: () => '/api/docs/static/swagger-ui.css' },
  'GET /api/docs/json': { access: 'public' },
  'GET /api/docs/yaml': { access: 'public' },
  'GET /api/openapi.json': { access: 'public' },
  'GET /api/schemas/site-file.json': { access: 'public' },
  'GET /api/health': { access: 'public' },
  // The web app: its page and files are public; what it shows comes from the API above.
  'GET /': { access: 'public' },
  'GET /*': { access: 'public', path: () => '/registry' },
  // Session and own tokens: anyone logged in.
  'POST /api/session': { access: 'public' },
  'GET /api/session': { access: everyone },
  'DELETE /api/session': { access: everyone },
  'POST /api/tokens': { access: everyone },
  // Accounts: admins only.
  'GET /api/users': { access: admin },
  'POST /api/users': { access: admin },
  'PATCH /api/users/:id': { access: admin, path: (_, t) => `/api/users/${t.users.field.id}` },
  // The operations log names people: the coordination cell and admins.
  'GET /api/operations': { access: ['admin', 'coordinator'] },
  // The site's shape is shared with every role (observers get it without names); the coordination
  // cell models it; field teams report passages.
  'GET /api/sites': { access: participants },
  'POST /api/sites': { access: coordinator },
  'GET /api/sites/:id': { access: participants, path: (f) => `/api/sites/${f.siteId}` },
  'PATCH /api/sites/:id': { access: coordinator, path: (f) => `/api/sites/${f.siteId}` },
  'GET /api/sites/:siteId/summary': { access: participants, path: (f) => `/api/sites/${f.siteId}/summary` },
  // HXL exports are counts with small cells suppressed: every role that reads aggregates.
  'GET /api/sites/:siteId/exports/hxl': {
    access: ['admin', 'coordinator', 'field', 'reception', 'observer'],
    path: (f) => `/api/sites/${f.siteId}/exports/hxl`,
  },
  // Situation reports: the public version to every role that reads aggregates, the full one to the cell.
  'GET /api/sites/:siteId/sitrep': {
    access: ['admin', 'coordinator', 'field', 'reception', 'observer'],
    path: (f) => `/api/sites/${f.siteId}/sitrep`,
  },
  'POST /api/sites/:siteId/points': { access: coordinator, path: (f) => `/api/sites/${f.siteId}/points` },
  'PATCH /api/points/:id': { access: coordinator, path: (f) => `/api/points/${f.shelterId}` },
  'POST /api/sites/:siteId/passages': {
    access: coordinator,
    path: (f) => `/api/sites/${f.siteId}/passages`,
  },
  'PATCH /api/passages/:id': { access: coordinator, path: (f) => `/api/passages/${f.passageId}` },
  'POST /api/passages/:id/reports': {
    access: registrars,
    path: (f) => `/api/passages/${f.passageId}/reports`,
  },
  // People: everyone but observers reads; field teams and the cell register; reception also moves
  // people along the lifecycle (check-in).
  'GET /api/people': { access: peopleReaders },
  'POST /api/people': { access: registrars },
  'GET /api/people/:id': { access: peopleReaders, path: (f) => `/api/people/${f.personId}` },
  'PATCH /api/people/:id': { access: registrars, path: (f) => `/api/people/${f.personId}` },
  'POST /api/people/:id/status': {
    access: ['coordinator', 'field', 'reception'],
    path: (f) => `/api/people/${f.personId}/status`,
  },
  'GET /api/people/:id/history': { access: peopleReaders, path: (f) => `/api/people/${f.personId}/history` },
  'POST /api/tracing-requests': { access: tracingDesks },
  'GET /api/sites/:siteId/tracing-requests': {
    access: coordinator,
    path: (f) => `/api/sites/${f.siteId}/tracing-requests`,
  },
  'GET /api/tracing-requests/:id': {
    access: coordinator,
    path: () => `/api/tracing-requests/${tracing.requestId}`,
  },
  'PATCH /api/tracing-requests/:id': {
    access: coordinator,
    path: () => `/api/tracing-requests/${tracing.requestId}`,
  },
  'POST /api/tracing-requests/:id/status': {
    access: coordinator,
    path: () => `/api/tracing-requests/${tracing.requestId}/status`,
  },
  'POST /api/tracing-requests/:id/matches/:personId/review': {
    access: coordinator,
    path: (f) => `/api/tracing-requests/${tracing.requestId}/matches/${f.personId}/review`,
  },
  'GET /api/sites/:siteId/tracing-matches': {
    access: coordinator,
    path: (f) => `/api/sites/${f.siteId}/tracing-matches`,
  },
  'GET /api/sites/:siteId/tracing-search': {
    access: coordinator,
    path: (f) => `/api/sites/${f.siteId}/tracing-search?family=Shevchuk`,
  },
  'GET /api/people/:id/tracing-consent': {
    access: tracingDesks,
    path: (f) => `/api/people/${f.personId}/tracing-consent`,
  },
  'PUT /api/people/:id/tracing-consent': {
    access: tracingDesks,
    path: (f) => `/api/people/${f.personId}/tracing-consent`,
  },
  'GET /api/sites/:siteId/child-cases': {
    access: tracingDesks,
    path: (f) => `/api/sites/${f.siteId}/child-cases`,
  },
  'POST /api/child-cases': { access: coordinator },
  'GET /api/child-cases/:id': { access: tracingDesks, path: () => `/api/child-cases/${tracing.caseId}` },
  'POST /api/child-cases/:id/verifications': {
    access: coordinator,
    path: () => `/api/child-cases/${tracing.caseId}/verifications`,
  },
  'POST /api/child-cases/:id/handover': {
    access: tracingDesks,
    path: () => `/api/child-cases/${tracing.caseId}/handover`,
  },
  // PFIF files name people: exchanged with other registries by the cell alone.
  'GET /api/sites/:siteId/pfif': {
    access: coordinator,
    path: (f) =>
      `/api/sites/${f.siteId}/pfif?profile=icrc-tracing&recipient=ICRC%20Central%20Tracing%20Agency`,
  },
  'POST /api/sites/:siteId/pfif': { access: coordinator, path: (f) => `/api/sites/${f.siteId}/pfif` },
  // The audit trail holds ids, never names: auditors and admins read it.
  'GET /api/audit': { access: ['admin', 'auditor'] },
  'GET /api/audit/export': { access: ['admin', 'auditor'] },
  'GET /api/audit/verify': { access: ['admin', 'auditor'] },
  // What each party may receive: the cell decides, admins and auditors read it.
  'GET /api/disclosure-profiles': { access: ['admin', 'coordinator', 'auditor'] },
  'GET /api/disclosure-profiles/:name': {
    access: ['admin', 'coordinator', 'auditor'],
    path: () => '/api/disclosure-profiles/public',
  },
  'POST /api/disclosure-profiles': { access: coordinator },
  'PATCH /api/disclosure-profiles/:name': {
    access: coordinator,
    path: () => '/api/disclosure-profiles/public',
  },
  'PUT /api/parties/:id/disclosure-profile': {
    access: coordinator,
    path: (f) => `/api/parties/${f.partyId}/disclosure-profile`,
  },
  // Offline sync: field teams and the cell push and pull; every write that lost is the cell's to see.
  'POST /api/sync/push': { access: registrars },
  'GET /api/sync/pull': { access: registrars, path: (f) => `/api/sync/pull?siteId=${f.siteId}` },
  'GET /api/sync/conflicts': { access: coordinator },
  // Bundles: a device enrols as its team; whoever carries a bundle out, a team or the cell, imports it.
  'POST /api/sync/devices': { access: registrars },
  'POST /api/sync/bundles': { access: registrars },
  // Duplicates name both registrations; merging is the cell's.
  'GET /api/sites/:siteId/duplicates': {
    access: coordinator,
    path: (f) => `/api/sites/${f.siteId}/duplicates`,
  },
  'POST /api/duplicates/dismissals': { access: coordinator },
  'POST /api/merges': { access: coordinator },
  'GET /api/sites/:siteId/merges': { access: coordinator, path: (f) => `/api/sites/${f.siteId}/merges` },
  'POST /api/merges/:id/unmerge': { access: coordinator, path: (f) => `/api/merges/${f.personId}/unmerge` },
  'POST /api/child-cases/:id/close': {
    access: coordinator,
    path: () => `/api/child-cases/${tracing.caseId}/close`,
  },
  'GET /api/households': { access: peopleReaders },
  'POST /api/households': { access: registrars },
  'GET /api/households/:id': { access: peopleReaders, path: (f) => `/api/households/${f.householdId}` },
  'PATCH /api/households/:id': { access: registrars, path: (f) => `/api/households/${f.householdId}` },
  // Headcounts carry the reporter's name: not for reception or observers.
  'GET /api/sites/:siteId/headcounts': {
    access: ['admin', 'coordinator', 'field'],
    path: (f) => `/api/sites/${f.siteId}/headcounts`,
  },
  'POST /api/headcounts': { access: registrars },
  // Pause windows are common knowledge between the parties: every role reads them; the cell records them.
  'GET /api/parties': { access: participants },
  'POST /api/parties': { access: coordinator },
  'GET /api/sites/:siteId/pauses': { access: participants, path: (f) => `/api/sites/${f.siteId}/pauses` },
  'POST /api/pauses': { access: coordinator },
  'GET /api/pauses/:id': { access: participants, path: (f) => `/api/pauses/${f.pauseId}` },
  'PATCH /api/pauses/:id': { access: coordinator, path: (f) => `/api/pauses/${f.pauseId}` },
  'PUT /api/pauses/:id/acceptances/:partyId': {
    access: coordinator,
    path: (f) => `/api/pauses/${f.pauseId}/acceptances/${f.partyId}`,
  },
  // Claims, incidents and their sources name speakers and are not shared with observers or
  // reception; field teams record them, only the cell verifies.
  'GET /api/sources': { access: claimReaders },
  'POST /api/sources': { access: registrars },
  'GET /api/sites/:siteId/incidents': {
    access: claimReaders,
    path: (f) => `/api/sites/${f.siteId}/incidents`,
  },
  'POST /api/incidents': { access: registrars },
  'GET /api/incidents/:id': { access: claimReaders, path: (f) => `/api/incidents/${f.incidentId}` },
  'GET /api/sites/:siteId/claims': { access: claimReaders, path: (f) => `/api/sites/${f.siteId}/claims` },
  'POST /api/claims': { access: registrars },
  'GET /api/claims/:id': { access: claimReaders, path: (f) => `/api/claims/${f.claimId}` },
  'POST /api/claims/:id/verification': {
    access: coordinator,
    path: (f) => `/api/claims/${f.claimId}/verification`,
  },
  'GET /api/sites/:siteId/figures': { access: claimReaders, path: (f) => `/api/sites/${f.siteId}/figures` },
  'GET /api/sites/:siteId/timeline': { access: claimReaders, path: (f) => `/api/sites/${f.siteId}/timeline` },
  // Whole-site files contain every name.
  'GET /api/sites/:id/export': {
    access: ['admin', 'coordinator'],
    path: (f) => `/api/sites/${f.siteId}/export?profile=cell-transfer&recipient=Corridor%20cell`,
  },
  'POST /api/import': { access: ['admin', 'coordinator'] },
  // Logistics and evacuation plans: the cell keeps and decides them; field teams and reception desks
  // read them (who is coming, on which vehicle, when); observers see neither.
  'GET /api/sites/:siteId/logistics': {
    access: planReaders,
    path: (f) => `/api/sites/${f.siteId}/logistics`,
  },
  'POST /api/sites/:siteId/depots': { access: coordinator, path: (f) => `/api/sites/${f.siteId}/depots` },
  'PATCH /api/depots/:id': { access: coordinator, path: () => `/api/depots/${logistics.depotId}` },
  'POST /api/sites/:siteId/vehicles': { access: coordinator, path: (f) => `/api/sites/${f.siteId}/vehicles` },
  'PATCH /api/vehicles/:id': { access: coordinator, path: () => `/api/vehicles/${logistics.busId}` },
  'POST /api/sites/:siteId/road-points': {
    access: coordinator,
    path: (f) => `/api/sites/${f.siteId}/road-points`,
  },
  'PATCH /api/road-points/:id': {
    access: coordinator,
    path: () => `/api/road-points/${logistics.checkpointId}`,
  },
  'POST /api/sites/:siteId/pickup-routes': {
    access: coordinator,
    path: (f) => `/api/sites/${f.siteId}/pickup-routes`,
  },
  'PATCH /api/pickup-routes/:id': {
    access: coordinator,
    path: () => `/api/pickup-routes/${logistics.pickupRouteId}`,
  },
  'DELETE /api/pickup-routes/:id': {
    access: coordinator,
    path: () => `/api/pickup-routes/${logistics.pickupRouteId}`,
  },
  'POST /api/sites/:siteId/travel-times': {
    access: coordinator,
    path: (f) => `/api/sites/${f.siteId}/travel-times`,
  },
  'PATCH /api/travel-times/:id': {
    access: coordinator,
    path: () => `/api/travel-times/${logistics.returnTravelId}`,
  },
  'DELETE /api/travel-times/:id': {
    access: coordinator,
    path: () => `/api/travel-times/${logistics.returnTravelId}`,
  },
  'PUT /api/sites/:siteId/planning-settings': {
    access: coordinator,
    path: (f) => `/api/sites/${f.siteId}/planning-settings`,
  },
  'POST /api/sites/:siteId/plans': { access: coordinator, path: (f) => `/api/sites/${f.siteId}/plans` },
  'GET /api/sites/:siteId/plans': { access: planReaders, path: (f) => `/api/sites/${f.siteId}/plans` },
  'GET /api/plans/:id': { access: planReaders, path: () => `/api/plans/${logistics.draftPlanId}` },
  'POST /api/plans/:id/accept': {
    access: coordinator,
    path: () => `/api/plans/${logistics.draftPlanId}/accept`,
  },
  'POST /api/plans/:id/replan': {
    access: coordinator,
    path: () => `/api/plans/${logistics.draftPlanId}/replan`,
  },
  'POST /api/plans/:id/discard': {
    access: coordinator,
    path: () => `/api/plans/${logistics.discardedPlanId}/discard`,
  },
  // Rescue: the cell keeps crews and decides plans; field teams report progress and re-plan.
  'GET /api/sites/:siteId/crews': { access: rescueReaders, path: (f) => `/api/sites/${f.siteId}/crews` },
  'POST /api/sites/:siteId/crews': { access: coordinator, path: (f) => `/api/sites/${f.siteId}/crews` },
  'GET /api/crews/:id': { access: rescueReaders, path: () => `/api/crews/${rescue.crewId}` },
  'PATCH /api/crews/:id': { access: coordinator, path: () => `/api/crews/${rescue.crewId}` },
  'POST /api/sites/:siteId/rescue-plans': {
    access: coordinator,
    path: (f) => `/api/sites/${f.siteId}/rescue-plans`,
  },
  'GET /api/sites/:siteId/rescue-plans': {
    access: rescueReaders,
    path: (f) => `/api/sites/${f.siteId}/rescue-plans`,
  },
  'GET /api/rescue-plans/:id': {
    access: rescueReaders,
    path: () => `/api/rescue-plans/${rescue.acceptedPlanId}`,
  },
  'POST /api/rescue-plans/:id/accept': {
    access: coordinator,
    path: () => `/api/rescue-plans/${rescue.draftPlanId}/accept`,
  },
  'POST /api/rescue-plans/:id/discard': {
    access: coordinator,
    path: () => `/api/rescue-plans/${rescue.discardedPlanId}/discard`,
  },
  'POST /api/rescue-plans/:id/progress': {
    access: registrars,
    path: () => `/api/rescue-plans/${rescue.acceptedPlanId}/progress`,
  },
  'POST /api/rescue-plans/:id/replan': {
    access: registrars,
    path: () => `/api/rescue-plans/${rescue.acceptedPlanId}/replan`,
  },
  'GET /api/sites/:siteId/rescue-estimates': {
    access: rescueReaders,
    path: (f) => `/api/sites/${f.siteId}/rescue-estimates`,
  },
  'POST /api/plans/:id/convoys': { access: coordinator, path: () => `/api/plans/${convoy.planId}/convoys` },
  'GET /api/sites/:siteId/convoys': { access: convoyReaders, path: (f) => `/api/sites/${f.siteId}/convoys` },
  'GET /api/convoys/:id': { access: convoyReaders, path: () => `/api/convoys/${convoy.convoyId}` },
  // Field teams and the cell board people and report the road; every role that reads convoys reads
  // the manifest (names only for roles that see persons), its printouts and the road log.
  'POST /api/convoys/:id/boarding': {
    access: registrars,
    path: () => `/api/convoys/${convoy.convoyId}/boarding`,
  },
  'POST /api/convoys/:id/no-shows': {
    access: registrars,
    path: () => `/api/convoys/${convoy.convoyId}/no-shows`,
  },
  'POST /api/convoys/:id/substitutions': {
    access: registrars,
    path: () => `/api/convoys/${convoy.convoyId}/substitutions`,
  },
  'GET /api/convoys/:id/manifest': {
    access: convoyReaders,
    path: () => `/api/convoys/${convoy.convoyId}/manifest`,
  },
  'GET /api/convoys/:id/manifest.pdf': {
    access: convoyReaders,
    path: () => `/api/convoys/${convoy.convoyId}/manifest.pdf`,
  },
  'GET /api/convoys/:id/cards.pdf': {
    access: convoyReaders,
    path: () => `/api/convoys/${convoy.convoyId}/cards.pdf`,
  },
  'POST /api/convoys/:id/events': {
    access: registrars,
    path: () => `/api/convoys/${convoy.convoyId}/events`,
  },
  'GET /api/convoys/:id/events': {
    access: convoyReaders,
    path: () => `/api/convoys/${convoy.convoyId}/events`,
  },
  'PATCH /api/convoys/:convoyId/vehicles/:vehicleId': {
    access: coordinator,
    path: () => `/api/convoys/${convoy.convoyId}/vehicles/${convoy.vehicleId}`,
  },
  'POST /api/convoys/:id/notifications': {
    access: coordinator,
    path: () => `/api/convoys/${convoy.convoyId}/notifications`,
  },
  'POST /api/notifications/:id/answers': {
    access: coordinator,
    path: () => `/api/notifications/${convoy.notificationIds[0]}/answers`,
  },
  'GET /api/convoys/:id/notifications.json': {
    access: convoyReaders,
    path: () => `/api/convoys/${convoy.convoyId}/notifications.json`,
  },
  'GET /api/convoys/:id/notifications.pdf': {
    access: convoyReaders,
    path: () => `/api/convoys/${convoy.convoyId}/notifications.pdf`,
  },
  // Without a body: a departure now is flagged (the fixtures' window has ended), so nothing departs.
  'POST /api/convoys/:id/depart': {
    access: coordinator,
    path: () => `/api/convoys/${convoy.convoyId}/depart`,
  },
  'POST /api/convoys/:id/cancel': {
    access: coordinator,
    path: () => `/api/convoys/${convoy.convoyId}/cancel`,
  },
  // Field teams report the arrival from the road.
  'POST /api/convoys/:id/arrive': {
    access: registrars,
    path: () => `/api/convoys/${convoy.convoyId}/arrive`,
  },
  'POST /api/sites/:siteId/check-ins': {
    access: checkInDesks,
    path: (f) => `/api/sites/${f.siteId}/check-ins`,
  },
  'GET /api/sites/:siteId/check-ins': {
    access: peopleReaders,
    path: (f) => `/api/sites/${f.siteId}/check-ins`,
  },
  'GET /api/sites/:siteId/reception/search': {
    access: peopleReaders,
    path: (f) => `/api/sites/${f.siteId}/reception/search?q=Arrival`,
  },
  'GET /api/sites/:siteId/reconciliation': {
    access: alertReaders,
    path: (f) => `/api/sites/${f.siteId}/reconciliation`,
  },
  'GET /api/sites/:siteId/alerts': { access: alertReaders, path: (f) => `/api/sites/${f.siteId}/alerts` },
  // The route is the desks'; the service lets a desk void only its own check-ins, the cell any.
  'POST /api/check-ins/:id/void': {
    access: checkInDesks,
    path: () => `/api/check-ins/${reception.checkInId}/void`,
  },
  'POST /api/alerts/:id/resolve': {
    access: ['coordinator'],
    path: () => `/api/alerts/${reception.openAlertId}/resolve`,
  },
};

const keyOf = (method: string, url: string) => `${method} ${url}`;
type Method = 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const methodOf = (key: string) => key.split(' ')[0] as Method;
const urlOf = (key: string) => key.slice(key.indexOf(' ') + 1);

/** The table entry a HEAD route answers to: the GET of the same path (with or without a trailing slash). */
const getFor = (url: string): string | undefined =>
  [keyOf('GET', url), keyOf('GET', url.replace(/\/$/, ''))].find((key) => key in expected);

// Logging out through the matrix must come last, or the cookies would be gone for later routes.
const routeKeys = Object.keys(expected).sort(
  (a, b) => Number(a === 'DELETE /api/session') - Number(b === 'DELETE /api/session'),
);

let t: TestApp;
let f: Fixtures;
let reporterToken: string;

beforeAll(async () => {
  t = await openTestApp();
  const reporter = await createUser(t.db, systemActor, {
    username: secretNames.passageReporter,
    role: 'field',
    password: 'reporter-password-long',
  });
  reporterToken = (await createToken(t.db, systemActor, reporter.id, null)).token;
  f = await seedSite(t, reporterToken);
  // Only the convoy and reception fixtures register people: the observer's counts below are known.
  logistics = await seedLogistics(t, f, { plannedHousehold: false });
  rescue = await seedRescue(t, f);
  tracing = await seedTracingRecords(t, f);
  // The household the convoy carries must reach the exit: the passage opens for the plan, then the
  // reporter finds it blocked again, as the fixtures had it.
  await call(t, 'coordinator', 'PATCH', `/api/passages/${f.passageId}`, { state: 'open' }, 200);
  convoy = await seedConvoy(t, f, { notified: true });
  reception = await seedReception(t, f, logistics);
  const report = { state: 'blocked', clearancePersonHours: 40, note: 'rubble after shelling' };
  const reblocked = await t.app.inject({
    method: 'POST',
    url: `/api/passages/${f.passageId}/reports`,
    headers: { authorization: `Bearer ${reporterToken}` },
    payload: report,
  });
  expect(reblocked.statusCode, reblocked.body).toBe(201);
}, 300_000);
afterAll(() => t.close());

const pathFor = (key: string): string => expected[key]?.path?.(f, t) ?? urlOf(key);

async function send(key: string, headers: Record<string, string>, method: Method = methodOf(key)) {
  return t.app.inject({ method, url: pathFor(key), headers });
}

/** Whether the headers' user got in: allowed means past authentication and authorization. */
function expectOutcome(
  key: string,
  role: Role,
  response: LightMyRequestResponse,
  method: string,
  how: string,
): void {
  const { access } = expected[key]!;
  const label = `${method} ${pathFor(key)} as ${role} (${how}): ${response.body.slice(0, 300)}`;
  if (access === 'public' || access.includes(role)) {
    expect([401, 403], label).not.toContain(response.statusCode);
    // Reads with real ids succeed outright; writes are sent without a body and stop at validation.
    if (method === 'GET' || method === 'HEAD') expect(response.statusCode, label).toBeLessThan(400);
  } else if (method === 'HEAD') {
    expect(response.statusCode, label).toBe(403);
  } else {
    expectError(response, 403, 'forbidden');
  }
}

describe(`authorization matrix (${backendName})`, () => {
  it('lists every route the app registers, and only those', () => {
    const registered = t.routes.filter((r) => r.method !== 'HEAD').map((r) => keyOf(r.method, r.url));
    expect(registered.length).toBeGreaterThan(30);
    expect([...new Set(registered)].sort()).toEqual(Object.keys(expected).sort());
    // Fastify answers HEAD for every GET: each HEAD route must have its GET in the table.
    for (const route of t.routes.filter((r) => r.method === 'HEAD'))
      expect(getFor(route.url), `HEAD ${route.url} has a GET in the table`).toBeDefined();
  });

  describe('with a Bearer token per role', () => {
    for (const key of routeKeys) {
      it(key, async () => {
        for (const role of roles) {
          expectOutcome(key, role, await send(key, t.as(role)), methodOf(key), 'token');
          if (methodOf(key) === 'GET' && t.routes.some((r) => r.method === 'HEAD' && getFor(r.url) === key))
            expectOutcome(key, role, await send(key, t.as(role), 'HEAD'), 'HEAD', 'token');
        }
      });
    }
  });

  describe('without credentials, or with credentials that open nothing', () => {
    for (const key of routeKeys) {
      it(key, async () => {
        const variants: Array<[string, Record<string, string>]> = [
          ['no credentials', {}],
          ['an unknown token', { authorization: 'Bearer cor_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
          ['an unknown session cookie', { cookie: 'corridor_session=forged' }],
        ];
        for (const [how, headers] of variants) {
          const response = await send(key, headers);
          const label = `${key} with ${how}: ${response.body.slice(0, 300)}`;
          if (expected[key]!.access === 'public')
            expect([401, 403], label).not.toContain(response.statusCode);
          else expectError(response, 401, 'unauthenticated');
        }
      });
    }
  });

  describe('with the session cookie from POST /api/session', () => {
    const cookies = {} as Record<Role, string>;

    it('logs every role in, with an HTTP-only, SameSite cookie', async () => {
      for (const role of roles) {
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/session',
          payload: { username: `${role}-user`, password: passwordOf(role) },
        });
        expect(response.statusCode, response.body).toBe(200);
        expect(response.json().user.role).toBe(role);
        const setCookie = String(response.headers['set-cookie']);
        expect(setCookie).toMatch(/HttpOnly/i);
        expect(setCookie).toMatch(/SameSite=Strict/i);
        cookies[role] = sessionCookieOf(response);
      }
    });

    for (const key of routeKeys) {
      it(key, async () => {
        for (const role of roles) {
          const response = await send(key, { cookie: `corridor_session=${cookies[role]}` });
          expectOutcome(key, role, response, methodOf(key), 'cookie');
        }
      });
    }

    it('refuses the cookies once logged out (DELETE /api/session ran last above)', async () => {
      for (const role of roles) {
        const response = await t.app.inject({
          method: 'GET',
          url: '/api/session',
          headers: { cookie: `corridor_session=${cookies[role]}` },
        });
        expectError(response, 401, 'unauthenticated');
      }
    });
  });

  it('refuses the token of a disabled user with 401', async () => {
    const user = await createUser(t.db, systemActor, {
      username: 'soon-disabled',
      role: 'coordinator',
      password: 'soon-disabled-password',
    });
    const { token } = await createToken(t.db, systemActor, user.id, null);
    const headers = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/sites', headers })).statusCode).toBe(200);
    const disable = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: t.as('admin'),
      payload: { disabled: true },
    });
    expect(disable.statusCode, disable.body).toBe(200);
    expectError(await t.app.inject({ method: 'GET', url: '/api/sites', headers }), 401, 'unauthenticated');
  });
});

describe(`observers never see a name (${backendName})`, () => {
  const names = Object.values(secretNames).map((name) => name.toLowerCase());

  it('the seeded names are there for roles that see people', async () => {
    const person = await send('GET /api/people/:id', t.as('coordinator'));
    expect(person.body).toContain(secretNames.familyCyrillic);
    expect(person.body).toContain(secretNames.familyLatin);
    const graph = await send('GET /api/sites/:id', t.as('coordinator'));
    expect(graph.body).toContain(secretNames.supervisor);
    expect(graph.body).toContain(secretNames.passageReporter);
    const headcounts = await send('GET /api/sites/:siteId/headcounts', t.as('field'));
    expect(headcounts.body).toContain(secretNames.headcountReporter);
    const claim = await send('GET /api/claims/:id', t.as('field'));
    expect(claim.body).toContain(secretNames.claimSpeaker);
  });

  it('no GET route shows an observer any of them', async () => {
    const gets = [...new Set(t.routes.filter((r) => r.method === 'GET').map((r) => keyOf('GET', r.url)))];
    expect(gets.length).toBeGreaterThan(15);
    let answered = 0;
    for (const key of gets) {
      const response = await send(key, t.as('observer'));
      // JSON may escape non-Latin letters; compare the decoded text too.
      let text = response.body.toLowerCase();
      if (String(response.headers['content-type']).includes('json'))
        text += JSON.stringify(JSON.parse(response.body)).toLowerCase();
      for (const name of names) expect(text, `${key} shows "${name}" to an observer`).not.toContain(name);
      if (response.statusCode === 200) answered++;
    }
    // The observer really was answered by the routes it may use (site, summary, docs …).
    expect(answered).toBeGreaterThan(10);
  });

  it('the observer sees the site and the counts, with the shelter and passage but without the names', async () => {
    const graph = (await send('GET /api/sites/:id', t.as('observer'))).json();
    expect(graph.points.map((p: { code: string }) => p.code).sort()).toEqual(['E1', 'S1']);
    expect(graph.passages[0].state).toBe('blocked');
    expect(graph.passages[0].clearancePersonHours).toBe(40);
    const summary = (await send('GET /api/sites/:siteId/summary', t.as('observer'))).json();
    // The fixtures' two, the convoy fixtures' four and the reception fixtures' three.
    expect(summary.registered.total).toBe(9);
    expect(summary.reportedHeadcounts[0].count).toBe(30);
  });
});

describe(`observers and field teams never see tracing matches (${backendName})`, () => {
  // What only a tracing read gives away: the request, and who asked and how to reach them.
  const secrets = () => [tracing.requestId, 'Shevchuk Taras', '+380671112233'];

  it('the fixtures’ request found the woman registered under that name, as the cell sees it', async () => {
    const request = (await send('GET /api/tracing-requests/:id', t.as('coordinator'))).json();
    expect(request.matches.map((m: { person: { id: string } }) => m.person.id)).toContain(f.personId);
    expect(JSON.stringify(request)).toContain('Shevchuk Taras');
  });

  it('no GET route shows a field team or an observer a request, its enquirer or a match', async () => {
    const gets = [...new Set(t.routes.filter((r) => r.method === 'GET').map((r) => keyOf('GET', r.url)))];
    const tracingReads = gets.filter((key) => /tracing|pfif/.test(key));
    expect(tracingReads.length).toBeGreaterThanOrEqual(5);
    for (const role of ['field', 'observer'] as const) {
      for (const key of tracingReads) expect((await send(key, t.as(role))).statusCode, key).toBe(403);
      for (const key of gets) {
        const body = (await send(key, t.as(role))).body;
        for (const secret of secrets()) expect(body, `${key} as ${role}`).not.toContain(secret);
      }
    }
  });
});
