import { newId } from '../../../src/domain/ids.ts';
import type { Person } from '../../../src/domain/person.ts';
import type { Passage } from '../../../src/domain/site.ts';
import { formatHlc, type Hlc, parseHlc, receive, tick } from '../../../src/sync/hlc.ts';
import type { SyncOperationKind } from '../../../src/sync/protocol.ts';
import type { Household, SiteGraph } from '../api/types.ts';
import { deleteDatabase, openDatabase, request, transaction } from './idb.ts';
import { entityOf, type QueuedOp } from './operations.ts';

// The field device's store in the browser (IndexedDB), one database per account: the records of
// the site as last pulled (people, households, passages, headcounts), the site's graph, and the queue of operations the server has not yet
// acknowledged (kept, with the ones it has, until the user clears them from the queue page).

// Version 2 added the households.
const version = 2;
const dbName = (userId: string) => `corridor-field-${userId}`;

export interface StoredHeadcount {
  id: string;
  siteId: string;
  category: string;
  count: number;
  reportedAt: string;
}

/** The device's keys for bundles (docs/bundles.md): CryptoKeys, kept non-extractable. */
export interface BundleKeys {
  signingKey: CryptoKey;
  publicKey: CryptoKey;
  bundleKey?: CryptoKey;
}

export class LocalStore {
  private constructor(private readonly db: IDBDatabase) {}

  static async open(userId: string): Promise<LocalStore> {
    const db = await openDatabase(dbName(userId), version, (db, oldVersion) => {
      const bySite = (name: string) =>
        db.createObjectStore(name, { keyPath: 'id' }).createIndex('siteId', 'siteId');
      if (oldVersion < 1) {
        db.createObjectStore('meta');
        db.createObjectStore('ops', { keyPath: 'seq' });
        for (const name of ['people', 'passages', 'headcounts']) bySite(name);
      }
      if (oldVersion < 2) bySite('households');
    });
    return new LocalStore(db);
  }

  /** Forgets everything the device holds for this account (on logout, when nothing is unsent). */
  static async remove(userId: string): Promise<void> {
    await deleteDatabase(dbName(userId));
  }

  close(): void {
    this.db.close();
  }

  /**
   * Records an operation: the device id (chosen once), the next sequence number and the next clock
   * are read and written in the same transaction as the operation, so two tabs never share a number.
   */
  record(input: {
    siteId: string;
    kind: SyncOperationKind;
    entityId: string;
    payload: Record<string, unknown>;
  }): Promise<QueuedOp> {
    return transaction(this.db, ['meta', 'ops'], 'readwrite', async (tx) => {
      const meta = tx.objectStore('meta');
      let deviceId = (await request(meta.get('deviceId'))) as string | undefined;
      if (!deviceId) {
        deviceId = newId();
        meta.put(deviceId, 'deviceId');
      }
      const seq = (((await request(meta.get('seq'))) as number | undefined) ?? 0) + 1;
      const last = (await request(meta.get('hlc'))) as string | undefined;
      const now = Date.now();
      const clock = tick(last ? parseHlc(last) : null, deviceId, now);
      const op: QueuedOp = {
        opId: newId(),
        deviceId,
        seq,
        hlc: formatHlc(clock),
        entity: entityOf(input.kind),
        entityId: input.entityId,
        kind: input.kind,
        payload: input.payload,
        siteId: input.siteId,
        state: 'waiting',
        recordedAt: new Date(now).toISOString(),
        pulled: false,
      };
      meta.put(seq, 'seq');
      meta.put(op.hlc, 'hlc');
      tx.objectStore('ops').add(op);
      return op;
    });
  }

  /** The device id, chosen once (here, or by the first operation recorded). */
  deviceId(): Promise<string> {
    return transaction(this.db, ['meta'], 'readwrite', async (tx) => {
      const meta = tx.objectStore('meta');
      const known = (await request(meta.get('deviceId'))) as string | undefined;
      if (known) return known;
      const made = newId();
      meta.put(made, 'deviceId');
      return made;
    });
  }

  bundleKeys(): Promise<BundleKeys | undefined> {
    return transaction(this.db, ['meta'], 'readonly', async (tx) =>
      request(tx.objectStore('meta').get('bundleKeys') as IDBRequest<BundleKeys | undefined>),
    );
  }

  saveBundleKeys(keys: BundleKeys): Promise<void> {
    return transaction(this.db, ['meta'], 'readwrite', async (tx) => {
      tx.objectStore('meta').put(keys, 'bundleKeys');
    });
  }

  /** Takes in the server's clock, so the next operation is stamped after everything seen. */
  saw(remote: string | null): Promise<void> {
    if (!remote) return Promise.resolve();
    return transaction(this.db, ['meta'], 'readwrite', async (tx) => {
      const meta = tx.objectStore('meta');
      const deviceId = (await request(meta.get('deviceId'))) as string | undefined;
      const last = (await request(meta.get('hlc'))) as string | undefined;
      if (!deviceId) return; // no operation yet: the first one will tick from the wall clock
      const clock: Hlc = receive(last ? parseHlc(last) : null, parseHlc(remote), deviceId, Date.now());
      meta.put(formatHlc(clock), 'hlc');
    });
  }

