import Type from 'typebox';
import {
  assignPartyProfile,
  createProfile,
  listProfiles,
  requireProfile,
  updateProfile,
} from '../../services/disclosure-profiles.ts';
import { actorOf } from '../auth.ts';
import { errorResponses, IdParams } from '../schemas/common.ts';
import {
  DisclosureProfile,
  PartyProfile,
  ProfileCreate,
  ProfileParams,
  ProfilePatch,
} from '../schemas/disclosure.ts';
import type { Api, RouteContext } from './context.ts';

export function disclosureProfileRoutes(api: Api, { db }: RouteContext): void {
  const tags = ['disclosure'];

  api.get(
    '/api/disclosure-profiles',
    {
      config: { permission: 'disclosure:read' },
      schema: {
        tags,
        summary: 'The information-sharing profiles: what each party may receive',
        response: { 200: Type.Array(DisclosureProfile), ...errorResponses },
      },
    },
    async () => listProfiles(db),
  );

  api.get(
    '/api/disclosure-profiles/:name',
    {
      config: { permission: 'disclosure:read' },
      schema: {
        tags,
        summary: 'One profile',
        params: ProfileParams,
        response: { 200: DisclosureProfile, ...errorResponses },
      },
    },
    async (request) => requireProfile(db, request.params.name),
  );

  api.post(
    '/api/disclosure-profiles',
    {
      config: { permission: 'disclosure:manage' },
      schema: {
        tags,
        summary: 'Add a profile',
        body: ProfileCreate,
        response: { 201: DisclosureProfile, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await createProfile(db, actorOf(request), request.body)),
  );

  api.patch(
    '/api/disclosure-profiles/:name',
    {
      config: { permission: 'disclosure:manage' },
      schema: {
        tags,
        summary:
          'Change what a profile allows (later exports follow it; earlier ones keep what they recorded)',
        params: ProfileParams,
        body: ProfilePatch,
        response: { 200: DisclosureProfile, ...errorResponses },
      },
    },
    async (request) => updateProfile(db, actorOf(request), request.params.name, request.body),
  );

  api.put(
    '/api/parties/:id/disclosure-profile',
    {
      config: { permission: 'disclosure:manage' },
      schema: {
        tags,
        summary:
          "The profile a party's convoy notifications are checked against (null: parties-to-the-conflict)",
        params: IdParams,
        body: PartyProfile,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await assignPartyProfile(db, actorOf(request), request.params.id, request.body.profile);
      return reply.status(204).send(null);
    },
  );
}
