import type { Person } from '../../../src/domain/person.ts';
import type { Passage } from '../../../src/domain/site.ts';
import { syncProtocol } from '../../../src/sync/protocol.ts';
import { ApiError, api, query } from '../api/client.ts';
import type { Household, PeoplePage, SiteGraph } from '../api/types.ts';
import { enrol } from './bundle-export.ts';
import type { LocalStore, StoredHeadcount } from './local-store.ts';
import { type OpResult, type QueuedOp, retryDelayMs, settle, wireOf } from './operations.ts';

// Sends the queue and pulls the site whenever the device has a network: at start, when the browser
// says it is online again, after each change recorded, every minute while online, and after a
// failure with a growing pause. An operation leaves the waiting state only on the server's answer
// for it, so a push cut off at any point is sent again whole (the server applies each once).

export interface SyncSnapshot {
  /** The browser's own view; a push that fails for want of a network also counts as offline. */
  online: boolean;
  syncing: boolean;
  ops: QueuedOp[];
  /** When the last sync completed, ISO. */
  lastSync: string | null;
  /** Why the last attempt failed (a network failure, or the server's refusal of the whole push). */
  problem: { code: string; message: string } | null;
  /** When the next attempt after a failure is due (ms since the epoch). */
  retryAt: number | null;
  /** Bumped after each pull or local change: the screens read the store again. */
  revision: number;
  /** The device has enrolled for bundles and can export its waiting operations. */
  canExport: boolean;
}

const batchSize = 1000;
const pullLimit = 1000;
const pageSize = 1000;
const everyMinute = 60_000;

interface PushAnswer {
  results: OpResult[];
  hlc: string | null;
}

interface PullAnswer {
  checkpoint: number;
  more: boolean;
  hlc: string | null;
  people: Person[];
  households: Household[];
  passages: Passage[];
  headcounts: StoredHeadcount[];
}

export class SyncEngine {
  private snapshot: SyncSnapshot = {
    online: typeof navigator === 'undefined' ? true : navigator.onLine,
    syncing: false,
    ops: [],
    lastSync: null,
    problem: null,
    retryAt: null,
    revision: 0,
    canExport: false,
  };
  private listeners = new Set<() => void>();
  private failures = 0;
  private retryTimer: number | undefined;
  private minuteTimer: number | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    readonly store: LocalStore,
    private siteId: string | undefined,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SyncSnapshot => this.snapshot;

