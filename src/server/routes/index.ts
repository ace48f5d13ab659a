import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { alertRoutes } from './alerts.ts';
import { auditRoutes } from './audit.ts';
import { boardingRoutes } from './boarding.ts';
import { bundleRoutes } from './bundles.ts';
import { childCaseRoutes } from './child-cases.ts';
import { claimRoutes } from './claims.ts';
import type { RouteContext } from './context.ts';
import { convoyRoutes } from './convoys.ts';
import { disclosureProfileRoutes } from './disclosure-profiles.ts';
import { exportRoutes } from './exports.ts';
import { headcountRoutes } from './headcounts.ts';
import { householdRoutes } from './households.ts';
import { interchangeRoutes } from './interchange.ts';
import { logisticsRoutes } from './logistics.ts';
import { mergeRoutes } from './merges.ts';
import { pauseRoutes } from './pauses.ts';
import { peopleRoutes } from './people.ts';
import { pfifRoutes } from './pfif.ts';
import { planRoutes } from './plans.ts';
import { receptionRoutes } from './reception.ts';
import { rescueRoutes } from './rescue.ts';
import { roadRoutes } from './road.ts';
import { sessionRoutes } from './session.ts';
import { siteRoutes } from './sites.ts';
import { syncRoutes } from './sync.ts';
import { systemRoutes } from './system.ts';
import { tracingRoutes } from './tracing.ts';
import { userRoutes } from './users.ts';

export async function registerRoutes(app: FastifyInstance, context: RouteContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  for (const area of [
    systemRoutes,
    sessionRoutes,
    userRoutes,
    siteRoutes,
    peopleRoutes,
    householdRoutes,
    headcountRoutes,
    interchangeRoutes,
    pauseRoutes,
    claimRoutes,
    logisticsRoutes,
    planRoutes,
    rescueRoutes,
    convoyRoutes,
    receptionRoutes,
    alertRoutes,
    boardingRoutes,
    roadRoutes,
    tracingRoutes,
    childCaseRoutes,
    mergeRoutes,
    pfifRoutes,
    auditRoutes,
    disclosureProfileRoutes,
    exportRoutes,
    syncRoutes,
    bundleRoutes,
  ])
    area(api, context);
}
