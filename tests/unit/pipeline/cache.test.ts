import { appendFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serialize } from 'node:v8';
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

  it('reads a damaged file as missing, not as a value that differs from the one written', async () => {
    const root = await makeTempDir();
    await writeCacheFile(root, 'people.bin', { people: [{ name: 'Gasilec Novak' }] });
    await damage(path.join(root, '.cache', 'people.bin'), 'Gasilec');
    expect(await readCacheFile(root, 'people.bin')).toBeUndefined();
    // A file of an arhivar from before the checksum reads as missing too, and is written anew.
    await writeFile(path.join(root, '.cache', 'people.bin'), serialize({ people: [] }));
    expect(await readCacheFile(root, 'people.bin')).toBeUndefined();
  });
});

/** Changes the second byte of the first occurrence of `text` (one byte a character in v8's form) in `file`. */
async function damage(file: string, text: string): Promise<void> {
  const bytes = await readFile(file);
  const at = bytes.indexOf(Buffer.from(text, 'latin1'));
  expect(at).toBeGreaterThanOrEqual(0);
  bytes[at + 1] = 'X'.charCodeAt(0);
  await writeFile(file, bytes);
}

describe('RecordCache', () => {
  it('keeps the 150,000 records of a first build that its write failed, and tells the failure, not a RangeError', async () => {
    const root = await makeTempDir();
    const cache = await RecordCache.open<number>(root, 'markdown', 'v1');
    for (let i = 0; i < 150_000; i++) cache.set(`k${i}`, i);
    // A folder where the log goes: the system refuses to append to it, as a full disk would.
    const file = path.join(root, '.cache', 'markdown-v1.log');
    await mkdir(file, { recursive: true });
    await expect(cache.save()).rejects.toMatchObject({ code: 'EISDIR' });
    // Put back, they are written by the next save.
    await rm(file, { recursive: true });
    await cache.save();
    const again = await RecordCache.open<number>(root, 'markdown', 'v1');
    expect(again.size).toBe(150_000);
    expect(again.get('k149999')).toBe(149_999);
  });

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

  it('treats a damaged record as missing, so the caller makes its value again, and keeps the others', async () => {
    const root = await makeTempDir();
    const first = await RecordCache.open<{ title: string }>(root, 'articles', 'v1');
    first.set('a', { title: 'Gasilci na Krasu' });
    first.set('b', { title: 'Seja sveta' });
    await first.save();
    await damage(path.join(root, '.cache', 'articles-v1.log'), 'Gasilci');

    const second = await RecordCache.open<{ title: string }>(root, 'articles', 'v1');
    expect(second.get('a')).toBeUndefined();
    expect(second.get('b')).toEqual({ title: 'Seja sveta' });
    second.set('a', { title: 'Gasilci na Krasu' });
    await second.save();
    const third = await RecordCache.open<{ title: string }>(root, 'articles', 'v1');
    expect(third.get('a')).toEqual({ title: 'Gasilci na Krasu' });
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

  it('treats a record whose value no longer decodes as missing, and takes the value made again', async () => {
    const root = await makeTempDir();
    const cache = await RecordCache.open<string>(root, 'search-terms', 'v1');
    for (let i = 0; i < 10; i++) cache.set(`k${i}`, `besede ${i}`);
    await cache.save();
    // Damage the value of k5 (its first byte, v8's version tag), leaving the record's length and key intact.
    const file = path.join(root, '.cache', 'search-terms-v1.log');
    const bytes = await readFile(file);
    const at = bytes.indexOf(Buffer.from('k5')) + 2;
    bytes[at] = 0;
    await writeFile(file, bytes);

    const reopened = await RecordCache.open<string>(root, 'search-terms', 'v1');
    expect(reopened.size).toBe(10);
    expect(reopened.get('k4')).toBe('besede 4');
    expect(reopened.get('k5')).toBeUndefined();
    expect(reopened.keep('k5')).toBe(false);
    expect(reopened.keep('k6')).toBe(true);
    reopened.set('k5', 'besede 5 znova');
    await reopened.save();
    const third = await RecordCache.open<string>(root, 'search-terms', 'v1');
    expect([third.get('k5'), third.get('k6'), third.get('k9')]).toEqual(['besede 5 znova', 'besede 6', 'besede 9']);
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

describe('RecordCache, records erased in place', () => {
  it('erases the records a run did not use, keeping the log’s length, and a later run reads the others as before', async () => {
    const root = await makeTempDir();
    const first = await RecordCache.open<string>(root, 'articles', 'v1');
    for (let i = 0; i < 5; i++) first.set(`k${i}`, `Naslov članka številka ${i}`);
    await first.save();
    const file = path.join(root, '.cache', 'articles-v1.log');
    const size = (await stat(file)).size;

    const second = await RecordCache.open<string>(root, 'articles', 'v1');
    for (const key of ['k0', 'k2', 'k4']) expect(second.get(key)).toBe(`Naslov članka številka ${key.slice(1)}`);
    // Made in this run but not to be kept (a draft's validation): not written at all.
    second.set('draft', 'Osnutek o zmrzlinovodu');
    second.forget('draft');
    await second.save();
    const stale = second.staleRecords()!;
    expect(stale.count).toBe(2);
    expect(stale.erase()).toBe('erased');
    expect((await stat(file)).size).toBe(size);
    const bytes = await readFile(file);
    for (const gone of ['številka 1', 'številka 3', 'zmrzlinovod']) expect(bytes.includes(Buffer.from(gone, 'utf16le')), gone).toBe(false);
    expect(bytes.includes(Buffer.from('številka 2', 'utf16le'))).toBe(true);

    const third = await RecordCache.open<string>(root, 'articles', 'v1');
    expect(third.size).toBe(3);
    expect(third.get('k1')).toBeUndefined();
    expect(third.get('draft')).toBeUndefined();
    for (const key of ['k0', 'k2', 'k4']) expect(third.get(key)).toBe(`Naslov članka številka ${key.slice(1)}`);
    third.set('k5', 'Naslov članka številka 5');
    await third.save();
    expect(third.staleRecords()!.count).toBe(0);
    const fourth = await RecordCache.open<string>(root, 'articles', 'v1');
    expect(fourth.get('k5')).toBe('Naslov članka številka 5');
    expect(fourth.get('k0')).toBe('Naslov članka številka 0');
  });

  it('forgets exactly the records asked for among many a run added, and writes one set again after it was forgotten', async () => {
    // A first build validates every article, and forgets each draft's and each held-back one's validation.
    const root = await makeTempDir();
    const first = await RecordCache.open<string>(root, 'articles', 'v1');
    first.set('stored', 'Objavljen prej');
    await first.save();
    const run = await RecordCache.open<string>(root, 'articles', 'v1');
    run.get('stored');
    for (let i = 0; i < 1000; i++) run.set(`k${i}`, `Članek ${i}`);
    const forgotten = new Set(['k0', 'k1', 'k500', 'k998', 'k999']);
    for (const key of forgotten) run.forget(key);
    // Not added in this run: forgetting it counts its record as unused, which the build then erases.
    run.forget('stored');
    // Never there: nothing happens.
    run.forget('k1000');
    run.set('k500', 'Članek 500 znova');
    await run.save();
    expect(run.staleRecords()!.count).toBe(1);
    const next = await RecordCache.open<string>(root, 'articles', 'v1');
    expect(next.size).toBe(1 + 1000 - forgotten.size + 1);
    for (let i = 0; i < 1000; i++) {
      const key = `k${i}`;
      expect(next.get(key), key).toBe(key === 'k500' ? 'Članek 500 znova' : forgotten.has(key) ? undefined : `Članek ${i}`);
    }
  });

  it('tells a damaged record from an erased one: one byte changed leaves it a damaged record', async () => {
    const root = await makeTempDir();
    const cache = await RecordCache.open<string>(root, 'articles', 'v1');
    for (let i = 0; i < 3; i++) cache.set(`k${i}`, `vrednost ${i}`);
    await cache.save();
    const file = path.join(root, '.cache', 'articles-v1.log');
    const bytes = await readFile(file);
    // The value's first byte (v8's version tag) made 0, as an erased record's is: its checksum and key still stand.
    bytes[bytes.indexOf(Buffer.from('k1')) + 2] = 0;
    await writeFile(file, bytes);
    const reopened = await RecordCache.open<string>(root, 'articles', 'v1');
    expect(reopened.size).toBe(3);
    expect(reopened.get('k1')).toBeUndefined();
    expect(reopened.get('k2')).toBe('vrednost 2');
  });

  it('removes the copy a compaction killed midway left, which may hold records erased since, and not one being written', async () => {
    const root = await makeTempDir();
    const cache = await RecordCache.open<string>(root, 'articles', 'v1');
    cache.set('k0', 'vrednost 0');
    await cache.save();
    const file = path.join(root, '.cache', 'articles-v1.log');
    // temporaryPath's names: of a process that is gone (no pid is above Linux's largest, 2^22), and of this one.
    const killed = `${file}.4194305.1.tmp`;
    const running = `${file}.${process.pid}.99999.tmp`;
    for (const copy of [killed, running]) await writeFile(copy, 'Osnutek o zmrzlinovodu');
    cache.set('k1', 'vrednost 1');
    await cache.save();
    const names = await readdir(path.join(root, '.cache'));
    expect(names).not.toContain(path.basename(killed));
    expect(names).toContain(path.basename(running));
  });

  it('erases nothing in a log that another process replaced since it was read', async () => {
    const root = await makeTempDir();
    const first = await RecordCache.open<string>(root, 'articles', 'v1');
    for (let i = 0; i < 3; i++) first.set(`k${i}`, `vrednost ${i}`);
    await first.save();
    const second = await RecordCache.open<string>(root, 'articles', 'v1');
    second.get('k0');
    await second.save();
    // As a compaction does: a new file written beside the log and renamed over it.
    const file = path.join(root, '.cache', 'articles-v1.log');
    const copy = await readFile(file);
    await writeFile(`${file}.tmp`, copy);
    await rename(`${file}.tmp`, file);
    expect(second.staleRecords()!.erase()).toBe('left');
    expect(await readFile(file)).toEqual(copy);
  });
});

describe('RecordCache, an indexed log', () => {
  const open = (root: string, version = 'v1') => RecordCache.open<string>(root, 'search-terms', version, { indexed: true });
  const logFile = (root: string) => path.join(root, '.cache', 'search-terms-v1.log');
  const indexFile = (root: string) => path.join(root, '.cache', 'search-terms-v1.index');

  it('is opened from its index, and gives the values and keeps the records as a log read whole does', async () => {
    const root = await makeTempDir();
    const first = await open(root);
    for (let i = 0; i < 100; i++) first.set(`kljuc-${i}`, `besede ${i}`);
    await first.save();
    expect((await stat(indexFile(root))).isFile()).toBe(true);
    const second = await open(root);
    expect(second.size).toBe(100);
    expect([second.get('kljuc-7'), second.peek('kljuc-99'), second.get('kljuc-100')]).toEqual(['besede 7', 'besede 99', undefined]);
    for (let i = 1; i < 100; i++) expect(second.keep(`kljuc-${i}`)).toBe(true);
    second.set('kljuc-100', 'besede 100');
    await second.save();
    // A save with nothing new leaves the index as the first wrote it (it names kljuc-0 unused already).
    const written = (await stat(indexFile(root))).ino;
    await second.save();
    expect((await stat(indexFile(root))).ino).toBe(written);
    // More records read than one at a time: the rest from the log read whole.
    const third = await open(root);
    expect(Array.from({ length: 101 }, (_, i) => third.get(`kljuc-${i}`))).toEqual(Array.from({ length: 101 }, (_, i) => `besede ${i}`));
  });

  it('is read whole when a run that keeps no index appended to it, and erases such a record when no run uses it', async () => {
    const root = await makeTempDir();
    const first = await open(root);
    for (let i = 0; i < 3; i++) first.set(`kljuc-${i}`, `besede ${i}`);
    await first.save();
    // A dev session's log keeps no index (kept between runs): it appends behind the index's back.
    const session = await RecordCache.open<string>(root, 'search-terms', 'v1', { keptBetweenRuns: true, indexed: true });
    session.set('kljuc-3', 'Skrivnostna Oseba');
    await session.save();
    const second = await open(root);
    expect(second.size).toBe(4);
    expect(second.peek('kljuc-3')).toBe('Skrivnostna Oseba');
    for (let i = 0; i < 3; i++) second.keep(`kljuc-${i}`);
    await second.save();
    expect(second.staleRecords()!.erase()).toBe('erased');
    expect((await readFile(logFile(root))).includes('Skrivnostna')).toBe(false);
    // The index written by that run names the log as it is: a later run reads the same records.
    const third = await open(root);
    expect([third.size, third.get('kljuc-0'), third.get('kljuc-3')]).toEqual([3, 'besede 0', undefined]);
  });

  it('is read whole when its index is damaged, not taken for records that are not there', async () => {
    const root = await makeTempDir();
    const first = await open(root);
    first.set('naslov-a', 'Ana');
    first.set('naslov-b', 'Boris');
    await first.save();
    await damage(indexFile(root), 'naslov-a');
    const second = await open(root);
    expect([second.keep('naslov-a'), second.get('naslov-a'), second.get('naslov-b')]).toEqual([true, 'Ana', 'Boris']);
  });

  it('leaves out a record its build erased once the index was written, and writes it again when set', async () => {
    const root = await makeTempDir();
    const first = await open(root);
    for (const key of ['a', 'b', 'c']) first.set(key, `vrednost ${key}`);
    await first.save();
    const second = await open(root);
    second.keep('a');
    second.keep('b');
    await second.save();
    expect(second.staleRecords()!.erase()).toBe('erased');
    // The index of the second run names the record its build erased, and the third leaves it out.
    const third = await open(root);
    expect([third.size, third.get('a'), third.get('c')]).toEqual([2, 'vrednost a', undefined]);
    third.set('c', 'vrednost c znova');
    await third.save();
    expect((await open(root)).get('c')).toBe('vrednost c znova');
  });

  it('is read whole by the next run once a record is not where its index has it, so the records no build uses are erased', async () => {
    const root = await makeTempDir();
    const first = await open(root);
    first.set('a', 'vrednost a');
    first.set('b', 'skrivnost1');
    await first.save();
    // The log as another of the same inode and length would be: its two records (of one length) swapped in place.
    const bytes = await readFile(logFile(root));
    expect(bytes.length % 2).toBe(0);
    await writeFile(logFile(root), Buffer.concat([bytes.subarray(bytes.length / 2), bytes.subarray(0, bytes.length / 2)]));
    const second = await open(root);
    expect(second.get('a')).toBeUndefined();
    second.set('a', 'vrednost a');
    await second.save();
    // The third run knows every record of the log: the one of b, which it does not use, is erased once published.
    const third = await open(root);
    expect(third.get('a')).toBe('vrednost a');
    await third.save();
    expect(third.staleRecords()!.erase()).toBe('erased');
    expect((await readFile(logFile(root))).includes('skrivnost1')).toBe(false);
  });

  it('keeps the records a run kept without reading them when it compacts, and removes the index of another version', async () => {
    const root = await makeTempDir();
    const old = await open(root, 'v0');
    old.set('a', 'star');
    await old.save();
    const first = await open(root);
    for (let i = 0; i < 100; i++) first.set(`k${i}`, `vrednost ${i}`);
    await first.save();
    expect((await readdir(path.join(root, '.cache'))).sort()).toEqual(['search-terms-v1.index', 'search-terms-v1.log']);
    const second = await open(root);
    for (let i = 0; i < 10; i++) second.keep(`k${i}`);
    await second.save();
    const third = await open(root);
    expect(third.size).toBe(10);
    expect(Array.from({ length: 10 }, (_, i) => third.get(`k${i}`))).toEqual(Array.from({ length: 10 }, (_, i) => `vrednost ${i}`));
  });
});

describe('typed arrays read from .cache/', () => {
  // Node's deserializer makes a typed array a view into the bytes it reads; the search terms' weights then
  // kept whole chunks of search-terms-*.log alive (130 MB at 100,000 articles).
  it('get bytes of their own from a log, not views into the chunk it was read in', async () => {
    const root = await makeTempDir();
    const log = await RecordCache.open<{ stems: string; weights: Uint8Array; counts: Uint32Array }>(root, 'search-terms', 'v1');
    for (let i = 0; i < 200; i++) log.set(`d${i}`, { stems: `beseda${i} ${'dolga '.repeat(50)}`, weights: Uint8Array.of(i % 256, 7, 9), counts: Uint32Array.of(i, 70_000) });
    await log.save();

    const reopened = await RecordCache.open<{ stems: string; weights: Uint8Array; counts: Uint32Array }>(root, 'search-terms', 'v1');
    for (let i = 0; i < 200; i++) {
      const { weights, counts } = reopened.get(`d${i}`)!;
      expect([...weights]).toEqual([i % 256, 7, 9]);
      expect(weights).toBeInstanceOf(Uint8Array);
      expect(weights.buffer.byteLength).toBe(3);
      expect([...counts]).toEqual([i, 70_000]);
      expect(counts).toBeInstanceOf(Uint32Array);
      expect(counts.buffer.byteLength).toBe(8);
    }
  });

  it('get bytes of their own from a file kept whole', async () => {
    const root = await makeTempDir();
    await writeCacheFile(root, 'layout.bin', { padding: 'x'.repeat(10_000), offsets: Float64Array.of(0.5, 2), bytes: Buffer.from('čšž') });
    const read = (await readCacheFile<{ offsets: Float64Array; bytes: Uint8Array }>(root, 'layout.bin'))!;
    expect([...read.offsets]).toEqual([0.5, 2]);
    expect(read.offsets.buffer.byteLength).toBe(16);
    expect(Buffer.from(read.bytes).toString()).toBe('čšž');
    expect(read.bytes.buffer.byteLength).toBe(6);
  });
});
