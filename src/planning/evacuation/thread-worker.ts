// Runs one planning request in its own thread; thread.ts owns the thread and its hard deadline.
import { parentPort, workerData } from 'node:worker_threads';
import { CorridorError } from '../../domain/errors.ts';
import { planEvacuation } from './plan.ts';
import { replanEvacuation } from './replan.ts';
import type { PlannerAnswer, PlannerRequest } from './thread-protocol.ts';

const request = (workerData as { request: PlannerRequest }).request;

async function answer(): Promise<PlannerAnswer> {
  try {
    if (request.kind === 'plan')
      return { ok: true, plan: await planEvacuation(request.input, request.options) };
    const { plan, ...replanned } = await replanEvacuation(request.previous, request.changes, request.options);
    return { ok: true, plan, replanned };
  } catch (error) {
    if (error instanceof CorridorError)
      return { ok: false, error: { code: error.code, message: error.message, details: error.details } };
    return { ok: false, error: { code: 'internal_error', message: (error as Error).message } };
  }
}

parentPort!.postMessage(await answer());
