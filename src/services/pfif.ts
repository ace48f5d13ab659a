import { CorridorError } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { PersonName } from '../domain/person.ts';
import type { PfifNote, PfifPerson, PfifRecord } from '../pfif/format.ts';
import { registeredRecord, requestRecord, soughtOf } from '../pfif/map.ts';
import { readPfif } from '../pfif/read.ts';
import { writePfif } from '../pfif/write.ts';
import { cipherOf } from '../store/crypto/sealed-store.ts';
import type { Database, Queryable } from '../store/database.ts';
import { translating } from '../store/db-errors.ts';
import { disclosable } from '../store/repos/disclosure.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import * as repo from '../store/repos/tracing.ts';
import { requireSite, requireSiteReference } from './sites.ts';
import { checkRequest } from './tracing.ts';

/** The home domain of the records Corridor writes, unless told another. */
export const defaultPfifDomain = 'corridor.local';

const domainPattern = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

export function checkDomain(domain: string): void {
  if (!domainPattern.test(domain))
    throw new CorridorError(
      'validation_failed',
      `domain: ${domain} is not a domain name (like corridor.example.org)`,
      {
        field: 'domain',
      },
    );
}

interface RegisteredRow {
  id: string;
  names: PersonName[];
  sex: 'female' | 'male' | 'other' | 'unknown';
  birth_date: string | null;
  birth_year: number | null;
  age_band: '0-4' | '5-11' | '12-17' | '18-59' | '60+' | null;
  status: string;
  updated_at: Date;
  consent_at: Date;
  location: string;
}

/**
 * The site's tracing as a PFIF 1.4 document: every open tracing request (ours, and those imported
 * from other registries, exactly as they came), and every registered person who agreed to be found,
 * with where they are, coarsely. A person who declined, who was never asked, or whose registration
 * was merged away is never in it; neither is anything the matcher found.
 */
export async function exportPfif(db: Queryable, siteId: string, domain = defaultPfifDomain): Promise<string> {
  checkDomain(domain);
  const site = await requireSite(db, siteId);
  const records: PfifRecord[] = [];
  const requests = await db.query<repo.TracingRequestRow>(
    "SELECT * FROM tracing_request WHERE site_id = $1 AND status = 'open' ORDER BY created_at, id",
    [siteId],
  );
  const notes = await db.query<{ request_id: string; fields: PfifNote }>(
    `SELECT n.request_id, n.fields FROM tracing_note n JOIN tracing_request r ON r.id = n.request_id
     WHERE r.site_id = $1 ORDER BY n.imported_at, n.id`,
    [siteId],
  );
  // A note is about the record it is written inside, whatever id the record had where the note was written.
  const notesOf = (requestId: string, personRecordId: string) =>
    notes.rows
      .filter((row) => row.request_id === requestId)
      .map((row) => ({ ...row.fields, person_record_id: personRecordId }));
  for (const row of requests.rows) {
    if (row.origin === 'pfif' && row.pfif)
      records.push({ person: row.pfif as PfifPerson, notes: notesOf(row.id, row.pfif_record_id!) });
    else {
      const own = requestRecord(domain, repo.toRequest(row));
      records.push({
        person: own.person,
        notes: [...own.notes, ...notesOf(row.id, own.person.person_record_id)],
      });
    }
  }
  const registered = await db.query<RegisteredRow>(
    `SELECT p.id, p.names, p.sex, p.birth_date_sealed AS birth_date, p.birth_year_sealed AS birth_year, p.age_band, p.status, p.updated_at,
       c.recorded_at AS consent_at,
       coalesce((SELECT rp.name FROM check_in ci JOIN road_point rp ON rp.id = ci.reception_point_id
                 WHERE ci.person_id = p.id AND ci.voided_at IS NULL ORDER BY ci.checked_in_at DESC LIMIT 1), $2) AS location
     FROM person p JOIN tracing_consent c ON c.person_id = p.id AND c.decision = 'agreed'
     WHERE p.site_id = $1 AND ${disclosable('p')}
     ORDER BY p.id`,
    [siteId, site.name],
  );
  for (const row of registered.rows)
    records.push(
      registeredRecord(domain, {
        id: row.id,
        names: row.names,
        sex: row.sex,
        birthDate: row.birth_date,
        birthYear: row.birth_year,
        ageBand: row.age_band,
        status: row.status,
        updatedAt: row.updated_at.toISOString(),
        consentAt: row.consent_at.toISOString(),
        location: row.location,
      }),
    );
  return writePfif(records);
}

export interface PfifImportSummary {
  persons: { created: number; updated: number; unchanged: number; skipped: number };
  notes: { created: number; unchanged: number; skipped: number };
}

const ownId = (domain: string, recordId: string) => recordId.startsWith(`${domain}/`);
const requestIdOf = (domain: string, recordId: string): string | null =>
  recordId.startsWith(`${domain}/request.`) ? recordId.slice(domain.length + 9) : null;

/**
 * Imports a PFIF 1.4 document into a site's tracing in one transaction: each person record from
 * another registry becomes (or updates, when its source_date is newer) a tracing request from that
 * registry, matched against the registry like any other; its notes are kept, and notes from others
 * about our own requests are attached to them. Our own records coming back are skipped. A document
 * with any problem writes nothing.
 */
