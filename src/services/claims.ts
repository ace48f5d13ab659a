import { CorridorError, notFound, unknownReference } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { Database, Queryable } from '../store/database.ts';
import { translating } from '../store/db-errors.ts';
import * as repo from '../store/repos/claims.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import { findPause } from '../store/repos/pauses.ts';
import { findPoint } from '../store/repos/sites.ts';
import { requireParty, requireSource } from './pauses.ts';
import { requireSite, requireSiteReference } from './sites.ts';

export type IncidentInput = Omit<repo.Incident, 'id' | 'pointId' | 'place' | 'pauseWindowId' | 'convoyId'> & {
  id?: string | undefined;
  pointId?: string | null | undefined;
  place?: string | null | undefined;
  pauseWindowId?: string | null | undefined;
};

async function requirePauseOfSite(tx: Queryable, id: string, siteId: string, field: string): Promise<void> {
  const pause = await findPause(tx, id);
  if (!pause || pause.siteId !== siteId) throw unknownReference(field, id);
}

export async function recordIncident(
  db: Database,
  actor: Actor,
  input: IncidentInput,
): Promise<repo.Incident> {
  return translating(() =>
    db.transaction(async (tx) => {
      await requireSiteReference(tx, input.siteId);
      if (input.pointId) {
        const point = await findPoint(tx, input.pointId);
        if (!point || point.siteId !== input.siteId) throw unknownReference('pointId', input.pointId);
        if (input.placeKind === 'shelter' && point.kind !== 'shelter')
          throw new CorridorError(
            'validation_failed',
            `pointId: ${point.code} is a ${point.kind}, not a shelter`,
            { field: 'pointId' },
          );
      } else if (input.placeKind === 'shelter') {
        throw new CorridorError('validation_failed', 'pointId: an incident in a shelter names the shelter', {
          field: 'pointId',
        });
      }
      if (input.pauseWindowId)
        await requirePauseOfSite(tx, input.pauseWindowId, input.siteId, 'pauseWindowId');
      const incident: repo.Incident = {
        id: input.id ?? newId(),
        siteId: input.siteId,
        occurredAt: new Date(input.occurredAt).toISOString(),
        type: input.type,
        placeKind: input.placeKind,
        pointId: input.pointId ?? null,
        place: input.place ?? null,
        pauseWindowId: input.pauseWindowId ?? null,
        convoyId: null,
        summary: input.summary,
      };
      await repo.insertIncident(tx, incident);
      await recordOperation(tx, actor, {
        entity: 'incident',
        entityId: incident.id,
        action: 'create',
        before: null,
        after: incident,
      });
      return incident;
    }),
  );
}

export type ClaimInput = Omit<
  repo.Claim,
  | 'id'
  | 'incidentId'
  | 'pauseWindowId'
  | 'partyId'
  | 'speaker'
  | 'quoted'
  | 'language'
  | 'figure'
  | 'verification'
> & {
  id?: string | undefined;
  incidentId?: string | null | undefined;
  pauseWindowId?: string | null | undefined;
  partyId?: string | null | undefined;
  speaker?: string | null | undefined;
  quoted?: boolean | undefined;
  language?: string | null | undefined;
  figure?:
    | { metric: (typeof repo.figureMetrics)[number]; value: number; approximate?: boolean | undefined }
    | null
    | undefined;
};

