import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { ContentErrors } from '../../src/errors.ts';
import { findBrokenLinks } from '../../src/output/links.ts';
import { buildSite, copyFixture } from '../helpers.ts';
import { parseFeed } from '../helpers/parse-feed.ts';

const OLD = 'content/people/darja-zagar.md';
const NEW = 'content/people/darja-zagar-novak.md';
const PERSON = (extra: string) => `---\nname: Darja Žagar Novak\ngender: f\n${extra}---\n\nKratek opis osebe.\n`;

/** archive-basic with darja-zagar.md renamed to darja-zagar-novak.md (her surname changed), with `extra` front matter. */
async function renamed(extra: string): Promise<string> {
  const root = await copyFixture('archive-basic');
  await rename(path.join(root, OLD), path.join(root, NEW));
  await writeFile(path.join(root, NEW), PERSON(extra));
  return root;
}

async function errorsOf(root: string): Promise<string[]> {
  try {
    await buildSite(root);
  } catch (error) {
    if (error instanceof ContentErrors) return error.errors.map((e) => `${e.file}:${e.line} ${e.code} ${e.message} | ${e.hint}`);
    throw error;
  }
  throw new Error('built without errors');
}

/** The ContentErrors a build of `root` into `outDir` fails with; any other failure, or none, fails the test. */
async function refusedBuild(root: string, outDir: string): Promise<ContentErrors> {
  const failure = await buildSite(root, { outDir }).then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(failure instanceof ContentErrors)) throw new Error(`expected the build to be refused with ContentErrors, got ${String(failure)}`);
  return failure;
}

