import { newId } from '../../../src/domain/ids.ts';
import type { WriteRoute } from './cases.ts';

/** Whole site files. */
export const importRoutes: Record<string, WriteRoute> = {
  'POST /api/import': {
    as: 'coordinator',
    readsFile: true,
    path: () => '/api/import',
    cases: (c) => {
      const file = {
        format: 'corridor-site',
        formatVersion: 1,
        site: { id: newId(), name: 'Imported', timeZone: 'Europe/Kyiv' },
        points: [{ id: newId(), kind: 'exit', code: 'E1' }],
        passages: [],
        households: [],
        people: [],
        headcounts: [],
      };
      return [
        {
          name: 'not a site file',
          payload: { hello: 'world' },
          status: 400,
          code: 'validation_failed',
          mentions: ['format'],
        },
        {
          name: 'a point of another site',
          payload: { ...file, points: [{ id: c.exitId, kind: 'exit', code: 'E1' }] },
          status: 400,
          code: 'validation_failed',
          mentions: ['points'],
        },
        {
          name: 'a person in an unknown shelter',
          payload: {
            ...file,
            people: [
              { id: newId(), names: [{ family: 'A', given: 'B' }], sex: 'female', shelterId: c.unknownId },
            ],
          },
          status: 400,
          code: 'validation_failed',
          mentions: ['people'],
        },
        {
          name: 'a body that is not JSON text',
          raw: 'format=corridor-site',
          contentType: 'application/x-www-form-urlencoded',
          status: 415,
          code: 'unsupported_media_type',
        },
      ];
    },
  },
};
