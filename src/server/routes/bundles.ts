import { enrolDevice, importBundle } from '../../services/bundles.ts';
import type { BundleFile as BundleFileType } from '../../sync/bundle.ts';
import { actorOf, currentUser } from '../auth.ts';
import { BundleFile, BundleImport, EnrolBody, Enrolment } from '../schemas/bundles.ts';
import { errorResponses } from '../schemas/common.ts';
import type { Api, RouteContext } from './context.ts';

// Bundles (docs/bundles.md): a field device enrols once while online; later a bundle of its
// operations, carried out of the site on a stick, is imported here by whoever brought it.

export function bundleRoutes(api: Api, { db }: RouteContext): void {
  const tags = ['sync'];

  api.post(
    '/api/sync/devices',
    {
      config: { permission: 'sync:push' },
      schema: {
        tags,
        summary:
          'Enrol a device for bundles: binds it to the account, stores its Ed25519 public key and issues the AES-256-GCM key its bundles are sealed with. A repeat with the same key gets the same answer (200)',
        body: EnrolBody,
        response: { 200: Enrolment, 201: Enrolment, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { enrolment, created } = await enrolDevice(
        db,
        { ...actorOf(request), userId: user.id },
        request.body,
      );
      return reply.code(created ? 201 : 200).send(enrolment);
    },
  );

  api.post(
    '/api/sync/bundles',
    {
      config: { permission: 'sync:push' },
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        tags,
        summary:
          "Import a corridor-bundle/1 file: verified with the enrolled device's key and decrypted whole before anything is written, then applied as the device's push (each operation once). A bundle altered in any byte is refused",
        body: BundleFile,
        response: { 200: BundleImport, ...errorResponses },
      },
    },
    async (request) => importBundle(db, actorOf(request), request.body as BundleFileType),
  );
}
