import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
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
    // Each first sentence is found whole (its length is the title's), and none is a headline: the build refuses a
    // title over 500 characters, so import writes none of them and says so, with the option that gives one.
    expect(run.status).toBe(1);
    for (const [file, length] of [['zacetnice.txt', 900_014], ['klicaji.txt', 1_000_005], ['beseda.txt', 1_000_003]] as const) {
      expect(run.stderr).toContain(`${file}:1  import/invalid`);
      expect(run.stderr).toContain(`title is ${length} characters long; at most 500 are allowed`);
    }
    expect(run.stderr).toContain('--title');
    expect(await readdir(path.join(root, 'content/articles'))).toEqual([]);
  }, 120_000);

  it('looks for an agency credit at the end of a line of half a million closing brackets or quotes without hanging', async () => {
    const folder = await makeTempDir('arhivar-hostile-credit-');
    try {
      const root = path.join(folder, 'project');
      await mkdir(path.join(root, 'content/articles'), { recursive: true });
      const source = path.join(folder, 'zaklepaji.txt');
      // The search for »… stavek. (STA)« read the run of brackets back from every position in it: about 1.5 s at
      // 20,000, so hours at 500,000.
      await writeFile(source, `Vlada je padla.\n${')'.repeat(500_000)}\n.${'»'.repeat(500_000)} (STA)\n`);
      const run = runArhivarBounded(['import', source, '--date', '2025-12-01', '--root', root]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(await readdir(path.join(root, 'content/articles/2025'))).toEqual(['vlada-je-padla.md']);
    } finally {
      await removeDir(folder);
    }
  }, 120_000);
});
