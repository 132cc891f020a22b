import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDevServer } from '../../src/dev/server.ts';
import { buildUnlessUnchanged } from '../../src/pipeline/unchanged.ts';
import { buildFixture, copyFixture, makeTempDir, removeDir } from '../helpers.ts';

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
