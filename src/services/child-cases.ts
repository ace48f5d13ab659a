import { type CaseKind, type ChildCase, caseKindFor, type VerificationMethod } from '../domain/child-case.ts';
import { CorridorError, notFound, unknownReference } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { Person } from '../domain/person.ts';
import { cipherOf } from '../store/crypto/sealed-store.ts';
import type { Database, Queryable } from '../store/database.ts';
import { translating } from '../store/db-errors.ts';
import * as repo from '../store/repos/child-cases.ts';
import { type Actor, recordOperation, systemActor } from '../store/repos/operations.ts';
import { findPerson } from '../store/repos/people.ts';

/** A case with the child it is about, as the cell and the reception desks see it. */
export type ShownCase = ChildCase & {
  child: Pick<
    Person,
    'id' | 'names' | 'sex' | 'birthDate' | 'birthYear' | 'ageBand' | 'status' | 'shelterId'
  >;
};

async function withChild(db: Queryable, c: ChildCase): Promise<ShownCase> {
  const child = (await findPerson(db, c.childId))!;
  const { id, names, sex, birthDate, birthYear, ageBand, status, shelterId } = child;
  return { ...c, child: { id, names, sex, birthDate, birthYear, ageBand, status, shelterId } };
}

export async function requireCase(db: Queryable, id: string, forUpdate = false): Promise<ChildCase> {
  const found = await repo.findCase(db, id, forUpdate);
  if (!found) throw notFound('child case', id);
  return found;
}

const requireOpen = (c: ChildCase): void => {
  if (c.status !== 'open')
    throw new CorridorError(
      'illegal_transition',
      `the case is ${c.status.replace('_', ' ')}, no longer open`,
      {
        from: c.status,
      },
    );
};

/**
 * Opens a case for every child among these people registered unaccompanied or separated who never
 * had one, as the system: a child must not wait for someone to think of it. Runs with the tracing
 * matcher, in its transaction.
 */
export async function openCasesForChildren(tx: Queryable, personIds: readonly string[]): Promise<number> {
  const children = await repo.childrenWithoutCase(tx, personIds);
  for (const child of children) {
    const id = newId();
    await repo.insertCase(tx, {
      id,
      siteId: child.siteId,
      childId: child.id,
      kind: caseKindFor(child.vulnerabilities)!,
      note: null,
      by: systemActor.name,
      byId: null,
    });
    await recordOperation(tx, systemActor, {
      entity: 'child_case',
      entityId: id,
      action: 'open',
      before: null,
      after: { childId: child.id, kind: caseKindFor(child.vulnerabilities) },
    });
  }
  return children.length;
}

export async function openCase(
  db: Database,
  actor: Actor,
  input: { id?: string | undefined; childId: string; kind: CaseKind; note?: string | null | undefined },
): Promise<ShownCase> {
  return translating(() =>
    db.transaction(async (tx) => {
      const child = await findPerson(tx, input.childId, true);
      if (!child) throw unknownReference('childId', input.childId);
      if (child.status === 'merged')
        throw new CorridorError(
          'validation_failed',
          'childId: this registration was merged into another; open the case on that one',
          { field: 'childId' },
        );
      const open = await repo.openCaseOf(tx, child.id);
      if (open)
        throw new CorridorError('conflict', `the child already has an open case (${open})`, { caseId: open });
      const id = input.id ?? newId();
      if (await repo.findCase(tx, id))
        throw new CorridorError('duplicate_id', `id: a case with id ${id} already exists`, { field: 'id' });
      await repo.insertCase(tx, {
        id,
        siteId: child.siteId,
        childId: child.id,
        kind: input.kind,
        note: input.note ?? null,
        by: actor.name,
        byId: actor.userId,
      });
      const after = (await repo.findCase(tx, id))!;
      await recordOperation(tx, actor, {
        entity: 'child_case',
        entityId: id,
        action: 'open',
        before: null,
        after,
      });
      return withChild(tx, after);
    }),
  );
}

export interface VerificationInput {
  name: string;
  relation: string;
  personId?: string | null | undefined;
  contact?: string | null | undefined;
  method: VerificationMethod;
  evidence: string;
}

