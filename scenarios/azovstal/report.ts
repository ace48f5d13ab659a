import type {
  FileClaim,
  FileIncident,
  FileParty,
  FilePause,
  FileSource,
} from '../../src/scenario/events/records.ts';
import type { FileHeadcount } from '../../src/scenario/records.ts';
import { scenarioId } from './ids.ts';

// What the press report of 6 May 2022 says, in our own words with short attributed quotes, and the
// public record the scenario adds to it: the parties, their statements as sourced claims, the
// ceasefire windows and the alleged breach. The road route travels as the sources give it in the site
// file's provenance record; its places are also the road points of logistics.ts.

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
const sourceId = (key: string) => scenarioId(`source:${key}`);
const claimId = (key: string) => scenarioId(`claim:${key}`);

export const parties: FileParty[] = [
  {
    id: party('ru-mod'),
    name: 'Russian Federation Ministry of Defence',
    shortName: 'RU MoD',
    kind: 'government',
    note: 'Party to the conflict; announced the pause for the civilians’ evacuation.',
  },
  {
    id: party('ua-government'),
    name: 'Government of Ukraine',
    shortName: 'UA Gov',
    kind: 'government',
    note: 'Party to the conflict; its officials and President Volodymyr Zelensky speak for the rescue.',
  },
  {
    id: party('azov-command'),
    name: 'Azov regiment command',
    shortName: 'Azov',
    kind: 'armed_force',
    note: 'The defenders holding the plant; commander Lt Col Denys Prokopenko (spelt Denis in the report).',
  },
  {
    id: party('icrc'),
    name: 'International Committee of the Red Cross',
    shortName: 'ICRC',
    kind: 'humanitarian_organisation',
    note: 'Neutral intermediary; escorted the evacuation convoys with the UN (public record, not in the report).',
  },
  {
    id: party('un-ocha'),
    name: 'UN Office for the Coordination of Humanitarian Affairs',
    shortName: 'OCHA',
    kind: 'humanitarian_organisation',
    note: 'Coordinated the UN side of the evacuation with the ICRC (public record, not in the report).',
  },
  {
    id: party('mariupol'),
    name: 'City of Mariupol',
    shortName: 'Mariupol',
    kind: 'city_authority',
    note: 'City administration; mayor Vadym Boychenko.',
  },
];

const asReported = `as reported in the ${source.publisher} of ${source.date}`;

export const sources: FileSource[] = [
  {
    id: sourceId('report'),
    kind: 'press_report',
    title: 'Press report on the siege of the Azovstal steelworks, Mariupol',
    channel: 'newspaper',
    publishedAt: reportedAt,
    reference: `${source.publisher}, ${source.date}`,
    // SHA-256 of the saved text of the report (shared/source-report-2022-05-06.txt).
    contentHash: 'f10d378f9b782fd7bc3ac60ee10c051540997b35d762e4a2c7933b4705a808a6',
    note: 'The time of day is not given in the report; 09:00 Kyiv time is assumed.',
  },
  {
    id: sourceId('ru-mod-announcement'),
    kind: 'statement',
    title: 'Announcement of a ceasefire at Azovstal for the evacuation of civilians',
    partyId: party('ru-mod'),
    channel: 'official statement',
    publishedAt: '2022-05-04T15:00:00.000Z',
    reference: `Moscow-announced ceasefire, ${asReported}; its days and hours are public record`,
  },
  {
    id: sourceId('ua-officials'),
    kind: 'statement',
    title: 'Statements of Ukrainian officials on Azovstal',
    partyId: party('ua-government'),
    channel: 'statements to the press',
    publishedAt: reportedAt,
    reference: asReported,
  },
  {
    id: sourceId('ru-mod-denial'),
    kind: 'statement',
    title: 'Russian defence ministry statement on the Azovstal ceasefire',
    partyId: party('ru-mod'),
    channel: 'official statement',
    publishedAt: '2022-05-05T12:00:00.000Z',
    reference: asReported,
  },
  {
    id: sourceId('prokopenko-video'),
    kind: 'video',
    title: 'Video statement by Lt Col Denys Prokopenko',
    partyId: party('azov-command'),
    channel: 'Telegram',
    publishedAt: reportedAt,
    reference: `video shared on the Telegram messaging app, ${asReported}`,
  },
  {
    id: sourceId('mayor'),
    kind: 'statement',
    title: 'Statement by Vadym Boychenko, mayor of Mariupol',
    partyId: party('mariupol'),
    channel: 'statement to the press',
    publishedAt: reportedAt,
    reference: asReported,
  },
];

// The ceasefire Moscow announced: by public record, daily from 08:00 to 18:00 Moscow time on 5, 6 and
// 7 May 2022. Only the announcer's acceptance is recorded; no other party's answer is reported.
const pauseId = (day: number) => scenarioId(`pause:2022-05-0${day}`);
export const pauses: FilePause[] = [5, 6, 7].map((day) => ({
  id: pauseId(day),
  name: `Ceasefire at Azovstal, ${day} May`,
  kind: 'ceasefire',
  announcedBy: party('ru-mod'),
  announcedAt: '2022-05-04T15:00:00.000Z',
  announcementSourceId: sourceId('ru-mod-announcement'),
  announcedZone: 'Europe/Moscow',
  announcedStart: `2022-05-0${day}T08:00`,
  announcedEnd: `2022-05-0${day}T18:00`,
  scope: { site: true, route: 'From the plant towards Zaporizhzhia' },
  elements: {
    time: { agreed: false, note: 'Announced by one side only' },
    places: { agreed: false },
    route: { agreed: false },
    who_may_leave: { agreed: false, note: 'Civilians only, as announced' },
    aid_may_enter: { agreed: false },
  },
  acceptances: [
    {
      partyId: party('ru-mod'),
      answer: 'accepted',
      answeredAt: '2022-05-04T15:00:00.000Z',
      sourceId: sourceId('ru-mod-announcement'),
      note: 'announcer',
    },
  ],
}));

