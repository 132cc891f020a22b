import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, copyFixture, listFiles, temporaryFolders } from '../helpers.ts';

const folder = temporaryFolders();
const FLORIDA = 'content/articles/2025/florida.md';

/** The files under `tree` whose text holds `word`. */
async function filesHolding(tree: string, word: string): Promise<string[]> {
  const found: string[] = [];
  for (const file of await listFiles(tree)) if ((await readFile(path.join(tree, file), 'utf8')).includes(word)) found.push(file);
  return found;
}

describe('an article taken down (deleted, or made a draft) or corrected', () => {
  // A legal takedown: the tree kept beside dist/ for the next incremental build (.dist-spare) held the whole
  // site as it was before, the article's page, feeds and search files included, until a later build changed
  // something; a build with nothing else changed never touched it. A corrected article's old text likewise.
  it.each([
    ['deleted', (root: string) => rm(path.join(root, FLORIDA))],
    ['made a draft', async (root: string) => writeFile(path.join(root, FLORIDA), (await readFile(path.join(root, FLORIDA), 'utf8')).replace('date:', 'draft: true\ndate:'))],
    ['corrected', async (root: string) => writeFile(path.join(root, FLORIDA), (await readFile(path.join(root, FLORIDA), 'utf8')).replace('produktivne', 'koristne'))],
  ])('leaves no trace of the old text in dist/ or beside it once %s', async (_case, takeDown) => {
    const root = await copyFixture('search');
    const outDir = path.join(await folder(), 'dist');
    // Two builds first, so that a spare tree exists, as on any site built more than once.
    await buildSite(root, { outDir });
    await writeFile(path.join(root, 'content/articles/2025/vreme.md'), `${await readFile(path.join(root, 'content/articles/2025/vreme.md'), 'utf8')}\nDodatek.\n`);
    await buildSite(root, { outDir });
    expect(await filesHolding(outDir, 'produktivne')).not.toEqual([]);

    await takeDown(root);
    await buildSite(root, { outDir });
    expect(await filesHolding(outDir, 'produktivne')).toEqual([]);
    expect(await filesHolding(path.join(path.dirname(outDir), '.dist-spare'), 'produktivne')).toEqual([]);

    // The next edit still publishes the site a fresh build makes.
    await writeFile(path.join(root, 'content/articles/2025/kremelj.md'), `${await readFile(path.join(root, 'content/articles/2025/kremelj.md'), 'utf8')}\nDodatek.\n`);
    await buildSite(root, { outDir });
    const fresh = await buildSite(root, { cache: false });
    const files = await listFiles(outDir);
    expect(files).toEqual(await fresh.files());
    for (const file of files) expect(await readFile(path.join(outDir, file), 'utf8'), file).toBe(await readFile(path.join(fresh.outDir, file), 'utf8'));
  });
});
