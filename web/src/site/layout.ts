import type { Passage, SitePoint } from '../api/types.ts';

export interface Placed extends SitePoint {
  px: number;
  py: number;
}

export interface Layout {
  width: number;
  height: number;
  points: Map<string, Placed>;
  passages: Array<Passage & { a: Placed; b: Placed }>;
}

const margin = 120;

/**
 * Site coordinates (metres east and north) to diagram coordinates (north up). Points without a
 * position, and passages that touch one, are left out of the drawing.
 */
export function layout(points: SitePoint[], passages: Passage[]): Layout {
  const located = points.filter((p) => p.x !== null && p.y !== null);
  const xs = located.map((p) => p.x as number);
  const ys = located.map((p) => p.y as number);
  const minX = Math.min(...xs, 0);
  const maxX = Math.max(...xs, 1);
  const minY = Math.min(...ys, 0);
  const maxY = Math.max(...ys, 1);
  const placed = new Map<string, Placed>(
    located.map((p) => [
      p.id,
      { ...p, px: (p.x as number) - minX + margin, py: maxY - (p.y as number) + margin },
    ]),
  );
  const drawn = passages.flatMap((passage) => {
    const a = placed.get(passage.from);
    const b = placed.get(passage.to);
    return a && b ? [{ ...passage, a, b }] : [];
  });
  return {
    width: maxX - minX + 2 * margin,
    height: maxY - minY + 2 * margin,
    points: placed,
    passages: drawn,
  };
}

/** A shelter's radius grows with the square root of its occupancy, so that area tracks people. */
export function shelterRadius(count: number, largest: number, scale: number): number {
  const smallest = 40 * scale;
  const biggest = 120 * scale;
  if (largest <= 0) return smallest;
  return smallest + (biggest - smallest) * Math.sqrt(count / largest);
}
