import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compare, defaultThreshold, transliterate } from '../src/matching/index.ts';
import { render, tsvPath } from './data/name-pairs.build.ts';
import { loadNamePairs, referenceYear } from './data/name-pairs.load.ts';
import { familyNames, givenNames } from './data/name-pairs.names.ts';

describe('the labelled name-pair set', () => {
  const pairs = loadNamePairs();

  it('is what name-pairs.build.ts writes', () => {
    // If this fails, run `npx tsx test/data/name-pairs.build.ts` and commit name-pairs.tsv.
    expect(readFileSync(tsvPath, 'utf8')).toBe(render());
  });

  it('holds at least 500 pairs, matches and different people of every kind', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(500);
    const kinds = (match: boolean) => new Set(pairs.filter((p) => p.match === match).map((p) => p.kind));
    expect([...kinds(true)].sort()).toEqual(
      [
        'birth slip',
        'case form',
        'cross-script',
        'hand',
        'partial record',
        'patronymic form',
        'russian form',
        'spelling variant',
        'swapped',
        'typo',
      ].sort(),
    );
    expect([...kinds(false)].sort()).toEqual(
      [
        'hand',
        'look-alike family',
        'namesakes',
        'parent and child',
        'same family name',
        'same given name',
        'siblings',
        'spouses',
        'twins',
      ].sort(),
    );
    expect(pairs.filter((p) => !p.match).length).toBeGreaterThanOrEqual(250);
  });

  it('spells every name by the national system as the transliterator does', () => {
    for (const name of givenNames) expect(transliterate(name.uk), name.uk).toBe(name.official);
    for (const name of familyNames) {
      expect(transliterate(name.uk[0]), name.uk[0]).toBe(name.official[0]);
      expect(transliterate(name.uk[1]), name.uk[1]).toBe(name.official[1]);
    }
  });

  it(`is told apart with precision ≥ 0.98 and recall ≥ 0.95 at the default threshold (${defaultThreshold})`, () => {
    let found = 0;
    let wrong = 0;
    let missed = 0;
    for (const pair of pairs) {
      const { match } = compare(pair.a, pair.b, { referenceYear });
      if (match && pair.match) found++;
      else if (match) wrong++;
      else if (pair.match) missed++;
    }
    const precision = found / (found + wrong);
    const recall = found / (found + missed);
    expect(precision).toBeGreaterThanOrEqual(0.98);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});