export async function importPfif(
  db: Database,
  actor: Actor,
  siteId: string,
  text: string,
  domain = defaultPfifDomain,
): Promise<PfifImportSummary> {
  checkDomain(domain);
  const { records, looseNotes } = readPfif(text);
  const summary: PfifImportSummary = {
    persons: { created: 0, updated: 0, unchanged: 0, skipped: 0 },
    notes: { created: 0, unchanged: 0, skipped: 0 },
  };
  return translating(() =>
    db.transaction(async (tx) => {
      await requireSiteReference(tx, siteId);
      const requestFor = new Map<string, string>();
      for (const { person, notes } of records) {
        if (ownId(domain, person.person_record_id)) {
          summary.persons.skipped++;
          continue;
        }
        requestFor.set(
          person.person_record_id,
          await importPerson(tx, actor, siteId, person, notes, summary),
        );
      }
      for (const note of [...records.flatMap((r) => r.notes), ...looseNotes]) {
        if (ownId(domain, note.note_record_id)) {
          summary.notes.skipped++;
          continue;
        }
        const requestId =
          requestFor.get(note.person_record_id) ??
          (await requestByRecordId(tx, siteId, domain, note.person_record_id));
        if (!requestId) {
          summary.notes.skipped++;
          continue;
        }
        const known = await tx.query('SELECT 1 FROM tracing_note WHERE pfif_record_id = $1', [
          note.note_record_id,
        ]);
        if (known.rows.length > 0) {
          summary.notes.unchanged++;
          continue;
        }
        // PFIF notes never change: a note seen again is the same note.
        await tx.query(
          'INSERT INTO tracing_note (id, request_id, pfif_record_id, fields) VALUES ($1, $2, $3, $4)',
          [newId(), requestId, note.note_record_id, JSON.stringify(cipherOf(tx).seal(note))],
        );
        await recordOperation(tx, actor, {
          entity: 'tracing_request',
          entityId: requestId,
          action: 'pfif_note',
          before: null,
          after: { noteRecordId: note.note_record_id, status: note.status ?? null },
        });
        summary.notes.created++;
      }
      return summary;
    }),
  );
}

async function requestByRecordId(
  tx: Queryable,
  siteId: string,
  domain: string,
  recordId: string,
): Promise<string | undefined> {
  const own = requestIdOf(domain, recordId);
  const { rows } = await tx.query<{ id: string }>(
    own
      ? "SELECT id FROM tracing_request WHERE site_id = $1 AND origin = 'corridor' AND id::text = $2"
      : 'SELECT id FROM tracing_request WHERE site_id = $1 AND pfif_record_id = $2',
    [siteId, own ?? recordId],
  );
  return rows[0]?.id;
}

async function importPerson(
  tx: Queryable,
  actor: Actor,
  siteId: string,
  person: PfifPerson,
  notes: readonly PfifNote[],
  summary: PfifImportSummary,
): Promise<string> {
  const existing = await repo.findRequestByPfifId(tx, person.person_record_id);
  if (existing && existing.site_id !== siteId)
    throw new CorridorError(
      'conflict',
      `person ${person.person_record_id} was imported into another site already`,
      { recordId: person.person_record_id },
    );
  if (existing && (existing.pfif?.source_date ?? '') >= (person.source_date ?? '')) {
    summary.persons.unchanged++;
    return existing.id;
  }
  const sought = soughtOf(person, notes);
  const { lastSeenPlace, ...soughtPerson } = sought;
  const id = existing?.id ?? newId();
  // The importing repository sets entry_date: when the record arrived here.
  const stored: PfifPerson = { ...person, entry_date: `${new Date().toISOString().slice(0, 19)}Z` };
  const fields: repo.RequestFields = {
    id,
    siteId,
    origin: 'pfif',
    pfifRecordId: person.person_record_id,
    pfif: stored,
    sought: soughtPerson,
    enquirer: {
      name: (person.author_name || person.source_name || 'unknown').slice(0, 200),
      phone: person.author_phone ?? null,
      email: person.author_email ?? null,
      contactNote: person.source_url ? `record: ${person.source_url}` : null,
      personId: null,
    },
    relation: null,
    lastSeen: { place: lastSeenPlace, pointId: null, date: null },
    separation: null,
    createdBy: actor.name,
    createdById: actor.userId,
  };
  try {
    await checkRequest(tx, fields);
  } catch (error) {
    if (error instanceof CorridorError)
      throw new CorridorError('validation_failed', `person ${person.person_record_id}: ${error.message}`, {
        recordId: person.person_record_id,
      });
    throw error;
  }
  if (existing) {
    await repo.updateRequestFields(tx, fields);
    summary.persons.updated++;
  } else {
    await repo.insertRequest(tx, fields);
    summary.persons.created++;
  }
  await recordOperation(tx, actor, {
    entity: 'tracing_request',
    entityId: id,
    action: existing ? 'pfif_update' : 'pfif_import',
    before: null,
    after: { pfifRecordId: person.person_record_id },
  });
  return id;
}
