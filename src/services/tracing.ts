import { CorridorError, notFound, unknownReference } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { PersonName } from '../domain/person.ts';
import {
  type ConsentDecision,
  type Enquirer,
  type LastSeen,
  type MatchReview,
  type RequestStatus,
  requestProblems,
  type SoughtPerson,
  soughtRecord,
  type TracingRequest,
} from '../domain/tracing.ts';
import { readableRecord } from '../matching/readable.ts';
import type { Database, Queryable } from '../store/database.ts';
import { translating } from '../store/db-errors.ts';
import { disclosable } from '../store/repos/disclosure.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import { findPerson } from '../store/repos/people.ts';
import { findPoint } from '../store/repos/sites.ts';
import * as repo from '../store/repos/tracing.ts';
import { requireSiteReference } from './sites.ts';

export interface RequestInput {
  id?: string | undefined;
  siteId: string;
  sought: {
    names: PersonName[];
    sex?: SoughtPerson['sex'] | undefined;
    birthDate?: string | null | undefined;
    birthYear?: number | null | undefined;
    ageBand?: SoughtPerson['ageBand'] | undefined;
    description?: string | null | undefined;
  };
  enquirer: {
    name: string;
    phone?: string | null | undefined;
    email?: string | null | undefined;
    contactNote?: string | null | undefined;
    personId?: string | null | undefined;
  };
  relation: string;
  lastSeen?: { place?: string | null; pointId?: string | null; date?: string | null } | undefined;
  separation?: string | null | undefined;
}

export type RequestPatch = Partial<Omit<RequestInput, 'id' | 'siteId'>> & { version?: number | undefined };

const sought = (s: RequestInput['sought']): SoughtPerson => ({
  names: s.names,
  sex: s.sex ?? null,
  birthDate: s.birthDate ?? null,
  birthYear: s.birthYear ?? null,
  ageBand: s.ageBand ?? null,
  description: s.description ?? null,
});

const enquirer = (e: RequestInput['enquirer']): Enquirer => ({
  name: e.name,
  phone: e.phone ?? null,
  email: e.email ?? null,
  contactNote: e.contactNote ?? null,
  personId: e.personId ?? null,
});

const lastSeen = (l: RequestInput['lastSeen']): LastSeen => ({
  place: l?.place ?? null,
  pointId: l?.pointId ?? null,
  date: l?.date ?? null,
});

/** Every rule a request meets, checked against the database inside the transaction. */
export async function checkRequest(tx: Queryable, r: repo.RequestFields): Promise<void> {
  const problems = requestProblems(r);
  if (problems.length > 0) {
    const [field, reason] = problems[0]!;
    throw new CorridorError('validation_failed', `${field}: ${reason}`, { field, problems });
  }
  // A request the matcher could not read would never be matched: say so now.
  const readable = readableRecord(soughtRecord(r));
  if (!readable || readable.names.length !== r.sought.names.length)
    throw new CorridorError(
      'validation_failed',
      'sought.names: every name needs a family or a given name written in letters',
      { field: 'sought.names' },
    );
  if (r.lastSeen.pointId) {
    const point = await findPoint(tx, r.lastSeen.pointId);
    if (!point || point.siteId !== r.siteId) throw unknownReference('lastSeen.pointId', r.lastSeen.pointId);
  }
  if (r.enquirer.personId) {
    const person = await findPerson(tx, r.enquirer.personId);
    if (!person || person.siteId !== r.siteId)
      throw unknownReference('enquirer.personId', r.enquirer.personId);
  }
}

export async function requireRequest(db: Queryable, id: string, forUpdate = false) {
  const request = await repo.findRequest(db, id, forUpdate);
  if (!request) throw notFound('tracing request', id);
  return request;
}

/** The request as the API shows it: without the PFIF fields kept for re-export. */
const shown = ({ pfif: _, ...request }: TracingRequest & { pfif: unknown }): TracingRequest => request;

export async function createRequest(
  db: Database,
  actor: Actor,
  input: RequestInput,
): Promise<TracingRequest> {
  return translating(() =>
    db.transaction(async (tx) => {
      await requireSiteReference(tx, input.siteId);
      const id = input.id ?? newId();
      if (await repo.findRequest(tx, id))
        throw new CorridorError('duplicate_id', `id: a tracing request with id ${id} already exists`, {
          field: 'id',
        });
      const fields: repo.RequestFields = {
        id,
        siteId: input.siteId,
        origin: 'corridor',
        pfifRecordId: null,
        pfif: null,
        sought: sought(input.sought),
        enquirer: enquirer(input.enquirer),
        relation: input.relation,
        lastSeen: lastSeen(input.lastSeen),
        separation: input.separation ?? null,
        createdBy: actor.name,
        createdById: actor.userId,
      };
      await checkRequest(tx, fields);
      await repo.insertRequest(tx, fields);
      const after = shown(await requireRequest(tx, id));
      await recordOperation(tx, actor, {
        entity: 'tracing_request',
        entityId: id,
        action: 'create',
        before: null,
        after,
      });
      return after;
    }),
  );
}

