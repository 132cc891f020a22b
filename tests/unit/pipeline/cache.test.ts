import { appendFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCacheFile, RecordCache, writeCacheFile } from '../../../src/pipeline/cache.ts';
import { makeTempDir } from '../../helpers.ts';

describe('writeCacheFile', () => {
  it('lets two writes of one file in this process overlap, and leaves one of them whole', async () => {
    const root = await makeTempDir();
    // Two loads of the dev server may write people.bin or related.bin at once.
    await Promise.all([writeCacheFile(root, 'related.bin', { from: 'prvi' }), writeCacheFile(root, 'related.bin', { from: 'drugi' })]);
    expect(['prvi', 'drugi']).toContain((await readCacheFile<{ from: string }>(root, 'related.bin'))!.from);
    expect(await readdir(path.join(root, '.cache'))).toEqual(['related.bin']);
  });
});

describe('RecordCache', () => {
  it('keeps values across runs, appends only new records, and survives a torn last record', async () => {
    const root = await makeTempDir();
    const first = await RecordCache.open<{ html: string; when: Date }>(root, 'markdown', 'v1');
    for (let i = 0; i < 100; i++) first.set(`k${i}`, { html: `<p>članek ${i}</p>`, when: new Date(Date.UTC(2025, 0, 1 + i)) });
    await first.save();
    const file = path.join(root, '.cache', 'markdown-v1.log');
    const size = (await stat(file)).size;

    const second = await RecordCache.open<{ html: string; when: Date }>(root, 'markdown', 'v1');
    expect(second.size).toBe(100);
    expect(second.get('k42')).toEqual({ html: '<p>članek 42</p>', when: new Date(Date.UTC(2025, 0, 43)) });
    for (let i = 0; i < 100; i++) second.get(`k${i}`);
    second.set('new', { html: '<p>nov</p>', when: new Date(0) });
    await second.save();
    const grown = (await stat(file)).size;
    expect(grown).toBeGreaterThan(size);
    expect(grown - size).toBeLessThan(size / 20);

    await appendFile(file, Buffer.from([200, 0, 0, 0, 1, 2, 3]));
    const third = await RecordCache.open<{ html: string; when: Date }>(root, 'markdown', 'v1');
    expect(third.size).toBe(101);
    expect(third.get('new')?.html).toBe('<p>nov</p>');
  });

  it('compacts to the entries in use and removes logs of other versions', async () => {
    const root = await makeTempDir();
    const old = await RecordCache.open<string>(root, 'markdown', 'v1');
    old.set('a', 'A');
    await old.save();
    const cache = await RecordCache.open<string>(root, 'markdown', 'v2');
    for (let i = 0; i < 300; i++) cache.set(`k${i}`, 'x'.repeat(100));
    await cache.save();
    const next = await RecordCache.open<string>(root, 'markdown', 'v2');
    next.get('k1');
    next.get('k2');
    await next.save();
    expect(await readdir(path.join(root, '.cache'))).toEqual(['markdown-v2.log']);
    const reopened = await RecordCache.open<string>(root, 'markdown', 'v2');
    expect(reopened.size).toBe(2);
  });

  it('keeps the entries a run kept without reading them when it compacts, and only those', async () => {
    const root = await makeTempDir();
    const cache = await RecordCache.open<string>(root, 'articles', 'v1');
    for (let i = 0; i < 300; i++) cache.set(`k${i}`, `vrednost ${i}`);
    await cache.save();
    const next = await RecordCache.open<string>(root, 'articles', 'v1');
    for (let i = 0; i < 100; i++) next.keep(`k${i}`);
    next.keep('not-there');
    next.get('k200');
    await next.save();
    const reopened = await RecordCache.open<string>(root, 'articles', 'v1');
    expect(reopened.size).toBe(101);
    expect(reopened.get('k99')).toBe('vrednost 99');
    expect(reopened.get('k200')).toBe('vrednost 200');
    expect(reopened.get('k150')).toBeUndefined();
    expect(reopened.get('not-there')).toBeUndefined();
  });

  it('writes every record when saves overlap; kept between runs, it forgets unused entries after a save, in memory only', async () => {
    const root = await makeTempDir();
    const cache = await RecordCache.open<string>(root, 'people', 'v1');
    cache.set('a', 'Ana');
    const first = cache.save();
    // Set while the first save is writing, as a second load of the dev server may.
    cache.set('b', 'Boris');
    await Promise.all([first, cache.save()]);
    const reopened = await RecordCache.open<string>(root, 'people', 'v1');
    expect([reopened.size, reopened.peek('a'), reopened.peek('b')]).toEqual([2, 'Ana', 'Boris']);

    const session = await RecordCache.open<string>(root, 'people', 'v1', { keptBetweenRuns: true });
    session.get('a');
    await session.save();
    expect(session.get('b')).toBeUndefined();
    expect(session.get('a')).toBe('Ana');
    // Only in memory: the log still holds it.
    expect((await RecordCache.open<string>(root, 'people', 'v1')).peek('b')).toBe('Boris');
    // A cache of one run keeps what it loaded.
    reopened.get('a');
    await reopened.save();
    expect(reopened.peek('b')).toBe('Boris');
  });
});
