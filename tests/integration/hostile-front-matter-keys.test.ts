import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir, runArhivarBounded } from '../helpers.ts';

/**
 * Front matter of a great many keys (a script gone wrong, or 3 MB written to stall a shared build server). The YAML
 * parser's check for a repeated key compared each key with every key before it: 20,000 keys took 8 s, 80,000 took
 * 190 s, and 300,000 (3.3 MB, under the 8 MB limit) did not end within an hour. The build runs in a process of its
 * own, and a hang is killed (exit code null).
 */
let work: string | undefined;

afterAll(async () => {
  if (work) await removeDir(work);
});

describe('front matter of a great many keys', () => {
  it('of 100,000 is refused at the key written twice, without hanging', async () => {
    work = await makeTempDir('arhivar-hostile-keys-');
    const root = path.join(work, 'project');
    await mkdir(path.join(root, 'content/articles/2025'), { recursive: true });
    const keys = Array.from({ length: 100_000 }, (_, index) => `k${index}: 1\n`).join('');
    // Lines 1-3 are ---, title and date; k0 is on line 4, and the title written again is on line 100,004.
    await writeFile(path.join(root, 'content/articles/2025/kljuci.md'), `---\ntitle: Ključi\ndate: 2025-12-01\n${keys}title: Spet\n---\n\nBesedilo.\n`);
    const run = runArhivarBounded(['build', '--root', root]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('content/articles/2025/kljuci.md:100004  front-matter/bad-yaml\n  front matter has the key title twice, at lines 2 and 100004');
  }, 120_000);

  // Each unknown key was an error of its own: 300,000 of them overflowed the stack where they were gathered, and the
  // build ended in »arhivar failed unexpectedly: RangeError« with exit code 3.
  it('of 300,000 unknown keys is refused with the first fifty named and the rest counted', async () => {
    work ??= await makeTempDir('arhivar-hostile-keys-');
    const root = path.join(work, 'neznani');
    await mkdir(path.join(root, 'content/articles/2025'), { recursive: true });
    await writeFile(path.join(root, 'content/site.yaml'), 'baseUrl: https://novice.testni-dnevnik.si/\n');
    const keys = Array.from({ length: 300_000 }, (_, index) => `k${index}: 1\n`).join('');
    await writeFile(path.join(root, 'content/articles/2025/kljuci.md'), `---\ntitle: Ključi\ndate: 2025-12-01\n${keys}---\n\nBesedilo.\n`);
    const run = runArhivarBounded(['build', '--root', root]);
    expect([run.status, run.stderr.match(/^\S.*$/gm)?.slice(-3)]).toEqual([
      1,
      [
        'content/articles/2025/kljuci.md:53  article/unknown-key',
        'content/articles/2025/kljuci.md:54  article/unknown-key',
        '51 problems found; nothing was written.',
      ],
    ]);
    // k0 is on line 4, so k50, the first key counted, on line 54.
    expect(run.stderr).toContain('content/articles/2025/kljuci.md:54  article/unknown-key\n  and 299,950 more unknown keys (k50, k51, k52 …)');
  }, 120_000);
});