export async function updateRequest(
  db: Database,
  actor: Actor,
  id: string,
  patch: RequestPatch,
): Promise<TracingRequest> {
  return translating(() =>
    db.transaction(async (tx) => {
      const before = await requireRequest(tx, id, true);
      if (patch.version !== undefined && patch.version !== before.version)
        throw new CorridorError(
          'conflict',
          `version: the request was changed by someone else (now version ${before.version}); reload and try again`,
          { field: 'version', current: before.version },
        );
      if (before.origin === 'pfif')
        throw new CorridorError(
          'conflict',
          `the request was imported from another registry (${before.pfifRecordId}); import its newer record instead`,
        );
      if (before.status === 'closed')
        throw new CorridorError('conflict', 'the request is closed; it can no longer be changed');
      const fields: repo.RequestFields = {
        ...before,
        sought: patch.sought ? sought(patch.sought) : before.sought,
        enquirer: patch.enquirer ? enquirer(patch.enquirer) : before.enquirer,
        relation: patch.relation ?? before.relation,
        lastSeen: patch.lastSeen ? lastSeen(patch.lastSeen) : before.lastSeen,
        separation: patch.separation === undefined ? before.separation : patch.separation,
        createdById: null,
      };
      await checkRequest(tx, fields);
      await repo.updateRequestFields(tx, fields);
      const after = shown(await requireRequest(tx, id));
      await recordOperation(tx, actor, {
        entity: 'tracing_request',
        entityId: id,
        action: 'update',
        before: shown(before),
        after,
      });
      return after;
    }),
  );
}

export async function setRequestStatus(
  db: Database,
  actor: Actor,
  id: string,
  change: { status: RequestStatus; reason?: string | undefined },
): Promise<TracingRequest> {
  return translating(() =>
    db.transaction(async (tx) => {
      const before = await requireRequest(tx, id, true);
      if (before.status === change.status)
        throw new CorridorError('illegal_transition', `the request is already ${before.status}`, {
          from: before.status,
          to: change.status,
        });
      if (change.status === 'closed' && !change.reason)
        throw new CorridorError('validation_failed', 'reason: say why the request is closed', {
          field: 'reason',
        });
      await repo.setRequestStatus(
        tx,
        id,
        change.status,
        change.status === 'closed' ? (change.reason ?? null) : null,
      );
      const after = shown(await requireRequest(tx, id));
      await recordOperation(tx, actor, {
        entity: 'tracing_request',
        entityId: id,
        action: change.status === 'closed' ? 'close' : 'reopen',
        before: { status: before.status },
        after: { status: after.status, reason: change.reason ?? null },
      });
      return after;
    }),
  );
}

export async function getRequest(db: Queryable, id: string): Promise<TracingRequest> {
  return shown(await requireRequest(db, id));
}

export async function listRequests(db: Queryable, filter: repo.RequestFilter) {
  const { items, total } = await repo.listRequests(db, filter);
  return { items: items.map(repo.toRequest), total };
}

/**
 * A coordinator's verdict on a match. A match that may not be shown (the person declined to be
 * found, or the registration was merged away) is answered as if it did not exist.
 */
export async function reviewMatch(
  db: Database,
  actor: Actor,
  requestId: string,
  personId: string,
  review: { status: MatchReview; note?: string | undefined },
): Promise<void> {
  await translating(() =>
    db.transaction(async (tx) => {
      const { rows } = await tx.query<{ status: string }>(
        `SELECT m.status FROM tracing_match m JOIN person p ON p.id = m.person_id
         WHERE m.request_id = $1 AND m.person_id = $2 AND ${disclosable('p')} FOR UPDATE OF m`,
        [requestId, personId],
      );
      const before = rows[0];
      if (!before) throw notFound('match', `${requestId}/${personId}`);
      await repo.reviewMatch(tx, {
        requestId,
        personId,
        status: review.status,
        by: actor.name,
        byId: actor.userId,
        note: review.note ?? null,
      });
      await recordOperation(tx, actor, {
        entity: 'tracing_request',
        entityId: requestId,
        action: 'review_match',
        before: { personId, status: before.status },
        after: { personId, status: review.status, note: review.note ?? null },
      });
    }),
  );
}

/**
 * Records whether a registered person agrees to be found. A person who declines is, from this
 * commit on, left out of every match, search and export; the matcher's next run drops their
 * unreviewed proposals, and reviewed ones are hidden.
 */
export async function recordConsent(
  db: Database,
  actor: Actor,
  personId: string,
  consent: { decision: ConsentDecision; note?: string | null | undefined },
): Promise<repo.Consent> {
  return translating(() =>
    db.transaction(async (tx) => {
      const person = await findPerson(tx, personId, true);
      if (!person) throw notFound('person', personId);
      if (person.status === 'merged')
        throw new CorridorError(
          'conflict',
          'this registration was merged into another; record the consent on the registration it was merged into',
        );
      const before = (await repo.findConsent(tx, personId)) ?? null;
      await repo.writeConsent(tx, {
        personId,
        decision: consent.decision,
        note: consent.note ?? null,
        by: actor.name,
        byId: actor.userId,
      });
      const after = (await repo.findConsent(tx, personId))!;
      await recordOperation(tx, actor, {
        entity: 'tracing_consent',
        entityId: personId,
        action: 'record',
        before,
        after,
      });
      return after;
    }),
  );
}

export async function getConsent(db: Queryable, personId: string): Promise<repo.Consent | null> {
  if (!(await findPerson(db, personId))) throw notFound('person', personId);
  return (await repo.findConsent(db, personId)) ?? null;
}
