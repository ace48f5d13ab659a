import type { FileHeadcount } from '../../src/scenario/records.ts';
import { scenarioId } from './ids.ts';

// What the press report of 6 May 2022 says, in our own words with short attributed quotes, and the
// public record the scenario adds to it. Corridor has no tables yet for the route, the parties and
// their claims, so they travel in the site file's provenance record until it does.

export const source = {
  id: 'report-2022-05-06',
  kind: 'press report',
  date: '2022-05-06',
  publisher: 'Telegraph Media Group (newspaper report)',
  description:
    'Report on the siege of the Azovstal steelworks in Mariupol, citing Ukrainian officials, the Azov ' +
    'regiment commander, the mayor of Mariupol, President Zelensky and the Russian defence ministry.',
} as const;

/** The report gives a date, not a time of day: its figures are recorded at 09:00 Kyiv time (UTC+3). */
const reportedAt = '2022-05-06T06:00:00.000Z';
const cite = (who: string) => `${who}, as reported in the press report of 2022-05-06`;

export const headcounts: FileHeadcount[] = [
  {
    id: scenarioId('headcount:total'),
    category: 'total',
    count: 2000,
    approximate: true,
    source: cite('Calls for international help to rescue the 2,000 people holding out in the plant'),
    reportedBy: 'Press report, 2022-05-06',
    reportedAt,
    note: 'Defenders and civilians together. Only the civilians are registered one by one.',
  },
  {
    id: scenarioId('headcount:officials:civilians'),
    category: 'civilians',
    count: 200,
    approximate: true,
    source: cite('Ukrainian officials'),
    reportedBy: 'Ukrainian officials',
    reportedAt,
    note: 'Said as “some 200 civilians, including 30 children” stranded in the plant.',
  },
  {
    id: scenarioId('headcount:officials:children'),
    category: 'children',
    count: 30,
    approximate: true,
    source: cite('Ukrainian officials'),
    reportedBy: 'Ukrainian officials',
    reportedAt,
  },
  {
    id: scenarioId('headcount:mayor:civilians'),
    category: 'civilians',
    count: 200,
    approximate: true,
    source: cite('Vadym Boychenko, mayor of Mariupol'),
    reportedBy: 'Vadym Boychenko, mayor of Mariupol',
    reportedAt,
    note: 'Said as “hundreds” of civilians; recorded as 200, the least number that word allows.',
  },
  {
    id: scenarioId('headcount:mayor:children'),
    category: 'children',
    count: 31,
    approximate: true,
    source: cite('Vadym Boychenko, mayor of Mariupol'),
    reportedBy: 'Vadym Boychenko, mayor of Mariupol',
    reportedAt,
    note: 'Said as “more than 30” children; recorded as 31, the least number that allows.',
  },
];

const party = (key: string) => scenarioId(`party:${key}`);

export const parties = [
  {
    id: party('ru-mod'),
    name: 'Russian Federation Ministry of Defence',
    kind: 'state authority',
    role: 'Party to the conflict; announced the pause for the civilians’ evacuation; its side runs the screening points on the road out.',
  },
  {
    id: party('ua-government'),
    name: 'Government of Ukraine',
    kind: 'state authority',
    role: 'Party to the conflict; its officials and President Volodymyr Zelensky speak for the rescue.',
  },
  {
    id: party('azov-command'),
    name: 'Azov regiment command',
    kind: 'armed force',
    role: 'The defenders holding the plant; commander Lt Col Denys Prokopenko (spelt Denis in the report).',
  },
  {
    id: party('icrc'),
    name: 'International Committee of the Red Cross (ICRC)',
    kind: 'humanitarian organisation',
    role: 'Neutral intermediary; escorted the evacuation convoys with the UN (public record, not in the report).',
  },
  {
    id: party('un-ocha'),
    name: 'UN Office for the Coordination of Humanitarian Affairs (OCHA)',
    kind: 'humanitarian organisation',
    role: 'Coordinated the UN side of the evacuation with the ICRC (public record, not in the report).',
  },
  {
    id: party('mariupol'),
    name: 'City of Mariupol',
    kind: 'local authority',
    role: 'City administration; mayor Vadym Boychenko.',
  },
];

const fromReport = { ref: source.id, kind: source.kind, date: source.date };
const claim = (key: string) => scenarioId(`claim:${key}`);

