import type { CheckContext } from '../events/check.ts';
import type { SiteFile } from '../format.ts';

/** The rules of the crews section that a schema cannot say: where each crew is, unique names. */
export function rescueProblems(file: SiteFile, ctx: CheckContext): void {
  const names = new Map<string, number>();
  (file.crews ?? []).forEach((crew, i) => {
    const at = `$.crews[${i}]`;
    ctx.claimId(crew.id, `${at}.id`);
    if (!ctx.pointKind(crew.positionId))
      ctx.add(`${at}.positionId`, `refers to ${crew.positionId}, which is not in $.points`);
    ctx.checkTime(crew.shiftStartedAt, `${at}.shiftStartedAt`);
    const first = names.get(crew.name);
    if (first !== undefined)
      ctx.add(`${at}.name`, `duplicate crew name ${crew.name}, first used at $.crews[${first}]`);
    else names.set(crew.name, i);
  });
}
