import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { ContentErrors } from '../../src/errors.ts';
import { findBrokenLinks } from '../../src/output/links.ts';
import { buildSite, copyFixture } from '../helpers.ts';
import { parseFeed } from '../helpers/parse-feed.ts';

const PRVI = 'content/articles/2025/prvi.md';
const DRUGI = 'content/articles/2025/drugi.md';

/** Adds `redirectFrom: …` under the date line of an article of a copy of archive-basic. */
async function redirect(root: string, file: string, value: string): Promise<void> {
  const full = path.join(root, file);
  await writeFile(full, (await readFile(full, 'utf8')).replace(/^date: .*$/m, (line) => `${line}\nredirectFrom: ${value}`));
}

async function errorsOf(root: string) {
  try {
    await buildSite(root);
  } catch (error) {
    if (error instanceof ContentErrors) return error.errors.map((e) => `${e.file}:${e.line} ${e.code} ${e.message}`);
    throw error;
  }
  throw new Error('built without errors');
}

describe('redirectFrom: an article keeps its earlier addresses', () => {
  it('writes a page at each that sends the reader on, outside the sitemap, and every link resolves', async () => {
    const root = await copyFixture('archive-basic');
    await redirect(root, PRVI, '[/2025/01/09/prvi-clanek/, /2024/12/31/stari-naslov]');
    const site = await buildSite(root);
    const html = await site.read('/2025/01/09/prvi-clanek/');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/2025/01/10/prvi-clanek-o-obcini/"/>');
    expect(html).toContain('<link rel="canonical" href="https://arhiv.testni-dnevnik.si/2025/01/10/prvi-clanek-o-obcini/"/>');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).toContain('<a href="/2025/01/10/prvi-clanek-o-obcini/">Prvi članek o občini</a>');
    expect(await site.read('/2024/12/31/stari-naslov/')).toContain('content="0; url=/2025/01/10/prvi-clanek-o-obcini/"');
    const sitemap = await site.read('/sitemap.xml');
    expect(sitemap).toContain('/2025/01/10/prvi-clanek-o-obcini/');
    expect(sitemap).not.toContain('prvi-clanek/');
    expect(sitemap).not.toContain('stari-naslov');
    // Not a page of the archive: no year page for 2024, not in the lists.
    expect(await site.files()).not.toContain('2024/index.html');
    expect(await findBrokenLinks(site.outDir)).toEqual([]);
  });

  it('sends the reader to the article from its address with or without the final slash, as some hosts serve a folder at both', async () => {
    // Netlify with Pretty URLs off, Vercel by default, Render and Azure Static Web Apps answer /2025/01/09/prvi-clanek
    // with the folder's index.html and no redirect: a relative address (../prvi-clanek-o-obcini/) resolved there
    // leads to /2025/01/prvi-clanek-o-obcini/, the 404 page.
    const root = await copyFixture('archive-basic');
    await redirect(root, PRVI, '/2025/01/09/prvi-clanek/');
    const person = path.join(root, 'content/people/boris-cok.md');
    await writeFile(person, (await readFile(person, 'utf8')).replace('gender: m', 'gender: m\nredirectFrom: [ana-novak]'));
    const config = path.join(root, 'content/site.yaml');
    for (const base of ['https://arhiv.testni-dnevnik.si/', 'https://example.si/arhiv/']) {
      await writeFile(config, (await readFile(config, 'utf8')).replace(/^baseUrl: .*$/m, `baseUrl: ${base}`));
      const site = await buildSite(root);
      const sendsOn: [string, string][] = [['2025/01/09/prvi-clanek/', '2025/01/10/prvi-clanek-o-obcini/'], ['osebe/ana-novak/', 'osebe/boris-cok/']];
      for (const [from, to] of sendsOn) {
        const html = await site.read(`/${from}`);
        const refresh = /content="0; url=([^"]+)"/.exec(html)?.[1];
        const link = /<a href="([^"]+)">/.exec(html)?.[1];
        for (const address of [base + from, base + from.slice(0, -1)]) {
          expect(new URL(refresh ?? '', address).href).toBe(base + to);
          expect(new URL(link ?? '', address).href).toBe(base + to);
        }
      }
    }
  });

  it('follows the title, the site title and baseUrl: a rebuild into the same dist/ renders the redirect again', async () => {
    const root = await copyFixture('archive-basic');
    await redirect(root, PRVI, '/2025/01/09/prvi-clanek/');
    const { outDir } = await buildSite(root);
    const file = path.join(root, PRVI);
    await writeFile(file, (await readFile(file, 'utf8')).replace('title: "Prvi članek o občini"', 'title: "Prvi članek o občini Žalec"\nslug: prvi-clanek-o-obcini'));
    const retitled = await buildSite(root, { outDir });
    expect(await retitled.read('/2025/01/09/prvi-clanek/')).toContain('>Prvi članek o občini Žalec</a>');
    const config = path.join(root, 'content/site.yaml');
    await writeFile(config, (await readFile(config, 'utf8')).replace('title: Testni arhiv', 'title: Preizkusni arhiv').replace('https://arhiv.testni-dnevnik.si/', 'https://example.si/arhiv/'));
    const moved = await (await buildSite(root, { outDir })).read('/2025/01/09/prvi-clanek/');
    expect(moved).toContain('<title>Prvi članek o občini Žalec – Preizkusni arhiv</title>');
    expect(moved).toContain('<link rel="canonical" href="https://example.si/arhiv/2025/01/10/prvi-clanek-o-obcini/"/>');
  });

  it('keeps the feed entry of a corrected headline under its first address, so feed readers update it instead of showing it twice', async () => {
    const root = await copyFixture('archive-basic');
    const entryOf = async (site: Awaited<ReturnType<typeof buildSite>>, feedUrl: string) => {
      const { items } = await parseFeed(await site.read(feedUrl));
      return items.find((item) => item.title.startsWith('Prvi članek o občini'));
    };
    const before = await entryOf(await buildSite(root), '/feed.xml');
    expect(before?.guid).toBe('https://arhiv.testni-dnevnik.si/2025/01/10/prvi-clanek-o-obcini/');
    const file = path.join(root, PRVI);
    await writeFile(file, (await readFile(file, 'utf8')).replace('title: "Prvi članek o občini"', 'title: "Prvi članek o občini Žalec"'));
    await redirect(root, PRVI, '[/2025/01/10/prvi-clanek-o-obcini/, /2025/01/10/prvi-clanek-o-obcini-zalec-osnutek/]');
    const site = await buildSite(root);
    for (const feedUrl of ['/feed.xml', '/oznake/preizkus/feed.xml', '/osebe/darja-zagar/feed.xml']) {
      const after = await entryOf(site, feedUrl);
      expect(after?.title).toBe('Prvi članek o občini Žalec');
      expect(after?.link).toBe('https://arhiv.testni-dnevnik.si/2025/01/10/prvi-clanek-o-obcini-zalec/');
      expect(after?.guid).toBe(before?.guid);
    }
  });

  it('refuses an address that is no article address, with the line and a hint', async () => {
    const root = await copyFixture('archive-basic');
    await redirect(root, PRVI, '[https://arhiv.testni-dnevnik.si/2025/01/09/prvi-clanek/, /novice/clanek.php]');
    const errors = await errorsOf(root);
    expect(errors).toEqual([
      `${PRVI}:4 article/bad-redirectFrom redirectFrom "https://arhiv.testni-dnevnik.si/2025/01/09/prvi-clanek/" is a whole web address; redirectFrom takes only the part of it after the site's address`,
      `${PRVI}:4 article/bad-redirectFrom redirectFrom "/novice/clanek.php" is not the address of an article of this site (/year/month/day/slug/)`,
    ]);
  });

  it('refuses an address where an article is published, or that another article redirects from', async () => {
    const root = await copyFixture('archive-basic');
    await redirect(root, PRVI, '[/2025/01/10/prvi-clanek-o-obcini/, /2025/02/11/drugi-clanek/, /2025/01/01/skupni/]');
    await redirect(root, DRUGI, '/2025/01/01/skupni/');
    expect(await errorsOf(root)).toEqual([
      `${PRVI}:4 article/redirect-taken redirectFrom names /2025/01/10/prvi-clanek-o-obcini/, which is this article's own address`,
      `${PRVI}:4 article/redirect-taken redirectFrom names /2025/02/11/drugi-clanek/, the address of ${DRUGI}`,
      `${PRVI}:4 article/redirect-taken redirectFrom names /2025/01/01/skupni/, which ${DRUGI} also redirects from`,
    ]);
  });

  it('refuses a clash with an article held back for its date now, not when the embargo ends', async () => {
    const root = await copyFixture('archive-basic');
    await redirect(root, PRVI, '/2026/03/01/napoved/');
    await writeFile(path.join(root, 'content/articles/2025/napoved.md'), '---\ntitle: Napoved\ndate: 2026-03-01T08:00\nredirectFrom: /2025/02/11/drugi-clanek/\n---\n\nBesedilo.\n');
    expect(await errorsOf(root)).toEqual([
      'content/articles/2025/napoved.md:4 article/redirect-taken redirectFrom names /2025/02/11/drugi-clanek/, the address of content/articles/2025/drugi.md',
      `${PRVI}:4 article/redirect-taken redirectFrom names /2026/03/01/napoved/, the address of content/articles/2025/napoved.md`,
    ]);
    // A draft may clash while it is written.
    await writeFile(path.join(root, 'content/articles/2025/napoved.md'), '---\ntitle: Napoved\ndate: 2026-03-01T08:00\ndraft: true\nredirectFrom: /2025/02/11/drugi-clanek/\n---\n\nBesedilo.\n');
    await expect(buildSite(root)).resolves.toBeDefined();
  });

  it('arhivar check reports a #fragment link to a redirect page, whose refresh drops it, and names the new address to link', async () => {
    const root = await copyFixture('archive-basic');
    await redirect(root, PRVI, '/2025/01/09/prvi-clanek/');
    const drugi = path.join(root, DRUGI);
    await writeFile(drugi, `${(await readFile(drugi, 'utf8')).trimEnd()}\n\nGlej [prvi članek](/2025/01/09/prvi-clanek/#razprava) in [njegov začetek](/2025/01/09/prvi-clanek/).\n`);
    expect(await main(['build', '--root', root], { out: () => {}, err: () => {} })).toBe(0);
    const printed: string[] = [];
    expect(await main(['check', '--root', root], { out: () => {}, err: (line) => printed.push(line) })).toBe(1);
    const reports = printed.filter((line) => line.includes('link/broken'));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain(`link "/2025/01/09/prvi-clanek/#razprava" leads to dist/2025/01/09/prvi-clanek/index.html, a page that only sends readers on to an article's new address (redirectFrom:), and that drops #razprava`);
    expect(reports[0]).toContain("hint: link the article's new address: /2025/01/10/prvi-clanek-o-obcini/#razprava");
  });

  it('is checked by arhivar check too, and nothing is written', async () => {
    const root = await copyFixture('archive-basic');
    await redirect(root, PRVI, '/2025/02/11/drugi-clanek/');
    const printed: string[] = [];
    expect(await main(['check', '--root', root], { out: () => {}, err: (line) => printed.push(line) })).toBe(1);
    expect(printed.join('\n')).toContain(`${PRVI}:4  article/redirect-taken`);
  });
});
