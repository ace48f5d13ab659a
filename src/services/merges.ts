import { CorridorError, notFound, unknownReference } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { PersonStatus } from '../domain/lifecycle.ts';
import { type MergeChanges, mergedPerson, unmergedPerson } from '../domain/merge.ts';
import { type Person, personProblems } from '../domain/person.ts';
import { compare } from '../matching/index.ts';
import { readableRecord } from '../matching/readable.ts';
import type { Database, Queryable } from '../store/database.ts';
import { translating } from '../store/db-errors.ts';
import * as repo from '../store/repos/merges.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import { findPerson, setPersonStatus, updatePersonFields } from '../store/repos/people.ts';

/** Registrations in the middle of a journey: merging them away would lose where they are. */
const inTransit: readonly PersonStatus[] = ['assigned', 'boarded', 'held_at_screening'];

async function lockPeople(tx: Queryable, ids: readonly string[]): Promise<void> {
  // Always in id order, so two merges of the same pair never wait on each other crosswise.
  await tx.query('SELECT 1 FROM person WHERE id = ANY ($1::uuid[]) ORDER BY id FOR UPDATE', [
    [...ids].sort(),
  ]);
}

function scoreOf(a: Person, b: Person): { score: number | null; summary: string | null } {
  const x = readableRecord(a);
  const y = readableRecord(b);
  if (!x || !y) return { score: null, summary: null };
  const result = compare(x, y);
  return { score: result.score, summary: result.summary };
}

/**
 * Merges a second registration of one person into the first. Both rows stay: the survivor takes in
 * the other's names and what it lacked, the absorbed registration is marked merged (it counts no
 * more, and its history is kept under its own id), and the merge records exactly what it changed so
 * that an unmerge can take it back. Logged as operations on both people and on the merge.
 */
export async function mergePeople(
  db: Database,
  actor: Actor,
  input: { survivorId: string; absorbedId: string; reason?: string | null | undefined },
): Promise<repo.Merge> {
  return translating(() =>
    db.transaction(async (tx) => {
      if (input.survivorId === input.absorbedId)
        throw new CorridorError(
          'validation_failed',
          'absorbedId: a registration cannot be merged into itself',
          {
            field: 'absorbedId',
          },
        );
      await lockPeople(tx, [input.survivorId, input.absorbedId]);
      const survivor = await findPerson(tx, input.survivorId);
      if (!survivor) throw unknownReference('survivorId', input.survivorId);
      const absorbed = await findPerson(tx, input.absorbedId);
      if (!absorbed) throw unknownReference('absorbedId', input.absorbedId);
      if (absorbed.siteId !== survivor.siteId)
        throw new CorridorError(
          'validation_failed',
          'absorbedId: the two registrations belong to different sites',
          {
            field: 'absorbedId',
          },
        );
      for (const [field, person] of [
        ['survivorId', survivor],
        ['absorbedId', absorbed],
      ] as const)
        if (person.status === 'merged')
          throw new CorridorError(
            'conflict',
            `${field}: ${person.id} is already merged into another registration`,
            {
              field,
            },
          );
      if (await repo.standingMergesInto(tx, absorbed.id))
        throw new CorridorError(
          'conflict',
          'absorbedId: other registrations are merged into this one; merge it the other way round, or undo those merges first',
          { field: 'absorbedId' },
        );
      if (inTransit.includes(absorbed.status))
        throw new CorridorError(
          'conflict',
          `absorbedId: the registration is ${absorbed.status.replaceAll('_', ' ')}; keep it as the survivor instead`,
          { field: 'absorbedId' },
        );
      const { person: next, changes } = mergedPerson(survivor, absorbed);
      const problems = personProblems(next);
      if (problems.length > 0)
        throw new CorridorError('conflict', `the merged record would be invalid: ${problems[0]![1]}`, {
          problems,
        });
      await updatePersonFields(tx, { ...next, status: survivor.status });
      // Children the absorbed registration was guardian of get the survivor as guardian too.
      const children = await tx.query<{ child_id: string; relation: string | null }>(
        `INSERT INTO person_guardian (child_id, guardian_id, relation)
         SELECT g.child_id, $2, g.relation FROM person_guardian g
         WHERE g.guardian_id = $1 AND g.child_id <> $2
           AND NOT EXISTS (SELECT 1 FROM person_guardian h WHERE h.child_id = g.child_id AND h.guardian_id = $2)
         RETURNING child_id, relation`,
        [absorbed.id, survivor.id],
      );
      const allChanges: MergeChanges = {
        ...changes,
        addedChildLinks: children.rows.map((row) => ({ childId: row.child_id, relation: row.relation })),
      };
      await setPersonStatus(tx, absorbed.id, 'merged');
      const id = newId();
      const { score, summary } = scoreOf(survivor, absorbed);
      await repo.insertMerge(tx, {
        id,
        siteId: survivor.siteId,
        survivorId: survivor.id,
        absorbedId: absorbed.id,
        absorbedStatus: absorbed.status,
        score,
        explanation: summary,
        reason: input.reason ?? null,
        changes: allChanges,
        by: actor.name,
        byId: actor.userId,
      });
      const survivorAfter = (await findPerson(tx, survivor.id))!;
      await recordOperation(tx, actor, {
        entity: 'person',
        entityId: survivor.id,
        action: 'merge',
        before: survivor,
        after: { ...survivorAfter, mergeId: id, absorbedId: absorbed.id },
      });
      await recordOperation(tx, actor, {
        entity: 'person',
        entityId: absorbed.id,
        action: 'merged',
        before: { status: absorbed.status },
        after: { status: 'merged', mergeId: id, survivorId: survivor.id },
      });
      const merge = (await repo.findMerge(tx, id))!;
      await recordOperation(tx, actor, {
        entity: 'person_merge',
        entityId: id,
        action: 'merge',
        before: null,
        after: merge,
      });
      return merge;
    }),
  );
}

