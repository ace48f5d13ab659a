import { field, longText, type WriteRoute } from './cases.ts';

/** Disclosure profiles: the cell adds and changes them and gives parties their own. */
export const disclosureRoutes: Record<string, WriteRoute> = {
  'POST /api/disclosure-profiles': {
    as: 'coordinator',
    path: () => '/api/disclosure-profiles',
    cases: () => [
      field('name missing', { purpose: 'Figures for donors', grants: ['counts'] }, ['name']),
      field('name with capitals and spaces', { name: 'Donors List', purpose: 'x', grants: [] }, ['name']),
      field('purpose empty', { name: 'donors', purpose: '', grants: [] }, ['purpose']),
      field('purpose too long', { name: 'donors', purpose: longText(501), grants: [] }, ['purpose']),
      field('grants naming something unknown', { name: 'donors', purpose: 'x', grants: ['addresses'] }, [
        'grants',
      ]),
      field('minCell zero', { name: 'donors', purpose: 'x', grants: ['counts'], minCell: 0 }, ['minCell']),
      field('a recipient empty', { name: 'donors', purpose: 'x', grants: ['counts'], recipients: [''] }, [
        'recipients',
      ]),
      field('an unknown field', { name: 'donors', purpose: 'x', grants: [], everyone: true }, ['everyone']),
      {
        name: 'name already taken',
        payload: { name: 'public', purpose: 'again', grants: ['counts'] },
        status: 409,
        code: 'conflict',
        mentions: ['public'],
      },
    ],
  },
  'PATCH /api/disclosure-profiles/:name': {
    as: 'coordinator',
    path: () => '/api/disclosure-profiles/public',
    cases: (c) => [
      field('nothing to change', {}, []),
      field('grants not a list', { grants: 'names' }, ['grants']),
      field('minCell too large', { minCell: 101 }, ['minCell']),
      {
        name: 'a profile that does not exist',
        path: '/api/disclosure-profiles/nobody',
        payload: { minCell: 3 },
        status: 404,
        code: 'not_found',
        mentions: ['nobody'],
      },
      {
        name: 'a profile name that is not one',
        path: `/api/disclosure-profiles/${c.unknownId}`,
        payload: { minCell: 3 },
        status: 404,
        code: 'not_found',
      },
    ],
  },
  'PUT /api/parties/:id/disclosure-profile': {
    as: 'coordinator',
    path: (c) => `/api/parties/${c.partyId}/disclosure-profile`,
    cases: (c) => [
      field('profile missing', {}, ['profile']),
      field('profile empty', { profile: '' }, ['profile']),
      {
        name: 'a profile that does not exist',
        payload: { profile: 'nobody' },
        status: 422,
        code: 'unknown_reference',
        mentions: ['profile', 'nobody'],
      },
      {
        name: 'a party that does not exist',
        path: `/api/parties/${c.unknownId}/disclosure-profile`,
        payload: { profile: 'public' },
        status: 404,
        code: 'not_found',
      },
    ],
  },
};
