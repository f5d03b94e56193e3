import { describe, expect, it } from 'vitest';
import { createCatalogueCache } from './catalogue-cache.js';

/** A cache over a version the test sets, a clock the test moves, and counts of what it asked. */
function setUp(options: { maxEntries?: number } = {}) {
  const state = { version: 1 as number | null, now: 0, versionReads: 0, loads: 0 };
  const cache = createCatalogueCache({
    readVersion: () => {
      state.versionReads++;
      return Promise.resolve(state.version);
    },
    now: () => state.now,
    recheckMs: 500,
    ...options,
  });
  const load = (value: string) => () => {
    state.loads++;
    return Promise.resolve({ value });
  };
  return { state, cache, load };
}

describe('the catalogue cache', () => {
  it("answers from memory, in tRPC's envelope with an ETag, until the version moves", async () => {
    const { state, cache, load } = setUp();
    const first = await cache.answer('services', load('a'));
    expect(first.envelope).toBe('{"result":{"data":{"value":"a"}}}');
    expect(first.etag).toMatch(/^"[\w-]{27}"$/);
    // Kept and recently checked: the answer itself, not a promise of it.
    expect(cache.answer('services', load('b'))).toBe(first);
    expect(state.loads).toBe(1);

    state.now = 499; // still within the recheck interval: no query at all
    expect((await cache.answer('services', load('b'))).data).toEqual({ value: 'a' });
    expect(state.versionReads).toBe(1);

    state.now = 500; // checked again; the version is the same, so the answer is kept
    expect((await cache.answer('services', load('b'))).data).toEqual({ value: 'a' });
    expect(state.versionReads).toBe(2);

    state.version = 2;
    state.now = 1000;
    const changed = await cache.answer('services', load('b'));
    expect(changed.data).toEqual({ value: 'b' });
    expect(changed.etag).not.toBe(first.etag);
  });

  it('checks the version before the next answer after a save on this replica', async () => {
    const { state, cache, load } = setUp();
    await cache.answer('clinic', load('a'));
    state.version = 2;
    cache.changedHere();
    expect((await cache.answer('clinic', load('b'))).data).toEqual({ value: 'b' });
    expect(state.versionReads).toBe(2);
  });

  it('shares one version query and one load among requests arriving together', async () => {
    const { state, cache, load } = setUp();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => Promise.resolve(cache.answer('clinic', load('a')))),
    );
    expect(new Set(answers).size).toBe(1);
    expect(state.versionReads).toBe(1);
    expect(state.loads).toBe(1);
  });

  it('does not reuse a version query that started before a save here', async () => {
    const versions: ((v: number) => void)[] = [];
    let secondAnswered = false;
    const cache = createCatalogueCache({
      readVersion: () => new Promise<number>((resolve) => versions.push(resolve)),
      now: () => 0,
    });
    // Each load tells whether it started after the query that began after the save answered.
    const load = () => Promise.resolve(secondAnswered);
    const before = cache.answer('clinic', load);
    cache.changedHere();
    const after = cache.answer('clinic', load);
    expect(versions).toHaveLength(2);
    versions[0]!(1);
    await before;
    versions[1]!(2);
    secondAnswered = true;
    expect((await after).data).toBe(true);
  });

  it('keeps no failure, and no more than maxEntries answers', async () => {
    const { state, cache, load } = setUp({ maxEntries: 1 });
    await expect(cache.answer('clinic', () => Promise.reject(new Error('down')))).rejects.toThrow(
      'down',
    );
    expect((await cache.answer('clinic', load('a'))).data).toEqual({ value: 'a' });
    await cache.answer('doctors:x', load('x'));
    await cache.answer('doctors:x', load('x'));
    expect(state.loads).toBe(3); // clinic once; doctors:x twice, since it was not kept
  });

  it('keeps nothing while the version cannot be read', async () => {
    const { state, cache, load } = setUp();
    state.version = null;
    await cache.answer('clinic', load('a'));
    await cache.answer('clinic', load('a'));
    expect(state.loads).toBe(2);
  });
});
