import type { RescueAnswer } from './api.ts';

// How the site diagram colours a shelter by when its people can reach an exit: soon, within a day,
// within three days, later, or not at all. Each band also has a text label on the diagram and in
// the legend, so colour is never the only way to tell them apart.

export const reachBands = ['now', 'day', 'days', 'later', 'none'] as const;
export type ReachBand = (typeof reachBands)[number];

const hour = 3_600_000;

/** The band of a shelter reachable from `reachableAt` (null: it cannot be reached), seen at `at`. */
export function reachBand(reachableAt: string | null, at: string): ReachBand {
  if (reachableAt === null) return 'none';
  const hours = (Date.parse(reachableAt) - Date.parse(at)) / hour;
  // A shelter reachable at the answer's own instant (through open passages) is reachable now.
  if (hours <= 0) return 'now';
  if (hours <= 24) return 'day';
  if (hours <= 72) return 'days';
  return 'later';
}

export interface ShelterMark {
  reachableAt: string | null;
  reason: string | null;
  band: ReachBand;
  /** No clearing can reach it (the reason starts with "cut off:"), as against not reached by this plan. */
  cutOff: boolean;
}

export interface PassageMark {
  /** Share cleared so far, 0–100. */
  percent: number;
  /** The end the crew clears from: the cleared share is drawn from there. */
  fromPointId: string | null;
  crewName: string | null;
  /** When the crew is to finish it. */
  endAt: string | null;
}

/** What a rescue answer adds to the site diagram. */
export interface RescueOverlay {
  at: string;
  shelters: Map<string, ShelterMark>;
  passages: Map<string, PassageMark>;
}

/**
 * The diagram's marks from a rescue answer: each occupied shelter's band, and each passage to clear
 * with its share done. The share is the latest report on it when reports are given (they may be
 * newer than the answer, if a re-plan failed), else what the answer's crew started from.
 */
export function rescueOverlay(
  answer: RescueAnswer,
  reports: ReadonlyArray<{ passageId: string; percent: number; at: string }> = [],
): RescueOverlay {
  const shelters = new Map<string, ShelterMark>(
    answer.shelters.map((s) => [
      s.id,
      {
        reachableAt: s.reachableAt,
        reason: s.reason,
        band: reachBand(s.reachableAt, answer.at),
        cutOff: s.reason?.startsWith('cut off:') ?? false,
      },
    ]),
  );
  const latest = new Map<string, { percent: number; at: string }>();
  for (const report of reports) {
    const known = latest.get(report.passageId);
    if (!known || report.at >= known.at) latest.set(report.passageId, report);
  }
  const passages = new Map<string, PassageMark>();
  for (const p of answer.passagesToClear)
    passages.set(p.passageId, {
      percent: latest.get(p.passageId)?.percent ?? 0,
      fromPointId: null,
      crewName: null,
      endAt: null,
    });
  for (const crew of answer.crews)
    for (const task of crew.tasks) {
      const mark = passages.get(task.passageId);
      if (!mark) continue;
      mark.percent = latest.get(task.passageId)?.percent ?? task.percentDoneAtStart;
      mark.fromPointId = task.enterAt.id;
      mark.crewName = crew.name;
      mark.endAt = task.endAt;
    }
  return { at: answer.at, shelters, passages };
}
