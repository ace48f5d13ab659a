// Anchors: the chain's head written outside the database. Someone who can write to the database can
// rewrite the whole trail and recompute every hash, and the chain alone cannot show it. An anchor —
// the head's position, hash and time, with a MAC under a key only the master key opens — kept
// off-site later shows whether the chain still holds that entry unchanged (and, as every hash covers
// the one before it, every entry before it). A database-only attacker can neither forge an anchor
// nor make a rewritten chain match one.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { CorridorError } from '../domain/errors.ts';
import { cipherOf } from '../store/crypto/sealed-store.ts';
import type { Queryable } from '../store/database.ts';
import { chainEntry, chainHead } from '../store/repos/audit.ts';
import { chainPending } from './audit-chainer.ts';

export const anchorFormat = 'corridor-audit-anchor/1';

export interface AuditAnchor {
  format: typeof anchorFormat;
  /** The anchored entry: its position in the chain, its hash and its time. */
  pos: number;
  hash: string;
  entryAt: string;
  /** When the anchor was made. */
  anchoredAt: string;
  /** HMAC-SHA256 of the fields above, hex. */
  mac: string;
}

const anchorKey = (db: Queryable): Buffer => cipherOf(db).derivedKey('audit anchor');

const macOf = (key: Buffer, a: Omit<AuditAnchor, 'mac'>): string =>
  createHmac('sha256', key)
    .update([a.format, a.pos, a.hash, a.entryAt, a.anchoredAt].join('\n'))
    .digest('hex');

/** Chains what is pending and anchors the head; refuses an empty trail (nothing to anchor). */
export async function makeAnchor(db: Queryable, now = new Date()): Promise<AuditAnchor> {
  await chainPending(db);
  const head = await chainHead(db);
  const entry = head.pos > 0 ? await chainEntry(db, head.pos) : undefined;
  if (!entry) throw new CorridorError('conflict', 'the audit trail is empty: there is nothing to anchor yet');
  const fields = {
    format: anchorFormat,
    pos: entry.pos,
    hash: entry.hash,
    entryAt: entry.at,
    anchoredAt: now.toISOString(),
  } as const;
  return { ...fields, mac: macOf(anchorKey(db), fields) };
}

/** Reads an anchor from its JSON text; `name` (the file) is for the message. */
export function parseAnchor(text: string, name: string): AuditAnchor {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CorridorError('bad_request', `${name} is not an audit anchor: it is not JSON`);
  }
  const a = value as Partial<Record<keyof AuditAnchor, unknown>>;
  const hex64 = (v: unknown) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
  const time = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
  if (
    typeof value !== 'object' ||
    value === null ||
    a.format !== anchorFormat ||
    typeof a.pos !== 'number' ||
    !Number.isSafeInteger(a.pos) ||
    a.pos < 1 ||
    !hex64(a.hash) ||
    !time(a.entryAt) ||
    !time(a.anchoredAt) ||
    !hex64(a.mac)
  )
    throw new CorridorError(
      'bad_request',
      `${name} is not an audit anchor (${anchorFormat}: pos, hash, entryAt, anchoredAt, mac)`,
    );
  return value as AuditAnchor;
}

export interface AnchorCheck {
  name: string;
  ok: boolean;
  message: string;
}

/**
 * Checks an anchor against the chain as it is now. Run after verifyAudit has found the chain intact:
 * then the anchored entry still having its hash shows that it and every entry before it are as they
 * were when the anchor was made.
 */
export async function checkAnchor(db: Queryable, anchor: AuditAnchor, name: string): Promise<AnchorCheck> {
  const label = `anchor ${name} (entry ${anchor.pos}, anchored ${anchor.anchoredAt})`;
  const expected = Buffer.from(macOf(anchorKey(db), anchor), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(anchor.mac, 'hex')))
    return {
      name,
      ok: false,
      message: `${label} is not genuine: its MAC does not match (edited, forged, or made for another database)`,
    };
  const entry = await chainEntry(db, anchor.pos);
  if (!entry) {
    const head = await chainHead(db);
    return {
      name,
      ok: false,
      message: `${label} does not match: the chain has no entry ${anchor.pos} (it ends at entry ${head.pos})`,
    };
  }
  if (entry.hash !== anchor.hash || entry.at !== anchor.entryAt)
    return {
      name,
      ok: false,
      message: `${label} does not match: entry ${anchor.pos} now has hash ${entry.hash} at ${entry.at}, the anchor says ${anchor.hash} at ${anchor.entryAt} — the trail was rewritten`,
    };
  return { name, ok: true, message: `${label} matches` };
}
