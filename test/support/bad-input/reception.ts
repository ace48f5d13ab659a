import { personCode } from '../../../src/domain/person-code.ts';
import { type Case, field, type WriteRoute } from './cases.ts';

/** A QR code with its last check digit changed: what a scanner's misread looks like. */
const misread = (id: string): string => {
  const code = personCode(id);
  return `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`;
};

/** Reception: checking people in, voiding a mistaken check-in, and resolving the alerts reconciliation raises. */
export const receptionRoutes: Record<string, WriteRoute> = {
  'POST /api/sites/:siteId/check-ins': {
    as: 'reception',
    path: (c) => `/api/sites/${c.siteId}/check-ins`,
    cases: (c): Case[] => {
      const at = c.reception.receptionPointId;
      return [
        {
          name: 'checking in a person twice',
          payload: { personId: c.reception.checkedInId, receptionPointId: at, desk: '2' },
          status: 409,
          code: 'conflict',
          mentions: ['already checked in', c.reception.checkedInId, 'Zaporizhzhia reception centre (desk 1)'],
        },
        {
          name: 'an Idempotency-Key already used for another person',
          headers: { ...c.t.as('reception'), 'idempotency-key': c.reception.checkInKey },
          payload: { personId: c.reception.waitingId, receptionPointId: at },
          status: 409,
          code: 'conflict',
          mentions: ['Idempotency-Key', 'another person'],
        },
        {
          name: 'an Idempotency-Key too short to be unique',
          headers: { ...c.t.as('reception'), 'idempotency-key': 'abc' },
          payload: { personId: c.reception.waitingId, receptionPointId: at },
          status: 400,
          code: 'validation_failed',
          mentions: ['idempotency-key'],
        },
        field('no person', { receptionPointId: at }, ['personId', 'qr']),
        field(
          'both a person id and a QR code',
          {
            personId: c.reception.waitingId,
            qr: personCode(c.reception.waitingId),
            receptionPointId: at,
          },
          ['exactly one'],
        ),
        field('a misread QR code', { qr: misread(c.reception.waitingId), receptionPointId: at }, [
          'qr',
          'check digits',
        ]),
        field('no reception point', { personId: c.reception.waitingId }, ['receptionPointId']),
        field('a name instead of an id', { personId: 'Arrival Waiting', receptionPointId: at }, ['personId']),
        field('an unknown field', { personId: c.reception.waitingId, receptionPointId: at, names: ['x'] }, [
          'names',
        ]),
        {
          name: 'an unknown person',
          payload: { personId: c.unknownId, receptionPointId: at },
          status: 422,
          code: 'unknown_reference',
          mentions: ['personId', c.unknownId],
        },
        {
          name: 'a screening point as the reception point',
          payload: { personId: c.reception.waitingId, receptionPointId: c.logistics.screeningId },
          status: 422,
          code: 'unknown_reference',
          mentions: ['receptionPointId'],
        },
        {
          name: 'an unknown convoy',
          payload: { personId: c.reception.waitingId, receptionPointId: at, convoyId: c.unknownId },
          status: 422,
          code: 'unknown_reference',
          mentions: ['convoyId', c.unknownId],
        },
        {
          name: 'a deceased person',
          payload: { personId: c.deceasedId, receptionPointId: at },
          status: 409,
          code: 'illegal_transition',
          mentions: ['deceased'],
        },
        {
          name: 'a person of another site',
          path: `/api/sites/${c.otherSiteId}/check-ins`,
          payload: { personId: c.reception.waitingId, receptionPointId: at },
          status: 422,
          code: 'unknown_reference',
          mentions: ['personId'],
        },
        {
          name: 'unknown site',
          path: `/api/sites/${c.unknownId}/check-ins`,
          payload: { personId: c.reception.waitingId, receptionPointId: at },
          status: 404,
          code: 'not_found',
          mentions: [c.unknownId],
        },
        {
          name: 'as an observer',
          headers: c.t.as('observer'),
          payload: { personId: c.reception.waitingId, receptionPointId: at },
          status: 403,
          code: 'forbidden',
          mentions: ['reception:check_in'],
        },
      ];
    },
  },
  'POST /api/check-ins/:id/void': {
    as: 'reception',
    path: (c) => `/api/check-ins/${c.reception.checkInId}/void`,
    cases: (c): Case[] => [
      field('no reason', {}, ['reason']),
      field('a blank reason', { reason: '   ' }, ['reason']),
      field('a reason of two letters', { reason: 'no' }, ['reason']),
      field('an unknown field', { reason: 'wrong card scanned', personId: c.reception.waitingId }, [
        'personId',
      ]),
      {
        name: 'a check-in already voided',
        path: `/api/check-ins/${c.reception.voidedCheckInId}/void`,
        payload: { reason: 'wrong card scanned' },
        status: 409,
        code: 'conflict',
        mentions: ['already voided', 'reception-user', 'scanned the wrong card'],
      },
      {
        name: "another desk's check-in, by a reception desk",
        path: `/api/check-ins/${c.reception.cellCheckInId}/void`,
        payload: { reason: 'wrong card scanned' },
        status: 403,
        code: 'forbidden',
        mentions: ['coordinator-user', 'its own check-ins'],
      },
      {
        name: 'unknown check-in',
        path: `/api/check-ins/${c.unknownId}/void`,
        payload: { reason: 'wrong card scanned' },
        status: 404,
        code: 'not_found',
        mentions: [c.unknownId],
      },
      {
        name: 'not an id',
        path: '/api/check-ins/last/void',
        payload: { reason: 'wrong card scanned' },
        status: 400,
        code: 'validation_failed',
        mentions: ['id'],
      },
      {
        name: 'as an observer',
        headers: c.t.as('observer'),
        payload: { reason: 'wrong card scanned' },
        status: 403,
        code: 'forbidden',
        mentions: ['reception:check_in'],
      },
    ],
  },
  'POST /api/alerts/:id/resolve': {
    as: 'coordinator',
    path: (c) => `/api/alerts/${c.reception.openAlertId}/resolve`,
    cases: (c): Case[] => [
      field('no resolution', {}, ['resolution']),
      field('a blank resolution', { resolution: '   ' }, ['resolution']),
      field('a resolution of two letters', { resolution: 'ok' }, ['resolution']),
      {
        name: 'an alert already resolved',
        path: `/api/alerts/${c.reception.resolvedAlertId}/resolve`,
        payload: { resolution: 'resolved again' },
        status: 409,
        code: 'conflict',
        mentions: ['already resolved', 'came by car'],
      },
      {
        name: 'unknown alert',
        path: `/api/alerts/${c.unknownId}/resolve`,
        payload: { resolution: 'checked' },
        status: 404,
        code: 'not_found',
        mentions: [c.unknownId],
      },
      {
        name: 'not an id',
        path: '/api/alerts/latest/resolve',
        payload: { resolution: 'checked' },
        status: 400,
        code: 'validation_failed',
        mentions: ['id'],
      },
      {
        name: 'as a reception desk',
        headers: c.t.as('reception'),
        payload: { resolution: 'mother found' },
        status: 403,
        code: 'forbidden',
        mentions: ['alerts:resolve'],
      },
    ],
  },
};
