import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { CorridorError } from '../domain/errors.ts';
import type { Role } from '../domain/roles.ts';
import { SyncOperation } from '../server/schemas/sync.ts';
import { describeErrors, type Problem } from '../server/validation.ts';
import type { Database } from '../store/database.ts';
import type { Actor } from '../store/repos/operations.ts';
import { listPassages, listPoints } from '../store/repos/sites.ts';
import * as repo from '../store/repos/sync.ts';
import { type MappedOp, mapSubmission, RowError, uuidFrom } from '../submissions/map.ts';
import { type ExportShape, readSubmissions } from '../submissions/read.ts';
import { formatHlc, type Hlc, tick } from '../sync/hlc.ts';
import { requireSite } from './sites.ts';
import { type OpResult, push } from './sync.ts';
import type { SyncOp } from './sync-apply.ts';

// `corridor import-submissions`: KoboToolbox and ODK Central exports of the field form, applied as
// the synced operations a device would have pushed for them, through the same push: the same
// validation, idempotency by operation id (the submission's instanceID) and merge rules. Every row
// is checked before anything is written; a file with a bad row is refused whole, each bad row named.

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
// The push route's own schema and settings: a submission passes exactly when a push of it would.
// Each kind's schema on its own, so a bad answer is explained by its kind's rules alone.
const strict = addFormats(
  new Ajv({ allErrors: true, strict: false, coerceTypes: false, removeAdditional: false }),
);
const kindSchemas = SyncOperation.anyOf.map((schema) => strict.compile(schema));

function problemsOf(op: object): Problem[] {
  const failures = [];
  for (const validate of kindSchemas) {
    if (validate(op)) return [];
    const problems = describeErrors(validate.errors ?? []);
    if (!problems.some((p) => p.path === 'kind' || p.path === 'entity')) failures.push(problems);
  }
  return failures[0] ?? [{ path: 'kind', reason: 'is not an operation kind of corridor-sync/1' }];
}

export interface ImportSummary {
  shape: ExportShape;
  submissions: number;
  applied: number;
  conflict: number;
  rejected: number;
  duplicate: number;
  /** Each submission the rules refused (an operation recorded as rejected), by row. */
  refusals: { row: number; error: string }[];
}

export interface RowProblem {
  row: number;
  field: string;
  reason: string;
}

export class SubmissionsRefused extends CorridorError {
  constructor(readonly problems: RowProblem[]) {
    super(
      'validation_failed',
      `${problems.length} bad row${problems.length === 1 ? '' : 's'}; nothing was imported:\n${problems
        .map((p) => `  row ${p.row}, ${p.field}: ${p.reason}`)
        .join('\n')}`,
      { problems },
    );
  }
}

/** A device per form device (deviceid), bound to the importing account like any other device. */
const deviceOf = (device: string) => uuidFrom(`submissions-device:${device || 'unknown'}`);

export async function importSubmissions(
  db: Database,
  actor: Actor & { userId: string },
  role: Role,
  siteId: string,
  text: string,
): Promise<ImportSummary> {
  await requireSite(db, siteId);
  const { shape, submissions } = readSubmissions(text);
  const refs = { siteId, points: await listPoints(db, siteId), passages: await listPassages(db, siteId) };
  const problems: RowProblem[] = [];
  const mapped: { row: number; op: MappedOp }[] = [];
  const seen = new Map<string, number>();
  for (const submission of submissions) {
    try {
      const op = mapSubmission(submission, refs);
      const earlier = seen.get(op.opId);
      if (earlier !== undefined)
        throw new RowError(submission.row, 'meta/instanceID', `the same submission as row ${earlier}`);
      seen.set(op.opId, submission.row);
      mapped.push({ row: submission.row, op });
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      problems.push({
        row: error.row,
        field: error.field,
        reason: error.message.replace(/^row \d+, [^:]+: /, ''),
      });
    }
  }

  // Each device's new submissions, in the order they were made, numbered on from its last sequence
  // and stamped with a clock read from the submission's own time. One already received keeps the
  // identity it had and is answered as a duplicate.
  const ops: SyncOp[] = [];
  const rowOf = new Map<string, number>();
  let duplicate = 0;
  const byDevice = new Map<string, { row: number; op: MappedOp }[]>();
  for (const item of mapped) {
    const deviceId = deviceOf(item.op.device);
    byDevice.set(deviceId, [...(byDevice.get(deviceId) ?? []), item]);
  }
  for (const [deviceId, list] of byDevice) {
    const owner = await repo.findDevice(db, deviceId);
    if (owner && owner.userId !== actor.userId) throw repo.deviceOfAnother(deviceId);
    let seq = owner?.lastSeq ?? 0;
    let clock: Hlc | null = null;
    for (const { row, op } of [...list].sort((a, b) => a.op.madeAt - b.op.madeAt || a.row - b.row)) {
      if (await repo.findOp(db, op.opId)) {
        duplicate++;
        continue;
      }
      clock = tick(clock, deviceId, op.madeAt);
      const syncOp = wire(op, deviceId, ++seq, formatHlc(clock));
      for (const p of problemsOf(syncOp)) problems.push({ row, field: p.path, reason: p.reason });
      rowOf.set(op.opId, row);
      ops.push(syncOp as SyncOp);
    }
  }
  if (problems.length > 0) throw new SubmissionsRefused(problems.sort((a, b) => a.row - b.row));

  const summary: ImportSummary = {
    shape,
    submissions: submissions.length,
    applied: 0,
    conflict: 0,
    rejected: 0,
    duplicate,
    refusals: [],
  };
  const count = (result: OpResult) => {
    if (result.duplicate) summary.duplicate++;
    else if (result.outcome === 'gap') throw new Error(`operation ${result.opId} met a gap it cannot have`);
    else summary[result.outcome]++;
    if (result.outcome === 'rejected' && !result.duplicate)
      summary.refusals.push({ row: rowOf.get(result.opId)!, error: result.error?.message ?? 'refused' });
  };
  for (let i = 0; i < ops.length; i += 500)
    for (const result of (await push(db, actor, role, ops.slice(i, i + 500))).results) count(result);
  summary.refusals.sort((a, b) => a.row - b.row);
  return summary;
}

function wire(op: MappedOp, deviceId: string, seq: number, hlc: string) {
  return {
    opId: op.opId,
    deviceId,
    seq,
    hlc,
    entity: op.entity,
    entityId: op.entityId,
    kind: op.kind,
    payload: op.payload,
  };
}
