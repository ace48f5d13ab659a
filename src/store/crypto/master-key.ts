import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CorridorError } from '../../domain/errors.ts';

/** The key that wraps the database's data keys; it never enters the database. */
export interface MasterKey {
  key: Buffer;
  /** A public fingerprint, stored beside each wrapped key, to tell a wrong key from a damaged one. */
  id: string;
  /** Where it came from, for messages (never the key itself). */
  source: string;
  /** The file to read again when a running server meets a key wrapped after a rotation. */
  file: string | undefined;
}

export const keyFileName = 'master.key';

export const masterKeyId = (key: Buffer): string =>
  createHmac('sha256', key).update('corridor master key id').digest('hex').slice(0, 16);

/** A key as written in a key file or an environment variable: 32 bytes in base64 (or hex). */
export function parseKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32)
    throw new CorridorError(
      'bad_request',
      `${source} does not hold a 256-bit key (32 bytes in base64 or hex; \`openssl rand -base64 32\` makes one)`,
    );
  return key;
}

export function readKeyFile(file: string): Buffer {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CorridorError('bad_request', `cannot read the key file ${file}: ${(error as Error).message}`);
  }
  return parseKey(text, `the key file ${file}`);
}

/** Writes a new random key readable by its owner alone; refuses to overwrite one. */
export function writeNewKeyFile(file: string): Buffer {
  const key = randomBytes(32);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}

export interface MasterKeyOptions {
  dataDir?: string | undefined;
  /** True for a database that lives only in memory (tests): a random key is enough. */
  ephemeral: boolean;
  /** False once the database holds keys: a missing key file is then an error, not a first start. */
  mayCreate: boolean;
  env?: NodeJS.ProcessEnv;
}

const fromFile = (file: string): MasterKey => {
  const key = readKeyFile(file);
  return { key, id: masterKeyId(key), source: `the key file ${file}`, file };
};

/**
 * The master key: CORRIDOR_MASTER_KEY, else the file named by CORRIDOR_KEY_FILE, else master.key in
 * the embedded database's directory. There is no default key: the embedded database makes its own
 * file on first start (`created` is then true, so the caller can say so), PostgreSQL needs one given.
 */
export function resolveMasterKey(options: MasterKeyOptions): MasterKey & { created: boolean } {
  const env = options.env ?? process.env;
  if (env.CORRIDOR_MASTER_KEY) {
    const key = parseKey(env.CORRIDOR_MASTER_KEY, 'CORRIDOR_MASTER_KEY');
    return { key, id: masterKeyId(key), source: 'CORRIDOR_MASTER_KEY', file: undefined, created: false };
  }
  if (env.CORRIDOR_KEY_FILE) return { ...fromFile(env.CORRIDOR_KEY_FILE), created: false };
  if (options.dataDir) {
    const file = join(options.dataDir, keyFileName);
    if (existsSync(file)) return { ...fromFile(file), created: false };
    if (!options.mayCreate)
      throw new CorridorError(
        'bad_request',
        `the database's personal fields are encrypted, but its key file ${file} is missing: put the key file back or set CORRIDOR_KEY_FILE`,
      );
    const key = writeNewKeyFile(file);
    return { key, id: masterKeyId(key), source: `the key file ${file}`, file, created: true };
  }
  if (options.ephemeral) {
    const key = randomBytes(32);
    return {
      key,
      id: masterKeyId(key),
      source: 'a key made for this in-memory database',
      file: undefined,
      created: false,
    };
  }
  throw new CorridorError(
    'bad_request',
    'no master key: set CORRIDOR_KEY_FILE to a key file (or CORRIDOR_MASTER_KEY to the key) — personal fields are encrypted with it',
  );
}
