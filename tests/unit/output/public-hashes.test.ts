import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { publishSite } from '../../../src/output/publish.ts';
import { knownPublicHash, readKnownPublicFiles, type KnownPublicFile } from '../../../src/output/public-hashes.ts';
import { outputRecordName, readCacheFile, writeCacheFile } from '../../../src/pipeline/cache.ts';
import { listFiles, makeTempDir, removeDir } from '../../helpers.ts';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await removeDir(folder);
});

const RECORD = 'public-files.bin';
/** A whole second, so fs.utimes can set it back exactly (it takes seconds as a float). */
const OLD_TIME = new Date('2025-06-01T08:00:00Z');
const options = { codeKey: 'test' };

async function put(root: string, file: string, bytes: string | Uint8Array): Promise<string> {
  const absolute = path.join(root, 'public', file);
  await mkdir(path.dirname(absolute), { recursive: true });
  await writeFile(absolute, bytes);
  await utimes(absolute, OLD_TIME, OLD_TIME);
  return absolute;
}

/** A site with public/ published once, and its record of public/ made as if learned well after the files' last change. */
async function published(): Promise<{ root: string; target: string; picture: string; page: string }> {
  const root = await makeTempDir('arhivar-public-hashes-');
  folders.push(root);
  const target = path.join(root, 'dist');
  const picture = await put(root, 'slike/seja.jpg', 'JPEG-prva');
  const page = await put(root, 'stari/o-nas.html', '<p>Uredništvo</p>');
  await publishSite(root, target, [{ url: '/', render: () => '<p>Arhiv</p>' }], [], options);
  await learnedLater(root);
  return { root, target, picture, page };
}

/** See STABLE_MS: the same facts as if the build had read the files 10 s after they last changed. */
async function learnedLater(root: string): Promise<void> {
  const stored = (await readCacheFile<{ version: number; files: Map<string, KnownPublicFile> }>(root, RECORD))!;
  expect(stored.files.size).toBeGreaterThan(0);
  for (const entry of stored.files.values()) entry.readAtMs = Number((entry.ctimeNs > entry.mtimeNs ? entry.ctimeNs : entry.mtimeNs) / 1_000_000n) + 10_000;
  await writeCacheFile(root, RECORD, stored);
}

const sha1 = (bytes: string) => createHash('sha1').update(bytes).digest('base64url');

describe('knownPublicHash', () => {
  const base = { size: 10n, mtimeNs: 1_000_000_000_000_000_123n, ctimeNs: 1_000_000_000_000_000_456n, ino: 42n, dev: 7n, hash: 'h', readAtMs: 1_000_000_010_000 };
  const info = (changes: Partial<Record<'size' | 'mtimeNs' | 'ctimeNs' | 'ino' | 'dev', bigint>> = {}, isFile = true) =>
    ({ size: base.size, mtimeNs: base.mtimeNs, ctimeNs: base.ctimeNs, ino: base.ino, dev: base.dev, ...changes, isFile: () => isFile }) as unknown as import('node:fs').BigIntStats;

  it('gives the hash when every fact matches and the file had been stable for 2 s when read', () => {
    expect(knownPublicHash(base, info())).toBe('h');
  });

  it.each([
    ['size', { size: 11n }],
    ['modification time (1 ns later)', { mtimeNs: base.mtimeNs + 1n }],
    ['change time (1 ns later)', { ctimeNs: base.ctimeNs + 1n }],
    ['inode', { ino: 43n }],
    ['device', { dev: 8n }],
  ])('does not trust a file whose %s differs', (_, changes) => {
    expect(knownPublicHash(base, info(changes))).toBeUndefined();
  });

  it('does not trust a file changed less than 2 s before it was read, nor a folder, nor a file never read', () => {
    expect(knownPublicHash({ ...base, readAtMs: 1_000_000_001_999 }, info())).toBeUndefined();
    expect(knownPublicHash(base, info({}, false))).toBeUndefined();
    expect(knownPublicHash(undefined, info())).toBeUndefined();
  });
});

describe('publishSite with a record of public/ in .cache/', () => {
  it('does not read a file of public/ whose stat is unchanged: the hash it recorded stands for its bytes', async () => {
    const { root, target, picture } = await published();
    // A planted hash, both in the record of public/ and in the record of dist/: only a publisher that trusts
    // the stat takes it without reading the file, finds dist/ holding it, and writes nothing.
    const known = (await readCacheFile<{ version: number; files: Map<string, KnownPublicFile> }>(root, RECORD))!;
    known.files.get(picture)!.hash = 'planted';
    await writeCacheFile(root, RECORD, known);
    const outputName = outputRecordName('output', target);
    const output = (await readCacheFile<{ current: { files: Map<string, { hash: string }> } }>(root, outputName))!;
    output.current.files.get('slike/seja.jpg')!.hash = 'planted';
    await writeCacheFile(root, outputName, output);

    const result = await publishSite(root, target, [{ url: '/', render: () => '<p>Arhiv</p>' }], [], options);
    expect(result.filesWritten).toBe(0);
  });

  it('publishes a changed file changed, and reads it again only once', async () => {
    const { root, target, picture } = await published();
    await writeFile(picture, 'JPEG-druga, daljša');
    const result = await publishSite(root, target, [{ url: '/', render: () => '<p>Arhiv</p>' }], [], options);
    expect(result.filesWritten).toBe(1);
    expect(await readFile(path.join(target, 'slike/seja.jpg'), 'utf8')).toBe('JPEG-druga, daljša');
    expect((await readKnownPublicFiles(root)).get(picture)!.hash).toBe(sha1('JPEG-druga, daljša'));
  });

  it.each([
    ['rewritten in place (its change time moves)', async (file: string, bytes: string) => writeFile(file, bytes)],
    ['replaced by another file through a rename (a new inode)', async (file: string, bytes: string) => {
      await writeFile(`${file}.novo`, bytes);
      await rename(`${file}.novo`, file);
    }],
  ])('catches a file of the same size and modification time %s', async (_, replace) => {
    const { root, target, page } = await published();
    const before = await stat(page, { bigint: true });
    await replace(page, '<p>Uredniki in</p>');
    await utimes(page, OLD_TIME, OLD_TIME);
    const after = await stat(page, { bigint: true });
    expect([after.size, after.mtimeNs]).toEqual([before.size, before.mtimeNs]);

    await publishSite(root, target, [{ url: '/', render: () => '<p>Arhiv</p>' }], [], options);
    expect(await readFile(path.join(target, 'stari/o-nas.html'), 'utf8')).toBe('<p>Uredniki in</p>');
  });

  it('publishes the same dist/ after .cache/ is deleted', async () => {
    const { root, target, picture, page } = await published();
    await writeFile(picture, 'JPEG-tretja');
    await put(root, 'dokumenti/porocilo.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 255]));
    await rm(page);
    const pages = [{ url: '/', render: () => '<p>Arhiv</p>' }];
    await publishSite(root, target, pages, [], options);
    const withCache = await contents(target);

    await rm(path.join(root, '.cache'), { recursive: true });
    await publishSite(root, target, pages, [], options);
    expect(await contents(target)).toEqual(withCache);
    expect(withCache.get('slike/seja.jpg')).toBe(sha1('JPEG-tretja'));
    expect(withCache.has('stari/o-nas.html')).toBe(false);
  });
});

async function contents(directory: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const file of await listFiles(directory)) files.set(file, createHash('sha1').update(await readFile(path.join(directory, file))).digest('base64url'));
  return files;
}
