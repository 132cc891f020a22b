import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputMover } from '../../../src/bench/run.ts';
import { makeTempDir } from '../../helpers.ts';

describe('the bench moving earlier output aside', () => {
  it('moves the named folders out of the site, whole and under new names each time, and skips missing ones', async () => {
    const workspace = await makeTempDir();
    const root = path.join(workspace, 'site');
    const aside = path.join(workspace, 'set-aside');
    const setAside = outputMover(root, aside);
    for (const round of [1, 2]) {
      await mkdir(path.join(root, 'dist', 'osebe'), { recursive: true });
      await writeFile(path.join(root, 'dist', 'osebe', 'index.html'), `round ${round}`);
      await setAside(['dist', '.dist-spare']);
      expect(existsSync(path.join(root, 'dist'))).toBe(false);
    }
    // Nothing deleted: both rounds' trees are there, with their files.
    expect(await readFile(path.join(aside, '1-dist', 'osebe', 'index.html'), 'utf8')).toBe('round 1');
    expect(await readFile(path.join(aside, '2-dist', 'osebe', 'index.html'), 'utf8')).toBe('round 2');
  });
});
