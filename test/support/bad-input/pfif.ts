import { pfifNamespace } from '../../../src/pfif/format.ts';
import { type Case, longText, type WriteRoute } from './cases.ts';

const person = (fields: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<pfif:pfif xmlns:pfif="${pfifNamespace}"><pfif:person>${fields}</pfif:person></pfif:pfif>`;
const valid = person(
  '<pfif:person_record_id>registry.example.org/p.1</pfif:person_record_id><pfif:source_date>2022-04-20T10:00:00Z</pfif:source_date><pfif:full_name>Kovalenko Oleksii</pfif:full_name>',
);
const xml = (name: string, raw: string, mentions: string[]): Case => ({
  name,
  raw,
  contentType: 'application/xml',
  status: 400,
  code: 'validation_failed',
  mentions,
});

/** PFIF import: the body is a PFIF 1.4 document, sent as application/xml. */
export const pfifRoutes: Record<string, WriteRoute> = {
  'POST /api/sites/:siteId/pfif': {
    as: 'coordinator',
    readsXml: true,
    path: (c) => `/api/sites/${c.siteId}/pfif`,
    cases: (c) => [
      xml('not well-formed', valid.replace('</pfif:person>', ''), ['well-formed']),
      xml('PFIF 1.2', valid.replace(pfifNamespace, 'http://zesty.ca/pfif/1.2'), ['PFIF 1.4']),
      xml('full_name missing', person('<pfif:person_record_id>r.example.org/1</pfif:person_record_id>'), [
        'full_name',
      ]),
      xml('a record id without a domain', valid.replace('registry.example.org/p.1', 'p1'), [
        'person_record_id',
      ]),
      xml(
        'a sex PFIF does not know',
        valid.replace('</pfif:full_name>', '</pfif:full_name><pfif:sex>m</pfif:sex>'),
        ['sex'],
      ),
      {
        name: 'domain not a domain name',
        path: `/api/sites/${c.siteId}/pfif?domain=${encodeURIComponent('not a domain')}`,
        raw: valid,
        contentType: 'application/xml',
        status: 400,
        code: 'validation_failed',
        mentions: ['domain'],
      },
      {
        name: 'siteId names no site',
        path: `/api/sites/${c.unknownId}/pfif`,
        raw: valid,
        contentType: 'application/xml',
        status: 422,
        code: 'unknown_reference',
        mentions: ['siteId'],
      },
    ],
  },
};

/** Failures every XML-reading route meets whatever its document: about the request, not the records. */
export function xmlCommonCases(bodyLimit: number): Case[] {
  return [
    {
      name: 'JSON instead of XML',
      raw: '{"full_name": "Kovalenko"}',
      contentType: 'application/json',
      status: 415,
      code: 'unsupported_media_type',
    },
    xml('an empty body said to be XML', '', []),
    {
      name: `a body over the limit (${bodyLimit} bytes)`,
      raw: `<x>${longText(bodyLimit)}</x>`,
      contentType: 'application/xml',
      status: 413,
      code: 'payload_too_large',
    },
  ];
}
