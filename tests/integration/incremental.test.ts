import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFile, cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, loadSite, sitePages } from '../../src/build.ts';
import { ContentErrors } from '../../src/errors.ts';
import { readContent } from '../../src/content/read.ts';
import { buildAssets } from '../../src/output/assets.ts';
import { writeSite } from '../../src/output/write.ts';
import type { PageSpec } from '../../src/render/pages.ts';
import { buildUnlessUnchanged } from '../../src/pipeline/unchanged.ts';
import { copyFixture, listFiles, makeTempDir } from '../helpers.ts';
import { engineOver, runQuery } from '../search-helpers.ts';

const NOW = new Date('2026-01-01T00:00:00Z');
const PRVI = 'content/articles/2025/prvi.md';
const PRVI_PAGE = '2025/01/10/prvi-clanek-o-obcini/index.html';

async function snapshot(directory: string): Promise<Map<string, { sha: string; ino: number; mtimeMs: number }>> {
  const result = new Map<string, { sha: string; ino: number; mtimeMs: number }>();
  for (const file of await listFiles(directory)) {
    const absolute = path.join(directory, file);
    const info = await stat(absolute);
    result.set(file, { sha: createHash('sha256').update(await readFile(absolute)).digest('hex'), ino: info.ino, mtimeMs: info.mtimeMs });
  }
  return result;
}

const contents = (shot: Awaited<ReturnType<typeof snapshot>>) => new Map([...shot].map(([file, { sha }]) => [file, sha]));

/** The same site built from scratch without any cache: what every incremental build must equal. */
async function freshBuild(root: string): Promise<Map<string, string>> {
  const outDir = path.join(await makeTempDir('arhivar-fresh-'), 'dist');
  await build({ root, outDir, now: NOW, cache: false });
  return contents(await snapshot(outDir));
}

