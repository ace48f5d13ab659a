// The server writes anchors of the audit chain's head to a directory of the operator's choosing
// (CORRIDOR_AUDIT_ANCHOR_DIR) — ideally one that is copied off the machine, such as a mounted share or
// a directory a backup job ships elsewhere — every so often and when it stops, so that an operator
// who forgets `corridor audit anchor` still has recent heads to check the trail against.
import { accessSync, constants, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CorridorError } from '../domain/errors.ts';
import type { Database } from '../store/database.ts';
import { chainHead } from '../store/repos/audit.ts';
import { makeAnchor } from './audit-anchor.ts';

export interface AnchorWriter {
  /** Stops the timer and writes a last anchor if the head moved since the previous one. */
  stop(): Promise<void>;
}

/** Writes the anchor file for the current head into dir, unless the head is where it was last time. */
async function writeIfMoved(db: Database, dir: string, last: { pos: number }): Promise<void> {
  const head = await chainHead(db);
  if (head.pos === 0 || head.pos === last.pos) return;
  const anchor = await makeAnchor(db);
  const file = join(dir, `audit-anchor-${String(anchor.pos).padStart(12, '0')}.json`);
  // Written whole or not at all: a copy job never picks up half an anchor.
  writeFileSync(`${file}.tmp`, `${JSON.stringify(anchor, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
  last.pos = anchor.pos;
}

export function startAnchorWriter(
  db: Database,
  dir: string,
  intervalMs: number,
  onError: (error: Error) => void,
): AnchorWriter {
  const last = { pos: -1 };
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    running = writeIfMoved(db, dir, last)
      .catch(onError)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs).unref();
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await writeIfMoved(db, dir, last).catch(onError);
    },
  };
}

/**
 * The server's anchor options from CORRIDOR_AUDIT_ANCHOR_DIR and CORRIDOR_AUDIT_ANCHOR_MINUTES
 * (default 60); none when the directory is not set. A directory that cannot be written is refused
 * at start, not found out an hour later.
 */
export function auditAnchorOptions(
  env: NodeJS.ProcessEnv,
): { auditAnchorDir: string; auditAnchorIntervalMs: number } | undefined {
  const dir = env.CORRIDOR_AUDIT_ANCHOR_DIR;
  if (!dir) return undefined;
  const minutesText = env.CORRIDOR_AUDIT_ANCHOR_MINUTES ?? '60';
  const minutes = Number(minutesText);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 10_080)
    throw new CorridorError(
      'bad_request',
      `CORRIDOR_AUDIT_ANCHOR_MINUTES is a whole number of minutes from 1 to 10080, not ${minutesText.slice(0, 20)}`,
    );
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new CorridorError(
      'bad_request',
      `CORRIDOR_AUDIT_ANCHOR_DIR ${dir} cannot be written: ${(error as Error).message}`,
    );
  }
  return { auditAnchorDir: dir, auditAnchorIntervalMs: minutes * 60_000 };
}