export const claims = [
  {
    id: claim('ceasefire-announced'),
    party: party('ru-mod'),
    who: 'Russian Federation (Moscow)',
    stance: 'asserts',
    statement: 'A ceasefire at the plant was announced to allow the civilians to be evacuated.',
    channel: 'announcement, as reported',
    source: fromReport,
  },
  {
    id: claim('ceasefire-violated'),
    party: party('ua-government'),
    who: 'Ukrainian officials',
    stance: 'asserts',
    statement:
      'Russia violated the ceasefire it had announced for evacuating some 200 civilians, 30 of them children.',
    about: claim('ceasefire-announced'),
    channel: 'statements, as reported',
    source: fromReport,
  },
  {
    id: claim('violation-denied'),
    party: party('ru-mod'),
    who: 'Russian Federation Ministry of Defence',
    stance: 'denies',
    statement: 'Denied that it had failed to respect the ceasefire for evacuating the remaining civilians.',
    about: claim('ceasefire-violated'),
    statedOn: '2022-05-05',
    channel: 'statement, as reported',
    source: fromReport,
  },
  {
    id: claim('plant-entered'),
    party: party('ua-government'),
    who: 'Ukrainian officials',
    stance: 'asserts',
    statement: 'Russian troops entered the Azovstal plant for the first time, after sustained bombing.',
    channel: 'statements, as reported',
    source: fromReport,
  },
  {
    id: claim('rescue-by-hand'),
    party: party('ua-government'),
    who: 'President Volodymyr Zelensky',
    stance: 'asserts',
    statement:
      'The rescue needs more time: in present conditions heavy equipment cannot be used, so the rubble has to be cleared by hand.',
    quote: 'It will take time simply to lift people out of those basements',
    channel: 'statement, as reported',
    source: fromReport,
  },
  {
    id: claim('defenders-hold'),
    party: party('azov-command'),
    who: 'Lt Col Denys Prokopenko, Azov regiment commander',
    stance: 'asserts',
    statement: 'The situation is extremely hard, but his soldiers will go on defending the plant.',
    quote: 'we will continue carrying out the order to keep up our defences',
    channel: 'video on the Telegram messaging app',
    source: fromReport,
  },
  {
    id: claim('civilians-waiting'),
    party: party('mariupol'),
    who: 'Vadym Boychenko, mayor of Mariupol',
    stance: 'asserts',
    statement:
      'Heavy fighting around the plant with tanks, heavy artillery, aircraft and ships offshore; hundreds of civilians, more than 30 of them children, are waiting for rescue.',
    quote: 'There are more than 30 kids.',
    channel: 'statement, as reported',
    source: fromReport,
  },
  {
    id: claim('two-thousand-inside'),
    party: null,
    who: 'Not named in the report',
    stance: 'asserts',
    statement: 'Calls for international support to rescue the 2,000 people holding out in the plant.',
    channel: 'calls, as reported',
    source: fromReport,
  },
];

// The road out, as public record describes the evacuations of late April and May 2022. Distances
// are our own rough estimates along the road from the plant, not reported figures.
export const route = {
  from: 'Azovstal pickup points (P1–P3)',
  reportedTotalKm: 230,
  reportedTotalNote:
    'About 230 km is the usual figure for Mariupol to Zaporizhzhia by road. The convoy route below, out east ' +
    'to Bezimenne and back west through Berdiansk and Tokmak, is longer; its distances are our estimates.',
  waypoints: [
    {
      order: 1,
      name: 'Bezimenne',
      nameUk: 'Безіменне',
      kind: 'screening_point',
      approxKmFromPlant: 25,
      note: 'East of Mariupol; evacuees are screened here before the convoy turns west.',
    },
    {
      order: 2,
      name: 'Manhush',
      nameUk: 'Мангуш',
      kind: 'screening_point',
      approxKmFromPlant: 75,
      note: 'About 20 km west of Mariupol.',
    },
    {
      order: 3,
      name: 'Berdiansk',
      nameUk: 'Бердянськ',
      kind: 'checkpoint',
      approxKmFromPlant: 135,
    },
    {
      order: 4,
      name: 'Tokmak',
      nameUk: 'Токмак',
      kind: 'checkpoint',
      approxKmFromPlant: 250,
    },
    {
      order: 5,
      name: 'Vasylivka',
      nameUk: 'Василівка',
      kind: 'checkpoint',
      approxKmFromPlant: 300,
      note: 'Last stop before the front line on the road to Zaporizhzhia.',
    },
    {
      order: 6,
      name: 'Zaporizhzhia',
      nameUk: 'Запоріжжя',
      kind: 'reception_point',
      approxKmFromPlant: 350,
      note: 'Reception centre for evacuees from Mariupol.',
    },
  ],
};
