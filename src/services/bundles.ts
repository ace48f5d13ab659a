import type { Static } from 'typebox';
import Type from 'typebox';
import { CorridorError } from '../domain/errors.ts';
import type { BundleImport, Enrolment } from '../server/schemas/bundles.ts';
import { BundleFile } from '../server/schemas/bundles.ts';
import { SyncOperation } from '../server/schemas/sync.ts';
import { validatorCompiler } from '../server/validation.ts';
import type { Database } from '../store/database.ts';
import { findDeviceKey, insertDeviceKey } from '../store/repos/device-keys.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import { findDevice, lockDevice } from '../store/repos/sync.ts';
import { findUser } from '../store/repos/users.ts';
import {
  BundleError,
  type BundleFile as BundleFileType,
  bundleFormat,
  importBundleKey,
  importPublicKey,
  openBundle,
  toBase64Url,
} from '../sync/bundle.ts';
import { push } from './sync.ts';
import type { SyncOp } from './sync-apply.ts';

// Enrolment of a device for bundles, and the import of a bundle (docs/bundles.md). An import
// verifies and decrypts the whole file before anything is written, then hands the operations to
// the same push as an online sync, as the device's own account: a bundle is the device's push,
// carried by someone else.

type EnrolmentResult = Static<typeof Enrolment>;
export type BundleImportResult = Static<typeof BundleImport>;

/**
 * Binds the device to the account and issues its bundle key. A repeat with the same public key
 * (an answer lost on a bad line) gets the same enrolment; another key for an enrolled device is
 * refused: a device that lost its keys enrols again under a new device id.
 */
export async function enrolDevice(
  db: Database,
  actor: Actor & { userId: string },
  input: { deviceId: string; publicKey: string },
): Promise<{ enrolment: EnrolmentResult; created: boolean }> {
  try {
    await importPublicKey(input.publicKey);
  } catch (error) {
    if (!(error instanceof BundleError)) throw error;
    throw new CorridorError('validation_failed', `publicKey: ${error.message}`, {
      problems: [{ path: 'publicKey', reason: error.message }],
    });
  }
  return db.transaction(async (tx) => {
    const device = await lockDevice(tx, input.deviceId, actor.userId);
    if (device.userId !== actor.userId)
      throw new CorridorError('forbidden', `device ${input.deviceId} syncs for another account`, {
        deviceId: input.deviceId,
      });
    const existing = await findDeviceKey(tx, input.deviceId);
    if (existing && existing.publicKey !== input.publicKey)
      throw new CorridorError(
        'conflict',
        `device ${input.deviceId} is enrolled already, with another key: a device enrols once, and one that lost its keys enrols again under a new device id`,
        { deviceId: input.deviceId },
      );
    if (!existing) {
      const bundleKey = toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(32)));
      await insertDeviceKey(tx, { deviceId: input.deviceId, publicKey: input.publicKey, bundleKey });
      await recordOperation(tx, actor, {
        entity: 'sync_device',
        entityId: input.deviceId,
        action: 'enrol',
        before: null,
        after: { publicKey: input.publicKey },
      });
    }
    const key = (await findDeviceKey(tx, input.deviceId))!;
    return {
      created: !existing,
      enrolment: {
        format: bundleFormat,
        deviceId: key.deviceId,
        userId: key.userId,
        publicKey: key.publicKey,
        bundleKey: key.bundleKey,
        enrolledAt: key.enrolledAt,
      },
    };
  });
}

const route = { method: 'POST', url: '/api/sync/bundles' };
const checkFile = validatorCompiler({ ...route, schema: BundleFile, httpPart: 'bundle' });
const checkOps = validatorCompiler({ ...route, schema: Type.Array(SyncOperation), httpPart: 'ops' });

const problem = (result: unknown): CorridorError | undefined => (result as { error?: CorridorError }).error;

