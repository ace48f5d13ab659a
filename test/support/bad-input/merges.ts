import { field, longText, type WriteRoute } from './cases.ts';

/** Merging duplicate registrations, undoing merges, dismissing pairs. */
export const mergesRoutes: Record<string, WriteRoute> = {
  'POST /api/merges': {
    as: 'coordinator',
    path: () => '/api/merges',
    cases: (c) => [
      field('absorbedId missing', { survivorId: c.personId }, ['absorbedId']),
      field('survivorId not an id', { survivorId: 'Kovalenko', absorbedId: c.personId }, ['survivorId']),
      field('reason too long', { survivorId: c.personId, absorbedId: c.childId, reason: longText(1001) }, [
        'reason',
      ]),
      field('a registration into itself', { survivorId: c.personId, absorbedId: c.personId }, ['absorbedId']),
      {
        name: 'survivorId names no one',
        payload: { survivorId: c.unknownId, absorbedId: c.personId },
        status: 422,
        code: 'unknown_reference',
        mentions: ['survivorId'],
      },
      {
        name: 'absorbedId already merged',
        payload: { survivorId: c.personId, absorbedId: c.merge.absorbedId },
        status: 409,
        code: 'conflict',
        mentions: ['absorbedId', 'already merged'],
      },
      {
        name: 'absorbedId has registrations merged into it',
        payload: { survivorId: c.personId, absorbedId: c.merge.survivorId },
        status: 409,
        code: 'conflict',
        mentions: ['absorbedId'],
      },
    ],
  },
  'POST /api/merges/:id/unmerge': {
    as: 'coordinator',
    path: (c) => `/api/merges/${c.merge.mergeId}/unmerge`,
    cases: (c) => [
      field('reason missing', {}, ['reason']),
      field('reason too short', { reason: 'no' }, ['reason']),
      field('unknown field', { reason: 'brothers', survivorId: c.personId }, []),
      {
        name: 'no such merge',
        path: `/api/merges/${c.unknownId}/unmerge`,
        payload: { reason: 'two people' },
        status: 404,
        code: 'not_found',
      },
    ],
  },
  'POST /api/duplicates/dismissals': {
    as: 'coordinator',
    path: () => '/api/duplicates/dismissals',
    cases: (c) => [
      field('personB missing', { personA: c.personId }, ['personB']),
      field('one person twice', { personA: c.personId, personB: c.personId }, ['personB']),
      {
        name: 'personB names no one',
        payload: { personA: c.personId, personB: c.unknownId },
        status: 422,
        code: 'unknown_reference',
        mentions: ['personB'],
      },
    ],
  },
};
