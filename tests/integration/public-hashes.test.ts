import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import type { KnownPublicFile } from '../../src/output/public-hashes.ts';
import { readCacheFile, writeCacheFile } from '../../src/pipeline/cache.ts';
import { copyFixture, listFiles, makeTempDir, removeDir } from '../helpers.ts';

/**
 * A build takes an unchanged file of public/ by the hash its stat stands for (output/public-hashes.ts). Whatever
 * that record holds, the site must be the one a build without .cache/ publishes.
 */
const NOW = new Date('2026-01-01T00:00:00Z');
const OLD_TIME = new Date('2025-06-01T08:00:00Z');
const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await removeDir(folder);
});

async function put(root: string, file: string, bytes: string): Promise<void> {
  const absolute = path.join(root, 'public', file);
  await mkdir(path.dirname(absolute), { recursive: true });
  await writeFile(absolute, bytes);
  await utimes(absolute, OLD_TIME, OLD_TIME);
}

async function contents(directory: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const file of await listFiles(directory)) files.set(file, createHash('sha1').update(await readFile(path.join(directory, file))).digest('base64url'));
  return files;
}

describe('a build with a record of public/ in .cache/', () => {
  it('publishes the site a build without .cache/ publishes, after files of public/ change, same-sized ones too', async () => {
    const root = await copyFixture('archive-basic');
    const outDir = path.join(root, 'dist');
    const freshOut = path.join(await makeTempDir('arhivar-public-hashes-'), 'dist');
    folders.push(root, path.dirname(freshOut));
    await put(root, 'slike/seja.jpg', 'JPEG-prva');
    await put(root, 'stari/o-nas.html', '<!doctype html><title>O nas</title><p>Urednik A</p>');
    await put(root, 'dokumenti/porocilo.pdf', '%PDF-1.4 prvo');
    await build({ root, outDir, now: NOW });

    // As if the build had read public/ well after its files last changed (see STABLE_MS), so the record is trusted.
    const stored = (await readCacheFile<{ version: number; files: Map<string, KnownPublicFile> }>(root, 'public-files.bin'))!;
    expect(stored.files.size).toBe(3);
    for (const entry of stored.files.values()) entry.readAtMs += 60_000;
    await writeCacheFile(root, 'public-files.bin', stored);

    await put(root, 'stari/o-nas.html', '<!doctype html><title>O nas</title><p>Urednik B</p>');
    await put(root, 'slike/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await rm(path.join(root, 'public/dokumenti/porocilo.pdf'));
    await build({ root, outDir, now: NOW });
    const incremental = await contents(outDir);
    expect(await readFile(path.join(outDir, 'stari/o-nas.html'), 'utf8')).toContain('Urednik B');

    await rm(path.join(root, '.cache'), { recursive: true });
    await build({ root, outDir: freshOut, now: NOW });
    expect(incremental).toEqual(await contents(freshOut));
  });
});
