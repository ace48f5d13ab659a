import Type from 'typebox';
import { listCandidates } from '../../services/duplicates.ts';
import { dismissPair, mergePeople, unmerge } from '../../services/merges.ts';
import { requireSite } from '../../services/sites.ts';
import { listMerges } from '../../store/repos/merges.ts';
import { actorOf } from '../auth.ts';
import { errorResponses, IdParams, SiteParams } from '../schemas/common.ts';
import {
  CandidatePage,
  DismissalInput,
  DuplicatesQuery,
  Merge,
  MergeInput,
  MergePage,
  MergesQuery,
  UnmergeInput,
  UnmergeResult,
} from '../schemas/merges.ts';
import type { Api, RouteContext } from './context.ts';

export function mergeRoutes(api: Api, { db }: RouteContext): void {
  const tags = ['duplicates'];

  api.get(
    '/api/sites/:siteId/duplicates',
    {
      config: { permission: 'people:merge' },
      schema: {
        tags,
        summary: 'Candidate duplicates of the registry, best first, with what matched',
        params: SiteParams,
        querystring: DuplicatesQuery,
        response: { 200: CandidatePage, ...errorResponses },
      },
    },
    async (request) => listCandidates(db, request.params.siteId, request.query),
  );

  api.post(
    '/api/duplicates/dismissals',
    {
      config: { permission: 'people:merge' },
      schema: {
        tags,
        summary: 'Record that a proposed pair is two people: it is not proposed again',
        body: DismissalInput,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await dismissPair(db, actorOf(request), request.body);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/merges',
    {
      config: { permission: 'people:merge' },
      schema: {
        tags,
        summary: 'Merge a second registration of a person into the first; both histories are kept',
        body: MergeInput,
        response: { 201: Merge, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await mergePeople(db, actorOf(request), request.body)),
  );

  api.get(
    '/api/sites/:siteId/merges',
    {
      config: { permission: 'people:merge' },
      schema: {
        tags,
        summary: "A site's merges, newest first",
        params: SiteParams,
        querystring: MergesQuery,
        response: { 200: MergePage, ...errorResponses },
      },
    },
    async (request) => {
      await requireSite(db, request.params.siteId);
      return listMerges(db, { siteId: request.params.siteId, ...request.query });
    },
  );

  api.post(
    '/api/merges/:id/unmerge',
    {
      config: { permission: 'people:merge' },
      schema: {
        tags,
        summary:
          'Undo a merge: the absorbed registration comes back, the survivor loses what the merge gave it',
        params: IdParams,
        body: UnmergeInput,
        response: { 200: UnmergeResult, ...errorResponses },
      },
    },
    async (request) => unmerge(db, actorOf(request), request.params.id, request.body),
  );
}
