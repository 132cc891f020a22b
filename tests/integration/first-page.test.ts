import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startDevServer, type DevServer } from '../../src/dev/server.ts';
import { startStaticServer, type StaticServer as PreviewServer } from '../../src/dev/static-server.ts';
import { buildFixture, copyFixture, removeDir, type BuiltSite } from '../helpers.ts';
import { serveFolder, type StaticServer } from './design/static-server.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, findChromium, reportSkip } from './design/tools.ts';

/**
 * A list's first page is at the list's own address; `…/stran/1/` is nowhere (site/urls.ts paged). A reader who
 * types it or follows a link to it lands on the list: dev and preview answer with a redirect, and on a static
 * host the build's 404 page sends the browser on. tests/fixtures/base-path is published under /arhiv/, with
 * the tags zda, rusija and diplomacija, the people jurij-usakov and steve-witkoff and articles of December 2025.
 */
const BASE_PATH = '/arhiv/';

/** Where the built 404 page's script sends a browser at `address` (path, query and fragment); undefined when it stays. */
async function sentOnBy404Page(site: BuiltSite, address: string): Promise<string | undefined> {
  const html = await site.read('/404.html');
  const tag = /<script type="module" src="([^"]+)" data-root="([^"]+)"><\/script>/.exec(html);
  if (!tag) throw new Error(`404.html has no script with data-root:\n${html}`);
  const [, src, root] = tag;
  const code = await readFile(path.join(site.outDir, src!.slice(root!.length)), 'utf8');
  const url = new URL(address, 'https://example.si');
  let sentTo: string | undefined;
  const location = { pathname: url.pathname, search: url.search, hash: url.hash, replace: (to: string) => void (sentTo = to) };
  const document = { querySelector: (selector: string) => (selector === 'script[data-root]' ? { dataset: { root } } : null) };
  runInNewContext(code, { document, location });
  return sentTo;
}

describe('a list asked for as its page 1 (…/stran/1/)', () => {
  let site: BuiltSite;
  let rootSite: BuiltSite;

  beforeAll(async () => {
    [site, rootSite] = await Promise.all([buildFixture('base-path'), buildFixture('archive-basic')]);
  });

  afterAll(async () => {
    for (const built of [site, rootSite]) if (built) await removeDir(path.dirname(built.outDir));
  });

  it.each([
    ['/arhiv/stran/1/', '/arhiv/'],
    ['/arhiv/oznake/zda/stran/1/', '/arhiv/oznake/zda/'],
    ['/arhiv/oznake/zda/stran/1/?q=witkoff#vsebina', '/arhiv/oznake/zda/?q=witkoff#vsebina'],
    ['/arhiv/osebe/jurij-usakov/stran/1/', '/arhiv/osebe/jurij-usakov/'],
    ['/arhiv/osebe/jurij-usakov/avtor/stran/1/', '/arhiv/osebe/jurij-usakov/avtor/'],
    ['/arhiv/2025/12/stran/1/', '/arhiv/2025/12/'],
    ['/arhiv/2025/12/stran/1', '/arhiv/2025/12/'],
    ['/arhiv/2025/12/stran/1/index.html', '/arhiv/2025/12/'],
    // As the browser has the path, percent-encoded.
    ['/arhiv/osebe/%C5%BEiga/stran/1/', '/arhiv/osebe/%C5%BEiga/'],
  ])('the 404 page sends %s on to %s', async (address, expected) => {
    expect(await sentOnBy404Page(site, address)).toBe(expected);
  });

  it.each([
    // No list: a year, the tags' index, the search page, an article.
    ['/arhiv/2025/stran/1/'],
    ['/arhiv/oznake/stran/1/'],
    ['/arhiv/iskanje/stran/1/?q=witkoff'],
    ['/arhiv/2025/12/20/witkoff-na-floridi/stran/1/'],
    // A page past the last is another matter: `arhivar check` names it.
    ['/arhiv/oznake/zda/stran/9/'],
    // Outside the site's path: the host's, not the site's.
    ['/stran/1/'],
    ['/oznake/zda/stran/1/'],
  ])('the 404 page leaves a reader at %s where they are', async (address) => {
    expect(await sentOnBy404Page(site, address)).toBeUndefined();
  });

  it('the 404 page of a site at the root of its host sends on from the root', async () => {
    expect(await sentOnBy404Page(rootSite, '/oznake/preizkus/stran/1/?q=a')).toBe('/oznake/preizkus/?q=a');
    expect(await sentOnBy404Page(rootSite, '/stran/1/')).toBe('/');
    expect(await sentOnBy404Page(rootSite, '/arhiv/stran/1/')).toBeUndefined();
  });

  describe('on a static host, in Chromium', () => {
    const chromium = findChromium();
    const skip = reportSkip('the Chromium test of the 404 page (tests/integration/first-page.test.ts)', chromium);
    let host: StaticServer;
    let browser: Browser;

    beforeAll(async () => {
      if (skip) return;
      if (!chromium.available) throw new Error(`ARHIVAR_REQUIRE_BROWSER=1, but ${chromium.missing}`);
      host = await serveFolder(site.outDir, BASE_PATH);
      const { chromium: launcher } = await import('playwright-core');
      browser = await launcher.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    });

    afterAll(async () => {
      await browser?.close();
      await host?.close();
    });

    it.skipIf(skip).each([
      ['/arhiv/oznake/zda/stran/1/?q=witkoff#vsebina', '/arhiv/oznake/zda/?q=witkoff#vsebina', 'ZDA'],
      ['/arhiv/stran/1/', '/arhiv/', 'Najnovejši članki'],
      ['/arhiv/2025/12/stran/1', '/arhiv/2025/12/', 'December 2025'],
    ])('lands a reader at %s on %s', async (address, expected, heading) => {
      const context = await browser.newContext({ locale: 'sl-SI' });
      try {
        const page = await context.newPage();
        const response = await page.goto(host.origin + address);
        expect(response?.status()).toBe(404);
        await page.waitForURL(host.origin + expected);
        await expect.poll(() => page.locator('h1').textContent()).toContain(heading);
        // Replaced, not added: Back leads to where the reader came from (the tab's about:blank), not to the 404 page.
        expect(await page.evaluate(() => history.length)).toBe(2);
      } finally {
        await context.close();
      }
    });
  });

  /** Status and Location of `address` asked of a server at `origin`, its redirects not followed. */
  async function answer(origin: string, address: string): Promise<[number, string | null]> {
    const response = await fetch(new URL(address, origin), { redirect: 'manual' });
    await response.arrayBuffer();
    return [response.status, response.headers.get('location')];
  }

  // 302, not 301: a browser keeps a 301 for good, so an article's redirectFrom: or a page of public/ put at such an
  // address later (served before any redirect is looked for) would never be asked for from that browser again.
  const serverCases: [string, [number, string | null]][] = [
    ['/arhiv/stran/1/', [302, '/arhiv/']],
    ['/arhiv/oznake/zda/stran/1/?q=witkoff', [302, '/arhiv/oznake/zda/?q=witkoff']],
    ['/arhiv/osebe/jurij-usakov/stran/1/', [302, '/arhiv/osebe/jurij-usakov/']],
    ['/arhiv/2025/12/stran/1', [302, '/arhiv/2025/12/']],
    ['/arhiv/2025/12/stran/1/index.html', [302, '/arhiv/2025/12/']],
    ['/arhiv/stran/2/', [200, null]],
    // Only a list the site has: no tag »ni-je«, no bylines of Jurij Ušakov, no articles in March 2025.
    ['/arhiv/oznake/ni-je/stran/1/', [404, null]],
    ['/arhiv/osebe/jurij-usakov/avtor/stran/1/', [404, null]],
    ['/arhiv/2025/03/stran/1/', [404, null]],
    ['/arhiv/2025/stran/1/', [404, null]],
  ];

  describe('npm run preview', () => {
    let preview: PreviewServer;
    beforeAll(async () => {
      preview = await startStaticServer({ dir: site.outDir, port: 0, basePath: BASE_PATH });
    });
    afterAll(async () => {
      await preview?.close();
    });

    it.each(serverCases)('answers %s with %j', async (address, expected) => {
      expect(await answer(preview.url, address)).toEqual(expected);
    });
  });

  describe('npm run dev', () => {
    let root: string;
    let dev: DevServer;
    beforeAll(async () => {
      root = await copyFixture('base-path');
      dev = await startDevServer({ root, port: 0, logLevel: 'silent' });
    });
    afterAll(async () => {
      await dev?.close();
      if (root) await removeDir(root);
    });

    it.each(serverCases)('answers %s with %j', async (address, expected) => {
      expect(await answer(dev.url, address)).toEqual(expected);
    });
  });
});
