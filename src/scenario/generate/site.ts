import { CorridorError } from '../../domain/errors.ts';
import { type SiteFile, siteFileFormat, siteFileVersion } from '../format.ts';
import type { FileHeadcount, FilePerson, FileSite } from '../records.ts';
import { buildSiteGraph, type SiteGraph } from './graph.ts';
import { asOf, householdMembers, householdPlans, householdRecord } from './households.ts';
import { createRandom, deriveSeed } from './random.ts';
import { generatedId } from './uuid.ts';

export interface GenerateOptions {
  people: number;
  /** Defaults to one shelter for every sixty people, and at least three. */
  shelters?: number | undefined;
  seed: number;
}

export const generatorLimits = { people: 10_000_000, shelters: 100_000 } as const;

export const defaultShelterCount = (people: number): number => Math.max(3, Math.round(people / 60));

interface SitePlan {
  /** What every random stream of this site is seeded with: the seed and the sizes together. */
  key: number;
  people: number;
  shelters: number;
  site: FileSite;
  graph: SiteGraph;
  provenance: Record<string, unknown>;
}

/** What the headcounts are drawn from: how many people of each kind the generator placed. */
interface Tally {
  perShelter: Int32Array;
  children: number;
  wounded: number;
}

function planSite(options: GenerateOptions): SitePlan {
  const { people, seed } = options;
  const shelters = options.shelters ?? defaultShelterCount(people);
  if (!Number.isSafeInteger(seed)) throw new CorridorError('bad_request', 'the seed must be a whole number');
  if (!Number.isInteger(people) || people < 1 || people > generatorLimits.people)
    throw new CorridorError(
      'bad_request',
      `the number of people must be a whole number from 1 to ${generatorLimits.people.toLocaleString('en')}`,
    );
  if (!Number.isInteger(shelters) || shelters < 1 || shelters > generatorLimits.shelters)
    throw new CorridorError(
      'bad_request',
      `the number of shelters must be a whole number from 1 to ${generatorLimits.shelters.toLocaleString('en')}`,
    );
  const key = deriveSeed(seed, people, shelters);
  const site: FileSite = {
    id: generatedId('site', 0, createRandom(key, 0)),
    name: `Generated steelworks (seed ${seed}, ${people.toLocaleString('en')} people)`,
    place: 'generated — not a real place',
    timeZone: 'Europe/Kyiv',
  };
  return {
    key,
    people,
    shelters,
    site,
    graph: buildSiteGraph(key, shelters, people),
    provenance: {
      generator: 'corridor scenario generate',
      seed,
      people,
      shelters,
      asOf,
      note: 'generated data: every name, person and place is invented',
    },
  };
}

function* peopleOf(
  plan: SitePlan,
  tally: Tally,
  households?: (record: ReturnType<typeof householdRecord>) => void,
) {
  for (const household of householdPlans(plan.key, plan.people, plan.graph.shelterWeights)) {
    households?.(householdRecord(household));
    tally.perShelter[household.shelter]! += household.size;
    for (const person of householdMembers(plan.key, household, plan.graph.shelterIds[household.shelter]!)) {
      if (person.vulnerabilities?.includes('child')) tally.children++;
      if (person.vulnerabilities?.includes('wounded')) tally.wounded++;
      yield person;
    }
  }
}