/** Records that someone checked an adult's identity and relation to the child, and how; the actor is who checked. */
export async function addVerification(
  db: Database,
  actor: Actor,
  caseId: string,
  input: VerificationInput,
): Promise<ShownCase> {
  return translating(() =>
    db.transaction(async (tx) => {
      const before = await requireCase(tx, caseId, true);
      requireOpen(before);
      if (input.personId) {
        const adult = await findPerson(tx, input.personId);
        if (!adult || adult.siteId !== before.siteId) throw unknownReference('personId', input.personId);
        if (adult.id === before.childId)
          throw new CorridorError('validation_failed', 'personId: the child cannot be their own guardian', {
            field: 'personId',
          });
      }
      const id = newId();
      await repo.insertVerification(tx, {
        id,
        caseId,
        name: input.name,
        relation: input.relation,
        personId: input.personId ?? null,
        contact: input.contact ?? null,
        method: input.method,
        evidence: input.evidence,
        by: actor.name,
        byId: actor.userId,
      });
      const after = (await repo.findCase(tx, caseId))!;
      const verification = after.verifications.find((v) => v.id === id)!;
      await recordOperation(tx, actor, {
        entity: 'child_case',
        entityId: caseId,
        action: 'verify',
        before: null,
        // The verified adult's name is sealed here: the log's key 'name' mostly holds the names of
        // places and windows, left in clear. Their contact and evidence are personal keys.
        after: { ...verification, name: cipherOf(tx).seal(verification.name) },
      });
      return withChild(tx, after);
    }),
  );
}

/**
 * Hands the child to an adult someone verified: the case ends. Refused without a verification of
 * this case, so no child is handed to an adult nobody checked.
 */
export async function handOver(
  db: Database,
  actor: Actor,
  caseId: string,
  input: {
    verificationId: string;
    at?: string | undefined;
    place?: string | null | undefined;
    version?: number | undefined;
  },
): Promise<ShownCase> {
  return translating(() =>
    db.transaction(async (tx) => {
      const before = await requireCase(tx, caseId, true);
      if (input.version !== undefined && input.version !== before.version)
        throw new CorridorError(
          'conflict',
          `version: the case was changed by someone else (now version ${before.version}); reload and try again`,
          { field: 'version', current: before.version },
        );
      requireOpen(before);
      const verification = before.verifications.find((v) => v.id === input.verificationId);
      if (!verification) throw unknownReference('verificationId', input.verificationId);
      if (input.at && new Date(input.at).getTime() > Date.now())
        throw new CorridorError('validation_failed', 'at: the hand-over cannot be in the future', {
          field: 'at',
        });
      await repo.recordHandover(tx, {
        caseId,
        verificationId: verification.id,
        at: input.at ?? null,
        place: input.place ?? null,
        by: actor.name,
        byId: actor.userId,
      });
      const after = (await repo.findCase(tx, caseId))!;
      await recordOperation(tx, actor, {
        entity: 'child_case',
        entityId: caseId,
        action: 'hand_over',
        before: { status: before.status },
        after: { status: after.status, handover: after.handover, verifiedBy: verification.verifiedBy },
      });
      return withChild(tx, after);
    }),
  );
}

export async function closeCase(
  db: Database,
  actor: Actor,
  caseId: string,
  input: { reason: string },
): Promise<ShownCase> {
  return translating(() =>
    db.transaction(async (tx) => {
      const before = await requireCase(tx, caseId, true);
      requireOpen(before);
      await repo.closeCase(tx, caseId, input.reason, actor.name);
      const after = (await repo.findCase(tx, caseId))!;
      await recordOperation(tx, actor, {
        entity: 'child_case',
        entityId: caseId,
        action: 'close',
        before: { status: before.status },
        after: { status: after.status, reason: input.reason },
      });
      return withChild(tx, after);
    }),
  );
}

export async function getCase(db: Queryable, id: string): Promise<ShownCase> {
  return withChild(db, await requireCase(db, id));
}

export async function listCases(db: Queryable, filter: repo.CaseFilter) {
  const { items, total } = await repo.listCases(db, filter);
  const shown: ShownCase[] = [];
  for (const item of items) shown.push(await withChild(db, item));
  return { items: shown, total };
}
