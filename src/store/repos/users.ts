import type { Role } from '../../domain/roles.ts';
import type { Queryable } from '../database.ts';

export interface User {
  id: string;
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

interface UserRow {
  id: string;
  username: string;
  role: Role;
  disabled: boolean;
  created_at: Date;
  password_hash: string;
}

const toUser = (row: UserRow): User => ({
  id: row.id,
  username: row.username,
  role: row.role,
  disabled: row.disabled,
  createdAt: row.created_at.toISOString(),
});

export async function insertUser(
  tx: Queryable,
  user: { id: string; username: string; role: Role; passwordHash: string },
): Promise<void> {
  await tx.query('INSERT INTO app_user (id, username, role, password_hash) VALUES ($1, $2, $3, $4)', [
    user.id,
    user.username,
    user.role,
    user.passwordHash,
  ]);
}

export async function findUserByName(
  db: Queryable,
  username: string,
): Promise<(User & { passwordHash: string }) | undefined> {
  const { rows } = await db.query<UserRow>('SELECT * FROM app_user WHERE username = $1', [username]);
  return rows[0] ? { ...toUser(rows[0]), passwordHash: rows[0].password_hash } : undefined;
}

export async function findUser(db: Queryable, id: string): Promise<User | undefined> {
  const { rows } = await db.query<UserRow>('SELECT * FROM app_user WHERE id = $1', [id]);
  return rows[0] ? toUser(rows[0]) : undefined;
}

export async function listUsers(db: Queryable): Promise<User[]> {
  const { rows } = await db.query<UserRow>('SELECT * FROM app_user ORDER BY username');
  return rows.map(toUser);
}

export async function updateUser(
  tx: Queryable,
  user: { id: string; role: Role; disabled: boolean; passwordHash?: string | undefined },
): Promise<void> {
  await tx.query(
    'UPDATE app_user SET role = $2, disabled = $3, password_hash = coalesce($4, password_hash) WHERE id = $1',
    [user.id, user.role, user.disabled, user.passwordHash ?? null],
  );
}

export const countUsers = async (db: Queryable): Promise<number> =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user')).rows[0]?.n ?? 0;

export async function insertSession(
  tx: Queryable,
  idHash: string,
  userId: string,
  expiresAt: Date,
): Promise<void> {
  await tx.query('INSERT INTO user_session (id_hash, user_id, expires_at) VALUES ($1, $2, $3)', [
    idHash,
    userId,
    expiresAt,
  ]);
}

export async function deleteSession(tx: Queryable, idHash: string): Promise<void> {
  await tx.query('DELETE FROM user_session WHERE id_hash = $1', [idHash]);
}

export async function deleteSessionsOf(tx: Queryable, userId: string): Promise<void> {
  await tx.query('DELETE FROM user_session WHERE user_id = $1', [userId]);
}

/** The live, enabled user behind a session id hash or an API token hash. */
export async function userForCredential(
  db: Queryable,
  kind: 'session' | 'token',
  hash: string,
): Promise<User | undefined> {
  const sql =
    kind === 'session'
      ? `SELECT u.* FROM user_session s JOIN app_user u ON u.id = s.user_id
         WHERE s.id_hash = $1 AND s.expires_at > now() AND NOT u.disabled`
      : `SELECT u.* FROM api_token t JOIN app_user u ON u.id = t.user_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND NOT u.disabled`;
  const { rows } = await db.query<UserRow>(sql, [hash]);
  return rows[0] ? toUser(rows[0]) : undefined;
}

export async function insertToken(
  tx: Queryable,
  token: { id: string; tokenHash: string; userId: string; label: string | null },
): Promise<void> {
  await tx.query('INSERT INTO api_token (id, token_hash, user_id, label) VALUES ($1, $2, $3, $4)', [
    token.id,
    token.tokenHash,
    token.userId,
    token.label,
  ]);
}
