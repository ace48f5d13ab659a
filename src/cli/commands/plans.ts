import { CorridorError } from '../../domain/errors.ts';
import { acceptPlan } from '../../services/plan-accept.ts';
import { type PlanView, planView } from '../../services/plan-view.ts';
import { createPlan, requirePlan } from '../../services/plans.ts';
import { listSites } from '../../store/repos/sites.ts';
import type { Command } from '../args.ts';
import { recordCliRead } from '../audit-read.ts';
import { dataDirOption, withStore } from '../store.ts';
import { cliActor } from './users.ts';

const shortTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}Z`;
const hhmm = (iso: string) => iso.slice(11, 16);

/** A plan in a few lines a coordinator reads at a terminal: numbers, trips, who is left out and why. */
function summary(plan: PlanView): string {
  const percent = (plan.bound.gap * 100).toFixed(plan.bound.gap < 0.01 ? 2 : 1);
  const lines = [
    `evacuation plan ${plan.id} (${plan.status}), starting ${shortTime(plan.planStart)}`,
    `${plan.counts.planned} of ${plan.counts.ready} ready people planned on ${plan.counts.trips} trips with ${plan.counts.vehiclesUsed} vehicles; ` +
      `priority weight ${plan.value.weightedEvacuated} of at most ${Math.round(plan.bound.upperBound * 100) / 100} (gap ${percent} %${plan.optimal ? ', optimal' : ''}; ${plan.seconds.toFixed(1)} s)`,
  ];
  if (plan.trips.length > 0) lines.push('trips:');
  for (const t of plan.trips)
    lines.push(
      `  ${t.vehicle.label} · ${t.window.name} · leaves ${shortTime(t.departure)} · ${t.pickupPoint.name} ${hhmm(t.atPickup)} · ` +
        `${t.screeningPoint.name} ${hhmm(t.leaveZone)} · ${t.receptionPoint.name} ${shortTime(t.arrival)} · ${t.people} people` +
        (t.stretcherPlacesUsed ? `, ${t.stretcherPlacesUsed} on stretchers` : '') +
        (t.wheelchairPlacesUsed ? `, ${t.wheelchairPlacesUsed} in wheelchairs` : ''),
    );
  if (plan.leftOut.length > 0) lines.push('left out:');
  for (const g of plan.leftOut)
    lines.push(
      `  ${g.people.length} ${g.people.length === 1 ? 'person' : 'people'} from ${[...new Set(g.people.map((p) => p.shelterCode ?? '?'))].join(', ')}: ${g.reason} — ${g.explanation}`,
    );
  for (const w of plan.windowsLeftOut) lines.push(`window not used: ${w.name} (${w.reason})`);
  for (const warning of plan.warnings) lines.push(`warning: ${warning}`);
  if (plan.moved) lines.push(`moved from the earlier plan: ${plan.moved.people} people`);
  return `${lines.join('\n')}\n`;
}

function planIdOf(positionals: string[]): string {
  const id = positionals[0];
  if (!id || positionals.length > 1) throw new CorridorError('bad_request', 'give exactly one PLAN_ID');
  return id;
}

export const planEvacuationCommand: Command = {
  name: 'plan evacuation',
  summary: 'plan the evacuation of the ready people and store it as a draft',
  usage: 'corridor plan evacuation [--site ID] [--time-limit SECONDS] [--at T] [--json] [--data-dir DIR]',
  options: {
    ...dataDirOption,
    site: { type: 'string', placeholder: 'ID', description: 'the site (required when there are several)' },
    'time-limit': {
      type: 'string',
      placeholder: 'SECONDS',
      description: 'seconds the planner may take (default 10, or env CORRIDOR_PLAN_TIME_LIMIT)',
    },
    at: {
      type: 'string',
      placeholder: 'T',
      description: "the plan's start, ISO 8601 (default now); pause windows are judged as they stand then",
    },
    json: { type: 'boolean', description: 'print the whole plan as JSON' },
  },
  async run(values, _positionals, cli) {
    const limit = values['time-limit'] === undefined ? undefined : Number(values['time-limit']);
    if (limit !== undefined && !(Number.isFinite(limit) && limit > 0 && limit <= 600))
      throw new CorridorError('bad_request', '--time-limit is a number of seconds above 0, at most 600');
    const at = typeof values.at === 'string' ? values.at : undefined;
    if (at !== undefined && Number.isNaN(Date.parse(at)))
      throw new CorridorError('bad_request', `--at ${at} is not a date-time (e.g. 2022-05-06T00:00Z)`);
    await withStore(cli, values, async (db) => {
      let siteId = typeof values.site === 'string' ? values.site : undefined;
      if (!siteId) {
        const sites = await listSites(db);
        if (sites.length !== 1)
          throw new CorridorError(
            'bad_request',
            sites.length === 0
              ? 'there is no site to plan for'
              : `there are ${sites.length} sites; choose one with --site (${sites.map((s) => s.id).join(', ')})`,
          );
        siteId = sites[0]!.id;
      }
      const plan = await createPlan(db, cliActor, siteId, {
        timeLimitSeconds: limit,
        at: at ? new Date(at).toISOString() : undefined,
      });
      const view = await planView(db, plan, true);
      cli.stdout.write(values.json ? `${JSON.stringify(view)}\n` : summary(view));
    });
    return 0;
  },
};

export const planAcceptCommand: Command = {
  name: 'plan accept',
  summary: 'accept a draft evacuation plan: its people become assigned, the earlier plan is superseded',
  usage: 'corridor plan accept PLAN_ID [--data-dir DIR]',
  positionals: 'PLAN_ID',
  options: { ...dataDirOption },
  async run(values, positionals, cli) {
    const id = planIdOf(positionals);
    await withStore(cli, values, async (db) => {
      const accepted = await acceptPlan(db, cliActor, id);
      cli.stdout.write(
        `accepted evacuation plan ${id}: ${accepted.assigned.length} people assigned` +
          (accepted.returnedToReady.length ? `, ${accepted.returnedToReady.length} back to ready` : '') +
          (accepted.supersededPlanId ? `; supersedes ${accepted.supersededPlanId}` : '') +
          '\n',
      );
    });
    return 0;
  },
};

export const planShowCommand: Command = {
  name: 'plan show',
  summary: 'show an evacuation plan: trips, people left out and why, value, bound and gap',
  usage: 'corridor plan show PLAN_ID [--json] [--data-dir DIR]',
  positionals: 'PLAN_ID',
  options: { ...dataDirOption, json: { type: 'boolean', description: 'print the whole plan as JSON' } },
  async run(values, positionals, cli) {
    const id = planIdOf(positionals);
    await withStore(cli, values, async (db) => {
      const view = await planView(db, await requirePlan(db, id), true);
      await recordCliRead(db, 'plan show', id);
      cli.stdout.write(values.json ? `${JSON.stringify(view)}\n` : summary(view));
    });
    return 0;
  },
};