/** Reported counts, as field teams and shelter supervisors would give them: rounded and a little off. */
function headcounts(plan: SitePlan, tally: Tally): FileHeadcount[] {
  const random = createRandom(plan.key, 3);
  const out: FileHeadcount[] = [];
  const at = (hour: number) => new Date(Date.UTC(2022, 4, 6, hour, random.int(0, 59))).toISOString();
  const add = (record: Omit<FileHeadcount, 'id' | 'approximate'>) => {
    const { shelterId, ...rest } = record;
    out.push({
      id: generatedId('headcount', out.length, random),
      ...(shelterId ? { shelterId } : {}),
      category: rest.category,
      count: rest.count,
      approximate: true,
      source: rest.source,
      ...(rest.reportedBy ? { reportedBy: rest.reportedBy } : {}),
      reportedAt: rest.reportedAt,
      ...(rest.note ? { note: rest.note } : {}),
    });
  };
  const roughly = (n: number, low: number, high: number) => Math.round(n * random.uniform(low, high));
  add({
    category: 'total',
    count: roughly(plan.people, 1.05, 1.3),
    source: 'estimate of the coordination cell from field team reports',
    reportedBy: 'coordination cell',
    reportedAt: at(6),
    note: 'includes people not yet registered by name',
  });
  add({
    category: 'children',
    count: roughly(tally.children, 0.9, 1.2),
    source: 'field teams',
    reportedAt: at(7),
  });
  add({
    category: 'wounded',
    count: roughly(tally.wounded, 0.9, 1.3),
    source: 'field medics',
    reportedAt: at(7),
  });
  const sampled = Math.min(plan.shelters, 24);
  const offset = random.next();
  for (let i = 0; i < sampled; i++) {
    const s = Math.floor(((i + offset) * plan.shelters) / sampled);
    const shelter = plan.graph.points.find((p) => p.id === plan.graph.shelterIds[s]);
    add({
      shelterId: plan.graph.shelterIds[s]!,
      category: 'total',
      count: roughly(tally.perShelter[s]!, 0.9, 1.15),
      source: 'shelter supervisor, by radio',
      reportedBy: shelter?.supervisor ?? null,
      reportedAt: at(8),
    });
  }
  // In the order `corridor export` lists them.
  return out.sort((a, b) =>
    a.reportedAt === b.reportedAt ? (a.id < b.id ? -1 : 1) : a.reportedAt < b.reportedAt ? -1 : 1,
  );
}

const newTally = (plan: SitePlan): Tally => ({
  perShelter: new Int32Array(plan.shelters),
  children: 0,
  wounded: 0,
});

/**
 * A whole generated site as one site file object: the same seed always gives the same site. For
 * large sites write `siteFileText` instead, which never holds more than a chunk of it.
 */
export function generateSite(options: GenerateOptions): SiteFile {
  const plan = planSite(options);
  const tally = newTally(plan);
  const households: SiteFile['households'] = [];
  const people: FilePerson[] = [...peopleOf(plan, tally, (h) => households.push(h))];
  return {
    format: siteFileFormat,
    formatVersion: siteFileVersion,
    site: plan.site,
    points: plan.graph.points,
    passages: plan.graph.passages,
    households,
    people,
    headcounts: headcounts(plan, tally),
    provenance: plan.provenance,
  };
}

/**
 * The generated site as the text of a site file, in chunks of about `chunkChars` characters, one
 * record to a line. The households are planned twice (once for the households list, once for the
 * people) rather than kept, so memory stays flat however many people there are.
 */
export function* siteFileText(options: GenerateOptions, chunkChars = 1 << 20): Generator<string> {
  const plan = planSite(options);
  let buffer: string[] = [];
  let size = 0;
  const put = (text: string) => {
    buffer.push(text);
    size += text.length;
  };
  const flush = (): string => {
    const text = buffer.join('');
    buffer = [];
    size = 0;
    return text;
  };
  function* list(key: string, records: Iterable<unknown>): Generator<string> {
    put(`"${key}":[`);
    let first = true;
    for (const record of records) {
      put(`${first ? '' : ','}\n${JSON.stringify(record)}`);
      first = false;
      if (size >= chunkChars) yield flush();
    }
    put('],\n');
  }
  put(`{"format":"${siteFileFormat}","formatVersion":${siteFileVersion},\n`);
  put(`"site":${JSON.stringify(plan.site)},\n`);
  yield* list('points', plan.graph.points);
  yield* list('passages', plan.graph.passages);
  const households = function* () {
    for (const household of householdPlans(plan.key, plan.people, plan.graph.shelterWeights))
      yield householdRecord(household);
  };
  yield* list('households', households());
  const tally = newTally(plan);
  yield* list('people', peopleOf(plan, tally));
  yield* list('headcounts', headcounts(plan, tally));
  put(`"provenance":${JSON.stringify(plan.provenance)}}\n`);
  yield flush();
}
