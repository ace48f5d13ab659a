import { createHmac } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CorridorError } from '../../domain/errors.ts';
import { open, seal } from '../crypto/aead.ts';

// A backup file: one line of JSON (the header, in clear so an operator can tell what a file is
// without a key), then the body: gzip of the tables as JSON, sealed with AES-256-GCM under the backup
// key with the header as associated data, so neither can be altered without the tag failing.
// Personal fields inside stay sealed as the database holds them: reading a backup's names takes
// the backup key and the master key.

export const backupFormat = 'corridor-backup';

export interface BackupHeader {
  format: typeof backupFormat;
  version: 1;
  createdAt: string;
  /** The backend it was taken from (it restores onto either). */
  backend: string;
  schemaVersion: number;
  /** A fingerprint of the backup key, to tell a wrong key from a damaged file. */
  keyId: string;
  /** Rows per table, to report and to check after restoring. */
  counts: Record<string, number>;
}

export interface BackupBody {
  /** Tables in an order that satisfies their foreign keys. */
  tables: Array<{ name: string; rows: unknown[] }>;
}

export const backupKeyId = (key: Buffer): string =>
  createHmac('sha256', key).update('corridor backup key id').digest('hex').slice(0, 16);

export function writeBackup(header: BackupHeader, body: BackupBody, key: Buffer): Buffer {
  const headerLine = Buffer.from(`${JSON.stringify(header)}\n`);
  const sealed = seal(key, gzipSync(JSON.stringify(body)), headerLine);
  return Buffer.concat([headerLine, sealed]);
}

const damaged = (why: string) =>
  new CorridorError('bad_request', `not a Corridor backup, or a damaged one: ${why}; nothing was restored`);

/** The header alone, for a first look (not yet authenticated). */
export function readHeader(file: Buffer): { header: BackupHeader; headerLine: Buffer; sealed: Buffer } {
  const end = file.indexOf(0x0a);
  if (end < 0) throw damaged('no header line');
  const headerLine = file.subarray(0, end + 1);
  let header: BackupHeader;
  try {
    header = JSON.parse(headerLine.toString()) as BackupHeader;
  } catch {
    throw damaged('the header is not JSON');
  }
  if (header.format !== backupFormat || header.version !== 1) throw damaged('unknown format or version');
  return { header, headerLine, sealed: file.subarray(end + 1) };
}

/** The authenticated contents, or a clear error naming what is wrong; never a partial result. */
export function readBackup(file: Buffer, key: Buffer): { header: BackupHeader; body: BackupBody } {
  const { header, headerLine, sealed } = readHeader(file);
  if (header.keyId !== backupKeyId(key))
    throw new CorridorError(
      'bad_request',
      `wrong backup key: this backup was encrypted with key ${header.keyId}, the key given is ${backupKeyId(key)}; nothing was restored`,
    );
  const zipped = open(key, sealed, headerLine);
  if (!zipped) throw damaged('it failed its integrity check (altered or truncated)');
  return { header, body: JSON.parse(gunzipSync(zipped).toString()) as BackupBody };
}
