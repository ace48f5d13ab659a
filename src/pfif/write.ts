import {
  type NoteField,
  noteFields,
  type PersonField,
  type PfifRecord,
  personFields,
  pfifNamespace,
} from './format.ts';

// Characters XML 1.0 cannot carry at all (even escaped) are left out rather than breaking the file.
const allowedInXml = (c: string): boolean => {
  const code = c.codePointAt(0)!;
  return (
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    code >= 0x10000
  );
};

export const escapeXml = (text: string): string =>
  Array.from(text)
    .filter(allowedInXml)
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

function fields(
  record: Partial<Record<string, string>>,
  order: readonly (PersonField | NoteField)[],
  indent: string,
) {
  return order
    .filter((field) => record[field] !== undefined && record[field] !== '')
    .map((field) => `${indent}<pfif:${field}>${escapeXml(record[field]!)}</pfif:${field}>\n`)
    .join('');
}

/** Writes a PFIF 1.4 document: each person with its notes inside, fields in the specification's order. */
export function writePfif(records: readonly PfifRecord[]): string {
  let out = `<?xml version="1.0" encoding="UTF-8"?>\n<pfif:pfif xmlns:pfif="${pfifNamespace}">\n`;
  for (const { person, notes } of records) {
    out += '  <pfif:person>\n';
    out += fields(person, personFields, '    ');
    for (const note of notes)
      out += `    <pfif:note>\n${fields(note, noteFields, '      ')}    </pfif:note>\n`;
    out += '  </pfif:person>\n';
  }
  return `${out}</pfif:pfif>\n`;
}
