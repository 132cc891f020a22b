import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrokenLinks } from '../../src/output/links.ts';
import { buildFixture, buildSite, copyFixture, removeDir, type BuiltSite } from '../helpers.ts';
import { documentElements } from '../support/html.ts';

/**
 * tests/fixtures/base-path is published at https://example.si/arhiv/: a newsroom's archive under a path of
 * its host. Every URL the built site gives a browser, a feed reader or a crawler must lead under that path,
 * while dist/ keeps the layout a site at the root of its host has (dist/ is what goes to /arhiv/).
 */
const BASE = 'https://example.si/arhiv/';
const BASE_PATH = '/arhiv/';

/** What `value` leads to from the page published at `pageUrl`, or undefined for a link within the page. */
function target(value: string, pageUrl: string): string | undefined {
  if (value.startsWith('#')) return undefined;
  return new URL(value, pageUrl).href;
}

/** The URL of a file of dist/ once it is published. */
const publishedUrl = (file: string) => BASE + file.replace(/(^|\/)index\.html$/, '$1');

describe('a site published under a path (baseUrl https://example.si/arhiv/)', () => {
  let site: BuiltSite;
  let files: string[];

  beforeAll(async () => {
    site = await buildFixture('base-path');
    files = await site.files();
  });

  afterAll(async () => {
    await removeDir(path.dirname(site.outDir));
  });

  const text = (file: string) => readFile(path.join(site.outDir, file), 'utf8');

  it('links every page, asset, feed and search file under the path', async () => {
    const pages = files.filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    const outside: string[] = [];
    let checked = 0;
    for (const file of pages) {
      for (const element of documentElements(await text(file))) {
        for (const [name, value] of Object.entries(element.attrs)) {
          const isUrl = ['href', 'src', 'action', 'formaction'].includes(name) || (name.startsWith('data-') && value.startsWith('/'));
          if (!isUrl) continue;
          checked++;
          // From the host's root, a link must name the path; wherever it leads on the host, it must be under it.
          const leads = target(value, publishedUrl(file));
          const fromRoot = value.startsWith('/') && !value.startsWith('//');
          if ((fromRoot && !value.startsWith(BASE_PATH)) || (leads?.startsWith('https://example.si/') && !leads.startsWith(BASE))) {
            outside.push(`${file}: <${element.tag} ${name}="${value}">`);
          }
        }
      }
    }
    expect(outside).toEqual([]);
    expect(checked).toBeGreaterThan(300);
    // The ones that were from the host's root before, by name.
    const search = await text('iskanje/index.html');
    expect(search).toMatch(/<link rel="stylesheet" href="\/arhiv\/assets\/site-[\w-]+\.css"/);
    expect(search).toMatch(/<script type="module" src="\/arhiv\/assets\/search-[\w-]+\.js"/);
    expect(search).toContain('action="/arhiv/iskanje/" data-index="/arhiv/iskanje/indeks.json"');
    expect(search).toContain('<a href="/arhiv/osebe/">Osebe</a>');
    expect(search).toContain('type="application/atom+xml" title="Arhiv pod potjo" href="/arhiv/feed.xml"');
  });

  it('gives absolute URLs under the path in canonical links, Open Graph and JSON-LD', async () => {
    const article = await text('2025/12/20/witkoff-na-floridi/index.html');
    expect(article).toContain('<link rel="canonical" href="https://example.si/arhiv/2025/12/20/witkoff-na-floridi/"');
    const elements = documentElements(article);
    const jsonLd = elements.filter((element) => element.tag === 'script' && element.attrs.type === 'application/ld+json').map((element) => element.text);
    expect(jsonLd.length).toBeGreaterThan(0);
    const urls = jsonLd.flatMap((json) => [...json.matchAll(/"(?:url|item|@id|mainEntityOfPage)":"([^"]*)"/g)].map((match) => match[1]!));
    expect(urls.length).toBeGreaterThan(3);
    for (const url of urls) expect(url.startsWith(BASE), url).toBe(true);
  });

  it('names every URL of the feeds, the sitemap and robots.txt under the path', async () => {
    const xml = files.filter((file) => file.endsWith('.xml'));
    expect(xml).toContain('feed.xml');
    expect(xml).toContain('osebe/steve-witkoff/feed.xml');
    for (const file of xml) {
      const body = await text(file);
      const addresses = [...body.matchAll(/(?:href|scheme|xml:base)="([^"]*)"|<(?:id|uri|loc)>([^<]*)</g)].map((match) => match[1] ?? match[2]!);
      expect(addresses.length, file).toBeGreaterThan(0);
      for (const address of addresses) expect(address.startsWith(BASE), `${file}: ${address}`).toBe(true);
    }
    const sitemap = await text('sitemap.xml');
    expect(sitemap).toContain('<loc>https://example.si/arhiv/</loc>');
    expect(sitemap).toContain('<loc>https://example.si/arhiv/osebe/steve-witkoff/</loc>');
    const robots = await text('robots.txt');
    expect(robots).toContain('\nSitemap: https://example.si/arhiv/sitemap.xml\n');
    expect(robots).toContain('# Crawlers read robots.txt only at the root of a host, https://example.si/robots.txt.');
  });

  it('writes search files whose folder and results lead under the path', async () => {
    const manifest = JSON.parse(await text('iskanje/indeks.json')) as { base: string; chunkFiles: string[] };
    expect(manifest.base).toBe('/arhiv/iskanje/indeks/');
    const results: string[] = [];
    for (const name of manifest.chunkFiles) {
      // The manifest's folder is where dist/ holds the files, under the path.
      const chunk = JSON.parse(await text(`${manifest.base.slice(BASE_PATH.length)}d/${name}.json`)) as { u: string }[];
      results.push(...chunk.map((entry) => entry.u));
    }
    expect(results.sort()).toEqual([
      '/arhiv/2024/03/15/promet-v-ljubljani/',
      '/arhiv/2024/06/01/vreme-v-zagrebu/',
      '/arhiv/2025/11/03/witkoff-v-berlinu/',
      '/arhiv/2025/12/10/usakov-o-pogovorih-v-moskvi/',
      '/arhiv/2025/12/20/witkoff-na-floridi/',
    ]);
  });

  it('passes the link check at the path, and fails it as a site at the root of its host', async () => {
    expect(await findBrokenLinks(site.outDir, { basePath: BASE_PATH })).toEqual([]);
    expect((await findBrokenLinks(site.outDir)).length).toBeGreaterThan(100);
  });

  it('keeps the layout of dist/ that the same site at the root of its host has', async () => {
    const root = await copyFixture('base-path');
    try {
      const siteYaml = path.join(root, 'content', 'site.yaml');
      await writeFile(siteYaml, (await readFile(siteYaml, 'utf8')).replace(BASE, 'https://arhiv.example.si/'));
      const atRoot = await buildSite(root);
      try {
        // Search chunks are named by their content, which holds the results' URLs.
        const layout = (list: string[]) => list.map((file) => file.replace(/^iskanje\/indeks\/d\/[\w-]+\.json$/, 'iskanje/indeks/d/…'));
        expect(layout(await atRoot.files())).toEqual(layout(files));
        expect(await atRoot.read('/')).toMatch(/<link rel="stylesheet" href="\/assets\/site-[\w-]+\.css"/);
      } finally {
        await removeDir(path.dirname(atRoot.outDir));
      }
    } finally {
      await removeDir(root);
    }
  });
});
