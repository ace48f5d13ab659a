import { CorridorError } from '../../domain/errors.ts';
import { wallClock } from '../../domain/time.ts';
import { findCrewNamed, findPassageNamed } from '../../services/rescue-lookup.ts';
import { acceptRescuePlan, createRescuePlan, requireRescuePlan } from '../../services/rescue-plans.ts';
import { reportProgress } from '../../services/rescue-progress.ts';
import { type ResultView, rescuePlanView } from '../../services/rescue-view.ts';
import type { Database } from '../../store/database.ts';
import { findSite, listSites } from '../../store/repos/sites.ts';
import { type Command, requireOption } from '../args.ts';
import type { CliContext } from '../context.ts';
import { dataDirOption, withStore } from '../store.ts';
import { cliActor } from './users.ts';

// `corridor rescue plan | accept | progress`: the rescue planner on the site in the database,
// through the same services as the API. Times are shown in the site's time zone; --json prints
// what the API answers.

type Values = Record<string, string | boolean | undefined>;
type PlanView = Awaited<ReturnType<typeof rescuePlanView>>;

const json = { json: { type: 'boolean', description: 'print the plan as the API gives it (JSON)' } } as const;

function positiveNumber(values: Values, name: string, what: string): number | undefined {
  const text = values[name];
  if (typeof text !== 'string') return undefined;
  const value = Number(text);
  if (!(Number.isFinite(value) && value > 0))
    throw new CorridorError('bad_request', `--${name} must be a positive number of ${what}, not ${text}`);
  return value;
}

async function chooseSite(db: Database, values: Values): Promise<string> {
  if (typeof values.site === 'string') return values.site;
  const sites = await listSites(db);
  if (sites.length === 1) return sites[0]!.id;
  throw new CorridorError(
    'bad_request',
    sites.length === 0
      ? 'there is no site to plan'
      : `choose a site with --site (${sites.map((s) => `${s.id} ${s.name}`).join('; ')})`,
  );
}

const onePlanId = (positionals: string[]): string => {
  if (positionals.length !== 1) throw new CorridorError('bad_request', 'give exactly one PLAN_ID');
  return positionals[0]!;
};

function describe(view: ResultView, zone: string): string[] {
  const local = (iso: string) => wallClock(new Date(iso), zone).slice(0, 16).replace('T', ' ');
  const { effort } = view;
  const lines = [
    `Least effort: ${round(effort.personHours)} person-hours (lower bound ${round(effort.lowerBound)}, gap ${round(100 * effort.gap)} %${effort.optimal ? ', optimal' : ''})`,
    `Passages to clear (${view.passagesToClear.length}):`,
    ...view.passagesToClear.map(
      (p) =>
        `  ${p.code.padEnd(12)} ${String(round(p.personHours)).padStart(7)} person-hours  for ${p.shelters.map((s) => s.code).join(', ') || 'no shelter'}`,
    ),
    'Crews:',
    ...view.crews.flatMap((c) => [
      `  ${c.name}${c.tasks.length === 0 ? ': nothing to do' : ''}`,
      ...c.tasks.map(
        (t) =>
          `    ${t.code.padEnd(12)} ${local(t.startAt)} → ${local(t.endAt)}  from ${t.enterAt.code}${t.percentDoneAtStart > 0 ? ` (${round(t.percentDoneAtStart)} % done)` : ''}`,
      ),
    ]),
    `Shelters (times in ${zone}):`,
    ...[...view.shelters]
      .sort((a, b) => (a.code < b.code ? -1 : 1))
      .map((s) =>
        s.reachableAt
          ? `  ${s.code.padEnd(6)} reachable ${local(s.reachableAt)}${s.needs.length ? `  after ${s.needs.map((n) => n.code).join(', ')}` : ''}`
          : `  ${s.code.padEnd(6)} cannot be reached: ${s.reason}`,
      ),
  ];
  for (const warning of view.warnings) lines.push(`Warning: ${warning}`);
  return lines;
}

const round = (x: number) => Math.round(x * 100) / 100;

async function print(
  cli: CliContext,
  db: Database,
  view: PlanView,
  values: Values,
  heading: string[],
): Promise<void> {
  if (values.json) {
    cli.stdout.write(`${JSON.stringify(view)}\n`);
    return;
  }
  const zone = (await findSite(db, view.siteId))?.timeZone ?? 'UTC';
  const current = view.estimate ?? view.result;
  cli.stdout.write(`${[...heading, ...describe(current, zone)].join('\n')}\n`);
}

