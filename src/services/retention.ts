import { newId } from '../domain/ids.ts';
import { cutoffOf, retentionDays } from '../domain/retention.ts';
import type { Database, Queryable } from '../store/database.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import { findPerson, updatePersonFields } from '../store/repos/people.ts';
import * as repo from '../store/repos/retention.ts';

export interface RetentionReport {
  dryRun: boolean;
  olderThanDays: number;
  cutoff: string;
  /** People who left reception before the cut-off and still had their names. */
  due: number;
  minimised: number;
  /** Registrations merged into a minimised person, minimised with them. */
  absorbedMinimised: number;
  keptOpenTracing: number;
  keptOpenChildCase: number;
  runId: string | null;
}

/** Takes a person's names, birth date and note off their registration, through the registry's write path. */
async function minimisePerson(tx: Queryable, actor: Actor, id: string, olderThanDays: number): Promise<void> {
  const person = await findPerson(tx, id, true);
  if (!person) return;
  const { status, statusChangedAt, version, createdAt, updatedAt, ...fields } = person;
  await updatePersonFields(tx, {
    ...fields,
    status,
    names: [],
    birthDate: null,
    birthYear: null,
    note: null,
  });
  await recordOperation(tx, actor, {
    entity: 'person',
    entityId: id,
    action: 'minimise',
    before: null,
    after: { removed: ['names', 'birthDate', 'birthYear', 'note'], reason: 'retention', olderThanDays },
  });
}

/**
 * Minimises the registrations of people who left reception longer ago than the period, except those
 * an open tracing request or child's case still needs (src/domain/retention.ts says why). All in
 * one transaction: a failure leaves every registration as it was. A dry run reports and changes nothing.
 */
export async function applyRetention(
  db: Database,
  actor: Actor,
  options: { olderThan: string; dryRun?: boolean; siteId?: string | null; now?: Date },
): Promise<RetentionReport> {
  const olderThanDays = retentionDays(options.olderThan);
  const cutoff = cutoffOf(options.now ?? new Date(), olderThanDays);
  const dryRun = options.dryRun ?? false;
  return db.transaction(async (tx) => {
    const candidates = await repo.retentionCandidates(tx, cutoff, options.siteId ?? null);
    const chosen = candidates.filter((c) => !c.openTracing && !c.openChildCase).map((c) => c.id);
    const absorbed = chosen.length > 0 ? await repo.absorbedInto(tx, chosen) : [];
    const report: RetentionReport = {
      dryRun,
      olderThanDays,
      cutoff: cutoff.toISOString(),
      due: candidates.length,
      minimised: chosen.length,
      absorbedMinimised: absorbed.length,
      keptOpenTracing: candidates.filter((c) => c.openTracing).length,
      keptOpenChildCase: candidates.filter((c) => c.openChildCase).length,
      runId: null,
    };
    if (dryRun || chosen.length === 0) return report;
    const ids = [...chosen, ...absorbed];
    for (const id of ids) await minimisePerson(tx, actor, id, olderThanDays);
    await repo.scrubTraces(tx, ids);
    report.runId = newId();
    await repo.insertRetentionRun(tx, {
      id: report.runId,
      actor: actor.name,
      actorId: actor.userId,
      olderThanDays,
      cutoff,
      minimised: ids.length,
      keptOpenTracing: report.keptOpenTracing,
      keptOpenChildCase: report.keptOpenChildCase,
    });
    return report;
  });
}

export function retentionReportText(r: RetentionReport): string {
  const lines = [
    `Retention${r.dryRun ? ' (dry run: nothing changed)' : ''}: people who left reception before ${r.cutoff} (${r.olderThanDays} days)`,
    `  due:                      ${r.due}`,
    `  ${r.dryRun ? 'would be minimised' : 'minimised'}:${' '.repeat(r.dryRun ? 7 : 15)}${r.minimised}`,
    `  merged registrations too: ${r.absorbedMinimised}`,
    `  kept, open tracing:       ${r.keptOpenTracing}`,
    `  kept, open child's case:  ${r.keptOpenChildCase}`,
    '  Names, birth dates and notes removed; status, shelter, sex, age band and vulnerabilities kept, so counts do not change.',
  ];
  return `${lines.join('\n')}\n`;
}
