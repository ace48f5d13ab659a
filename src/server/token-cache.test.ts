import { describe, expect, it } from 'vitest';
import type { User } from '../store/repos/users.ts';
import { TokenCache } from './token-cache.ts';

const user: User = {
  id: '01900000-0000-7000-8000-000000000001',
  username: 'field-1',
  role: 'field',
  disabled: false,
  createdAt: '2022-05-06T08:00:00.000Z',
};

function cacheWithClock(ttlMs = 2000) {
  const clock = { now: 1_000_000 };
  return { clock, cache: new TokenCache(ttlMs, () => clock.now) };
}

describe('TokenCache', () => {
  it('answers for a verified token until its time is up, then asks again', () => {
    const { clock, cache } = cacheWithClock();
    cache.set('hash', user, cache.mark());
    expect(cache.get('hash')).toEqual(user);
    clock.now += 1999;
    expect(cache.get('hash')).toEqual(user);
    clock.now += 1;
    expect(cache.get('hash')).toBeUndefined();
  });

  it('knows nothing of tokens it was not given', () => {
    const { cache } = cacheWithClock();
    cache.set('hash', user, cache.mark());
    expect(cache.get('other')).toBeUndefined();
  });

  it('forgets everything when cleared', () => {
    const { cache } = cacheWithClock();
    cache.set('hash', user, cache.mark());
    cache.clear();
    expect(cache.get('hash')).toBeUndefined();
  });

  it('ignores a lookup that started before a clear (it may have read the old rights)', () => {
    const { cache } = cacheWithClock();
    const mark = cache.mark();
    cache.clear();
    cache.set('hash', user, mark);
    expect(cache.get('hash')).toBeUndefined();
    cache.set('hash', user, cache.mark());
    expect(cache.get('hash')).toEqual(user);
  });
});
