import { newId } from '../../../src/domain/ids.ts';
import { type Case, field, type WriteRoute } from './cases.ts';

// Bundles: an enrolment with a malformed key, and a bundle file that is not a corridor-bundle/1 file
// or comes from no enrolled device, change nothing. Altered bundles are test/bundles.test.ts's.

const base64url = (bytes: number) => 'A'.repeat(Math.ceil((bytes * 4) / 3));

export const bundlesRoutes: Record<string, WriteRoute> = {
  'POST /api/sync/devices': {
    as: 'field',
    path: () => '/api/sync/devices',
    cases: () => {
      const enrol = { deviceId: newId(), publicKey: base64url(32) };
      return [
        field('deviceId not a UUID', { ...enrol, deviceId: 'phone-1' }),
        field('publicKey missing', { deviceId: enrol.deviceId }),
        field('publicKey not base64url', { ...enrol, publicKey: 'a+b/' }),
        field('publicKey of 24 bytes', { ...enrol, publicKey: base64url(24) }),
      ];
    },
  },
  'POST /api/sync/bundles': {
    as: 'coordinator',
    path: () => '/api/sync/bundles',
    cases: (): Case[] => {
      const file = {
        format: 'corridor-bundle/1',
        deviceId: newId(),
        createdAt: '2022-05-06T09:00:00Z',
        opCount: 2,
        firstSeq: 1,
        lastSeq: 2,
        nonce: base64url(12),
        ciphertext: base64url(200),
        signature: base64url(64),
      };
      return [
        field('format of another version', { ...file, format: 'corridor-bundle/2' }),
        field('signature missing', { ...file, signature: undefined }),
        field('ciphertext not base64url', { ...file, ciphertext: '{"ops": []}' }),
        field('opCount of none', { ...file, opCount: 0 }),
        {
          name: 'a device that is not enrolled',
          payload: file,
          status: 422,
          code: 'unknown_reference',
          mentions: ['deviceId', file.deviceId, 'not enrolled'],
        },
      ];
    },
  },
};