/** Every folder under `directory` that holds nothing, relative to it. */
async function emptyFolders(directory: string): Promise<string[]> {
  const empty: string[] = [];
  for (const entry of await readdir(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = path.join(entry.parentPath, entry.name);
    if ((await readdir(folder)).length === 0) empty.push(path.relative(directory, folder));
  }
  return empty.sort();
}

describe('incremental builds (issue 6)', () => {
  it('rewrites nothing when nothing changed, only the changed files after an edit, and always equals a fresh build', async () => {
    const root = await copyFixture('archive-basic');
    const outDir = path.join(await makeTempDir('arhivar-dist-'), 'dist');
    const first = await build({ root, outDir, now: NOW });
    expect(first.filesWritten).toBe((await listFiles(outDir)).length);
    const afterFirst = await snapshot(outDir);

    const unchanged = await build({ root, outDir, now: NOW });
    expect(unchanged.filesWritten).toBe(0);
    expect(unchanged.pagesRendered).toBe(0);
    expect(await snapshot(outDir)).toEqual(afterFirst);

    // An edit to the body changes the article page, the site feed (it carries full text), the search
    // manifest and the search files that hold the article's words; every other file is left alone (same
    // inode: hard-linked).
    await appendFile(path.join(root, PRVI), '\nŽupan je dodal, da bo most zgrajen do jeseni.\n');
    const edited = await build({ root, outDir, now: NOW });
    const afterEdit = await snapshot(outDir);
    expect(await readFile(path.join(outDir, PRVI_PAGE), 'utf8')).toContain('most zgrajen do jeseni');
    const mayChange = (file: string) => [PRVI_PAGE, 'feed.xml', 'iskanje/indeks.json'].includes(file) || file.startsWith('iskanje/indeks/');
    let changed = 0;
    for (const [file, entry] of afterEdit) {
      const before = afterFirst.get(file);
      if (before?.sha !== entry.sha) changed++;
      if (file === PRVI_PAGE) expect(entry.sha).not.toBe(before!.sha);
      else if (!mayChange(file)) expect(entry.ino, file).toBe(before!.ino);
    }
    expect(edited.filesWritten).toBe(changed);
    expect(changed).toBeLessThan(10);
    expect(contents(afterEdit)).toEqual(await freshBuild(root));

    // A second edit goes through the spare tree kept from the first build; a title change touches lists too.
    const source = await readFile(path.join(root, PRVI), 'utf8');
    await writeFile(path.join(root, PRVI), source.replace('title: "Prvi članek o občini"', 'title: "Prvi članek o občini"\nslug: prvi-clanek-o-obcini\nsummary: Nov povzetek za sezname.'));
    const second = await build({ root, outDir, now: NOW });
    expect(second.filesWritten).toBeGreaterThan(1);
    expect(await readFile(path.join(outDir, 'stran/2/index.html'), 'utf8')).toContain('Nov povzetek za sezname.');
    expect(contents(await snapshot(outDir))).toEqual(await freshBuild(root));

    // A deleted article disappears from dist/.
    await rm(path.join(root, PRVI));
    await build({ root, outDir, now: NOW });
    const afterDelete = await snapshot(outDir);
    expect(afterDelete.has(PRVI_PAGE)).toBe(false);
    expect(contents(afterDelete)).toEqual(await freshBuild(root));

    // Deleting .cache/ is safe: everything is written again, the result is the same.
    await rm(path.join(root, '.cache'), { recursive: true, force: true });
    const recovered = await build({ root, outDir, now: NOW });
    expect(recovered.filesWritten).toBe(afterDelete.size);
    expect(contents(await snapshot(outDir))).toEqual(contents(afterDelete));
  });

  it('leaves no empty folder in dist/ where a page went, also one the spare tree had lost the page of already', async () => {
    const root = await copyFixture('archive-basic');
    const outDir = path.join(await makeTempDir('arhivar-dist-'), 'dist');
    await build({ root, outDir, now: NOW });
    await rm(path.join(root, 'content/articles/2025/tretji.md'));
    await build({ root, outDir, now: NOW });
    // Each edit adds to the article's summary, so the second pages of the lists that show it change too, and the
    // spare tree (the dist/ before) lacks them.
    for (const added of ['Prvi dodatek.', 'Drugi dodatek.']) {
      await appendFile(path.join(root, PRVI), `${added}\n`);
      await build({ root, outDir, now: NOW });
    }
    // One article fewer: the home page's, a person's and a tag's list fit on one page, and /stran/2/ goes.
    const drugi = path.join(root, 'content/articles/2025/drugi.md');
    await writeFile(drugi, (await readFile(drugi, 'utf8')).replace(/^title:/m, 'draft: true\ntitle:'));
    await build({ root, outDir, now: NOW });
    // An empty folder at /stran/2/ is answered 403 by a server that lists no folders (nginx, Apache), not 404.
    expect(await emptyFolders(outDir)).toEqual([]);
    expect(contents(await snapshot(outDir))).toEqual(await freshBuild(root));
  });

  it('makes the search files again when dist/ is gone but .cache/ still names them', async () => {
    const root = await copyFixture('archive-basic');
    const outDir = path.join(await makeTempDir('arhivar-dist-'), 'dist');
    await build({ root, outDir, now: NOW });
    // .cache/ says which search files were published; none of them can be reused from a deleted dist/.
    await rm(outDir, { recursive: true });
    await build({ root, outDir, now: NOW });
    expect(contents(await snapshot(outDir))).toEqual(await freshBuild(root));

    // Nor from a dist/ put back by hand with one search file missing (the folder is not the one published).
    const chunk = (await listFiles(outDir)).find((file) => file.startsWith('iskanje/indeks/d/'))!;
    await rename(outDir, `${outDir}-moved`);
    await cp(`${outDir}-moved`, outDir, { recursive: true });
    await rm(path.join(outDir, chunk));
    await appendFile(path.join(root, PRVI), '\nŽupan je dodal, da bo most zgrajen do jeseni.\n');
    await build({ root, outDir, now: NOW });
    expect(contents(await snapshot(outDir))).toEqual(await freshBuild(root));
  });

  it('builds a copy of the project with its .cache/ (a CI job restoring it) from that cache, equal to a fresh build', async () => {
    const root = await copyFixture('archive-basic');
    await buildUnlessUnchanged({ root, now: NOW });
    // A fresh clone in another folder, with .cache/ restored and no dist/: every content file is new to the file system.
    const copy = await makeTempDir('arhivar-clone-');
    await cp(root, copy, { recursive: true, filter: (source) => path.basename(source) !== 'dist' });
    const logs = async () => {
      const sizes = new Map<string, number>();
      for (const name of await readdir(path.join(copy, '.cache'))) if (/^(articles|markdown|people|search-terms)-.*\.log$/.test(name)) sizes.set(name, (await stat(path.join(copy, '.cache', name))).size);
      return sizes;
    };
    const before = await logs();
    expect([...before.keys()].map((name) => name.split('-')[0]).sort()).toEqual(['articles', 'markdown', 'people', 'search']);

    const summary = await buildUnlessUnchanged({ root: copy, now: NOW });
    expect(summary.unchanged).toBe(false);
    expect(contents(await snapshot(path.join(copy, 'dist')))).toEqual(await freshBuild(copy));
    expect(contents(await snapshot(path.join(copy, 'dist')))).toEqual(contents(await snapshot(path.join(root, 'dist'))));
    // Nothing was validated, rendered, searched for people or indexed again: no log gained a record.
    expect(await logs()).toEqual(before);
  });

  it('keeps the records of the few output folders written last in .cache/, and builds a forgotten one afresh', async () => {
    const root = await copyFixture('archive-basic');
    const outDirs: string[] = [];
    for (let n = 0; n < 6; n++) {
      outDirs.push(path.join(await makeTempDir('arhivar-dist-'), 'dist'));
      await build({ root, outDir: outDirs[n]!, now: NOW });
    }
    const records = (await readdir(path.join(root, '.cache'))).filter((name) => /^output-[0-9a-f]{12}\.bin$/.test(name));
    expect(records).toHaveLength(4);
    const recordOf = (outDir: string) => `output-${createHash('sha1').update(outDir).digest('hex').slice(0, 12)}.bin`;
    expect(records.sort()).toEqual(outDirs.slice(2).map(recordOf).sort());

    // The first folder's record is gone: an edit rewrites that folder whole, and it is right.
    await appendFile(path.join(root, PRVI), '\nŽupan je dodal, da bo most zgrajen do jeseni.\n');
    const rebuilt = await build({ root, outDir: outDirs[0]!, now: NOW });
    expect(rebuilt.filesWritten).toBe((await listFiles(outDirs[0]!)).length);
    expect(contents(await snapshot(outDirs[0]!))).toEqual(await freshBuild(root));
  });

  it('lets go of the article texts only when the caller will not read them again (arhivar build)', async () => {
    const root = await copyFixture('archive-basic');
    const outDir = path.join(await makeTempDir('arhivar-dist-'), 'dist');
    const kept = await readContent(root);
    await build({ root, outDir, now: NOW, sources: kept });
    expect(kept.articles.every((source) => source.text.length > 0)).toBe(true);
    const released = await readContent(root);
    await rm(path.join(root, '.cache'), { recursive: true, force: true });
    await build({ root, outDir, now: NOW, sources: released, releaseSources: true });
    expect(released.articles.map((source) => source.text)).toEqual(released.articles.map(() => ''));
    // Released after use: the site is the same.
    expect(contents(await snapshot(outDir))).toEqual(await freshBuild(root));
  });

  it('shows an edited bio and role, though the people files were read from .cache/ before', async () => {
    const root = await copyFixture('archive-basic');
    const outDir = path.join(await makeTempDir('arhivar-dist-'), 'dist');
    await build({ root, outDir, now: NOW });
    await build({ root, outDir, now: NOW });
    const file = path.join(root, 'content/people/eva-sever.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('preizkusna oseba', 'županja').replace('Kratek opis osebe Eva Sever.', 'Eva Sever je **županja** od leta 2022.'));
    await build({ root, outDir, now: NOW });
    const page = await readFile(path.join(outDir, 'osebe/eva-sever/index.html'), 'utf8');
    expect(page).toContain('<strong>županja</strong> od leta 2022');
    expect(contents(await snapshot(outDir))).toEqual(await freshBuild(root));
  });

  it('indexes an alias added to a person file for the articles tagged with the person, as a fresh build does', async () => {
    const root = await copyFixture('archive-basic');
    const outDir = path.join(await makeTempDir('arhivar-dist-'), 'dist');
    await build({ root, outDir, now: NOW });
    const found = async (query: string) => (await runQuery(engineOver(outDir).engine, query)).results.map((result) => result.url);
    expect(await found('Evelina')).toEqual([]);
    const file = path.join(root, 'content/people/eva-sever.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('gender: f\n', 'gender: f\naliases: [Evelina Sever]\n'));
    await build({ root, outDir, now: NOW });
    // Četrti članek is tagged with Eva Sever (people:), and no text writes Evelina.
    expect(await found('Evelina')).toEqual(['/2025/04/13/cetrti-clanek/']);
    expect(contents(await snapshot(outDir))).toEqual(await freshBuild(root));
  });

  it('gives a person a page when a draft naming them is published, and takes it away when it is a draft again', async () => {
    const root = await copyFixture('archive-basic');
    const outDir = path.join(await makeTempDir('arhivar-dist-'), 'dist');
    const file = path.join(root, 'content/articles/2025/osnutek.md');
    const draft = '---\ntitle: "Osnutek o Ani Cankar"\ndate: 2025-06-01\ndraft: true\npeople: [Ana Cankar]\n---\n\nAna Cankar je predstavila načrt.\n';
    await writeFile(file, draft);
    await build({ root, outDir, now: NOW });
    const personPage = 'osebe/ana-cankar/index.html';
    expect((await snapshot(outDir)).has(personPage)).toBe(false);

    await writeFile(file, draft.replace('draft: true\n', ''));
    await build({ root, outDir, now: NOW });
    const published = await snapshot(outDir);
    expect(published.has(personPage)).toBe(true);
    expect(published.has('osebe/ana-cankar/feed.xml')).toBe(true);
    expect(contents(published)).toEqual(await freshBuild(root));

    await writeFile(file, draft);
    await build({ root, outDir, now: NOW });
    const draftAgain = await snapshot(outDir);
    expect([...draftAgain.keys()].filter((name) => name.includes('ana-cankar'))).toEqual([]);
    expect(await readFile(path.join(outDir, 'osebe/index.html'), 'utf8')).not.toContain('Cankar');
    expect(contents(draftAgain)).toEqual(await freshBuild(root));
  });

  it("follows an author: line to the writers' person pages, each build equal to a fresh one", async () => {
    const root = await copyFixture('byline');
    await writeFile(path.join(root, 'content/site.yaml'), 'title: Novice Savinja\nbaseUrl: https://example.si/arhiv/\npageSize: 4\n');
    const outDir = path.join(await makeTempDir('arhivar-dist-'), 'dist');
    const articles = path.join(root, 'content/articles/2025');
    const setAuthor = async (file: string, from: string, to: string) => {
      const text = await readFile(path.join(articles, file), 'utf8');
      expect(text).toContain(`author: ${from}\n`);
      await writeFile(path.join(articles, file), text.replace(`author: ${from}\n`, `author: ${to}\n`));
    };
    const lipnik = (shot: Awaited<ReturnType<typeof snapshot>>) => [...shot.keys()].filter((name) => name.startsWith('osebe/cene-lipnik/'));
    await build({ root, outDir, now: NOW });
    expect(lipnik(await snapshot(outDir))).toEqual(['osebe/cene-lipnik/avtor/index.html', 'osebe/cene-lipnik/index.html']);

    // Cene Lipnik's only byline goes: his page goes with it, and so does the link to it.
    await setAuthor('proracun.md', 'Ana Novak, Bor Kos in Cene Lipnik', 'Ana Novak in Bor Kos');
    await build({ root, outDir, now: NOW });
    const without = await snapshot(outDir);
    expect(lipnik(without)).toEqual([]);
    expect(contents(without)).toEqual(await freshBuild(root));

    // He signs another article: the page is back, listing it.
    await setAuthor('nagrada.md', 'STA, Reuters', 'Cene Lipnik, STA');
    await build({ root, outDir, now: NOW });
    const back = await snapshot(outDir);
    expect(await readFile(path.join(outDir, 'osebe/cene-lipnik/index.html'), 'utf8')).toContain('novinarska-nagrada-za-preiskovalno-zgodbo/');
    expect(contents(back)).toEqual(await freshBuild(root));

    // An article of Ana Novak's in the middle of her list changes hands: her list's second page loses one.
    await setAuthor('gasilci.md', 'Ana Novak', 'Bor Kos');
    await build({ root, outDir, now: NOW });
    const moved = await snapshot(outDir);
    expect(moved.has('osebe/ana-novak/avtor/stran/2/index.html')).toBe(true);
    expect(await readFile(path.join(outDir, 'osebe/ana-novak/avtor/index.html'), 'utf8')).not.toContain('gasilci-dobili-novo-vozilo');
    expect(contents(moved)).toEqual(await freshBuild(root));
  });

  it('re-renders every page that shows the site settings when site.yaml changes', async () => {
    const root = await copyFixture('archive-basic');
    const outDir = path.join(await makeTempDir('arhivar-dist-'), 'dist');
    await build({ root, outDir, now: NOW });
    const site = path.join(root, 'content/site.yaml');
    await writeFile(site, (await readFile(site, 'utf8')).replace(/^title: .*$/m, 'title: Novi naslov arhiva'));
    const result = await build({ root, outDir, now: NOW });
    // All but sitemap.xml and robots.txt, which depend on baseUrl and the list of pages alone.
    expect(result.pagesRendered).toBe(result.pagesWritten - 2);
    expect(await readFile(path.join(outDir, PRVI_PAGE), 'utf8')).toContain('Novi naslov arhiva');
  });

  it('moves every URL when baseUrl gains a path, changes it or loses it, each build equal to a fresh one', async () => {
    const root = await copyFixture('archive-basic');
    const outDir = path.join(await makeTempDir('arhivar-dist-'), 'dist');
    await build({ root, outDir, now: NOW });
    const atRoot = contents(await snapshot(outDir));
    const site = path.join(root, 'content/site.yaml');
    const original = await readFile(site, 'utf8');
    for (const baseUrl of ['https://arhiv.testni-dnevnik.si/arhiv/', 'https://arhiv.testni-dnevnik.si/novice/arhiv/', 'https://arhiv.testni-dnevnik.si/']) {
      await writeFile(site, original.replace(/^baseUrl: .*$/m, `baseUrl: ${baseUrl}`));
      const result = await build({ root, outDir, now: NOW });
      const built = contents(await snapshot(outDir));
      expect(built, baseUrl).toEqual(await freshBuild(root));
      // Every page and feed links under the path, and so does the search manifest.
      expect(result.pagesRendered, baseUrl).toBe(result.pagesWritten);
      const basePath = new URL(baseUrl).pathname;
      expect(await readFile(path.join(outDir, PRVI_PAGE), 'utf8')).toMatch(new RegExp(`<link rel="stylesheet" href="${basePath}assets/site-`));
      expect(JSON.parse(await readFile(path.join(outDir, 'iskanje/indeks.json'), 'utf8')).base).toBe(`${basePath}iskanje/indeks/`);
    }
    // Back at the root of the host: the site it was at first.
    expect(contents(await snapshot(outDir))).toEqual(atRoot);
  });

  it('detects people again when the registry changes, reusing cached detections otherwise (issue 6)', async () => {
    const root = await copyFixture('people-labelled');
    const outDir = path.join(await makeTempDir('arhivar-dist-'), 'dist');
    await build({ root, outDir, now: NOW });
    const page = '2023/11/07/obrtnik-iz-vipave-praznuje-jubilej/index.html';
    expect(await readFile(path.join(outDir, page), 'utf8')).not.toContain('/osebe/joze-kovac/');
    const unchanged = await build({ root, outDir, now: NOW });
    expect(unchanged.filesWritten).toBe(0);

    // A new person file: detections cached under the old registry must not be reused.
    await writeFile(path.join(root, 'content/people/joze-kovac.md'), '---\nname: Jože Kovač\nrole: kovač\ngender: m\n---\n');
    const added = await build({ root, outDir, now: NOW });
    expect(added.filesWritten).toBeGreaterThan(0);
    expect(await readFile(path.join(outDir, page), 'utf8')).toContain('/osebe/joze-kovac/');
    expect(contents(await snapshot(outDir))).toEqual(await freshBuild(root));

    // Removing it again brings back the first output (the old detections are found again in .cache/).
    await rm(path.join(root, 'content/people/joze-kovac.md'));
    await build({ root, outDir, now: NOW });
    expect(await readFile(path.join(outDir, page), 'utf8')).not.toContain('/osebe/joze-kovac/');
    expect(contents(await snapshot(outDir))).toEqual(await freshBuild(root));

    // A role alone changes a guessed gender (no gender: in the file), and with it the forms looked for.
    const mlinar = path.join(root, 'content/people/boris-mlinar.md');
    const mlinarPage = '2024/02/08/bolnisnica-dobila-novega-direktorja/index.html';
    expect(await readFile(path.join(outDir, mlinarPage), 'utf8')).toContain('/osebe/boris-mlinar/');
    await writeFile(mlinar, (await readFile(mlinar, 'utf8')).replace('direktor bolnišnice', 'direktorica bolnišnice'));
    await build({ root, outDir, now: NOW });
    expect(await readFile(path.join(outDir, mlinarPage), 'utf8')).not.toContain('/osebe/boris-mlinar/');
    expect(contents(await snapshot(outDir))).toEqual(await freshBuild(root));
  });

  it('spells a tag on every article as its tag page does, also after the spelling that names it changes', async () => {
    const root = await copyFixture('archive-basic');
    const outDir = path.join(await makeTempDir('arhivar-dist-'), 'dist');
    const newest = path.join(root, 'content/articles/2025/peti.md');
    const retag = async (from: string, to: string) => writeFile(newest, (await readFile(newest, 'utf8')).replace(`tags: [${from}]`, `tags: [${to}]`));
    const tagNames = async () => {
      const page = await readFile(path.join(outDir, PRVI_PAGE), 'utf8');
      const tagPage = await readFile(path.join(outDir, 'oznake/preizkus/index.html'), 'utf8');
      return [page.match(/href="\/oznake\/preizkus\/"[^>]*>([^<]+)</)?.[1], tagPage.match(/<h1>([^<]+)<\/h1>/)?.[1]];
    };
    await build({ root, outDir, now: NOW });
    expect(await tagNames()).toEqual(['preizkus', 'preizkus']);
    // The newest article's spelling names the tag: an older article's page, unchanged itself, follows it.
    await retag('preizkus', 'Preizkus');
    await build({ root, outDir, now: NOW });
    expect(await tagNames()).toEqual(['Preizkus', 'Preizkus']);
    expect(contents(await snapshot(outDir))).toEqual(await freshBuild(root));
    await retag('Preizkus', 'preizkus');
    await build({ root, outDir, now: NOW });
    expect(await tagNames()).toEqual(['preizkus', 'preizkus']);
    expect(contents(await snapshot(outDir))).toEqual(await freshBuild(root));
  });

  it.each([
    ['removed by something else', async (file: string) => rm(file)],
    // A folder cannot be hard-linked (EPERM): every later build failed with system/no-permission until dist/ was deleted.
    ['replaced by a folder of the same name', async (file: string) => {
      await rm(file);
      await mkdir(path.join(file, 'stran'), { recursive: true });
    }],
    // Its folder made a file: link(2) says ENOTDIR, and every later build ended in »arhivar failed unexpectedly«.
    ['taken away with its folder, a file of that name in its place', async (file: string) => {
      await rm(path.dirname(file), { recursive: true });
      await writeFile(path.dirname(file), 'x');
    }],
  ])('builds again, writing every file, when a file of dist/ was %s', async (_case, change) => {
    const root = await copyFixture('archive-basic');
    const outDir = path.join(root, 'dist');
    await buildUnlessUnchanged({ root, now: NOW });
    await change(path.join(outDir, 'osebe/eva-sever/index.html'));
    // A later build that keeps that page links it from dist/: it must not fail, then or ever after.
    await appendFile(path.join(root, PRVI), '\nDodan stavek.\n');
    const summary = await buildUnlessUnchanged({ root, now: NOW });
    expect(summary.warnings.map((warning) => [warning.code, warning.file])).toEqual([['output/changed-outside', 'dist/osebe/eva-sever/index.html']]);
    expect(contents(await snapshot(outDir))).toEqual(await freshBuild(root));
    // The warning was about that run, not the content: a build with nothing changed does not repeat it.
    const again = await buildUnlessUnchanged({ root, now: NOW });
    expect(again.unchanged).toBe(true);
    expect(again.warnings).toEqual([]);
  });

  it('leaves dist/ byte for byte as it was when a build fails, even after it began writing the next tree', async () => {
    const root = await copyFixture('archive-basic');
    const outDir = path.join(await makeTempDir('arhivar-dist-'), 'dist');
    await build({ root, outDir, now: NOW });
    await appendFile(path.join(root, PRVI), '\nPrvi popravek.\n');
    await build({ root, outDir, now: NOW }); // now a spare tree exists
    const before = await snapshot(outDir);

    // Content errors stop the build before anything is written.
    await writeFile(path.join(root, 'content/articles/2025/slab.md'), '---\ntitle: Slab\ndate: 2025-13-45\n---\n\nBesedilo.\n');
    await expect(build({ root, outDir, now: NOW })).rejects.toBeInstanceOf(ContentErrors);
    expect(await snapshot(outDir)).toEqual(before);
    await rm(path.join(root, 'content/articles/2025/slab.md'));

    // A page that fails to render after others were streamed into the spare tree.
    await appendFile(path.join(root, PRVI), '\nDrugi popravek.\n');
    const model = await loadSite({ root, now: NOW });
    const assets = await buildAssets(root);
    function* failing(): Generator<PageSpec> {
      yield* sitePages(model, assets.urls);
      yield { url: '/pokvarjena/', render: () => { throw new Error('template failed'); } };
    }
    await expect(writeSite(root, outDir, failing(), assets.files, { pendingBytesLimit: 0 })).rejects.toThrow('template failed');
    expect(await snapshot(outDir)).toEqual(before);

    // The half-written spare is not trusted afterwards.
    await build({ root, outDir, now: NOW });
    expect(await readFile(path.join(outDir, PRVI_PAGE), 'utf8')).toContain('Drugi popravek.');
    expect(contents(await snapshot(outDir))).toEqual(await freshBuild(root));
  });

  it('runs two builds of one site started together one after the other, and both publish what a fresh build does', async () => {
    const root = await copyFixture('archive-basic');
    const outDir = path.join(await makeTempDir('arhivar-dist-'), 'dist');
    await buildUnlessUnchanged({ root, outDir, now: NOW });
    for (const sentence of ['Prvi dodatek.', 'Drugi dodatek.', 'Tretji dodatek.']) {
      // Each pair of builds after an edit: without the lock both updated the same spare tree, and dist/
      // kept files that no record named (seen with 300 articles: search files left behind for good).
      await appendFile(path.join(root, PRVI), `\n${sentence}\n`);
      const waited: string[] = [];
      const results = await Promise.all(
        [0, 1].map(() => buildUnlessUnchanged({ root, outDir, now: NOW, onWaitForOtherBuild: (_holder, lockPath) => waited.push(lockPath) })),
      );
      expect(waited).toEqual([path.join(path.dirname(outDir), '.dist-lock')]);
      // The one that waited found the other's build already published.
      expect(results.map((result) => result.unchanged).sort()).toEqual([false, true]);
      expect(await readFile(path.join(outDir, PRVI_PAGE), 'utf8')).toContain(sentence);
      expect(contents(await snapshot(outDir))).toEqual(await freshBuild(root));
    }
    expect((await readdir(path.dirname(outDir))).sort()).toEqual(['.dist-spare', 'dist']);
  });
  it('puts the published site back after a build killed mid-swap, so that even a failing next build leaves it in place', async () => {
    const root = await copyFixture('archive-basic');
    const outDir = path.join(await makeTempDir('arhivar-dist-'), 'dist');
    await buildUnlessUnchanged({ root, outDir, now: NOW });
    const before = contents(await snapshot(outDir));
    // What a build killed between its two renames leaves: dist/ moved to its old name, the new tree staged.
    const killed = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => killed.on('exit', resolve));
    await rename(outDir, path.join(path.dirname(outDir), `.dist-old-${killed.pid}`));
    await cp(path.join(path.dirname(outDir), `.dist-old-${killed.pid}`), path.join(path.dirname(outDir), `.dist-staging-${killed.pid}`), { recursive: true });
    await writeFile(path.join(root, 'content/articles/2025/slab.md'), '---\ntitle: Slab\ndate: 2025-13-45\n---\n\nBesedilo.\n');
    await expect(buildUnlessUnchanged({ root, outDir, now: NOW })).rejects.toBeInstanceOf(ContentErrors);
    expect(contents(await snapshot(outDir))).toEqual(before);
    expect((await readdir(path.dirname(outDir))).filter((name) => name.includes(`-${killed.pid}`) && !name.includes('-trash-'))).toEqual([]);
    await rm(path.join(root, 'content/articles/2025/slab.md'));
    await appendFile(path.join(root, PRVI), '\nPo prekinitvi.\n');
    await buildUnlessUnchanged({ root, outDir, now: NOW });
    expect(contents(await snapshot(outDir))).toEqual(await freshBuild(root));
  });
});
