import { apiCall } from './plans.ts';
import type { Account } from './server.ts';

interface RescuePlanView {
  id: string;
  result: { crews: Array<{ crewId: string; tasks: Array<{ passageId: string }> }> };
}

/**
 * A rescue plan of the site as it stands, made and accepted through the API; with `percent`, the
 * first crew with a task reports that share of its first passage cleared (the plan re-plans).
 */
export async function acceptedRescuePlan(
  url: string,
  coordinator: Account,
  percent?: number,
): Promise<{ id: string }> {
  const [site] = (await apiCall<{ items: Array<{ id: string }> }>(url, coordinator, 'GET', '/api/sites'))
    .items;
  const plan = await apiCall<RescuePlanView>(
    url,
    coordinator,
    'POST',
    `/api/sites/${site!.id}/rescue-plans`,
    {
      timeLimitSeconds: 1,
    },
  );
  await apiCall(url, coordinator, 'POST', `/api/rescue-plans/${plan.id}/accept`);
  const crew = plan.result.crews.find((c) => c.tasks.length > 0);
  if (percent !== undefined && crew)
    await apiCall(url, coordinator, 'POST', `/api/rescue-plans/${plan.id}/progress`, {
      crewId: crew.crewId,
      passageId: crew.tasks[0]!.passageId,
      percent,
    });
  return { id: plan.id };
}
