import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { copyFixture, makeTempDir, PROJECT_ROOT } from '../helpers.ts';

describe('the arhivar command as a separate process', () => {
  it('builds a site from any working folder (the templates are compiled with arhivar’s own tsconfig)', async () => {
    const root = await copyFixture('archive-basic');
    // A working folder with no tsconfig.json: the JSX settings must come from arhivar itself.
    const elsewhere = await makeTempDir('arhivar-cwd-');
    const bin = path.join(PROJECT_ROOT, 'src/bin/arhivar.js');
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'build', '--root', root], { cwd: elsewhere });
    expect(stdout).toMatch(/^built [\d,]+ pages from [\d,]+ articles? in [\d.]+ s$/m);
    const home = await readFile(path.join(root, 'dist/index.html'), 'utf8');
    expect(home).toMatch(/^<!DOCTYPE html>\n<html lang="sl"/);
  });

  it('ends a first build that fails after its Markdown workers started, instead of waiting on them', async () => {
    const root = await copyFixture('archive-basic');
    // No record of a last build, so the workers start before content/ is read; then .cache/, a file here,
    // cannot be written and the build fails before the pipeline would take the workers over.
    await rm(path.join(root, '.cache'), { recursive: true, force: true });
    await writeFile(path.join(root, '.cache'), 'not a folder\n');
    const bin = path.join(PROJECT_ROOT, 'src/bin/arhivar.js');
    const failure = await promisify(execFile)(process.execPath, [bin, 'build', '--root', root], { timeout: 20_000 }).then(
      () => undefined,
      (error: { code?: number; killed?: boolean }) => error,
    );
    expect(failure?.killed).toBe(false);
    expect(failure?.code).toBe(3);
    await expect(readFile(path.join(root, 'dist/index.html'))).rejects.toThrow();
  }, 30_000);
});
