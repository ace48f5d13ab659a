import type { FileCrew } from '../../src/scenario/rescue/records.ts';
import { scenarioId } from './ids.ts';

// Hand crews. Public record says only that heavy equipment could not be used and the rubble had to
// be cleared by hand; the crews below — who they are, how many, where they stand, their shifts —
// are invented. Two work from the western tunnels, which are joined to the gates; one is made of
// steelworkers sheltering in the eastern galleries, which rubble cuts off from every gate.

const point = (code: string) => scenarioId(`point:${code}`);

export const crews: FileCrew[] = [
  {
    id: scenarioId('crew:north'),
    name: 'Crew 1 (north)',
    size: 6,
    positionId: point('J02'),
    hoursPerShift: 8,
    restHours: 4,
    shiftStartedAt: '2022-05-06T05:00:00.000Z',
    status: 'active',
    note: 'Invented: volunteers with crowbars, jacks and a hand winch, working from the coke works junction.',
  },
  {
    id: scenarioId('crew:south'),
    name: 'Crew 2 (south)',
    size: 8,
    positionId: point('J11'),
    hoursPerShift: 6,
    restHours: 6,
    shiftStartedAt: '2022-05-06T03:00:00.000Z',
    status: 'active',
    note: 'Invented: the plate mill’s maintenance team, with cutting torches for steel plates.',
  },
  {
    id: scenarioId('crew:east'),
    name: 'Crew 3 (east)',
    size: 5,
    positionId: point('J08'),
    hoursPerShift: 8,
    restHours: 8,
    shiftStartedAt: '2022-05-06T05:00:00.000Z',
    status: 'active',
    note: 'Invented: steelworkers sheltering in the eastern galleries, with shovels and a few hand tools.',
  },
];