/** Records what a party said, as it said it. A claim never changes another claim or the thing it is about. */
export async function recordClaim(db: Database, actor: Actor, input: ClaimInput): Promise<repo.Claim> {
  const fail = (field: string, reason: string) =>
    new CorridorError('validation_failed', `${field}: ${reason}`, { field });
  if (input.subject === 'incident' && !input.incidentId)
    throw fail('incidentId', 'a claim about an incident names the incident');
  if (input.subject !== 'incident' && input.incidentId)
    throw fail('incidentId', `is given only when the subject is an incident`);
  if (input.subject === 'pause_window' && !input.pauseWindowId)
    throw fail('pauseWindowId', 'a claim about a pause window names it');
  if (input.subject === 'figure' && !input.figure)
    throw fail('figure', 'a reported figure needs its metric and value');
  if (input.subject !== 'figure' && input.figure)
    throw fail('figure', 'is given only when the subject is a figure');
  return translating(() =>
    db.transaction(async (tx) => {
      await requireSiteReference(tx, input.siteId);
      if (input.incidentId) {
        const incident = await repo.findIncident(tx, input.incidentId);
        if (!incident || incident.siteId !== input.siteId)
          throw unknownReference('incidentId', input.incidentId);
      }
      if (input.pauseWindowId)
        await requirePauseOfSite(tx, input.pauseWindowId, input.siteId, 'pauseWindowId');
      if (input.partyId) await requireParty(tx, input.partyId, 'partyId');
      await requireSource(tx, input.sourceId, 'sourceId');
      const claim: repo.Claim = {
        id: input.id ?? newId(),
        siteId: input.siteId,
        subject: input.subject,
        incidentId: input.incidentId ?? null,
        pauseWindowId: input.pauseWindowId ?? null,
        partyId: input.partyId ?? null,
        speaker: input.speaker ?? null,
        sourceId: input.sourceId,
        stance: input.stance,
        words: input.words,
        quoted: input.quoted ?? false,
        language: input.language ?? null,
        statedAt: new Date(input.statedAt).toISOString(),
        figure: input.figure ? { ...input.figure, approximate: input.figure.approximate ?? false } : null,
        verification: 'unverified',
      };
      await repo.insertClaim(tx, claim);
      await recordOperation(tx, actor, {
        entity: 'claim',
        entityId: claim.id,
        action: 'create',
        before: null,
        after: claim,
      });
      return claim;
    }),
  );
}

/** Changes a claim's verification status; the reason and the previous status stay in its history. */
export async function verifyClaim(
  db: Database,
  actor: Actor,
  claimId: string,
  change: { status: repo.Claim['verification']; reason: string },
): Promise<repo.Claim> {
  if (change.reason.trim().length < 3)
    throw new CorridorError('validation_failed', 'reason: say why the verification status changes', {
      field: 'reason',
    });
  return translating(() =>
    db.transaction(async (tx) => {
      const claim = await repo.findClaim(tx, claimId, true);
      if (!claim) throw notFound('claim', claimId);
      if (claim.verification === change.status)
        throw new CorridorError('conflict', `status: the claim is already ${change.status}`, {
          field: 'status',
        });
      await repo.setVerification(tx, {
        id: newId(),
        claimId,
        from: claim.verification,
        to: change.status,
        reason: change.reason.trim(),
        actor: actor.name,
        actorId: actor.userId,
        at: new Date().toISOString(),
      });
      const after = { ...claim, verification: change.status };
      await recordOperation(tx, actor, {
        entity: 'claim',
        entityId: claimId,
        action: 'verification',
        before: { verification: claim.verification },
        after: { verification: change.status, reason: change.reason.trim() },
      });
      return after;
    }),
  );
}

// What the registry itself can count for each metric, to stand beside what the parties report.
const registryCounts: Partial<Record<(typeof repo.figureMetrics)[number], string>> = {
  // A registration merged into another is the same person counted once, under the other record.
  civilians: "status NOT IN ('deceased', 'merged')",
  children:
    "status <> 'merged' AND ('child' = ANY (vulnerabilities) OR 'unaccompanied_child' = ANY (vulnerabilities) OR 'separated_child' = ANY (vulnerabilities))",
  evacuated: "status IN ('boarded', 'arrived', 'left_reception', 'held_at_screening')",
  arrived: "status IN ('arrived', 'left_reception')",
  held_at_screening: "status = 'held_at_screening'",
  wounded: "status <> 'merged' AND 'wounded' = ANY (vulnerabilities)",
  missing: "status = 'missing'",
};

/** Reported figures side by side with the registry's own count, each labelled with its source. */
export async function reportedFigures(db: Queryable, siteId: string) {
  await requireSite(db, siteId);
  const claims = await repo.listClaims(db, { siteId, subject: 'figure' });
  const metrics = [...new Set([...Object.keys(registryCounts), ...claims.map((c) => c.figure!.metric)])];
  const result = [];
  for (const metric of metrics) {
    const condition = registryCounts[metric as keyof typeof registryCounts];
    const registry = condition
      ? ((
          await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM person WHERE site_id = $1 AND (${condition})`,
            [siteId],
          )
        ).rows[0]?.n ?? 0)
      : null;
    result.push({
      metric,
      registry,
      reported: claims
        .filter((c) => c.figure!.metric === metric)
        .map((c) => ({
          claimId: c.id,
          value: c.figure!.value,
          approximate: c.figure!.approximate,
          partyId: c.partyId,
          sourceId: c.sourceId,
          statedAt: c.statedAt,
          verification: c.verification,
        })),
    });
  }
  return result;
}