  private update(changes: Partial<SyncSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...changes };
    for (const listener of this.listeners) listener();
  }

  start(): void {
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.minuteTimer = window.setInterval(() => {
      if (navigator.onLine) void this.sync();
    }, everyMinute);
    void this.reload().then(() => this.sync());
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    window.clearInterval(this.minuteTimer);
    window.clearTimeout(this.retryTimer);
    this.store.close();
  }

  /** The site the screens show: pulled on each sync along with the sites of queued operations. */
  setSite(siteId: string | undefined): void {
    if (siteId === this.siteId) return;
    this.siteId = siteId;
    void this.sync();
  }

  private onOnline = () => {
    this.failures = 0;
    this.update({ online: true });
    void this.sync();
  };

  private onOffline = () => this.update({ online: false });

  private async reload(): Promise<void> {
    const ops = await this.store.ops();
    const canExport = Boolean((await this.store.bundleKeys())?.bundleKey);
    this.update({ ops: ops.sort((a, b) => a.seq - b.seq), revision: this.snapshot.revision + 1, canExport });
  }

  /** Records a change: it shows at once, and is sent now if there is a network. */
  async record(input: Parameters<LocalStore['record']>[0]): Promise<QueuedOp> {
    const op = await this.store.record(input);
    await this.reload();
    void this.sync();
    return op;
  }

  async clearSettled(): Promise<void> {
    await this.store.clearSettled();
    await this.reload();
  }

  /** One sync at a time in this tab (and, where the browser has Web Locks, across its tabs). */
  sync(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = async () => {
      do {
        this.again = false;
        await this.lockedRun();
      } while (this.again && !this.stopped);
    };
    this.running = run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private lockedRun(): Promise<void> {
    if (typeof navigator !== 'undefined' && navigator.locks)
      return navigator.locks.request('corridor-field-sync', () => this.once()).then(() => undefined);
    return this.once();
  }

  private async once(): Promise<void> {
    window.clearTimeout(this.retryTimer);
    this.update({ syncing: true, retryAt: null });
    try {
      await this.push();
      await this.pullSites();
      this.failures = 0;
      this.update({ online: true, problem: null, lastSync: new Date().toISOString() });
    } catch (error) {
      this.failed(error);
      return;
    } finally {
      await this.reload();
      this.update({ syncing: false });
    }
    // Enrolling for bundles is apart from the sync: a refusal (a server without bundles) must not
    // hold the queue back; it is tried again at the next sync.
    try {
      await enrol(this.store);
    } catch {
      // nothing to do: the export button stays disabled and says why
    }
    await this.reload();
  }

  private failed(error: unknown): void {
    const offline = !(error instanceof ApiError);
    const problem =
      error instanceof ApiError
        ? { code: error.code, message: error.message }
        : { code: 'network', message: error instanceof Error ? error.message : String(error) };
    // A session that has ended needs the user to log in again: retrying would not help.
    if (error instanceof ApiError && error.status === 401) {
      this.update({ problem, retryAt: null });
      return;
    }
    this.failures++;
    const delay = retryDelayMs(this.failures);
    this.retryTimer = window.setTimeout(() => void this.sync(), delay);
    this.update({ problem, retryAt: Date.now() + delay, ...(offline ? { online: false } : {}) });
  }

  private async push(): Promise<void> {
    // A gap answer leaves operations waiting; after a round that settles nothing, stop and retry later.
    for (let round = 0; round < 100; round++) {
      const waiting = (await this.store.ops()).filter((op) => op.state === 'waiting');
      if (waiting.length === 0) return;
      const batch = waiting.sort((a, b) => a.seq - b.seq).slice(0, batchSize);
      const answer = await api<PushAnswer>('/api/sync/push', {
        method: 'POST',
        body: { protocol: syncProtocol, ops: batch.map(wireOf) },
      });
      const byId = new Map(answer.results.map((r) => [r.opId, r]));
      const settled = batch.flatMap((op) => {
        const result = byId.get(op.opId);
        return result ? [settle(op, result)] : [];
      });
      await this.store.saveOps(settled);
      await this.store.saw(answer.hlc);
      if (!settled.some((op) => op.state !== 'waiting'))
        throw new ApiError(409, 'gap', settled.find((op) => op.error)?.error?.message ?? 'nothing settled');
    }
  }

  private async pullSites(): Promise<void> {
    const sites = new Set(this.snapshot.ops.filter((op) => !op.pulled).map((op) => op.siteId));
    if (this.siteId) sites.add(this.siteId);
    for (const siteId of sites) await this.pull(siteId);
    await this.store.markPulled();
  }

  private async pull(siteId: string): Promise<void> {
    await this.store.saveGraph(await api<SiteGraph>(`/api/sites/${siteId}`));
    let since = await this.store.checkpoint(siteId);
    // The first time, the registry as it stands: records loaded before the operations log began
    // (a site file, a scenario) never show in a pull. Households are listed on their own first time,
    // which for a store made before it held them comes after its checkpoint.
    if (since === 0)
      for (let offset = 0; ; offset += pageSize) {
        const page = await api<PeoplePage>(`/api/people${query({ siteId, limit: pageSize, offset })}`);
        await this.store.savePeople(page.items);
        await this.reload();
        if (offset + pageSize >= page.total) break;
      }
    if (!(await this.store.householdsListed(siteId)))
      for (let offset = 0; ; offset += pageSize) {
        const page = await api<{ items: Household[] }>(
          `/api/households${query({ siteId, limit: pageSize, offset })}`,
        );
        const complete = page.items.length < pageSize;
        await this.store.saveListedHouseholds(siteId, page.items, complete);
        if (complete) break;
      }
    for (;;) {
      const answer = await api<PullAnswer>(`/api/sync/pull${query({ siteId, since, limit: pullLimit })}`);
      await this.store.savePulled(siteId, answer);
      await this.store.saw(answer.hlc);
      since = answer.checkpoint;
      if (!answer.more) break;
    }
  }
}
