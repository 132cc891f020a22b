import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSite } from '../../src/commands/check.ts';
import { startDevServer, type DevServer } from '../../src/dev/server.ts';
import type { DevLoadReport } from '../../src/dev/vite-plugin.ts';
import { buildUnlessUnchanged } from '../../src/pipeline/unchanged.ts';
import { buildFixture, copyFixture, makeTempDir, removeDir, waitFor } from '../helpers.ts';

const BASE = 'https://www.dnevnik-primer.si/arhiv';
const NOW = new Date('2026-01-01T00:00:00Z');

/** The addresses sitemap.xml lists, in its order, each with its lastmod ('' for none). */
function listed(xml: string): [string, string][] {
  return [...xml.matchAll(/<url><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?<\/url>/g)].map((match) => [match[1]!, match[2] ?? '']);
}

describe('pages kept in public/ in the sitemap', () => {
  it('lists the HTML pages of public/ under the base path, undated, but not those that ask not to be indexed, send the browser on or name another address canonical', async () => {
    const site = await buildFixture('public-pages');
    try {
      const entries = listed(await site.read('/sitemap.xml'));
      const publicEntries = entries.filter(([url]) => !/\/arhiv\/(?:$|2025\/|oznake\/|osebe\/|iskanje\/)/.test(url));
      expect(publicEntries).toEqual([
        [`${BASE}/arhiv%202010/%C4%8Dlanek.htm`, ''],
        // Its canonical link names its own address.
        [`${BASE}/o-nas/`, ''],
        // A refresh that names no address only reloads the page.
        [`${BASE}/posebno/v-zivo.html`, ''],
        // Its noindex is in a comment and a script.
        [`${BASE}/posebno/volitve-2018.html`, ''],
        // Left out: volitve-2018-tisk.html, whose canonical link names volitve-2018.html.
        // Left out: the files that prove to Google, Yandex and Pinterest that the newsroom owns the site
        // (google1a2b3c4d5e6f7a8b.html, yandex_0a1b2c3d4e5f6a7b.html, pinterest-1a2b3c4d5e.html at public/'s top),
        // which are no pages.
      ]);
      expect(await site.read('/google1a2b3c4d5e6f7a8b.html')).toBe('google-site-verification: google1a2b3c4d5e6f7a8b.html');
      expect(await site.read('/pinterest-1a2b3c4d5e.html')).toContain('p:domain_verify');
      // The build's own pages come first, as before; its 404 page replaces public/404.html and stays out.
      expect(entries[0]).toEqual([`${BASE}/`, '2025-03-04T10:00:00+01:00']);
      expect(entries.some(([url]) => url.endsWith('404.html'))).toBe(false);
      expect(site.result.model.warnings.map((warning) => [warning.code, warning.file])).toEqual([['public/shadowed', 'public/404.html']]);
      // Each listed page is published at that address.
      expect(await site.read('/o-nas/')).toContain('Uredništvo arhiva.');
      expect(await site.read('/arhiv 2010/članek.htm')).toContain('Članek iz leta 2010');
    } finally {
      await removeDir(path.dirname(site.outDir));
    }
  });

  it('warns once when pages of public/ are left out because their canonical links name another host, and not for a copy of a page of this site', async () => {
    const root = await copyFixture('public-pages');
    const outDir = path.join(await makeTempDir('arhivar-dist-'), 'dist');
    const page = (canonical: string) => `<!DOCTYPE html>\n<html lang="sl"><head><meta charset="utf-8"><link rel="canonical" href="${canonical}"><title>Stara stran</title></head><body></body></html>\n`;
    const canonicalWarnings = (warnings: readonly { code: string; file?: string | undefined; message: string; hint?: string | undefined }[]) =>
      warnings.filter((warning) => warning.code === 'public/canonical-other-host').map(({ file, message, hint }) => ({ file, message, hint }));
    try {
      // An old site's pages moved here, their canonical links still naming the old host.
      for (const name of ['leto-2012', 'leto-2013', 'leto-2014', 'leto-2015']) {
        await writeFile(path.join(root, `public/stari/${name}.html`), page(`https://stari.example.si/stari/${name}.html`));
      }
      // Another page of this same host, outside the base path: a copy of a page of this site, as volitve-2018-tisk.html.
      await writeFile(path.join(root, 'public/stari/kazalo.html'), page('https://www.dnevnik-primer.si/kazalo/'));
      // The same, named over plain http and without www.: this site still.
      await writeFile(path.join(root, 'public/stari/kazalo-2.html'), page('http://dnevnik-primer.si/kazalo/'));
      const built = await buildUnlessUnchanged({ root, outDir, now: NOW });
      const expected = {
        file: 'public',
        message:
          '4 pages of public/ are left out of the sitemap: their canonical links name another host (stari.example.si), not this site\'s www.dnevnik-primer.si, so they tell search engines to index the pages there instead: public/stari/leto-2012.html, public/stari/leto-2013.html, public/stari/leto-2014.html and 1 more',
        hint: `if these pages now live here, change their canonical links to this site's address (${BASE}/…) or remove the links, and the next build lists them; if they are copies of the pages their links name, which stay there, leave them as they are`,
      };
      expect(canonicalWarnings(built.warnings)).toEqual([expected]);
      expect(listed(await readFile(path.join(outDir, 'sitemap.xml'), 'utf8')).map(([url]) => url).filter((url) => url.includes('/stari/'))).toEqual([]);
      // npm run check tells it too, without building.
      expect(canonicalWarnings((await checkSite({ root, now: NOW })).warnings)).toEqual([expected]);

      // Once the links name this site (or the pages are gone), nothing is told.
      // Over plain http or without www., as an old site named itself, the page still names itself.
      const ownAddress = { 'leto-2012': BASE, 'leto-2013': BASE.replace('https:', 'http:'), 'leto-2014': BASE.replace('www.', ''), 'leto-2015': BASE.replace('https://www.', 'http://') };
      for (const [name, base] of Object.entries(ownAddress)) {
        await writeFile(path.join(root, `public/stari/${name}.html`), page(`${base}/stari/${name}.html`));
      }
      const fixed = await buildUnlessUnchanged({ root, outDir, now: NOW });
      expect(canonicalWarnings(fixed.warnings)).toEqual([]);
      expect(listed(await readFile(path.join(outDir, 'sitemap.xml'), 'utf8')).map(([url]) => url).filter((url) => url.includes('/stari/'))).toEqual([
        `${BASE}/stari/leto-2012.html`,
        `${BASE}/stari/leto-2013.html`,
        `${BASE}/stari/leto-2014.html`,
        `${BASE}/stari/leto-2015.html`,
      ]);
      expect(canonicalWarnings((await checkSite({ root, now: NOW })).warnings)).toEqual([]);
    } finally {
      await removeDir(root);
      await removeDir(path.dirname(outDir));
    }
  });

  it('tells of one page whose canonical link names another host in the singular, in the build and in arhivar dev', async () => {
    const root = await copyFixture('public-pages');
    const outDir = path.join(await makeTempDir('arhivar-dist-'), 'dist');
    const loads: DevLoadReport[] = [];
    let server: DevServer | undefined;
    const told = (warnings: readonly { code: string; message: string }[]) => warnings.filter((warning) => warning.code === 'public/canonical-other-host').map(({ message }) => message);
    const expected = [
      '1 page of public/ is left out of the sitemap: its canonical link names another host (stari.example.si), not this site\'s www.dnevnik-primer.si, so it tells search engines to index the page there instead: public/stari/leto-2012.html',
    ];
    try {
      await writeFile(path.join(root, 'public/stari/leto-2012.html'), '<!DOCTYPE html>\n<link rel="canonical" href="https://stari.example.si/2012/"><title>2012</title>\n');
      expect(told((await buildUnlessUnchanged({ root, outDir, now: NOW })).warnings)).toEqual(expected);
      server = await startDevServer({ root, port: 0, logLevel: 'silent', onLoad: (report) => loads.push(report) });
      await waitFor(() => loads.length > 0, 'the first load');
      expect(told(loads[0]!.warnings)).toEqual(expected);
    } finally {
      await server?.close();
      await removeDir(root);
      await removeDir(path.dirname(outDir));
    }
  });

  it('lists a page added to public/ in the next build, and leaves it out once it asks not to be indexed', async () => {
    const root = await copyFixture('public-pages');
    const outDir = path.join(await makeTempDir('arhivar-dist-'), 'dist');
    const sitemap = async () => listed(await readFile(path.join(outDir, 'sitemap.xml'), 'utf8')).map(([url]) => url);
    try {
      await buildUnlessUnchanged({ root, outDir, now: NOW });
      expect(await sitemap()).not.toContain(`${BASE}/kontakt.html`);
      await writeFile(path.join(root, 'public/kontakt.html'), '<!DOCTYPE html>\n<title>Kontakt</title>\n<p>Pišite nam.</p>\n');
      const added = await buildUnlessUnchanged({ root, outDir, now: NOW });
      expect(added.unchanged).toBe(false);
      expect(await sitemap()).toContain(`${BASE}/kontakt.html`);
      await writeFile(path.join(root, 'public/kontakt.html'), '<!DOCTYPE html>\n<meta name="robots" content="none">\n<title>Kontakt</title>\n');
      await buildUnlessUnchanged({ root, outDir, now: NOW });
      expect(await sitemap()).not.toContain(`${BASE}/kontakt.html`);
      expect(await sitemap()).toContain(`${BASE}/o-nas/`);
    } finally {
      await removeDir(root);
      await removeDir(path.dirname(outDir));
    }
  });

  it('arhivar dev serves the sitemap the build writes, and lists a page added to public/ once the site reloads', async () => {
    const root = await copyFixture('public-pages');
    const built = path.join(await makeTempDir('arhivar-dist-'), 'dist');
    const server = await startDevServer({ root, port: 0, logLevel: 'silent' });
    const sitemap = async () => (await fetch(new URL('/arhiv/sitemap.xml', server.url))).text();
    try {
      await buildUnlessUnchanged({ root, outDir: built, now: new Date() });
      const published = await readFile(path.join(built, 'sitemap.xml'), 'utf8');
      expect(listed(published).map(([url]) => url)).toContain(`${BASE}/o-nas/`);
      expect(await sitemap()).toBe(published);
      await writeFile(path.join(root, 'public/kontakt.html'), '<!DOCTYPE html>\n<title>Kontakt</title>\n');
      // The watcher and the reload are asynchronous: ask until the new load is served (at most ~15 s).
      let served = '';
      for (let attempt = 0; attempt < 150 && !served.includes('kontakt.html'); attempt++) {
        served = await sitemap();
        if (!served.includes('kontakt.html')) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(listed(served).map(([url]) => url)).toContain(`${BASE}/kontakt.html`);
    } finally {
      await server.close();
      await removeDir(root);
      await removeDir(path.dirname(built));
    }
  });
});
