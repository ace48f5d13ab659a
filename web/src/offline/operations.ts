import type { PersonStatus } from '../../../src/domain/lifecycle.ts';
import type { Person } from '../../../src/domain/person.ts';
import type { Passage, PassageState } from '../../../src/domain/site.ts';
import type { SyncOperationKind } from '../../../src/sync/protocol.ts';
import type { Household } from '../api/types.ts';

// The operations a field device records (corridor-sync/1, docs/sync-protocol.md) as the queue keeps
// them, and what they mean for the screens before the server has seen them. Pure functions: the
// local store and the sync loop call them, the tests check them.

export interface WireOp {
  opId: string;
  deviceId: string;
  seq: number;
  hlc: string;
  entity: 'person' | 'passage' | 'headcount' | 'household';
  entityId: string;
  kind: SyncOperationKind;
  payload: Record<string, unknown>;
}

/**
 * waiting: not yet acknowledged by the server (kept, sent again); sent: applied; conflict: received
 * but part of it lost a merge; rejected: received and refused by the rules (nothing written).
 */
export type OpState = 'waiting' | 'sent' | 'conflict' | 'rejected';

export interface QueuedOp extends WireOp {
  siteId: string;
  state: OpState;
  /** The device's own clock when recorded, for the queue page. */
  recordedAt: string;
  /** Applied, and the site pulled since: the local copy of the record now carries it. */
  pulled: boolean;
  /** The server's reason for a rejection, or what a gap or a refused push said. */
  error?: { code: string; message: string };
}

export interface OpResult {
  opId: string;
  outcome: 'applied' | 'conflict' | 'rejected' | 'gap';
  duplicate: boolean;
  expectedSeq?: number;
  error?: { code: string; message: string };
}

/** The entity an operation changes: its kind's first word (person.register → person). */
export const entityOf = (kind: SyncOperationKind): WireOp['entity'] =>
  kind.slice(0, kind.indexOf('.')) as WireOp['entity'];

/** The operation as sent: the queue's own fields stay on the device. */
export const wireOf = (op: QueuedOp): WireOp => ({
  opId: op.opId,
  deviceId: op.deviceId,
  seq: op.seq,
  hlc: op.hlc,
  entity: op.entity,
  entityId: op.entityId,
  kind: op.kind,
  payload: op.payload,
});

/** An operation the screens still show on top of the pulled records. */
export const overlays = (op: QueuedOp): boolean =>
  op.state === 'waiting' || (op.state === 'sent' && !op.pulled);

/**
 * The queue entry after the server's answer. A gap leaves it waiting (it is sent again with the
 * missing ones); every other outcome means the server holds it, so it is never sent again.
 */
export function settle(op: QueuedOp, result: OpResult): QueuedOp {
  const { error: _, ...rest } = op;
  switch (result.outcome) {
    case 'applied':
      return { ...rest, state: 'sent', pulled: false };
    case 'conflict':
      return { ...rest, state: 'conflict', pulled: false };
    case 'rejected':
      return {
        ...rest,
        state: 'rejected',
        pulled: false,
        error: result.error ?? { code: 'rejected', message: 'refused by the server' },
      };
    case 'gap':
      return {
        ...rest,
        state: 'waiting',
        error: { code: 'gap', message: `the server waits for operation ${result.expectedSeq ?? '?'} first` },
      };
  }
}

/** Seconds to wait before the n-th retry after a failed push (n from 1): 2, 4, 8 … up to a minute. */
export const retryDelayMs = (failures: number): number => Math.min(60_000, 1000 * 2 ** Math.max(1, failures));

interface PersonUpdate extends Partial<Omit<Person, 'id' | 'siteId' | 'status' | 'version'>> {}

/** A person registered on the device, as the server will have it (status sheltering, version 0). */
function registered(op: QueuedOp): Person {
  const p = op.payload as unknown as PersonUpdate & Pick<Person, 'names' | 'sex'>;
  return {
    id: op.entityId,
    siteId: op.siteId,
    householdId: p.householdId ?? null,
    shelterId: p.shelterId ?? null,
    names: p.names,
    sex: p.sex,
    birthDate: p.birthDate ?? null,
    birthYear: p.birthYear ?? null,
    ageBand: p.ageBand ?? null,
    vulnerabilities: p.vulnerabilities ?? [],
    triage: p.triage ?? null,
    languages: p.languages ?? [],
    note: p.note ?? null,
    guardians: p.guardians ?? [],
    status: 'sheltering',
    statusChangedAt: op.recordedAt,
    version: 0,
    createdAt: op.recordedAt,
    updatedAt: op.recordedAt,
  };
}

/** The site's people as pulled, with the device's own pending changes on top, in their order. */
export function overlayPeople(pulled: Person[], ops: QueuedOp[], siteId: string): Person[] {
  const byId = new Map(pulled.filter((p) => p.siteId === siteId).map((p) => [p.id, p]));
  for (const op of [...ops].sort((a, b) => a.seq - b.seq)) {
    if (op.siteId !== siteId || op.entity !== 'person' || !overlays(op)) continue;
    const person = byId.get(op.entityId);
    if (op.kind === 'person.register') {
      if (!person) byId.set(op.entityId, registered(op));
    } else if (person && op.kind === 'person.update') {
      byId.set(person.id, { ...person, ...(op.payload as PersonUpdate), updatedAt: op.recordedAt });
    } else if (person && op.kind === 'person.status') {
      const { status, from } = op.payload as { status: PersonStatus; from: PersonStatus };
      // Only the change the device made from what it saw: a newer status pulled since stands.
      if (person.status === from) byId.set(person.id, { ...person, status, statusChangedAt: op.recordedAt });
    }
  }
  return [...byId.values()];
}

/** The site's passages as pulled, with the device's unsent reports of their state on top. */
export function overlayPassages(pulled: Passage[], ops: QueuedOp[]): Passage[] {
  const byId = new Map(pulled.map((p) => [p.id, p]));
  for (const op of [...ops].sort((a, b) => a.seq - b.seq)) {
    const passage = byId.get(op.entityId);
    if (op.kind !== 'passage.report' || !passage || !overlays(op)) continue;
    const p = op.payload as { state: PassageState; note?: string | null };
    byId.set(passage.id, {
      ...passage,
      state: p.state,
      stateReportedAt: op.recordedAt,
      ...(p.note !== undefined ? { note: p.note } : {}),
    });
  }
  return [...byId.values()];
}

/** The site's households as pulled, with the ones the device created or relabelled on top. */
export function overlayHouseholds(pulled: Household[], ops: QueuedOp[], siteId: string): Household[] {
  const byId = new Map(pulled.filter((h) => h.siteId === siteId).map((h) => [h.id, h]));
  for (const op of [...ops].sort((a, b) => a.seq - b.seq)) {
    if (op.siteId !== siteId || op.entity !== 'household' || !overlays(op)) continue;
    const household = byId.get(op.entityId);
    const p = op.payload as { label?: string | null; note?: string | null };
    if (op.kind === 'household.create') {
      if (!household)
        byId.set(op.entityId, {
          id: op.entityId,
          siteId: op.siteId,
          label: p.label ?? null,
          note: p.note ?? null,
          createdAt: op.recordedAt,
          updatedAt: op.recordedAt,
        });
    } else if (household && op.kind === 'household.update') {
      byId.set(household.id, {
        ...household,
        ...(p.label !== undefined ? { label: p.label } : {}),
        ...(p.note !== undefined ? { note: p.note } : {}),
        updatedAt: op.recordedAt,
      });
    }
  }
  return [...byId.values()];
}