const breach = scenarioId('incident:breach-2022-05-05');
export const incidents: FileIncident[] = [
  {
    id: breach,
    // The report gives no hour; 10:00 Kyiv time on the first day of the window is assumed.
    occurredAt: '2022-05-05T07:00:00.000Z',
    type: 'breach_of_pause',
    placeKind: 'site',
    pauseWindowId: pauseId(5),
    summary:
      'Alleged breach of the Moscow-announced ceasefire at the plant (accused by Ukraine, denied by Russia)',
  },
];

export const claims: FileClaim[] = [
  {
    id: claimId('ceasefire-announced'),
    subject: 'pause_window',
    pauseWindowId: pauseId(5),
    partyId: party('ru-mod'),
    speaker: 'Russian Federation (Moscow)',
    sourceId: sourceId('ru-mod-announcement'),
    stance: 'asserts',
    words: 'Announced a ceasefire at the plant to allow the evacuation of the civilians stranded there.',
    statedAt: '2022-05-04T15:00:00.000Z',
  },
  {
    id: claimId('ceasefire-violated'),
    subject: 'incident',
    incidentId: breach,
    partyId: party('ua-government'),
    speaker: 'Ukrainian officials',
    sourceId: sourceId('ua-officials'),
    stance: 'asserts',
    words:
      'Russia violated the ceasefire it announced to allow the evacuation of some 200 civilians, including 30 children.',
    statedAt: reportedAt,
  },
  {
    id: claimId('violation-denied'),
    subject: 'incident',
    incidentId: breach,
    partyId: party('ru-mod'),
    speaker: 'Russian Federation Ministry of Defence',
    sourceId: sourceId('ru-mod-denial'),
    stance: 'denies',
    words: 'Denied disrespecting a ceasefire to evacuate the remaining civilians from the plant.',
    statedAt: '2022-05-05T12:00:00.000Z',
  },
  {
    id: claimId('officials-civilians'),
    subject: 'figure',
    partyId: party('ua-government'),
    speaker: 'Ukrainian officials',
    sourceId: sourceId('ua-officials'),
    stance: 'asserts',
    words: 'Some 200 civilians are stranded in the industrial complex.',
    statedAt: reportedAt,
    figure: { metric: 'civilians', value: 200, approximate: true },
  },
  {
    id: claimId('officials-children'),
    subject: 'figure',
    partyId: party('ua-government'),
    speaker: 'Ukrainian officials',
    sourceId: sourceId('ua-officials'),
    stance: 'asserts',
    words: 'Including 30 children.',
    statedAt: reportedAt,
    figure: { metric: 'children', value: 30, approximate: true },
  },
  {
    id: claimId('plant-entered'),
    subject: 'situation',
    partyId: party('ua-government'),
    speaker: 'Ukrainian officials',
    sourceId: sourceId('ua-officials'),
    stance: 'asserts',
    words:
      'Russian troops entered the Azovstal plant for the first time, after a sustained bombing campaign.',
    statedAt: reportedAt,
  },
  {
    id: claimId('rescue-by-hand'),
    subject: 'situation',
    partyId: party('ua-government'),
    speaker: 'President Volodymyr Zelensky',
    sourceId: sourceId('ua-officials'),
    stance: 'asserts',
    words: 'It will take time simply to lift people out of those basements',
    quoted: true,
    language: 'en',
    statedAt: reportedAt,
  },
  {
    id: claimId('defenders-hold'),
    subject: 'situation',
    partyId: party('azov-command'),
    speaker: 'Lt Col Denys Prokopenko, Azov regiment commander',
    sourceId: sourceId('prokopenko-video'),
    stance: 'asserts',
    words: 'we will continue carrying out the order to keep up our defences',
    quoted: true,
    language: 'en',
    statedAt: reportedAt,
  },
  {
    id: claimId('fighting-around-plant'),
    subject: 'situation',
    partyId: party('mariupol'),
    speaker: 'Vadym Boychenko, mayor of Mariupol',
    sourceId: sourceId('mayor'),
    stance: 'asserts',
    words:
      'Heavy fighting around the steelworks, with tanks, heavy artillery, planes and ships off the coast.',
    statedAt: reportedAt,
  },
  {
    id: claimId('mayor-civilians'),
    subject: 'figure',
    partyId: party('mariupol'),
    speaker: 'Vadym Boychenko, mayor of Mariupol',
    sourceId: sourceId('mayor'),
    stance: 'asserts',
    words: 'Hundreds of local residents, civilians, are there.',
    statedAt: reportedAt,
    figure: { metric: 'civilians', value: 200, approximate: true },
  },
  {
    id: claimId('mayor-children'),
    subject: 'figure',
    partyId: party('mariupol'),
    speaker: 'Vadym Boychenko, mayor of Mariupol',
    sourceId: sourceId('mayor'),
    stance: 'asserts',
    words: 'There are more than 30 kids.',
    quoted: true,
    language: 'en',
    statedAt: reportedAt,
    figure: { metric: 'children', value: 31, approximate: true },
  },
  {
    id: claimId('two-thousand-inside'),
    subject: 'figure',
    sourceId: sourceId('report'),
    stance: 'asserts',
    words: 'About 2,000 people are holding out in the plant; calls for international help to rescue them.',
    statedAt: reportedAt,
    figure: { metric: 'in_site_total', value: 2000, approximate: true },
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
