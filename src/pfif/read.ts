import { DOMParser, type Element, onErrorStopParsing } from '@xmldom/xmldom';
import { CorridorError } from '../domain/errors.ts';
import {
  type NoteField,
  noteFields,
  noteStatuses,
  type PersonField,
  type PfifNote,
  type PfifPerson,
  type PfifRecord,
  personFields,
  pfifNamespace,
  recordIdPattern,
  requiredNoteFields,
  requiredPersonFields,
  utcPattern,
} from './format.ts';

const elementsOf = (parent: Element): Element[] => {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling)
    if (node.nodeType === 1) out.push(node as Element);
  return out;
};

const at = (element: Element): string => {
  const located = element as Element & { lineNumber?: number; columnNumber?: number };
  return located.lineNumber ? ` (line ${located.lineNumber})` : '';
};

/** Reads the fields of a person or note element; problems are named by `where`. */
function readFields<F extends string>(
  element: Element,
  allowed: readonly F[],
  where: string,
  problems: string[],
  nested?: (child: Element) => boolean,
): Partial<Record<F, string>> {
  const record: Partial<Record<F, string>> = {};
  for (const child of elementsOf(element)) {
    if (child.namespaceURI !== pfifNamespace) continue; // another vocabulary's extension: not ours to read
    if (nested?.(child)) continue;
    const name = child.localName as F;
    if (!allowed.includes(name)) {
      problems.push(`${where}: pfif:${child.localName}${at(child)} is not a field of this record`);
      continue;
    }
    if (elementsOf(child).length > 0)
      problems.push(`${where}: pfif:${name}${at(child)} holds elements, not text`);
    if (record[name] !== undefined) problems.push(`${where}: pfif:${name}${at(child)} is given twice`);
    record[name] = (child.textContent ?? '').trim();
  }
  return record;
}

function checkValues(record: Record<string, string | undefined>, where: string, problems: string[]): void {
  for (const field of ['person_record_id', 'note_record_id', 'linked_person_record_id'])
    if (record[field] && !recordIdPattern.test(record[field]!))
      problems.push(`${where}: ${field} ${JSON.stringify(record[field])} is not "domain/identifier"`);
  for (const field of ['entry_date', 'expiry_date', 'source_date'])
    if (record[field] && !(utcPattern.test(record[field]!) && !Number.isNaN(Date.parse(record[field]!))))
      problems.push(
        `${where}: ${field} ${JSON.stringify(record[field])} is not a UTC time (yyyy-mm-ddThh:mm:ssZ)`,
      );
  if (record.sex && !['female', 'male', 'other'].includes(record.sex))
    problems.push(`${where}: sex ${JSON.stringify(record.sex)} is not female, male or other`);
  if (record.date_of_birth && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(record.date_of_birth))
    problems.push(
      `${where}: date_of_birth ${JSON.stringify(record.date_of_birth)} is not YYYY, YYYY-MM or YYYY-MM-DD`,
    );
  if (record.age && !/^\d{1,3}(-\d{1,3})?$/.test(record.age))
    problems.push(
      `${where}: age ${JSON.stringify(record.age)} is not a number of years or a range like 30-40`,
    );
  if (record.status && !(noteStatuses as readonly string[]).includes(record.status))
    problems.push(`${where}: status ${JSON.stringify(record.status)} is not a PFIF note status`);
  if (record.author_made_contact && !['true', 'false'].includes(record.author_made_contact))
    problems.push(`${where}: author_made_contact must be true or false`);
}

function parseXml(text: string): Element {
  if (/<!DOCTYPE/i.test(text))
    throw new CorridorError(
      'validation_failed',
      'the PFIF document has a DOCTYPE; PFIF needs none and it is not read',
      {
        problems: ['$: DOCTYPE'],
      },
    );
  try {
    const document = new DOMParser({ onError: onErrorStopParsing }).parseFromString(text, 'text/xml');
    return document.documentElement!;
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]!.replace(/^\[xmldom [a-zA-Z]*\]\s*/, '');
    throw new CorridorError('validation_failed', `the PFIF document is not well-formed XML: ${message}`, {
      problems: [message],
    });
  }
}