describe("redirectFrom: in a person file keeps the person's earlier address", () => {
  it('sends each page of the old address on to the same page of the new one, outside the sitemap, and keeps the feed there', async () => {
    const root = await renamed('redirectFrom: [darja-zagar]\n');
    // A byline of hers too, so she has a page of the articles she wrote.
    const peti = path.join(root, 'content/articles/2025/peti.md');
    await writeFile(peti, (await readFile(peti, 'utf8')).replace('tags: [preizkus]', 'tags: [preizkus]\nauthor: Darja Žagar Novak'));
    const site = await buildSite(root);
    const files = await site.files();
    // The articles' people: [Darja Žagar], written before the rename, find her by her old address: one page, the new one.
    expect(files).toContain('osebe/darja-zagar-novak/index.html');
    expect(files).toContain('osebe/darja-zagar-novak/stran/2/index.html');
    const first = await site.read('/osebe/darja-zagar/');
    expect(first).toContain('<meta http-equiv="refresh" content="0; url=/osebe/darja-zagar-novak/"/>');
    expect(first).toContain('<link rel="canonical" href="https://arhiv.testni-dnevnik.si/osebe/darja-zagar-novak/"/>');
    expect(first).toContain('<meta name="robots" content="noindex"/>');
    expect(first).toContain('Stran osebe je na novem naslovu: <a href="/osebe/darja-zagar-novak/">Darja Žagar Novak</a>.');
    expect(await site.read('/osebe/darja-zagar/stran/2/')).toContain('content="0; url=/osebe/darja-zagar-novak/stran/2/"');
    expect(await site.read('/osebe/darja-zagar/avtor/')).toContain('content="0; url=/osebe/darja-zagar-novak/avtor/"');
    // Each names the page it sends the reader to, as that page's own title does.
    expect(await site.read('/osebe/darja-zagar/stran/2/')).toMatch(/<title>Darja Žagar Novak, stran\u00a02 – /);
    expect(await site.read('/osebe/darja-zagar/stran/2/')).toContain('>Darja Žagar Novak, stran\u00a02</a>');
    expect(await site.read('/osebe/darja-zagar/avtor/')).toMatch(/<title>[^<]*avtorski članki|<title>Članki, ki jih je napisal/);
    // No page of the list beyond the person's own.
    expect(files.filter((file) => file.startsWith('osebe/darja-zagar/')).sort()).toEqual([
      'osebe/darja-zagar/avtor/index.html',
      'osebe/darja-zagar/feed.xml',
      'osebe/darja-zagar/index.html',
      'osebe/darja-zagar/stran/2/index.html',
    ]);
    // A feed reader follows no refresh: the old feed goes on, with the id it had, and the person's articles.
    const oldFeed = await parseFeed(await site.read('/osebe/darja-zagar/feed.xml'));
    const newFeed = await parseFeed(await site.read('/osebe/darja-zagar-novak/feed.xml'));
    expect(oldFeed.items.map((item) => item.guid)).toEqual(newFeed.items.map((item) => item.guid));
    expect(oldFeed.items).toHaveLength(5);
    expect(await site.read('/osebe/darja-zagar/feed.xml')).toContain('<id>https://arhiv.testni-dnevnik.si/osebe/darja-zagar/feed.xml</id>');
    const sitemap = await site.read('/sitemap.xml');
    expect(sitemap).toContain('/osebe/darja-zagar-novak/');
    expect(sitemap).not.toContain('/osebe/darja-zagar/');
    expect(await findBrokenLinks(site.outDir)).toEqual([]);
  });

  it('takes the address as the old page has it, and follows a rebuild into the same dist/', async () => {
    const root = await renamed('redirectFrom: /osebe/darja-zagar/\n');
    const site = await buildSite(root);
    expect(await site.read('/osebe/darja-zagar/')).toContain('Darja Žagar Novak</a>.');
    await writeFile(path.join(root, NEW), PERSON('redirectFrom: /osebe/darja-zagar/\n').replace('name: Darja Žagar Novak', 'name: Darja Novak\naliases: [Darja Žagar]'));
    const again = await buildSite(root, { outDir: site.outDir });
    expect(await again.read('/osebe/darja-zagar/')).toContain('Stran osebe je na novem naslovu: <a href="/osebe/darja-zagar-novak/">Darja Novak</a>.');
  });

  it('arhivar check finds no fault with the pages, and names the new address for a #fragment link to an old one', async () => {
    const root = await renamed('redirectFrom: [darja-zagar]\n');
    const quiet = { out: () => {}, err: () => {} };
    expect(await main(['build', '--root', root], quiet)).toBe(0);
    expect(await main(['check', '--root', root], quiet)).toBe(0);
    const drugi = path.join(root, 'content/articles/2025/drugi.md');
    await writeFile(drugi, `${(await readFile(drugi, 'utf8')).trimEnd()}\n\nGlej [njeno stran](/osebe/darja-zagar/#clanki).\n`);
    expect(await main(['build', '--root', root], quiet)).toBe(0);
    const printed: string[] = [];
    expect(await main(['check', '--root', root], { out: () => {}, err: (line) => printed.push(line) })).toBe(1);
    const report = printed.join('\n');
    expect(report).toContain("a page that only sends readers on to a person's new address (redirectFrom:), and that drops #clanki");
    expect(report).toContain("hint: link the person's new address: /osebe/darja-zagar-novak/#clanki");
  });

  it('refuses what is no earlier address of a person, with the line and the one to write', async () => {
    const root = await renamed('redirectFrom: [https://arhiv.testni-dnevnik.si/osebe/darja-zagar/, /osebe/darja-zagar/stran/2/, Darja Žagar, /2025/01/10/prvi/]\n');
    expect(await errorsOf(root)).toEqual([
      `${NEW}:4 person/bad-redirectFrom redirectFrom "https://arhiv.testni-dnevnik.si/osebe/darja-zagar/" is a whole web address; redirectFrom takes the person's old file name (or the path of their page) | write redirectFrom: [darja-zagar]`,
      `${NEW}:4 person/bad-redirectFrom redirectFrom "/osebe/darja-zagar/stran/2/" is one of the pages of /osebe/darja-zagar/; redirectFrom takes the person's address, and sends every page of it on, its later pages and its feed too | write redirectFrom: [darja-zagar]`,
      `${NEW}:4 person/bad-redirectFrom redirectFrom "Darja Žagar" is no person's address: that is the name of their file without .md, which holds only lowercase letters a–z, digits and single hyphens | write redirectFrom: [darja-zagar]`,
      `${NEW}:4 person/bad-redirectFrom redirectFrom "/2025/01/10/prvi/" is not the address of a person's page of this site (/osebe/ime-priimek/) | write the name of the person's old file without .md, like redirectFrom: [ana-novak]`,
    ]);
  });

  it("refuses an address where a person's page stands, or that another person redirects from", async () => {
    const root = await renamed('redirectFrom: [darja-zagar, darja-zagar-novak, boris-cok]\n');
    await writeFile(path.join(root, 'content/people/eva-sever.md'), '---\nname: Eva Sever\ngender: f\nredirectFrom: darja-zagar\n---\n');
    const errors = await errorsOf(root);
    expect(errors).toEqual([
      `${NEW}:4 person/redirect-taken redirectFrom names darja-zagar-novak, which is this person's own address (/osebe/darja-zagar-novak/) | remove darja-zagar-novak from redirectFrom`,
      `${NEW}:4 person/redirect-taken redirectFrom names boris-cok, the address of content/people/boris-cok.md (/osebe/boris-cok/) | an address leads to one page: remove boris-cok from one of the two files, or merge the two people into one file`,
      `content/people/eva-sever.md:4 person/redirect-taken redirectFrom names darja-zagar, which ${NEW} also redirects from | an address leads to one page: remove darja-zagar from one of the two files, or merge the two people into one file`,
    ]);
  });
});

