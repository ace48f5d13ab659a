import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { newId } from '../../src/domain/ids.ts';
import { formatHlc, type Hlc, parseHlc, receive, tick } from '../../src/sync/hlc.ts';
import type { TestApp } from './app.ts';
import { call } from './fixtures.ts';

// A field device as the offline app will be: it mints UUIDv7 ids, numbers its operations, stamps
// them with its hybrid logical clock read from its own (possibly wrong) wall clock, and keeps every
// operation until the server has acknowledged it.

export interface WireOp {
  opId: string;
  deviceId: string;
  seq: number;
  hlc: string;
  entity: string;
  entityId: string;
  kind: string;
  payload: Record<string, unknown>;
}

export interface OpResult {
  opId: string;
  outcome: 'applied' | 'conflict' | 'rejected' | 'gap';
  duplicate: boolean;
  expectedSeq?: number;
  error?: { code: string; message: string };
}

export class Device {
  readonly id = newId();
  private seq = 0;
  private clock: Hlc | null = null;
  readonly pending: WireOp[] = [];

  /** wall: the device's own clock, in ms (tests set it; skew is just a different number). */
  constructor(public wall: number) {}

  op(kind: string, entityId: string, payload: Record<string, unknown>): WireOp {
    this.clock = tick(this.clock, this.id, this.wall);
    const op = {
      opId: newId(),
      deviceId: this.id,
      seq: ++this.seq,
      hlc: formatHlc(this.clock),
      entity: kind.split('.')[0]!,
      entityId,
      kind,
      payload,
    };
    this.pending.push(op);
    return op;
  }

  /** Takes in the server's clock from a pull or a push's answer. */
  saw(hlc: string | null): void {
    if (hlc) this.clock = receive(this.clock, parseHlc(hlc), this.id, this.wall);
  }

  acknowledge(results: OpResult[]): void {
    const done = new Set(results.filter((r) => r.outcome !== 'gap').map((r) => r.opId));
    for (let i = this.pending.length - 1; i >= 0; i--)
      if (done.has(this.pending[i]!.opId)) this.pending.splice(i, 1);
  }
}

export async function push(t: TestApp, ops: WireOp[], role: 'field' | 'coordinator' = 'field') {
  return call<{ results: OpResult[]; hlc: string | null; devices: { deviceId: string; lastSeq: number }[] }>(
    t,
    role,
    'POST',
    '/api/sync/push',
    { protocol: 'corridor-sync/1', ops },
    200,
  );
}

/** Pushes what the device holds until the server has acknowledged all of it. */
export async function flush(t: TestApp, device: Device): Promise<void> {
  for (let round = 0; round < 5 && device.pending.length > 0; round++) {
    const answer = await push(t, device.pending);
    device.acknowledge(answer.results);
    device.saw(answer.hlc);
  }
  expect(device.pending).toEqual([]);
}

export interface SiteIds {
  siteId: string;
  shelterId: string;
  otherShelterId: string;
  passageId: string;
}

export async function makeSyncSite(t: TestApp, name: string): Promise<SiteIds> {
  const site = await call<{ id: string }>(
    t,
    'coordinator',
    'POST',
    '/api/sites',
    { name, timeZone: 'Europe/Kyiv' },
    201,
  );
  const shelter = (code: string) =>
    call<{ id: string }>(
      t,
      'coordinator',
      'POST',
      `/api/sites/${site.id}/points`,
      { kind: 'shelter', code, shelterKind: 'bunker', capacity: 100 },
      201,
    );
  const a = await shelter('S1');
  const b = await shelter('S2');
  const passage = await call<{ id: string }>(
    t,
    'coordinator',
    'POST',
    `/api/sites/${site.id}/passages`,
    { from: a.id, to: b.id, lengthM: 120, state: 'open' },
    201,
  );
  return { siteId: site.id, shelterId: a.id, otherShelterId: b.id, passageId: passage.id };
}

interface PulledPerson {
  id: string;
  names: unknown;
  sex: string;
  status: string;
  shelterId: string | null;
  note: string | null;
  triage: string | null;
  vulnerabilities: string[];
}

/**
 * The site's people, passages and headcounts as a hash: what a user sees, without timestamps or
 * versions, and with ids replaced by the labels a scenario gave them, so two runs can be compared.
 */
export async function stateHash(t: TestApp, siteId: string, labels: Map<string, string>): Promise<string> {
  const state = await call<{
    people: PulledPerson[];
    passages: { id: string; state: string; note: string | null }[];
    headcounts: { id: string; count: number; category: string }[];
  }>(t, 'coordinator', 'GET', `/api/sync/pull?siteId=${siteId}&since=0&limit=5000`, undefined, 200);
  const label = (id: string | null) => (id === null ? null : (labels.get(id) ?? id));
  const byId = <T extends { id: string }>(items: T[]) =>
    [...items].sort((a, b) => label(a.id)!.localeCompare(label(b.id)!));
  const view = {
    people: byId(state.people).map((p) => [
      label(p.id),
      p.names,
      p.sex,
      p.status,
      label(p.shelterId),
      p.note,
      p.triage,
      p.vulnerabilities,
    ]),
    passages: byId(state.passages).map((p) => [label(p.id), p.state, p.note]),
    headcounts: byId(state.headcounts).map((h) => [label(h.id), h.count, h.category]),
  };
  return createHash('sha256').update(JSON.stringify(view)).digest('hex');
}
