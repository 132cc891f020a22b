import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir, runArhivarBounded } from '../helpers.ts';

/**
 * Plain text built to make the importer's search for the first sentence backtrack. Its regexes read the rest of
 * a run of stops again from every position in it, and the text before each full stop again at every one: a
 * paragraph of a million »!« took over an hour. The import runs in a process of its own, and a hang is killed
 * (exit code null) long before that; each file imports in a second or two.
 */
let work: string | undefined;

afterAll(async () => {
  if (work) await removeDir(work);
});

describe('import of hostile plain text', () => {
  it('takes the first sentence of paragraphs of a million stops, initials or letters without hanging', async () => {
    work = await makeTempDir('arhivar-hostile-import-');
    const root = path.join(work, 'project');
    const inbox = path.join(work, 'prejeto');
    await mkdir(path.join(root, 'content/articles'), { recursive: true });
    await mkdir(inbox);
    await writeFile(path.join(inbox, 'klicaji.txt'), `Pozor${'!'.repeat(1_000_000)} Drugi stavek.\n`);
    await writeFile(path.join(inbox, 'zacetnice.txt'), `${'A. '.repeat(300_000)}Novak je rekel. Drugi stavek.\n`);
    await writeFile(path.join(inbox, 'beseda.txt'), `Z${'a'.repeat(1_000_000)}.b\n`);
    const run = runArhivarBounded(['import', inbox, '--date', '2025-12-01', '--root', root]);
    expect(run.status).toBe(0);
    const folder = path.join(root, 'content/articles/2025');
    const titles = await Promise.all((await readdir(folder)).sort().map(async (file) => String(matter(await readFile(path.join(folder, file), 'utf8'), {}).data.title)));
    expect(titles.map((title) => [title.length, title.slice(0, 8), title.slice(-14)])).toEqual([
      [900_014, 'A. A. A.', 'Novak je rekel'],
      [1_000_005, 'Pozor!!!', '!!!!!!!!!!!!!!'],
      [1_000_003, 'Zaaaaaaa', 'aaaaaaaaaaaa.b'],
    ]);
  }, 120_000);
});
