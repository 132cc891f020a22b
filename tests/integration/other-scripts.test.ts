import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, makeTempDir, type BuiltSite } from '../helpers.ts';

/** Tags and people written in Cyrillic get pages whose addresses are in Latin letters, and a title's ligature keeps its letters. */
let root: string;
let site: BuiltSite;

beforeAll(async () => {
  root = await makeTempDir('arhivar-scripts-');
  await mkdir(path.join(root, 'content/articles'), { recursive: true });
  await mkdir(path.join(root, 'content/people'), { recursive: true });
  await writeFile(path.join(root, 'content/site.yaml'), 'title: Arhiv\n');
  await writeFile(path.join(root, 'content/people/vladimir-putin.md'), '---\nname: Vladimir Putin\ngender: m\n---\n');
  await writeFile(
    path.join(root, 'content/articles/finale.md'),
    '---\ntitle: "Rokomet v Čačku: ﬁnale"\ndate: 2025-12-22\ntags: [Україна, Србија]\npeople: [Владимир Путин, Ђорђе Балашевић]\n---\n\nBesedilo.\n',
  );
  site = await buildSite(root);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  if (site) await rm(path.dirname(site.outDir), { recursive: true, force: true });
});

describe('names in Cyrillic and a title with a ligature', () => {
  it('publish under Latin addresses, with the names shown as written', async () => {
    const article = await site.read('/2025/12/22/rokomet-v-cacku-finale/');
    expect(article).toContain('Rokomet v Čačku: ﬁnale');
    for (const href of ['/oznake/ukrajina/', '/oznake/srbija/', '/osebe/vladimir-putin/', '/osebe/djordje-balasevic/']) expect(article).toContain(`href="${href}"`);
    expect(await site.read('/oznake/ukrajina/')).toContain('Україна');
    expect(await site.read('/osebe/djordje-balasevic/')).toContain('Ђорђе Балашевић');
  });

  it('warns that a title whose address earlier versions made otherwise moved, and how to keep either', () => {
    const warnings = site.result.model.warnings.filter((warning) => warning.code === 'article/slug-changed');
    expect(warnings.map((warning) => [warning.file, warning.line, warning.hint])).toEqual([
      ['content/articles/finale.md', 2, 'if the article was published at the old address, add slug: rokomet-v-cacku-nale to keep it there; to keep the new one, add slug: rokomet-v-cacku-finale and redirectFrom: [/2025/12/22/rokomet-v-cacku-nale/], which sends links to the old address on to it'],
    ]);
  });

  it('finds the registry person a Cyrillic name in people stands for', async () => {
    const person = await site.read('/osebe/vladimir-putin/');
    expect(person).toContain('Vladimir Putin');
    expect(person).toContain('href="/2025/12/22/rokomet-v-cacku-finale/"');
  });
});
