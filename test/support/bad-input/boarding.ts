import { personCode } from '../../../src/domain/person-code.ts';
import { type Case, type Context, field, type WriteRoute } from './cases.ts';

// Boarding, no-shows and substitutions on the fixtures' planned convoy C-1, whose manifest holds a
// household of three (all expected); the stranger is on no manifest.

const unknownConvoy = (c: Context, path: string, payload: unknown): Case => ({
  name: 'unknown convoy',
  path: `/api/convoys/${c.unknownId}/${path}`,
  payload,
  status: 404,
  code: 'not_found',
  mentions: [c.unknownId],
});

const forbidden = (c: Context, role: 'reception' | 'observer' | 'admin', payload: unknown): Case => ({
  name: `as ${role}`,
  headers: c.t.as(role),
  payload,
  status: 403,
  code: 'forbidden',
  mentions: ['convoys:board'],
});

/** A QR code with one character of the id misread by the scanner. */
function misread(personId: string): string {
  const code = personCode(personId);
  const at = 'CORRIDOR:P:'.length;
  return `${code.slice(0, at)}${code[at] === '0' ? '1' : '0'}${code.slice(at + 1)}`;
}

export const boardingRoutes: Record<string, WriteRoute> = {
  'POST /api/convoys/:id/boarding': {
    as: 'field',
    path: (c) => `/api/convoys/${c.convoy.convoyId}/boarding`,
    cases: (c) => [
      {
        name: 'a person not on the manifest',
        payload: { personId: c.convoy.strangerId },
        status: 409,
        code: 'conflict',
        mentions: [c.convoy.strangerId, 'not on the manifest of convoy C-1'],
      },
      {
        name: 'the QR code of a person not on the manifest',
        payload: { qr: personCode(c.convoy.strangerId) },
        status: 409,
        code: 'conflict',
        mentions: [c.convoy.strangerId, 'not on the manifest of convoy C-1'],
      },
      {
        name: 'a person who does not exist',
        payload: { personId: c.unknownId },
        status: 422,
        code: 'unknown_reference',
        mentions: ['personId', c.unknownId],
      },
      field('neither id nor code', {}, ['personId', 'QR code']),
      field('both id and code', { personId: c.convoy.motherId, qr: personCode(c.convoy.motherId) }, [
        'not both',
      ]),
      field('a misread QR code', { qr: misread(c.convoy.motherId) }, ['qr', 'misread']),
      field('a QR code of something else', { qr: 'https://example.org/ticket/42' }, ['qr', 'CORRIDOR:P:']),
      field('a code found by search', { qr: personCode(c.convoy.motherId), method: 'search' }, ['method']),
      field('an unknown method', { personId: c.convoy.motherId, method: 'face' }, ['method']),
      field('a name instead of an id', { personId: 'Convoy Mother' }, ['personId']),
      unknownConvoy(c, 'boarding', { personId: c.convoy.motherId }),
      forbidden(c, 'reception', { personId: c.convoy.motherId }),
      forbidden(c, 'observer', { personId: c.convoy.motherId }),
    ],
  },
  'POST /api/convoys/:id/no-shows': {
    as: 'field',
    path: (c) => `/api/convoys/${c.convoy.convoyId}/no-shows`,
    cases: (c) => [
      {
        name: 'a person not on the manifest',
        payload: { personId: c.convoy.strangerId, reason: 'not at the gate' },
        status: 409,
        code: 'conflict',
        mentions: [c.convoy.strangerId, 'not on the manifest'],
      },
      field('no reason', { personId: c.convoy.motherId }, ['reason']),
      field('a reason of one letter', { personId: c.convoy.motherId, reason: 'x' }, ['reason']),
      field('a reason of spaces', { personId: c.convoy.motherId, reason: '     ' }, ['reason']),
      field('no person', { reason: 'not at the gate' }, ['personId']),
      unknownConvoy(c, 'no-shows', { personId: c.convoy.motherId, reason: 'not at the gate' }),
      forbidden(c, 'admin', { personId: c.convoy.motherId, reason: 'not at the gate' }),
    ],
  },
  'POST /api/convoys/:id/substitutions': {
    as: 'field',
    path: (c) => `/api/convoys/${c.convoy.convoyId}/substitutions`,
    cases: (c) => {
      const valid = {
        replacedPersonId: c.convoy.grandfatherId,
        personId: c.convoy.strangerId,
        reason: 'he stays',
      };
      return [
        {
          name: 'replacing someone not on the manifest',
          payload: { ...valid, replacedPersonId: c.personId },
          status: 409,
          code: 'conflict',
          mentions: ['replacedPersonId', c.personId, 'not on the manifest'],
        },
        {
          name: 'a substitute already on the manifest',
          payload: { ...valid, personId: c.convoy.motherId },
          status: 409,
          code: 'conflict',
          mentions: [c.convoy.motherId, 'already on the manifest of convoy C-1'],
        },
        {
          name: 'a substitute who is deceased',
          payload: { ...valid, personId: c.deceasedId },
          status: 409,
          code: 'illegal_transition',
          mentions: [c.deceasedId, 'deceased'],
        },
        {
          name: 'a substitute who does not exist',
          payload: { ...valid, personId: c.unknownId },
          status: 422,
          code: 'unknown_reference',
          mentions: [c.unknownId],
        },
        field('someone in their own place', { ...valid, personId: c.convoy.grandfatherId }, ['own place']),
        field('no reason', { replacedPersonId: valid.replacedPersonId, personId: valid.personId }, [
          'reason',
        ]),
        field('no substitute', { replacedPersonId: valid.replacedPersonId, reason: 'he stays' }, [
          'personId',
        ]),
        field(
          'a misread substitute code',
          { ...valid, personId: undefined, qr: misread(c.convoy.strangerId) },
          ['qr', 'misread'],
        ),
        unknownConvoy(c, 'substitutions', valid),
        forbidden(c, 'reception', valid),
      ];
    },
  },
};