export const rescuePlanCommand: Command = {
  name: 'rescue plan',
  summary: 'plan the rescue of a site: which passages to clear, by which crew, when (stored as a draft)',
  usage: 'corridor rescue plan [--site ID] [--time-limit SECONDS] [--json] [--data-dir DIR]',
  options: {
    ...dataDirOption,
    site: { type: 'string', placeholder: 'ID', description: 'the site (required when there are several)' },
    'time-limit': { type: 'string', placeholder: 'SECONDS', description: 'planning time (default 5)' },
    ...json,
  },
  async run(values, _positionals, cli) {
    const timeLimitSeconds = positiveNumber(values, 'time-limit', 'seconds');
    await withStore(cli, values, async (db) => {
      const siteId = await chooseSite(db, values);
      const plan = await createRescuePlan(db, cliActor, siteId, { timeLimitSeconds });
      const view = await rescuePlanView(db, plan);
      await print(cli, db, view, values, [
        `Rescue plan ${plan.id} (draft), from ${plan.planStart}`,
        ...(plan.basedOn ? [`Crews already on a passage stay on it (accepted plan ${plan.basedOn}).`] : []),
      ]);
      if (!values.json) cli.stdout.write(`Accept it with: corridor rescue accept ${plan.id}\n`);
    });
    return 0;
  },
};

export const rescueAcceptCommand: Command = {
  name: 'rescue accept',
  summary: 'accept a draft rescue plan (the accepted one it replaces is superseded)',
  usage: 'corridor rescue accept PLAN_ID [--json] [--data-dir DIR]',
  positionals: 'PLAN_ID',
  options: { ...dataDirOption, ...json },
  async run(values, positionals, cli) {
    const id = onePlanId(positionals);
    await withStore(cli, values, async (db) => {
      const accepted = await acceptRescuePlan(db, cliActor, id);
      const view = await rescuePlanView(db, accepted.plan);
      await print(cli, db, view, values, [
        `Accepted rescue plan ${id}${accepted.supersededPlanId ? `; plan ${accepted.supersededPlanId} is superseded` : ''}.`,
      ]);
    });
    return 0;
  },
};

export const rescueProgressCommand: Command = {
  name: 'rescue progress',
  summary: 'record a crew’s progress on a passage of the accepted plan and re-plan ("crew 2 cleared 40 %")',
  usage:
    'corridor rescue progress PLAN_ID --crew ID_OR_NAME --passage CODE_OR_ID --percent N [--note TEXT] [--json] [--data-dir DIR]',
  positionals: 'PLAN_ID',
  options: {
    ...dataDirOption,
    crew: { type: 'string', placeholder: 'ID_OR_NAME', description: 'the crew, by id or name' },
    passage: {
      type: 'string',
      placeholder: 'CODE_OR_ID',
      description: 'the passage, by the codes of its two ends (S06-J03) or its id',
    },
    percent: { type: 'string', placeholder: 'N', description: 'share of the passage cleared so far, 0–100' },
    note: { type: 'string', placeholder: 'TEXT', description: 'what the crew reports' },
    ...json,
  },
  async run(values, positionals, cli) {
    const id = onePlanId(positionals);
    const percentText = requireOption(values, 'percent');
    const percent = Number(percentText.replace(/\s*%$/, ''));
    if (!(Number.isFinite(percent) && percent >= 0 && percent <= 100))
      throw new CorridorError('bad_request', `--percent must be a number from 0 to 100, not ${percentText}`);
    const crewName = requireOption(values, 'crew');
    const passageName = requireOption(values, 'passage');
    await withStore(cli, values, async (db) => {
      const plan = await requireRescuePlan(db, id);
      const crew = await findCrewNamed(db, plan.siteId, crewName);
      const passageId = await findPassageNamed(db, plan.siteId, passageName);
      const recorded = await reportProgress(db, cliActor, id, {
        crewId: crew.id,
        passageId,
        percent,
        note: typeof values.note === 'string' ? values.note : undefined,
      });
      const view = await rescuePlanView(db, recorded.plan);
      const progress = view.progress.find((p) => p.id === recorded.progress.id)!;
      if (values.json) {
        // What POST /api/rescue-plans/:id/progress answers.
        cli.stdout.write(
          `${JSON.stringify({ progress, passageOpened: recorded.passageOpened, replanProblem: recorded.replanProblem, plan: view })}\n`,
        );
        return;
      }
      const code = progress.passageCode;
      await print(cli, db, view, values, [
        `Recorded: ${crew.name} has cleared ${percent} % of ${code}.${recorded.passageOpened ? ` ${code} is open now.` : ''}`,
        recorded.replanProblem
          ? `The estimates could not be brought up to date: ${recorded.replanProblem}. Estimates as they were:`
          : 'Estimates now:',
      ]);
    });
    return 0;
  },
};
