import type { FastifyRequest } from 'fastify';
import { seesPersons } from '../domain/roles.ts';
import type { Passage, SitePoint } from '../domain/site.ts';

// Observers see the shape of the site but no one's name: a shelter's supervisor and the person who
// reported a passage are names.
export function pointFor(request: FastifyRequest, point: SitePoint): SitePoint {
  if (request.user && seesPersons(request.user.role)) return point;
  const { supervisor: _, ...rest } = point;
  return rest as SitePoint;
}

export function passageFor(request: FastifyRequest, passage: Passage): Passage {
  if (request.user && seesPersons(request.user.role)) return passage;
  const { stateReportedBy: _, ...rest } = passage;
  return rest as Passage;
}