describe('person/address-changed: a person page a build published, gone with no redirect to it', () => {
  const warningsOf = (site: Awaited<ReturnType<typeof buildSite>>) =>
    site.result.model.warnings.filter((w) => w.code === 'person/address-changed').map((w) => `${w.file}:${w.line} ${w.message} | ${w.hint}`);

  it('is told at the renamed file until its redirectFrom: lists the old name, in every build and in arhivar check', async () => {
    const root = await copyFixture('archive-basic');
    const first = await buildSite(root);
    expect(warningsOf(first)).toEqual([]);
    // A changed surname, the old name kept as an alias (the articles' people: lists and their text still say Darja Žagar).
    await rename(path.join(root, OLD), path.join(root, NEW));
    await writeFile(path.join(root, NEW), PERSON('aliases: [Darja Žagar]\n'));
    const told = [
      `${NEW}:2 Darja Žagar Novak's page was published at /osebe/darja-zagar/ and is now at /osebe/darja-zagar-novak/; nothing stands at the old address any more, so links already shared, and the old feed, lead to the 404 page | add redirectFrom: [darja-zagar], which sends readers and search engines from the old address on to the new one and keeps the old feed`,
    ];
    const renamedSite = await buildSite(root, { outDir: first.outDir });
    expect(warningsOf(renamedSite)).toEqual(told);
    // Published at the new address all the same, and told again by a build with nothing changed.
    expect(await renamedSite.files()).toContain('osebe/darja-zagar-novak/index.html');
    expect(warningsOf(await buildSite(root, { outDir: first.outDir }))).toEqual(told);
    const printed: string[] = [];
    await main(['check', '--root', root, '--out', first.outDir], { out: () => {}, err: (line) => printed.push(line) });
    expect(printed.join('\n')).toContain(`${NEW}:2  person/address-changed`);
    await writeFile(path.join(root, NEW), PERSON('aliases: [Darja Žagar]\nredirectFrom: [darja-zagar]\n'));
    expect(warningsOf(await buildSite(root, { outDir: first.outDir }))).toEqual([]);
    // The redirect taken out again: the old address is as lost as before.
    await writeFile(path.join(root, NEW), PERSON('aliases: [Darja Žagar]\n'));
    expect(warningsOf(await buildSite(root, { outDir: first.outDir }))).toEqual(told);
  });

  it('gives a redirectFrom: line without the entries person/redirect-taken refuses', async () => {
    const root = await copyFixture('archive-basic');
    const first = await buildSite(root);
    await rename(path.join(root, OLD), path.join(root, NEW));
    // Her new file name written where the old one belongs, and an address another person file has.
    await writeFile(path.join(root, NEW), PERSON('aliases: [Darja Žagar]\nredirectFrom: [darja-zagar-novak, boris-cok]\n'));
    const refused = await refusedBuild(root, first.outDir);
    expect(refused.errors.map((e) => e.code)).toEqual(['person/redirect-taken', 'person/redirect-taken']);
    const hints = refused.warnings.filter((w) => w.code === 'person/address-changed').map((w) => w.hint);
    expect(hints).toEqual([
      'change redirectFrom to redirectFrom: [darja-zagar], which sends readers and search engines from the old address on to the new one and keeps the old feed',
    ]);
  });

  // A second file of a person with a page (d-zagar.md beside darja-zagar.md) took the name by its file order, and the
  // failed build warned »Darja Žagar's page … is now at /osebe/d-zagar/« with »add redirectFrom: [darja-zagar]« to the
  // new file, where the fix is to delete one of the two.
  it('waits while two person files have one name, which of them the articles mean being left to file order', async () => {
    const root = await copyFixture('archive-basic');
    const first = await buildSite(root);
    await writeFile(path.join(root, 'content/people/d-zagar.md'), '---\nname: Darja Žagar\ngender: f\n---\n');
    const refused = await refusedBuild(root, first.outDir);
    expect(refused.errors.map((e) => e.code)).toEqual(['person/duplicate']);
    expect(refused.warnings.filter((w) => w.code === 'person/address-changed')).toEqual([]);
    // One file deleted, the build publishes again, with nothing to warn of.
    await rm(path.join(root, 'content/people/d-zagar.md'));
    expect(warningsOf(await buildSite(root, { outDir: first.outDir }))).toEqual([]);
  });

  // The record of a page is kept by its address, which is its file's name, so a file keeps it while its name: changes,
  // and the record takes the new name. Matching by file path would add nothing: the same path is the same address.
  it('is told of a file renamed a build after its name changed, the old name kept nowhere', async () => {
    const root = await copyFixture('archive-basic');
    const first = await buildSite(root);
    // Her surname changed: the name in her file and in the articles first, the file kept.
    await writeFile(path.join(root, OLD), PERSON(''));
    for (const file of ['prvi', 'drugi', 'tretji', 'cetrti', 'peti']) {
      const at = path.join(root, `content/articles/2025/${file}.md`);
      await writeFile(at, (await readFile(at, 'utf8')).replace('Darja Žagar', 'Darja Žagar Novak'));
    }
    const renamedName = await buildSite(root, { outDir: first.outDir });
    expect(warningsOf(renamedName)).toEqual([]);
    expect(await renamedName.files()).toContain('osebe/darja-zagar/index.html');
    // Then the file, to the new surname's slug.
    await rename(path.join(root, OLD), path.join(root, NEW));
    expect(warningsOf(await buildSite(root, { outDir: first.outDir }))).toEqual([
      `${NEW}:2 Darja Žagar Novak's page was published at /osebe/darja-zagar/ and is now at /osebe/darja-zagar-novak/; nothing stands at the old address any more, so links already shared, and the old feed, lead to the 404 page | add redirectFrom: [darja-zagar], which sends readers and search engines from the old address on to the new one and keeps the old feed`,
    ]);
  });

  it('is told of a renamed file whose person has a name with no slug (محمود عباس), followed by its letters as a byline links it', async () => {
    const root = await copyFixture('archive-basic');
    await writeFile(path.join(root, 'content/people/mahmud-abbas.md'), '---\nname: محمود عباس\n---\n\nPalestinski predsednik.\n');
    const peti = path.join(root, 'content/articles/2025/peti.md');
    await writeFile(peti, (await readFile(peti, 'utf8')).replace('tags: [preizkus]', 'tags: [preizkus]\nauthor: محمود عباس'));
    const first = await buildSite(root);
    expect(await first.files()).toContain('osebe/mahmud-abbas/index.html');
    await rename(path.join(root, 'content/people/mahmud-abbas.md'), path.join(root, 'content/people/mahmud-abas.md'));
    expect(warningsOf(await buildSite(root, { outDir: first.outDir }))).toEqual([
      `content/people/mahmud-abas.md:2 محمود عباس's page was published at /osebe/mahmud-abbas/ and is now at /osebe/mahmud-abas/; nothing stands at the old address any more, so links already shared, and the old feed, lead to the 404 page | add redirectFrom: [mahmud-abbas], which sends readers and search engines from the old address on to the new one and keeps the old feed`,
    ]);
  });

  it('says nothing of a person taken off the site, or of one renamed with no name they had', async () => {
    const root = await copyFixture('archive-basic');
    const first = await buildSite(root);
    await rm(path.join(root, 'content/people/eva-sever.md'));
    const cetrti = path.join(root, 'content/articles/2025/cetrti.md');
    await writeFile(cetrti, (await readFile(cetrti, 'utf8')).replace('people: [Darja Žagar, Eva Sever]', 'people: [Darja Žagar]'));
    await rename(path.join(root, OLD), path.join(root, NEW));
    await writeFile(path.join(root, NEW), PERSON(''));
    for (const file of ['prvi', 'drugi', 'tretji', 'cetrti', 'peti']) {
      const at = path.join(root, `content/articles/2025/${file}.md`);
      await writeFile(at, (await readFile(at, 'utf8')).replace('Darja Žagar', 'Darja Žagar Novak'));
    }
    const site = await buildSite(root, { outDir: first.outDir });
    expect(await site.files()).not.toContain('osebe/eva-sever/index.html');
    expect(warningsOf(site)).toEqual([]);
  });
});
