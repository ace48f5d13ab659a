// The cost of encryption at rest on registering and reading people. Two in-memory embedded
// databases in this one process, both with the Azovstal site: on one, personal fields are sealed
// as always; on the other (the baseline), the same code runs with sealing and the blind index's
// keyed hash replaced by passing the value through. Rounds alternate between the two so that the
// machine's load falls on both alike; the figure is the ratio of their rates.
// Run alone with `npx tsx bench/encryption.ts`, or as part of `npm run bench`.
import { loadAzovstal } from '../src/scenario/azovstal.ts';
import { registerPerson } from '../src/services/people.ts';
import { cipherOf } from '../src/store/crypto/sealed-store.ts';
import type { Database } from '../src/store/database.ts';
import { openStore } from '../src/store/open.ts';
import { systemActor } from '../src/store/repos/operations.ts';
import { listPeople } from '../src/store/repos/people.ts';
import { load } from './support/machine.ts';
import { registrations } from './support/people.ts';
import type { BenchResult } from './support/types.ts';

const rounds = 6;
const perRound = 150;
const pageSize = 100;

async function prepare(sealed: boolean): Promise<{ db: Database; next: () => unknown }> {
  const db = await openStore({ env: { CORRIDOR_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') } });
  if (!sealed) {
    const cipher = cipherOf(db);
    cipher.seal = (value: unknown) => value as string;
    // Without encryption the registry would still index the same search keys, in clear: the
    // baseline keeps every key (so the index does the same work) and leaves out only the keyed hash.
    cipher.blind = (text: string) => text;
    cipher.blindAny = (text: string) => [text];
  }
  await loadAzovstal(db, systemActor);
  const { rows: sites } = await db.query<{ id: string }>('SELECT id FROM site');
  const siteId = sites[0]!.id;
  const { rows: shelters } = await db.query<{ id: string }>(
    "SELECT id FROM site_point WHERE site_id = $1 AND kind = 'shelter'",
    [siteId],
  );
  const { rows: adults } = await db.query<{ id: string }>(
    "SELECT id FROM person WHERE site_id = $1 AND age_band = '18-59' ORDER BY id LIMIT 50",
    [siteId],
  );
  const next = registrations({
    siteId,
    shelterIds: shelters.map((s) => s.id),
    householdIds: [],
    guardianIds: adults.map((a) => a.id),
  });
  return { db, next };
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

export async function run(): Promise<BenchResult> {
  const loadBefore = load();
  const stores = { sealed: await prepare(true), plain: await prepare(false) };
  const ms = { sealed: { register: 0, read: 0 }, plain: { register: 0, read: 0 } };
  let read = 0;
  for (let round = 0; round < rounds; round++) {
    // Alternate which goes first, so neither always meets a warmer or a busier machine.
    const order = round % 2 === 0 ? (['sealed', 'plain'] as const) : (['plain', 'sealed'] as const);
    for (const name of order) {
      const { db, next } = stores[name];
      ms[name].register += await timed(async () => {
        for (let i = 0; i < perRound; i++)
          await registerPerson(db, systemActor, next() as Parameters<typeof registerPerson>[2]);
      });
      ms[name].read += await timed(async () => {
        for (let offset = 0; ; offset += pageSize) {
          const { items } = await listPeople(db, { limit: pageSize, offset });
          if (name === 'sealed') read += items.length;
          if (items.length < pageSize) break;
        }
      });
    }
  }
  for (const { db } of Object.values(stores)) await db.close();
  const registered = rounds * perRound;
  const rate = (count: number, milliseconds: number) => Math.round((count / milliseconds) * 1000);
  const table = (['register', 'read'] as const).map((what) => {
    const sealed = rate(what === 'register' ? registered : read, ms.sealed[what]);
    const plain = rate(what === 'register' ? registered : read, ms.plain[what]);
    return {
      what: what === 'register' ? 'register a person (one at a time)' : 'read people (pages of 100)',
      'encrypted /s': sealed,
      'plain /s': plain,
      'encrypted ÷ plain': Math.round((sealed / plain) * 100) / 100,
    };
  });
  return {
    name: 'encryption',
    title:
      'Encryption at rest: registering and reading people, sealed vs the same code with sealing off (PGlite, one process)',
    table,
    notes: [
      `${registered} registrations and ${read} reads per store over ${rounds} alternating rounds; load ${loadBefore} before, ${load()} after.`,
      'Target (issue 10): registration at most 20 % slower than without encryption (ratio ≥ 0.8).',
    ],
    data: { rounds, perRound, ms, registered, read, table },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await run();
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
