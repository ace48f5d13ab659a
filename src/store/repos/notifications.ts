import type { NotificationAnswer, NotificationContent } from '../../domain/notification.ts';
import type { Queryable } from '../database.ts';
import type { Party } from './parties.ts';

// Notifications of convoys to the parties, and the parties' answers: one SQL home.

export interface Notification {
  id: string;
  convoyId: string;
  partyId: string;
  version: number;
  content: NotificationContent;
  channel: string | null;
  sentAt: string;
  sentBy: string;
  sentById: string | null;
}

export interface Answer {
  id: string;
  notificationId: string;
  answer: NotificationAnswer;
  answeredAt: string;
  sourceId: string | null;
  sourceNote: string | null;
  note: string | null;
  recordedBy: string;
  recordedById: string | null;
  recordedAt: string;
}

interface NotificationRow {
  id: string;
  convoy_id: string;
  party_id: string;
  version: number;
  content: NotificationContent;
  channel: string | null;
  sent_at: Date;
  sent_by: string;
  sent_by_id: string | null;
}

interface AnswerRow {
  id: string;
  notification_id: string;
  answer: NotificationAnswer;
  answered_at: Date;
  source_id: string | null;
  source_note: string | null;
  note: string | null;
  recorded_by: string;
  recorded_by_id: string | null;
  recorded_at: Date;
}

const toNotification = (r: NotificationRow): Notification => ({
  id: r.id,
  convoyId: r.convoy_id,
  partyId: r.party_id,
  version: r.version,
  content: r.content,
  channel: r.channel,
  sentAt: r.sent_at.toISOString(),
  sentBy: r.sent_by,
  sentById: r.sent_by_id,
});

const toAnswer = (r: AnswerRow): Answer => ({
  id: r.id,
  notificationId: r.notification_id,
  answer: r.answer,
  answeredAt: r.answered_at.toISOString(),
  sourceId: r.source_id,
  sourceNote: r.source_note,
  note: r.note,
  recordedBy: r.recorded_by,
  recordedById: r.recorded_by_id,
  recordedAt: r.recorded_at.toISOString(),
});

export async function insertNotification(tx: Queryable, n: Notification): Promise<void> {
  await tx.query(
    `INSERT INTO notification (id, convoy_id, party_id, version, content, channel, sent_at, sent_by, sent_by_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      n.id,
      n.convoyId,
      n.partyId,
      n.version,
      JSON.stringify(n.content),
      n.channel,
      n.sentAt,
      n.sentBy,
      n.sentById,
    ],
  );
}

export async function findNotification(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<Notification | undefined> {
  const { rows } = await db.query<NotificationRow>(
    `SELECT * FROM notification WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toNotification(rows[0]) : undefined;
}

/** Every version sent for the convoys, oldest first within each party. */
export async function listNotifications(
  db: Queryable,
  convoyIds: readonly string[],
): Promise<Notification[]> {
  const { rows } = await db.query<NotificationRow>(
    'SELECT * FROM notification WHERE convoy_id = ANY ($1::uuid[]) ORDER BY convoy_id, party_id, version',
    [convoyIds],
  );
  return rows.map(toNotification);
}

export async function insertAnswer(tx: Queryable, a: Omit<Answer, 'recordedAt'>): Promise<void> {
  await tx.query(
    `INSERT INTO notification_answer (id, notification_id, answer, answered_at, source_id, source_note, note,
       recorded_by, recorded_by_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      a.id,
      a.notificationId,
      a.answer,
      a.answeredAt,
      a.sourceId,
      a.sourceNote,
      a.note,
      a.recordedBy,
      a.recordedById,
    ],
  );
}

export async function findAnswer(db: Queryable, id: string): Promise<Answer | undefined> {
  const { rows } = await db.query<AnswerRow>('SELECT * FROM notification_answer WHERE id = $1', [id]);
  return rows[0] ? toAnswer(rows[0]) : undefined;
}

/** The answers to the notifications, in the order they were given. */
export async function listAnswers(db: Queryable, notificationIds: readonly string[]): Promise<Answer[]> {
  const { rows } = await db.query<AnswerRow>(
    `SELECT * FROM notification_answer WHERE notification_id = ANY ($1::uuid[])
     ORDER BY notification_id, answered_at, recorded_at, id`,
    [notificationIds],
  );
  return rows.map(toAnswer);
}

/**
 * The parties a site's convoys are notified to: every party that announced one of its pause
 * windows or whose answer to one is recorded. They are the ones whose forces or mediators are
 * on the road out.
 */
export async function siteParties(db: Queryable, siteId: string): Promise<Party[]> {
  const { rows } = await db.query<{
    id: string;
    name: string;
    short_name: string | null;
    kind: Party['kind'];
    note: string | null;
  }>(
    `SELECT p.id, p.name, p.short_name, p.kind, p.note FROM party p
     WHERE p.id IN (SELECT announced_by FROM pause_window WHERE site_id = $1
                    UNION SELECT a.party_id FROM pause_acceptance a JOIN pause_window w ON w.id = a.pause_window_id
                    WHERE w.site_id = $1)
     ORDER BY p.name, p.id`,
    [siteId],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, shortName: r.short_name, kind: r.kind, note: r.note }));
}
