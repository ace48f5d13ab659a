import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { CorridorError } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { Role } from '../domain/roles.ts';
import type { Database } from '../store/database.ts';
import { translating } from '../store/db-errors.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import * as users from '../store/repos/users.ts';

export const sessionTtlMs = 12 * 60 * 60 * 1000;
const minimumPasswordLength = 12;

// Session ids and tokens are 256 random bits; only their SHA-256 is stored, which is enough for
// secrets of that strength (argon2 is for low-entropy passwords).
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
const newSecret = (prefix: string): string => `${prefix}${randomBytes(32).toString('base64url')}`;

export function checkPasswordStrength(password: string): void {
  if (password.length < minimumPasswordLength)
    throw new CorridorError(
      'validation_failed',
      `the password must have at least ${minimumPasswordLength} characters`,
      {
        field: 'password',
      },
    );
}

export const generatePassword = (): string => randomBytes(18).toString('base64url');

export async function createUser(
  db: Database,
  actor: Actor,
  input: { username: string; role: Role; password: string },
): Promise<users.User> {
  checkPasswordStrength(input.password);
  const passwordHash = await argon2.hash(input.password, { type: argon2.argon2id });
  return translating(() =>
    db.transaction(async (tx) => {
      if (await users.findUserByName(tx, input.username))
        throw new CorridorError('conflict', `a user named ${input.username} already exists`, {
          field: 'username',
        });
      const id = newId();
      await users.insertUser(tx, { id, username: input.username, role: input.role, passwordHash });
      const user = (await users.findUser(tx, id))!;
      await recordOperation(tx, actor, {
        entity: 'user',
        entityId: id,
        action: 'create',
        before: null,
        after: user,
      });
      return user;
    }),
  );
}

export async function updateUser(
  db: Database,
  actor: Actor,
  id: string,
  patch: { role?: Role | undefined; disabled?: boolean | undefined; password?: string | undefined },
): Promise<users.User> {
  if (patch.password !== undefined) checkPasswordStrength(patch.password);
  const passwordHash = patch.password
    ? await argon2.hash(patch.password, { type: argon2.argon2id })
    : undefined;
  return db.transaction(async (tx) => {
    const before = await users.findUser(tx, id);
    if (!before) throw new CorridorError('not_found', `user ${id} does not exist`);
    const role = patch.role ?? before.role;
    const disabled = patch.disabled ?? before.disabled;
    if (before.role === 'admin' && (role !== 'admin' || disabled)) await refuseLosingLastAdmin(tx, id);
    await users.updateUser(tx, { id, role, disabled, passwordHash });
    // A disabled account or a changed password ends every session of that user.
    if (disabled || passwordHash) await users.deleteSessionsOf(tx, id);
    const after = (await users.findUser(tx, id))!;
    await recordOperation(tx, actor, { entity: 'user', entityId: id, action: 'update', before, after });
    return after;
  });
}

async function refuseLosingLastAdmin(tx: Parameters<typeof users.listUsers>[0], id: string): Promise<void> {
  const admins = (await users.listUsers(tx)).filter((u) => u.role === 'admin' && !u.disabled && u.id !== id);
  if (admins.length === 0)
    throw new CorridorError('conflict', 'this is the last active admin; create another admin first');
}

// A fixed hash to verify against when the user does not exist, so a login takes as long for an
// unknown name as for a wrong password and does not reveal which accounts exist.
let decoyHash: Promise<string> | undefined;

export async function verifyLogin(db: Database, username: string, password: string): Promise<users.User> {
  const user = await users.findUserByName(db, username);
  decoyHash ??= argon2.hash(randomBytes(16).toString('hex'), { type: argon2.argon2id });
  const ok = await argon2.verify(user?.passwordHash ?? (await decoyHash), password).catch(() => false);
  if (!user || !ok || user.disabled)
    throw new CorridorError('invalid_credentials', 'wrong username or password');
  const { passwordHash: _, ...safe } = user;
  return safe;
}

export async function openSession(
  db: Database,
  userId: string,
): Promise<{ sessionId: string; expiresAt: Date }> {
  const sessionId = newSecret('');
  const expiresAt = new Date(Date.now() + sessionTtlMs);
  await db.transaction((tx) => users.insertSession(tx, hashSecret(sessionId), userId, expiresAt));
  return { sessionId, expiresAt };
}

export async function closeSession(db: Database, sessionId: string): Promise<void> {
  await db.transaction((tx) => users.deleteSession(tx, hashSecret(sessionId)));
}

export async function createToken(
  db: Database,
  actor: Actor,
  userId: string,
  label: string | null,
): Promise<{ id: string; token: string }> {
  const token = newSecret('cor_');
  const id = newId();
  await db.transaction(async (tx) => {
    await users.insertToken(tx, { id, tokenHash: hashSecret(token), userId, label });
    await recordOperation(tx, actor, {
      entity: 'api_token',
      entityId: id,
      action: 'create',
      before: null,
      after: { userId, label },
    });
  });
  return { id, token };
}

export const userForSession = (db: Database, sessionId: string) =>
  users.userForCredential(db, 'session', hashSecret(sessionId));

export const userForToken = (db: Database, token: string) =>
  users.userForCredential(db, 'token', hashSecret(token));
