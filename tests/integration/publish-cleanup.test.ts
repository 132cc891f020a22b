import { appendFile, chmod, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { copyFixture, makeTempDir } from '../helpers.ts';

const NOW = new Date('2026-01-01T00:00:00Z');
const savedPath = process.env.PATH;

afterEach(() => {
  process.env.PATH = savedPath;
});

async function waitForNoTrash(directory: string): Promise<string[]> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const trash = (await readdir(directory)).filter((name) => name.includes('-trash-'));
    if (trash.length === 0) return trash;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return (await readdir(directory)).filter((name) => name.includes('-trash-'));
}

describe('old trees beside dist/', () => {
  it('are removed even where no rm program can be started, and the build does not crash', async () => {
    const root = await copyFixture('archive-basic');
    const parent = await makeTempDir('arhivar-dist-');
    const outDir = path.join(parent, 'dist');
    await build({ root, outDir, now: NOW });
    process.env.PATH = path.join(parent, 'no-programs-here');
    for (const sentence of ['Prvi dodatek.', 'Drugi dodatek.', 'Tretji dodatek.']) {
      await appendFile(path.join(root, 'content/articles/2025/prvi.md'), `\n${sentence}\n`);
      await build({ root, outDir, now: NOW, cache: false });
    }
    // Give a failed spawn's 'error' event, and the removal after it, a moment.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await waitForNoTrash(parent)).toEqual([]);
  });

  it('are deleted under a trash name, never under one the next build takes for a killed build\'s published site', async () => {
    const root = await copyFixture('archive-basic');
    const parent = await makeTempDir('arhivar-dist-');
    const outDir = path.join(parent, 'dist');
    await build({ root, outDir, now: NOW });
    // An rm that never finishes its work, as a slow one has not yet on 100,000 files when the next build starts.
    const programs = path.join(parent, 'slow-programs');
    await mkdir(programs);
    await writeFile(path.join(programs, 'rm'), '#!/bin/sh\nexit 0\n');
    await chmod(path.join(programs, 'rm'), 0o755);
    process.env.PATH = programs;
    await appendFile(path.join(root, 'content/articles/2025/prvi.md'), '\nDodatek.\n');
    // Without a record of dist/, the replaced tree is not kept as the spare but deleted.
    await build({ root, outDir, now: NOW, cache: false });
    // A .dist-old-<pid> whose process is gone is what a build killed between its two renames leaves: the next
    // build puts it back as dist/ when dist/ is missing (side-trees.ts), a half-deleted old site in its place.
    expect((await readdir(parent)).filter((name) => /^\.dist-(old|staging)-\d+$/.test(name))).toEqual([]);
  });
});
