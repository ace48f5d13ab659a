import type { TestApp } from './app.ts';
import { call, type Fixtures } from './fixtures.ts';

export interface MergeFixtures {
  mergeId: string;
  survivorId: string;
  /** Merged into the survivor. */
  absorbedId: string;
}

/** One man registered twice, in Cyrillic and in Latin letters, and the merge of the two. */
export async function seedMerge(t: TestApp, f: Fixtures): Promise<MergeFixtures> {
  const register = async (names: Array<{ family: string; given: string }>) =>
    (
      await call<{ id: string }>(
        t,
        'field',
        'POST',
        '/api/people',
        { siteId: f.siteId, names, sex: 'male', birthYear: 1966 },
        201,
      )
    ).id;
  const survivorId = await register([{ family: 'Мороз', given: 'Василь' }]);
  const absorbedId = await register([{ family: 'Moroz', given: 'Vasyl' }]);
  const merge = await call<{ id: string }>(
    t,
    'coordinator',
    'POST',
    '/api/merges',
    { survivorId, absorbedId },
    201,
  );
  return { mergeId: merge.id, survivorId, absorbedId };
}