/** A bundle file's text, read as `corridor bundle import FILE` reads it: JSON, then the format's shape. */
export function readBundleText(text: string): BundleFileType {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CorridorError(
      'validation_failed',
      'the file is not JSON: a bundle cut short (a copy interrupted) or not a bundle at all; nothing was imported',
    );
  }
  const refused = problem(checkFile(value));
  if (refused)
    throw new CorridorError(
      'validation_failed',
      `not a ${bundleFormat} file: ${refused.message}`,
      refused.details,
    );
  return value as BundleFileType;
}

const refusedWhole = (why: string) =>
  new CorridorError('bad_request', `bundle refused, nothing imported: ${why}`);

/** Verifies, decrypts and applies a bundle whose shape was checked; the summary of every operation. */
export async function importBundle(
  db: Database,
  importer: Actor,
  file: BundleFileType,
): Promise<BundleImportResult> {
  const key = await findDeviceKey(db, file.deviceId);
  if (!key)
    throw new CorridorError(
      'unknown_reference',
      `deviceId: device ${file.deviceId} is not enrolled here: bundles are taken only from devices enrolled with this server (POST /api/sync/devices or corridor bundle enrol); nothing was imported`,
      { field: 'deviceId', id: file.deviceId },
    );
  const owner = await findUser(db, key.userId);
  if (!owner || owner.disabled)
    throw new CorridorError(
      'forbidden',
      `device ${file.deviceId} belongs to a disabled account: its bundles are refused; nothing was imported`,
      { deviceId: file.deviceId },
    );
  let ops: unknown[];
  try {
    ops = await openBundle(file, {
      publicKey: await importPublicKey(key.publicKey),
      bundleKey: await importBundleKey(key.bundleKey),
    });
  } catch (error) {
    if (error instanceof BundleError) throw refusedWhole(error.message);
    throw error;
  }
  // Signed by the device, but not operations this server can apply: refused whole, as a push is.
  const malformed = problem(checkOps(ops));
  if (malformed) throw refusedWhole(`the device's operations are malformed: ${malformed.message}`);
  const before = (await findDevice(db, file.deviceId))?.lastSeq ?? 0;
  const pushed = await push(db, { userId: owner.id, name: owner.username }, owner.role, ops as SyncOp[]);
  const results = pushed.results.map((result, i) => ({ ...result, seq: (ops[i] as SyncOp).seq }));
  const count = (outcome: string) => results.filter((r) => !r.duplicate && r.outcome === outcome).length;
  const summary = {
    applied: count('applied'),
    conflict: count('conflict'),
    rejected: count('rejected'),
    duplicate: results.filter((r) => r.duplicate).length,
    gap: count('gap'),
  };
  const deviceLastSeq = pushed.devices[0]?.lastSeq ?? before;
  const firstGap = results.find((r) => r.outcome === 'gap');
  const gap = firstGap
    ? {
        expectedSeq: firstGap.expectedSeq ?? deviceLastSeq + 1,
        message: gapMessage(file, firstGap.expectedSeq ?? deviceLastSeq + 1, summary.gap),
      }
    : null;
  await db.transaction((tx) =>
    recordOperation(tx, importer, {
      entity: 'sync_device',
      entityId: file.deviceId,
      action: 'bundle_import',
      before: { lastSeq: before },
      after: { firstSeq: file.firstSeq, lastSeq: file.lastSeq, createdAt: file.createdAt, summary },
    }),
  );
  return {
    format: bundleFormat,
    deviceId: file.deviceId,
    opCount: file.opCount,
    firstSeq: file.firstSeq,
    lastSeq: file.lastSeq,
    summary,
    deviceLastSeq,
    gap,
    results,
  };
}

function gapMessage(file: BundleFileType, expectedSeq: number, waiting: number): string {
  const missing =
    expectedSeq === file.firstSeq - 1
      ? `operation ${expectedSeq} of device ${file.deviceId} has`
      : `operations ${expectedSeq}–${file.firstSeq - 1} of device ${file.deviceId} have`;
  return (
    `${missing} not reached this server (neither pushed nor imported in a bundle), ` +
    `so the ${waiting} operations of this bundle after them were not applied. Import the bundle holding them, or let ` +
    'the device push them, then import this bundle again: what was applied already will not be applied twice.'
  );
}
