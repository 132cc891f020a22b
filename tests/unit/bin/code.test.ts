import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { codeVersion, compiledPath } from '../../../src/bin/code.js';
import { makeTempDir, PROJECT_ROOT, removeDir } from '../../helpers.ts';

const roots: string[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await removeDir(root);
});

describe('compiled bundles of arhivar’s own code (src/bin/code.js)', () => {
  it('bundles an entry once per code version and removes bundles made by older code once an hour old', async () => {
    const folder = await makeTempDir();
    roots.push(folder);
    const stale = path.join(folder, 'output-assets-ts-0123456789abcdef.mjs');
    await writeFile(stale, 'export {};\n');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(stale, twoHoursAgo, twoHoursAgo);
    // A bundle of other code made a minute ago may still be in use by a running process: it stays.
    const recent = path.join(folder, 'output-assets-ts-fedcba9876543210.mjs');
    await writeFile(recent, 'export {};\n');
    const first = await compiledPath('output/assets.ts', folder);
    expect(path.basename(first)).toBe(`output-assets-ts-${await codeVersion()}.mjs`);
    const written = (await stat(first)).mtimeMs;
    expect(await compiledPath('output/assets.ts', folder)).toBe(first);
    expect((await stat(first)).mtimeMs).toBe(written);
    expect((await readdir(folder)).sort()).toEqual([path.basename(first), path.basename(recent)].sort());
  });

  it('keeps each bundled file’s import.meta.url, so paths computed from it point into the package, not .cache/', async () => {
    const folder = await makeTempDir();
    roots.push(folder);
    const bundle = (await import(pathToFileURL(await compiledPath('output/assets.ts', folder)).href)) as typeof import('../../../src/output/assets.ts');
    expect(bundle.STYLESHEET).toBe(path.join(PROJECT_ROOT, 'templates', 'site.css'));
    expect(bundle.CLIENT_DIR).toBe(path.join(PROJECT_ROOT, 'src', 'client'));
  });

  it('leaves code.js itself outside the bundle, so the entry point and the bundled code share it', async () => {
    const folder = await makeTempDir();
    roots.push(folder);
    const text = await readFile(await compiledPath('pipeline/version.ts', folder), 'utf8');
    expect(text).toContain(`from "${pathToFileURL(path.join(PROJECT_ROOT, 'src', 'bin', 'code.js')).href}"`);
    expect(text).not.toContain('computeCodeVersion');
  });
});
