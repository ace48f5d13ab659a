import { describe, expect, it } from 'vitest';
import type { Passage, PauseView, Person, SitePoint } from '../web/src/api/types.ts';
import { currentOrNext } from '../web/src/pauses/current.ts';
import { changedFields } from '../web/src/registry/changes.ts';
import { draftOf, emptyDraft, namesOf } from '../web/src/registry/draft.ts';
import { layout, shelterRadius } from '../web/src/site/layout.ts';

// The web app's pure rules, tested without a browser (the screens are tested end to end in e2e/).

const point = (id: string, x: number | null, y: number | null): SitePoint => ({
  id,
  siteId: 's',
  kind: 'shelter',
  code: id.toUpperCase(),
  name: null,
  x,
  y,
  note: null,
  shelterKind: null,
  level: null,
  depthM: null,
  capacity: null,
  conditions: null,
  supervisor: null,
});
const passage = (id: string, from: string, to: string): Passage => ({
  id,
  siteId: 's',
  from,
  to,
  lengthM: 100,
  state: 'open',
  clearancePersonHours: null,
  stateReportedAt: null,
  stateReportedBy: null,
  note: null,
});

describe('site diagram layout', () => {
  it('puts north up, keeps a margin, and leaves out points without a position and their passages', () => {
    const drawing = layout(
      [point('a', 0, 0), point('b', 1000, 500), point('c', null, null)],
      [passage('ab', 'a', 'b'), passage('ac', 'a', 'c')],
    );
    const a = drawing.points.get('a')!;
    const b = drawing.points.get('b')!;
    expect(b.px - a.px).toBe(1000);
    // b is 500 m north of a: higher on the drawing, so a smaller y.
    expect(a.py - b.py).toBe(500);
    expect(a.px).toBeGreaterThan(0);
    expect(drawing.points.has('c')).toBe(false);
    expect(drawing.passages.map((p) => p.id)).toEqual(['ab']);
    expect(drawing.width).toBeGreaterThan(1000);
  });

  it('sizes shelters so that area follows occupancy', () => {
    const empty = shelterRadius(0, 100, 1);
    const quarter = shelterRadius(25, 100, 1);
    const full = shelterRadius(100, 100, 1);
    expect(empty).toBeLessThan(quarter);
    expect(quarter).toBeLessThan(full);
    expect(quarter - empty).toBeCloseTo((full - empty) / 2);
    expect(shelterRadius(0, 0, 1)).toBe(empty);
  });
});

const pause = (id: string, start: string, end: string, state: string): PauseView =>
  ({
    id,
    effectiveStart: null,
    effectiveEnd: null,
    times: { utc: { start, end } },
    derived: { state },
  }) as unknown as PauseView;

describe('the overview’s pause window', () => {
  const now = Date.parse('2022-05-07T10:00:00Z');
  it('prefers the window in force, even a violated one, over the next', () => {
    const running = pause('r', '2022-05-07T05:00:00Z', '2022-05-07T15:00:00Z', 'violated');
    const next = pause('n', '2022-05-08T05:00:00Z', '2022-05-08T15:00:00Z', 'agreed');
    expect(currentOrNext([next, running], now)?.id).toBe('r');
  });
  it('else the next one to start, never an ended one', () => {
    const later = pause('l', '2022-05-09T05:00:00Z', '2022-05-09T15:00:00Z', 'announced_unilaterally');
    const sooner = pause('s', '2022-05-08T05:00:00Z', '2022-05-08T15:00:00Z', 'agreed');
    const past = pause('p', '2022-05-05T05:00:00Z', '2022-05-05T15:00:00Z', 'ended');
    expect(currentOrNext([later, past, sooner], now)?.id).toBe('s');
    expect(currentOrNext([past], now)).toBeUndefined();
  });
});

describe('the person form', () => {
  it('sends a name per script only when both family and given name are there', () => {
    const draft = { ...emptyDraft(), cyrFamily: ' Шевченко ', cyrGiven: 'Олена', latFamily: 'Shevchenko' };
    expect(namesOf(draft)).toEqual([{ script: 'Cyrl', family: 'Шевченко', given: 'Олена' }]);
    expect(namesOf(emptyDraft())).toEqual([]);
  });
  it('reads a person back into the same fields', () => {
    const person = {
      names: [
        { script: 'Cyrl', family: 'Шевченко', given: 'Олена', patronymic: 'Петрівна' },
        { script: 'Latn', family: 'Shevchenko', given: 'Olena' },
      ],
      sex: 'female',
      birthYear: 1980,
      ageBand: '18-59',
      shelterId: null,
      vulnerabilities: ['wounded'],
      triage: 'T2',
      languages: ['uk', 'ru'],
      note: null,
    } as unknown as Person;
    const draft = draftOf(person);
    expect(namesOf(draft)).toEqual(person.names);
    expect(draft.birthYear).toBe('1980');
    expect(draft.languages).toBe('uk, ru');
    expect(draft.triage).toBe('T2');
  });
});

describe('a person’s history', () => {
  it('names the fields an update changed, not the bookkeeping ones', () => {
    expect(
      changedFields(
        { status: 'ready', note: null, version: 1, updatedAt: 'x' },
        { status: 'ready', note: 'asked for insulin', version: 2, updatedAt: 'y' },
      ),
    ).toEqual(['note']);
  });
  it('names none for a creation', () => {
    expect(changedFields(null, { status: 'sheltering' })).toEqual([]);
  });
});
