import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArhivarError } from '../../src/errors.ts';
import { buildSite, copyFixture, removeDir } from '../helpers.ts';

const made: string[] = [];
afterEach(async () => {
  for (const folder of made.splice(0)) await removeDir(folder);
});

/** archive-basic with these articles added to content/articles/2025/, each a file name → [date, tags line]. */
async function siteWith(articles: Record<string, [date: string, tags: string]>): Promise<string> {
  const root = await copyFixture('archive-basic');
  made.push(root);
  for (const [name, [date, tags]] of Object.entries(articles)) {
    await writeFile(path.join(root, 'content/articles/2025', `${name}.md`), `---\ntitle: Članek ${name}\ndate: ${date}\ntags: ${tags}\n---\n\nBesedilo članka ${name}.\n`);
  }
  return root;
}

async function build(root: string) {
  const site = await buildSite(root);
  made.push(path.dirname(site.outDir));
  return site;
}

const merged = (warnings: readonly ArhivarError[]) => warnings.filter((w) => w.code === 'article/tags-merged').map((w) => [w.file, w.line, w.message, w.hint]);

describe('tags that share an address', () => {
  it('warns when two different words give one slug (Kras, Kraš), at the article whose word lost its name, fresh and from .cache/', async () => {
    const root = await siteWith({
      kras: ['2025-12-10', '[Kras, vino]'],
      kras2: ['2025-12-11', '[Kras]'],
      kras3: ['2025-12-12', '[Kraš]'],
    });
    for (const run of ['fresh', 'from .cache/']) {
      const site = await build(root);
      expect(merged(site.result.model.warnings), run).toEqual([
        [
          'content/articles/2025/kras2.md',
          4,
          'tag "Kras" has the address /oznake/kras/, as tag "Kraš" of content/articles/2025/kras3.md has, so they are one tag, named "Kraš" (2 articles say "Kras")',
          'if "Kras" and "Kraš" are different things, write one of them so that its address differs (such as "Kras (pokrajina)" beside "Kraš"); if they are one, spell it as "Kraš" everywhere',
        ],
      ]);
      // What the warning says is what the site does: one page, named by the newest article.
      expect(await site.read('/oznake/kras/')).toContain('<h1>Kraš</h1>');
    }
  });

  it('warns about a second spelling in the same list, which the article itself drops', async () => {
    const root = await siteWith({ oba: ['2025-12-10', '[Kraš, Kras]'] });
    const site = await build(root);
    expect(merged(site.result.model.warnings).map(([file, line, message]) => [file, line, message])).toEqual([
      ['content/articles/2025/oba.md', 4, 'tag "Kras" has the address /oznake/kras/, as tag "Kraš" of content/articles/2025/oba.md has, so they are one tag, named "Kraš" (1 article says "Kras")'],
    ]);
  });

  it('does not warn when the spellings differ only in capitals or spaces (ZDA, zda; »Ukrajina «), which are one tag', async () => {
    const root = await siteWith({
      a: ['2025-12-10', '[ZDA, Evropska unija, " Ukrajina"]'],
      b: ['2025-12-11', '[zda, Evropska Unija, "Ukrajina  "]'],
      c: ['2025-12-12', '[Zda, EVROPSKA UNIJA, UKRAJINA]'],
    });
    const site = await build(root);
    expect(merged(site.result.model.warnings)).toEqual([]);
    expect(await site.read('/oznake/zda/')).toContain('<h1>Zda</h1>');
  });
});

// Unicode's bidi algorithm takes a number after right-to-left text into its run: on /oznake/ »Hamas حماس 2 članka«
// showed as »Hamas 2 حماس članka«, and »غزة 2025 1 članek« as »1 2025 غزة članek«. A <bdi> keeps the tag to itself.
describe('a tag with right-to-left text on /oznake/', () => {
  it('is isolated from the count after it; a Latin tag needs no <bdi>', async () => {
    const root = await siteWith({
      a: ['2025-12-10', '[Hamas حماس, "غزة 2025", vino]'],
      b: ['2025-12-11', '[Hamas حماس]'],
    });
    const index = await (await build(root)).read('/oznake/');
    expect(index).toContain('<a href="/oznake/hamas/"><bdi>Hamas حماس</bdi></a> <span class="count">2\u00a0članka</span>');
    expect(index).toContain('<a href="/oznake/2025/"><bdi>غزة 2025</bdi></a> <span class="count">1\u00a0članek</span>');
    expect(index).toContain('<a href="/oznake/vino/">vino</a> <span class="count">');
  });
});