  ops(): Promise<QueuedOp[]> {
    return transaction(this.db, ['ops'], 'readonly', async (tx) =>
      request(tx.objectStore('ops').getAll() as IDBRequest<QueuedOp[]>),
    );
  }

  saveOps(ops: QueuedOp[]): Promise<void> {
    return transaction(this.db, ['ops'], 'readwrite', async (tx) => {
      for (const op of ops) tx.objectStore('ops').put(op);
    });
  }

  /** Applied operations are now in the pulled records: the screens stop laying them on top. */
  markPulled(): Promise<void> {
    return transaction(this.db, ['ops'], 'readwrite', async (tx) => {
      const store = tx.objectStore('ops');
      for (const op of await request(store.getAll() as IDBRequest<QueuedOp[]>))
        if (op.state !== 'waiting' && !op.pulled) store.put({ ...op, pulled: true });
    });
  }

  /** Drops what the server has settled (sent, conflict, rejected); unsent operations stay. */
  clearSettled(): Promise<void> {
    return transaction(this.db, ['ops'], 'readwrite', async (tx) => {
      const store = tx.objectStore('ops');
      for (const op of await request(store.getAll() as IDBRequest<QueuedOp[]>))
        if (op.state !== 'waiting' && op.pulled) store.delete(op.seq);
    });
  }

  checkpoint(siteId: string): Promise<number> {
    return transaction(this.db, ['meta'], 'readonly', async (tx) => {
      const value = await request(tx.objectStore('meta').get(`checkpoint:${siteId}`));
      return typeof value === 'number' ? value : 0;
    });
  }

  /** Stores pulled records and the new checkpoint together: a pull cut off is simply repeated. */
  savePulled(
    siteId: string,
    pulled: {
      checkpoint: number;
      people: Person[];
      households: Household[];
      passages: Passage[];
      headcounts: StoredHeadcount[];
    },
  ): Promise<void> {
    const stores = ['meta', 'people', 'households', 'passages', 'headcounts'];
    return transaction(this.db, stores, 'readwrite', async (tx) => {
      for (const person of pulled.people) tx.objectStore('people').put(person);
      for (const household of pulled.households) tx.objectStore('households').put(household);
      for (const passage of pulled.passages) tx.objectStore('passages').put(passage);
      for (const headcount of pulled.headcounts) tx.objectStore('headcounts').put(headcount);
      tx.objectStore('meta').put(pulled.checkpoint, `checkpoint:${siteId}`);
    });
  }

  /** The site's shelters and passages as the read route gave them. */
  saveGraph(graph: SiteGraph): Promise<void> {
    return transaction(this.db, ['meta', 'passages'], 'readwrite', async (tx) => {
      tx.objectStore('meta').put(graph, `graph:${graph.site.id}`);
      for (const passage of graph.passages) tx.objectStore('passages').put(passage);
    });
  }

  savePeople(people: Person[]): Promise<void> {
    return transaction(this.db, ['people'], 'readwrite', async (tx) => {
      for (const person of people) tx.objectStore('people').put(person);
    });
  }

  /**
   * The site's households as listed (not pulled): a device whose store predates households has a
   * checkpoint past their creation, so they are listed once, and pulled from then on.
   */
  saveListedHouseholds(siteId: string, households: Household[], complete: boolean): Promise<void> {
    return transaction(this.db, ['meta', 'households'], 'readwrite', async (tx) => {
      for (const household of households) tx.objectStore('households').put(household);
      if (complete) tx.objectStore('meta').put(true, `householdsListed:${siteId}`);
    });
  }

  householdsListed(siteId: string): Promise<boolean> {
    return transaction(this.db, ['meta'], 'readonly', async (tx) =>
      Boolean(await request(tx.objectStore('meta').get(`householdsListed:${siteId}`))),
    );
  }

  graph(siteId: string): Promise<SiteGraph | undefined> {
    return transaction(this.db, ['meta'], 'readonly', async (tx) =>
      request(tx.objectStore('meta').get(`graph:${siteId}`) as IDBRequest<SiteGraph | undefined>),
    );
  }

  people(siteId: string): Promise<Person[]> {
    return this.bySite<Person>('people', siteId);
  }

  households(siteId: string): Promise<Household[]> {
    return this.bySite<Household>('households', siteId);
  }

  passages(siteId: string): Promise<Passage[]> {
    return this.bySite<Passage>('passages', siteId);
  }

  private bySite<T>(store: string, siteId: string): Promise<T[]> {
    return transaction(this.db, [store], 'readonly', async (tx) =>
      request(tx.objectStore(store).index('siteId').getAll(siteId) as IDBRequest<T[]>),
    );
  }
}
