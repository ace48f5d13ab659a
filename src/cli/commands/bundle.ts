import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { CorridorError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { enrolDevice, importBundle, readBundleText } from '../../services/bundles.ts';
import { findUserByName } from '../../store/repos/users.ts';
import {
  type BundleOp,
  exportPrivateKey,
  exportPublicKey,
  importBundleKey,
  importPrivateKey,
  makeDeviceKeys,
  sealBundle,
} from '../../sync/bundle.ts';
import type { Command, OptionSpec } from '../args.ts';
import { dataDirOption, withStore } from '../store.ts';

// `corridor bundle enrol|export|import` (docs/bundles.md). enrol and export make the CLI a field
// device for scripted tools and tests: its keys live in a device file; import is the server's side,
// as POST /api/sync/bundles.

const deviceFileFormat = 'corridor-device/1';

interface DeviceFile {
  format: typeof deviceFileFormat;
  deviceId: string;
  userId: string;
  publicKey: string;
  privateKey: string;
  bundleKey: string;
  enrolledAt: string;
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new CorridorError(
      'bad_request',
      `cannot read the ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

function readJson(path: string, what: string): unknown {
  try {
    return JSON.parse(readText(path, what));
  } catch (error) {
    if (error instanceof CorridorError) throw error;
    throw new CorridorError('validation_failed', `the ${what} ${path} is not JSON`);
  }
}

/** Written whole beside the target, then renamed; readable by this user only (a device file holds keys). */
function writeWhole(path: string, text: string): void {
  writeFileSync(`${path}.partial`, text, { mode: 0o600 });
  renameSync(`${path}.partial`, path);
}

const required = (values: Record<string, string | boolean | undefined>, name: string): string => {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new CorridorError('bad_request', `give --${name}`);
  return value;
};

const file = (description: string): OptionSpec => ({ type: 'string', placeholder: 'FILE', description });

export const bundleEnrolCommand: Command = {
  name: 'bundle enrol',
  summary: 'enrol a new device of a field account for bundles and write its device file (keys included)',
  usage: 'corridor bundle enrol --user NAME --out FILE [--data-dir DIR]',
  options: {
    ...dataDirOption,
    user: { type: 'string', placeholder: 'NAME', description: 'the account the device syncs for' },
    out: file('the device file to write (mode 0600: it holds the device’s private key)'),
  },
  async run(values, _positionals, cli) {
    const username = required(values, 'user');
    const out = required(values, 'out');
    const keys = await makeDeviceKeys(true);
    const enrolment = await withStore(cli, values, async (db) => {
      const user = await findUserByName(db, username);
      if (!user) throw new CorridorError('not_found', `no user named ${username}`);
      if (user.disabled) throw new CorridorError('forbidden', `the account ${username} is disabled`);
      const deviceId = newId();
      return (
        await enrolDevice(
          db,
          { userId: user.id, name: 'cli' },
          { deviceId, publicKey: await exportPublicKey(keys.publicKey) },
        )
      ).enrolment;
    });
    const device: DeviceFile = {
      format: deviceFileFormat,
      deviceId: enrolment.deviceId,
      userId: enrolment.userId,
      publicKey: enrolment.publicKey,
      privateKey: await exportPrivateKey(keys.privateKey),
      bundleKey: enrolment.bundleKey,
      enrolledAt: enrolment.enrolledAt,
    };
    writeWhole(out, `${JSON.stringify(device, null, 2)}\n`);
    cli.stdout.write(`${enrolment.deviceId}\n`);
    return 0;
  },
};

function readDevice(path: string): DeviceFile {
  const value = readJson(path, 'device file') as Partial<DeviceFile> | null;
  if (
    value?.format !== deviceFileFormat ||
    typeof value.deviceId !== 'string' ||
    typeof value.privateKey !== 'string' ||
    typeof value.bundleKey !== 'string'
  )
    throw new CorridorError('validation_failed', `${path} is not a ${deviceFileFormat} file`);
  return value as DeviceFile;
}

/** The operations file: an array of corridor-sync/1 operations, or a push body holding them. */
function readOps(path: string): BundleOp[] {
  const value = readJson(path, 'operations file');
  const ops = Array.isArray(value) ? value : (value as { ops?: unknown } | null)?.ops;
  if (!Array.isArray(ops))
    throw new CorridorError(
      'validation_failed',
      `${path} holds no operations: give a JSON array of corridor-sync/1 operations, or a push body with "ops"`,
    );
  return ops as BundleOp[];
}

export const bundleExportCommand: Command = {
  name: 'bundle export',
  summary: "seal and sign a device's pending operations as a bundle file (corridor-bundle/1)",
  usage: 'corridor bundle export --device FILE --ops FILE --out FILE',
  options: {
    device: file('the device file `corridor bundle enrol` wrote'),
    ops: file('the pending operations: a JSON array of corridor-sync/1 operations, in sequence'),
    out: file('the bundle file to write'),
  },
  async run(values, _positionals, cli) {
    const device = readDevice(required(values, 'device'));
    const ops = readOps(required(values, 'ops'));
    const out = required(values, 'out');
    try {
      const bundle = await sealBundle({
        deviceId: device.deviceId,
        ops,
        signingKey: await importPrivateKey(device.privateKey),
        bundleKey: await importBundleKey(device.bundleKey),
      });
      writeWhole(out, `${JSON.stringify(bundle)}\n`);
      cli.stdout.write(
        `${JSON.stringify({ deviceId: bundle.deviceId, opCount: bundle.opCount, firstSeq: bundle.firstSeq, lastSeq: bundle.lastSeq })}\n`,
      );
    } catch (error) {
      if (error instanceof CorridorError) throw error;
      throw new CorridorError('bad_request', (error as Error).message);
    }
    return 0;
  },
};

export const bundleImportCommand: Command = {
  name: 'bundle import',
  summary:
    "import a bundle: verified with its device's key and decrypted whole, then applied once as the device's push",
  usage: 'corridor bundle import FILE [--data-dir DIR]',
  positionals: 'FILE',
  options: { ...dataDirOption },
  async run(values, positionals, cli) {
    const path = positionals[0];
    if (!path || positionals.length > 1)
      throw new CorridorError('bad_request', 'give exactly one bundle FILE');
    const bundle = readBundleText(readText(path, 'bundle'));
    const result = await withStore(cli, values, (db) =>
      importBundle(db, { userId: null, name: 'cli' }, bundle),
    );
    const { results, ...summary } = result;
    // The operations the rules refused, with why: the counts alone would not tell an operator which.
    const rejected = results
      .filter((r) => r.outcome === 'rejected' && !r.duplicate)
      .map((r) => ({ seq: r.seq, opId: r.opId, error: r.error }));
    cli.stdout.write(`${JSON.stringify({ ...summary, rejected })}\n`);
    return 0;
  },
};
