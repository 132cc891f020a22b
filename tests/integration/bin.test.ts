import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
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
});