/**
 * Reads a PFIF 1.4 document into person records with their notes (notes given outside a person are
 * returned apart). A document that is not well-formed, is not PFIF 1.4, or breaks the format's
 * rules is refused whole, with every problem named by record.
 */
export function readPfif(text: string): { records: PfifRecord[]; looseNotes: PfifNote[] } {
  const root = parseXml(text);
  if (root.localName !== 'pfif' || root.namespaceURI !== pfifNamespace) {
    const namespace = root.namespaceURI ?? 'no namespace';
    const older = /^http:\/\/zesty\.ca\/pfif\/1\.[0-3]$/.test(namespace);
    throw new CorridorError(
      'validation_failed',
      older
        ? `the document is ${namespace.slice(-8)} (PFIF ${namespace.slice(-3)}); only PFIF 1.4 is read`
        : `not a PFIF 1.4 document: the root element is ${root.localName} in ${namespace}, not pfif in ${pfifNamespace}`,
      { problems: ['$: root element'] },
    );
  }
  const problems: string[] = [];
  const records: PfifRecord[] = [];
  const looseNotes: PfifNote[] = [];
  const seen = new Set<string>();
  const readNote = (element: Element, where: string, personId?: string): PfifNote | undefined => {
    const note = readFields(element, noteFields, where, problems) as Partial<Record<NoteField, string>>;
    if (personId !== undefined) {
      if (note.person_record_id && note.person_record_id !== personId)
        problems.push(
          `${where}: person_record_id ${note.person_record_id} differs from the enclosing person's`,
        );
      note.person_record_id = personId;
    }
    for (const field of [...requiredNoteFields, 'person_record_id' as const])
      if (!note[field]) problems.push(`${where}: ${field} is missing`);
    checkValues(note, where, problems);
    if (note.note_record_id) {
      if (seen.has(note.note_record_id))
        problems.push(`${where}: record ${note.note_record_id} appears twice`);
      seen.add(note.note_record_id);
    }
    return note.note_record_id && note.person_record_id ? (note as PfifNote) : undefined;
  };
  elementsOf(root).forEach((element, index) => {
    if (element.namespaceURI !== pfifNamespace) return;
    const where = `${element.localName} ${index + 1}${at(element)}`;
    if (element.localName === 'note') {
      const note = readNote(element, where);
      if (note) looseNotes.push(note);
      return;
    }
    if (element.localName !== 'person') {
      problems.push(`${where}: pfif:${element.localName} is neither a person nor a note`);
      return;
    }
    const person = readFields(
      element,
      personFields,
      where,
      problems,
      (child) => child.localName === 'note',
    ) as Partial<Record<PersonField, string>>;
    const named = person.person_record_id ? `person ${person.person_record_id}` : where;
    for (const field of requiredPersonFields)
      if (!person[field]) problems.push(`${named}: ${field} is missing`);
    checkValues(person, named, problems);
    if (person.person_record_id) {
      if (seen.has(person.person_record_id)) problems.push(`${named}: the record appears twice`);
      seen.add(person.person_record_id);
    }
    const notes = elementsOf(element)
      .filter((child) => child.namespaceURI === pfifNamespace && child.localName === 'note')
      .map((child, i) =>
        readNote(child, `${named}, note ${i + 1}${at(child)}`, person.person_record_id ?? ''),
      )
      .filter((note): note is PfifNote => note !== undefined);
    if (person.person_record_id) records.push({ person: person as PfifPerson, notes });
  });
  if (problems.length > 0)
    throw new CorridorError(
      'validation_failed',
      `the PFIF document has ${problems.length} problem${problems.length > 1 ? 's' : ''}: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ' …' : ''}`,
      { problems },
    );
  return { records, looseNotes };
}
