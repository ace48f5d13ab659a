// The cost of encryption at rest on registering and reading people. Three in-memory embedded
// databases in this one process, all with the Azovstal site: on one, personal fields are sealed as
// always; the two baselines run the same code with sealing and the blind index's keyed hash replaced
// by passing the value through. The first baseline keeps the name search keys, in clear (a registry
// without encryption would still index names for search); the second writes none (one constant key
// a person), as a registry with no name index at all. Rounds rotate the order of the three so that
// the machine's load falls on all alike; the figures are the ratios of their rates.
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

type Store = 'sealed' | 'plain' | 'unindexed';

async function prepare(store: Store): Promise<{ db: Database; next: () => unknown }> {
  const db = await openStore({ env: { CORRIDOR_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') } });
  if (store !== 'sealed') {
    const cipher = cipherOf(db);
    cipher.seal = (value: unknown) => value as string;
    // 'plain' keeps every search key, in clear, so its index does the same work and only the keyed
    // hash is left out; 'unindexed' gives every name the same single key, so its index holds nothing
    // to speak of.
    cipher.blind = store === 'plain' ? (text: string) => text : () => 'unindexed';
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

const stores: readonly Store[] = ['sealed', 'plain', 'unindexed'];

export async function run(): Promise<BenchResult> {
  const loadBefore = load();
  const prepared = {} as Record<Store, { db: Database; next: () => unknown }>;
  for (const store of stores) prepared[store] = await prepare(store);
  const ms = Object.fromEntries(stores.map((store) => [store, { register: 0, read: 0 }])) as Record<
    Store,
    { register: number; read: number }
  >;
  let read = 0;
  for (let round = 0; round < rounds; round++) {
    // Rotate which goes first, so none always meets a warmer or a busier machine.
    const order = stores.map((_, i) => stores[(i + round) % stores.length]!);
    for (const name of order) {
      const { db, next } = prepared[name];
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
  for (const { db } of Object.values(prepared)) await db.close();
  const registered = rounds * perRound;
  const rate = (count: number, milliseconds: number) => Math.round((count / milliseconds) * 1000);
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const table = (['register', 'read'] as const).map((what) => {
    const count = what === 'register' ? registered : read;
    const [sealed, plain, unindexed] = stores.map((store) => rate(count, ms[store][what])) as [
      number,
      number,
      number,
    ];
    return {
      what: what === 'register' ? 'register a person (one at a time)' : 'read people (pages of 100)',
      'encrypted /s': sealed,
      'plain /s': plain,
      'encrypted ÷ plain': ratio(sealed, plain),
      'plain, no name index /s': unindexed,
      'encrypted ÷ no index': ratio(sealed, unindexed),
    };
  });
  return {
    name: 'encryption',
    title:
      'Encryption at rest: registering and reading people, sealed vs the same code with sealing off (PGlite, one process)',
    table,
    notes: [
      `${registered} registrations and ${read} reads per store over ${rounds} rotating rounds; load ${loadBefore} before, ${load()} after.`,
      'Plain: names in clear with the same search keys in clear; no name index: names in clear and no search keys.',
      'Target (issue 10): registration at most 20 % slower than without encryption (ratio ≥ 0.8).',
    ],
    data: { rounds, perRound, ms, registered, read, table },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await run();
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