/**
 * Undoes a merge: the absorbed registration comes back with its old status, and the survivor loses
 * what the merge gave it — except what someone has changed since, which stays and is listed in
 * the answer (`kept`).
 */
export async function unmerge(
  db: Database,
  actor: Actor,
  mergeId: string,
  input: { reason: string },
): Promise<repo.Merge & { kept: string[] }> {
  return translating(() =>
    db.transaction(async (tx) => {
      const merge = await repo.findMerge(tx, mergeId, true);
      if (!merge) throw notFound('merge', mergeId);
      if (merge.unmergedAt)
        throw new CorridorError('illegal_transition', `the merge was already undone at ${merge.unmergedAt}`);
      await lockPeople(tx, [merge.survivorId, merge.absorbedId]);
      const survivor = (await findPerson(tx, merge.survivorId))!;
      const { person: next, kept } = unmergedPerson(survivor, merge.changes);
      const problems = personProblems(next);
      if (problems.length > 0)
        throw new CorridorError(
          'conflict',
          `the survivor would be invalid without the merge: ${problems[0]![1]}`,
          {
            problems,
          },
        );
      await updatePersonFields(tx, { ...next, status: survivor.status });
      for (const link of merge.changes.addedChildLinks)
        await tx.query('DELETE FROM person_guardian WHERE child_id = $1 AND guardian_id = $2', [
          link.childId,
          merge.survivorId,
        ]);
      await setPersonStatus(tx, merge.absorbedId, merge.absorbedStatus);
      await repo.markUnmerged(tx, mergeId, { by: actor.name, byId: actor.userId, reason: input.reason });
      const survivorAfter = (await findPerson(tx, merge.survivorId))!;
      await recordOperation(tx, actor, {
        entity: 'person',
        entityId: merge.survivorId,
        action: 'unmerge',
        before: survivor,
        after: { ...survivorAfter, mergeId, kept },
      });
      await recordOperation(tx, actor, {
        entity: 'person',
        entityId: merge.absorbedId,
        action: 'unmerged',
        before: { status: 'merged' },
        after: { status: merge.absorbedStatus, mergeId },
      });
      const after = (await repo.findMerge(tx, mergeId))!;
      await recordOperation(tx, actor, {
        entity: 'person_merge',
        entityId: mergeId,
        action: 'unmerge',
        before: { unmergedAt: null },
        after: { unmergedAt: after.unmergedAt, reason: input.reason, kept },
      });
      return { ...after, kept };
    }),
  );
}

/** A coordinator's finding that a proposed pair is two people: the pair is not proposed again. */
export async function dismissPair(
  db: Database,
  actor: Actor,
  input: { personA: string; personB: string; reason?: string | null | undefined },
): Promise<void> {
  await translating(() =>
    db.transaction(async (tx) => {
      if (input.personA === input.personB)
        throw new CorridorError('validation_failed', 'personB: a pair needs two different people', {
          field: 'personB',
        });
      const a = await findPerson(tx, input.personA);
      if (!a) throw unknownReference('personA', input.personA);
      const b = await findPerson(tx, input.personB);
      if (!b) throw unknownReference('personB', input.personB);
      if (a.siteId !== b.siteId)
        throw new CorridorError('validation_failed', 'personB: the two people belong to different sites', {
          field: 'personB',
        });
      const [first, second] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
      const known = await tx.query(
        'SELECT 1 FROM duplicate_dismissal WHERE person_a = $1 AND person_b = $2',
        [first, second],
      );
      if (known.rows.length > 0)
        throw new CorridorError('conflict', 'the pair was already found to be two people');
      await repo.insertDismissal(tx, {
        a: a.id,
        b: b.id,
        siteId: a.siteId,
        reason: input.reason ?? null,
        by: actor.name,
        byId: actor.userId,
      });
      await recordOperation(tx, actor, {
        entity: 'duplicate_dismissal',
        entityId: first,
        action: 'dismiss',
        before: null,
        after: { personA: first, personB: second, reason: input.reason ?? null },
      });
    }),
  );
}
