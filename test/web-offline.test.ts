import { describe, expect, it } from 'vitest';
import type { Person } from '../src/domain/person.ts';
import type { Passage } from '../src/domain/site.ts';
import { syncOperationKinds } from '../src/sync/protocol.ts';
import { precacheList, precacheVersion } from '../web/precache.ts';
import {
  entityOf,
  overlayPassages,
  overlayPeople,
  retryDelayMs,
  settle,
  wireOf,
} from '../web/src/offline/operations.ts';
import { correctionOf, personFieldsOf } from '../web/src/offline/person-payload.ts';
import { draftOf } from '../web/src/registry/draft.ts';
import { names, op, personId, siteId } from './support/offline-ops.ts';

// The offline field app's logic (web/src/offline): what the queue does with the server's answers,
// what the screens show before the server has a change, what a correction sends, and the service
// worker's list of files.

const passageId = '0190a0b0-0000-7000-8000-0000000000c1';

const pulledPerson = (changes: Partial<Person> = {}): Person => ({
  id: personId,
  siteId,
  householdId: null,
  shelterId: null,
  names,
  sex: 'female',
  birthDate: null,
  birthYear: 1980,
  ageBand: null,
  vulnerabilities: [],
  triage: null,
  languages: ['uk'],
  note: null,
  guardians: [],
  status: 'sheltering',
  statusChangedAt: '2026-11-29T00:00:00.000Z',
  version: 3,
  createdAt: '2026-11-29T00:00:00.000Z',
  updatedAt: '2026-11-29T00:00:00.000Z',
  ...changes,
});

describe('the queue and the server answers', () => {
  it('keeps an operation waiting on a gap and settles it on every other outcome', () => {
    const waiting = op('person.update', personId, { note: 'x' });
    const gap = settle(waiting, { opId: waiting.opId, outcome: 'gap', duplicate: false, expectedSeq: 1 });
    expect(gap.state).toBe('waiting');
    expect(gap.error?.message).toContain('operation 1');
    expect(settle(gap, { opId: waiting.opId, outcome: 'applied', duplicate: true })).toMatchObject({
      state: 'sent',
      pulled: false,
    });
    expect(settle(gap, { opId: waiting.opId, outcome: 'applied', duplicate: false }).error).toBeUndefined();
    expect(settle(waiting, { opId: waiting.opId, outcome: 'conflict', duplicate: false }).state).toBe(
      'conflict',
    );
    const rejected = settle(waiting, {
      opId: waiting.opId,
      outcome: 'rejected',
      duplicate: false,
      error: { code: 'not_found', message: 'no shelter S99' },
    });
    expect(rejected).toMatchObject({ state: 'rejected', error: { message: 'no shelter S99' } });
  });

  it('sends only the protocol fields', () => {
    const queued = op('passage.report', passageId, { state: 'blocked' });
    expect(Object.keys(wireOf(queued)).sort()).toEqual(
      ['deviceId', 'entity', 'entityId', 'hlc', 'kind', 'opId', 'payload', 'seq'].sort(),
    );
  });

  it('waits longer after each failure, up to a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(retryDelayMs)).toEqual([
      2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000,
    ]);
  });
});

describe('what the screens show before the server has a change', () => {
  it('shows a registration at once, as sheltering, and stops laying it on top once pulled', () => {
    const registered = op('person.register', personId, { siteId, names, sex: 'female' });
    const shown = overlayPeople([], [registered], siteId);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ id: personId, status: 'sheltering', names, vulnerabilities: [] });
    // Pulled with the server's own answer: the pulled record is shown, not the local guess.
    const sent = { ...registered, state: 'sent' as const, pulled: true };
    expect(overlayPeople([pulledPerson({ note: 'server' })], [sent], siteId)[0]!.note).toBe('server');
    expect(overlayPeople([], [{ ...registered, siteId: 'another' }], siteId)).toEqual([]);
  });

  it('lays corrections and status changes on the pulled record in the order they were made', () => {
    const shown = overlayPeople(
      [pulledPerson()],
      [
        op('person.update', personId, { note: 'first' }),
        op('person.status', personId, { status: 'ready', from: 'sheltering' }),
        op('person.update', personId, { note: 'second', shelterId: null }),
      ].reverse(),
      siteId,
    );
    expect(shown[0]).toMatchObject({ note: 'second', status: 'ready', birthYear: 1980 });
  });

  it('does not pull back a newer status with a change made from an older one', () => {
    const stale = op('person.status', personId, { status: 'ready', from: 'sheltering' });
    expect(overlayPeople([pulledPerson({ status: 'arrived' })], [stale], siteId)[0]!.status).toBe('arrived');
  });

  it('leaves out rejected and conflicting operations', () => {
    const rejected = { ...op('person.update', personId, { note: 'refused' }), state: 'rejected' as const };
    const conflict = { ...op('person.update', personId, { note: 'lost' }), state: 'conflict' as const };
    expect(overlayPeople([pulledPerson()], [rejected, conflict], siteId)[0]!.note).toBeNull();
  });

  it("shows a passage's reported state and note until the report has been pulled", () => {
    const passage: Passage = {
      id: passageId,
      siteId,
      from: 'a',
      to: 'b',
      lengthM: 120,
      state: 'open',
      clearancePersonHours: null,
      stateReportedAt: null,
      stateReportedBy: null,
      note: null,
    };
    const report = op('passage.report', passageId, { state: 'unsafe', note: 'water rising' });
    expect(overlayPassages([passage], [report])[0]).toMatchObject({ state: 'unsafe', note: 'water rising' });
    expect(overlayPassages([passage], [{ ...report, state: 'sent', pulled: true }])[0]!.state).toBe('open');
  });
});

describe('a correction made on the device', () => {
  it('sends only the fields the user changed', () => {
    const person = pulledPerson();
    const draft = { ...draftOf(person), note: 'walks with a stick' };
    expect(correctionOf(person, personFieldsOf(draft, person))).toEqual({ note: 'walks with a stick' });
    expect(correctionOf(person, personFieldsOf(draftOf(person), person))).toEqual({});
  });
});

describe("the service worker's list of files", () => {
  it('keeps the page, every built file and the public files, without source maps or itself', () => {
    const list = precacheList(
      ['index.html', 'assets/index-abc.js', 'assets/index-abc.js.map', 'assets/index-def.css', 'sw.js'],
      ['favicon.svg', 'manifest.webmanifest'],
    );
    expect(list).toEqual([
      '/',
      '/assets/index-abc.js',
      '/assets/index-def.css',
      '/favicon.svg',
      '/index.html',
      '/manifest.webmanifest',
    ]);
    expect(precacheVersion(list)).toMatch(/^[0-9a-f]{16}$/);
    expect(precacheVersion(list)).not.toBe(precacheVersion(['/', '/assets/index-xyz.js']));
  });
});

describe('an operation and its entity', () => {
  it('names the entity by the first word of the kind', () => {
    expect(syncOperationKinds.map(entityOf)).toEqual(syncOperationKinds.map((k) => k.split('.')[0]));
  });
});
