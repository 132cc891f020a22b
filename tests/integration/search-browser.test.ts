import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { build } from '../../src/build.ts';
import { PROJECT_ROOT_FOR_TESTS } from '../search-helpers.ts';

/**
 * /iskanje/ in a real browser: the script loads the index from a static server, shows marked results,
 * and the keyboard reaches them. Skips without /usr/bin/chromium unless ARHIVAR_REQUIRE_BROWSER=1.
 */
const CHROMIUM = '/usr/bin/chromium';
const REQUIRED = process.env.ARHIVAR_REQUIRE_BROWSER === '1';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM && !REQUIRED) console.info(`search browser tests skipped: ${CHROMIUM} is not installed (set ARHIVAR_REQUIRE_BROWSER=1 to fail instead)`);

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.xml': 'application/xml' };

/**
 * A static host for dist/ on 127.0.0.1: folders serve index.html, nothing outside dist/ is served. With a
 * `basePath`, dist/ is published there and nothing else on the host exists.
 */
async function serve(dist: string, basePath = '/'): Promise<{ origin: string; server: Server }> {
  const server = createServer(async (request, response) => {
    const requested = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!requested.startsWith(basePath)) return void response.writeHead(404).end();
    const pathname = requested.slice(basePath.length - 1);
    let file = path.join(dist, pathname);
    if (!file.startsWith(dist)) return void response.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/**
 * A site built from `prepare`'s project into a temp folder, served (under `basePath`) and opened in Chromium
 * for a describe block: its fields are set before the first test and torn down after the last.
 */
function siteInChromium(name: string, prepare: (work: string) => Promise<string>, basePath = '/') {
  const site = { work: '', origin: '', dist: '', server: undefined as Server | undefined, browser: undefined as unknown as Browser };
  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`ARHIVAR_REQUIRE_BROWSER=1, but ${CHROMIUM} is missing (apt-get install chromium)`);
    site.work = await mkdtemp(path.join(tmpdir(), `arhivar-search-browser-${name}-`));
    site.dist = path.join(site.work, 'dist');
    await build({ root: await prepare(site.work), outDir: site.dist, now: new Date('2026-01-01T00:00:00Z'), cache: false });
    ({ origin: site.origin, server: site.server } = await serve(site.dist, basePath));
    const { chromium } = await import('playwright-core');
    site.browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await site.browser?.close();
    await new Promise((resolve) => site.server?.close(resolve));
    if (site.work) await rm(site.work, { recursive: true, force: true });
  });
  return site;
}

describe.skipIf(!HAVE_CHROMIUM && !REQUIRED)('search in Chromium', () => {
  const site = siteInChromium('search', async () => path.join(PROJECT_ROOT_FOR_TESTS, 'tests', 'fixtures', 'search'));

  let pageErrors: string[] = [];

  async function open(url: string, javaScriptEnabled = true): Promise<Page> {
    const context = await site.browser.newContext({ javaScriptEnabled, locale: 'sl-SI' });
    const page = await context.newPage();
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(site.origin + url);
    return page;
  }

  async function close(page: Page): Promise<void> {
    await page.context().close();
    expect(pageErrors, 'script errors on the page').toEqual([]);
  }

  it('runs the query from ?q= and marks the hit in the snippet', async () => {
    const page = await open('/iskanje/?q=usakov');
    const results = page.locator('#search-results > li');
    await results.first().waitFor();
    expect(await results.count()).toBe(1);
    expect(await page.locator('#search-q').inputValue()).toBe('usakov');
    expect(await results.locator('a').getAttribute('href')).toBe('/2025/12/23/kremelj-caka-na-porocilo/');
    expect(await results.locator('.search-snippet mark').allTextContents()).toEqual(['Ušakov']);
    expect(await results.locator('time').textContent()).toBe('23.\u00a0decembra 2025');
    expect(await page.locator('#search-status').textContent()).toBe('1\u00a0zadetek.');
    await close(page);
  });

  it('searches on Enter, keeps the query in the URL and walks the results with the arrow keys', async () => {
    const page = await open('/iskanje/');
    await page.locator('#search-q').fill('Witkoff');
    await page.keyboard.press('Enter');
    const links = page.locator('#search-results a');
    await page.waitForFunction(() => document.querySelectorAll('#search-results a').length === 2);
    expect(new URL(page.url()).searchParams.get('q')).toBe('Witkoff');
    expect(await page.locator('#search-status').textContent()).toBe('2\u00a0zadetka.');
    await page.keyboard.press('ArrowDown');
    expect(await links.nth(0).evaluate((link) => link === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await links.nth(1).evaluate((link) => link === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.locator('#search-q').evaluate((input) => input === document.activeElement)).toBe(true);
    await close(page);
  });

  it('names the query in the document title while its results are shown, and gives the page its title back when the field is cleared', async () => {
    const page = await open('/iskanje/?q=usakov');
    await page.locator('#search-results > li').first().waitFor();
    expect(await page.title()).toBe('usakov – Iskanje – Arhiv za iskanje');
    await page.locator('#search-q').fill('Witkoff');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#search-results a').length === 2);
    expect(await page.title()).toBe('Witkoff – Iskanje – Arhiv za iskanje');
    // Nothing found is still this query's page.
    await page.locator('#search-q').fill('horvta');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#search-status')?.textContent?.startsWith('Ni zadetkov'));
    expect(await page.title()).toBe('horvta – Iskanje – Arhiv za iskanje');
    await page.locator('#search-q').fill('');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === null);
    expect(await page.title()).toBe('Iskanje – Arhiv za iskanje');
    await close(page);
  });

  it('tells a reader who found nothing to check the spelling, and with more words to try fewer', async () => {
    const page = await open('/iskanje/?q=horvta');
    const status = page.locator('#search-status');
    const settled = () => page.waitForFunction(() => /^(Ni|\d)/.test(document.querySelector('#search-status')?.textContent ?? ''));
    await settled();
    expect(await status.textContent()).toBe('Ni zadetkov. Preverite, ali je beseda pravilno zapisana.');
    await page.locator('#search-q').fill('Witkoff horvta');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('#search-status')?.textContent?.endsWith('zapisana.'));
    await settled();
    expect(await status.textContent()).toContain('poskusite tudi z manj besedami');
    expect(await page.locator('#search-results > li').count()).toBe(0);
    await close(page);
  });

  it('offers the word meant for a misspelt name in the status line, as a link that runs that search', async () => {
    const page = await open('/iskanje/');
    await page.locator('#search-q').fill('dmitrjev');
    await page.keyboard.press('Enter');
    const status = page.locator('#search-status');
    const suggestion = status.locator('a');
    await suggestion.waitFor();
    // Inside the role="status" line, so a screen reader reads it with the advice.
    expect(await status.textContent()).toBe('Ni zadetkov. Preverite, ali je beseda pravilno zapisana. Ste mislili: dmitrijevim?');
    expect(await suggestion.getAttribute('href')).toBe('/iskanje/?q=dmitrijevim');
    await suggestion.click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'dmitrijevim');
    await page.locator('#search-results > li').first().waitFor();
    expect(await page.locator('#search-q').inputValue()).toBe('dmitrijevim');
    expect(await page.locator('#search-results a').getAttribute('href')).toBe('/2025/12/22/pogovori-na-floridi-s-putinovim-odposlancem/');
    expect(await status.locator('a').count()).toBe(0);
    await close(page);
  });

  it('leaves the keyboard focus in the search field when the suggestion is followed with Enter, as after an ordinary search', async () => {
    const page = await open('/iskanje/');
    await page.locator('#search-q').fill('dmitrjev');
    await page.keyboard.press('Enter');
    const suggestion = page.locator('#search-status a');
    await suggestion.waitFor();
    await suggestion.focus();
    await page.keyboard.press('Enter');
    await page.locator('#search-results > li').first().waitFor();
    expect(await page.locator('#search-status').textContent()).toBe('1\u00a0zadetek.');
    // Where Enter in the field leaves it: the reader goes on with arrow down to the result, or types again. A page
    // loaded afresh put the focus at its top, above the masthead and the navigation.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#search-results a').first().evaluate((link) => link === document.activeElement)).toBe(true);
    expect(new URL(page.url()).searchParams.get('q')).toBe('dmitrijevim');
    await close(page);
  });

  it('keeps the rest of a query with a typo as text in the suggestion, and escapes it in its link', async () => {
    const page = await open(`/iskanje/?q=${encodeURIComponent('dmitrjev & <b>x</b>')}`);
    const suggestion = page.locator('#search-status a');
    await suggestion.waitFor();
    expect(await suggestion.textContent()).toBe('dmitrijevim & <b>x</b>');
    expect(await page.locator('#search-status b').count()).toBe(0);
    expect(await suggestion.getAttribute('href')).toBe('/iskanje/?q=dmitrijevim+%26+%3Cb%3Ex%3C%2Fb%3E');
    await suggestion.click();
    await page.locator('#search-results > li').first().waitFor();
    expect(await page.locator('#search-q').inputValue()).toBe('dmitrijevim & <b>x</b>');
    await close(page);
  });

  it('takes only the first 100 characters of a ?q= link into the field and the search', async () => {
    // Node's server takes a request line of up to 16 KB: 6,000 characters stand in for a pasted article.
    const page = await open(`/iskanje/?q=${'usakov'.repeat(1_000)}`);
    await page.waitForFunction(() => /^(Ni|\d)/.test(document.querySelector('#search-status')?.textContent ?? ''));
    expect(await page.locator('#search-q').inputValue()).toBe('usakov'.repeat(1_000).slice(0, 100));
    expect(await page.locator('#search-q').getAttribute('maxlength')).toBe('100');
    await close(page);
  });

  it('shows markup in a title as text, never as elements', async () => {
    const page = await open('/iskanje/?q=nevihte');
    const link = page.locator('#search-results a').first();
    await link.waitFor();
    expect(await link.textContent()).toBe('Vreme & <b>nevihte</b>');
    expect(await page.locator('#search-results b').count()).toBe(0);
    await close(page);
  });

  it('without JavaScript says search needs it, and the form still submits ?q=', async () => {
    const page = await open('/iskanje/', false);
    expect(await page.locator('.search-noscript').isVisible()).toBe(true);
    await page.locator('#search-q').fill('Ušakov');
    await page.locator('#search-form button[type=submit]').click();
    await page.waitForURL(/\?q=/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('Ušakov');
    await close(page);
  });
});

describe.skipIf(!HAVE_CHROMIUM && !REQUIRED)('a site published under a path, in Chromium', () => {
  const site = siteInChromium(
    'base',
    async (work) => {
      // The search fixture, published at https://arhiv.example.si/arhiv/: dist/ goes to /arhiv/ on the host.
      const root = path.join(work, 'projekt');
      await cp(path.join(PROJECT_ROOT_FOR_TESTS, 'tests', 'fixtures', 'search'), root, { recursive: true });
      const siteYaml = path.join(root, 'content', 'site.yaml');
      await writeFile(siteYaml, (await readFile(siteYaml, 'utf8')).replace(/^baseUrl: .*$/m, 'baseUrl: https://arhiv.example.si/arhiv/'));
      return root;
    },
    '/arhiv/',
  );

  it('loads the stylesheet and the search script, finds an article and opens it', async () => {
    const context = await site.browser.newContext({ locale: 'sl-SI' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${site.origin}/arhiv/iskanje/?q=usakov`);
    const results = page.locator('#search-results > li');
    await results.first().waitFor();
    expect(await results.count()).toBe(1);
    const link = results.locator('a');
    expect(await link.getAttribute('href')).toBe('/arhiv/2025/12/23/kremelj-caka-na-porocilo/');
    // The stylesheet loaded and applies: the skip link is placed by site.css, not left in the flow.
    const sheet = await page.evaluate(() => [...document.styleSheets].map((style) => ({ href: style.href ?? '', rules: style.cssRules.length })));
    expect(sheet).toEqual([{ href: expect.stringMatching(/\/arhiv\/assets\/site-[\w-]+\.css$/), rules: expect.any(Number) }]);
    expect(sheet[0]!.rules).toBeGreaterThan(20);
    expect(await page.locator('.skip-link').evaluate((element) => getComputedStyle(element).position)).toBe('absolute');
    await link.click();
    await page.waitForURL(`${site.origin}/arhiv/2025/12/23/kremelj-caka-na-porocilo/`);
    expect(await page.locator('h1').textContent()).toContain('Kremelj');
    await page.locator('nav[aria-label="Glavna navigacija"] a', { hasText: 'Osebe' }).click();
    await page.waitForURL(`${site.origin}/arhiv/osebe/`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('links a suggestion for a misspelt word to the search page under the path', async () => {
    const context = await site.browser.newContext({ locale: 'sl-SI' });
    const page = await context.newPage();
    await page.goto(`${site.origin}/arhiv/iskanje/?q=usakv`);
    const suggestion = page.locator('#search-status a');
    await suggestion.waitFor();
    expect(await suggestion.getAttribute('href')).toBe('/arhiv/iskanje/?q=u%C5%A1akov');
    await suggestion.click();
    await page.locator('#search-results > li').first().waitFor();
    expect(await page.locator('#search-results a').getAttribute('href')).toBe('/arhiv/2025/12/23/kremelj-caka-na-porocilo/');
    await context.close();
  });
});

const BUDGET_ARTICLES = 35;

/**
 * The search fixture and 35 articles that each name the budget once, one a day: a search for it shows them newest
 * first. Each is long enough that a document chunk (about 8 KB) holds fewer than ten, so every ten results fetch one.
 */
async function budgetProject(work: string): Promise<string> {
  const root = path.join(work, 'projekt');
  await cp(path.join(PROJECT_ROOT_FOR_TESTS, 'tests', 'fixtures', 'search', 'content', 'site.yaml'), path.join(root, 'content', 'site.yaml'));
  await cp(path.join(PROJECT_ROOT_FOR_TESTS, 'tests', 'fixtures', 'search', 'content', 'articles'), path.join(root, 'content', 'articles'), { recursive: true });
  for (let n = 1; n <= BUDGET_ARTICLES; n++) await writeFile(budgetArticle(root, n), budgetText(n));
  return root;
}

const budgetArticle = (root: string, n: number) => path.join(root, 'content', 'articles', `proracun-${String(n).padStart(2, '0')}.md`);

function budgetText(n: number, added = ''): string {
  const day = String(n).padStart(2, '0');
  const date = n <= 31 ? `2025-10-${day}` : `2025-11-${String(n - 31).padStart(2, '0')}`;
  return `---\ntitle: "Proračun, razprava ${day}"\ndate: ${date}\n---\n\nPoslanci so ${n}. dan razpravljali o proračunu.${added}\n\n${'Seja se je nadaljevala pozno v noč. '.repeat(25)}\n`;
}

describe.skipIf(!HAVE_CHROMIUM && !REQUIRED)('more results than fit on one screen, in Chromium', () => {
  const ARTICLES = BUDGET_ARTICLES;
  const site = siteInChromium('more', budgetProject);

  it('has a document chunk for every ten results or fewer', async () => {
    expect((await readdir(path.join(site.dist, 'iskanje', 'indeks', 'd'))).length).toBeGreaterThanOrEqual(4);
  });

  /** The search page with its first ten results for the budget, the document chunks held back until `release()`. */
  async function openBudget(): Promise<{ page: Page; errors: string[]; release: () => void; held: () => number }> {
    const context = await site.browser.newContext({ locale: 'sl-SI' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.origin}/iskanje/?q=proračun`);
    await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length === 10);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = 0;
    await page.route('**/iskanje/indeks/d/**', async (route) => {
      held++;
      await released;
      await route.continue();
    });
    return { page, errors, release, held: () => held };
  }

  const titles = (page: Page) => page.locator('#search-results a').allTextContents();
  const isFocused = (page: Page, selector: string) => page.locator(selector).evaluate((element) => element === document.activeElement);

  it('loads the next ten once per press, in order, when "Več zadetkov" is pressed twice before the first ten arrive', async () => {
    const { page, errors, release } = await openBudget();
    const more = page.locator('#search-more');
    await more.focus();
    // Two presses in one task (a double click, Enter twice): the second comes before the first's results.
    await more.evaluate((button: HTMLButtonElement) => {
      button.click();
      button.click();
    });
    release();
    await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#search-more')!.hidden || document.querySelectorAll('#search-results > li').length >= 30);
    await page.waitForTimeout(200);
    const shown = await titles(page);
    expect(shown).toEqual(Array.from({ length: 30 }, (_, n) => `Proračun, razprava ${String(ARTICLES - n).padStart(2, '0')}`));
    expect(await page.locator('#search-status').textContent()).toBe('35\u00a0zadetkov, prikazanih 30.');
    // The second press's first result has the focus, and the last five come with one more press.
    expect(await page.locator('#search-results a').nth(20).evaluate((link) => link === document.activeElement)).toBe(true);
    await more.click();
    await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length === 35);
    expect(new Set(await titles(page)).size).toBe(35);
    expect(await page.locator('#search-status').textContent()).toBe('35\u00a0zadetkov.');
    expect(await more.isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows only the new query\'s results when it is searched while more results are loading', async () => {
    const { page, errors, release, held } = await openBudget();
    await page.locator('#search-more').click();
    await expect.poll(held).toBeGreaterThan(0);
    await page.locator('#search-q').fill('usakov');
    await page.keyboard.press('Enter');
    release();
    await page.waitForFunction(() => document.querySelector('#search-status')?.textContent === '1\u00a0zadetek.');
    await page.waitForTimeout(200);
    expect(await titles(page)).toEqual([expect.stringContaining('Kremelj')]);
    expect(await page.locator('#search-more').isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  /**
   * The search page with the page's fetch recorded, and the index's shards and chunks held back while `hold(true)`
   * until `release()`. A held file is read before it is handed over, as an object whose json() has resolved
   * (reading a Response's body takes tasks): what the page does with it up to its next fetch runs in microtasks,
   * all done before the timer release() waits for, so a fetch not recorded by then is never made for it.
   */
  async function openHeld(): Promise<{ page: Page; errors: string[]; hold: (on: boolean) => Promise<void>; release: () => Promise<string[]>; fetched: () => Promise<string[]> }> {
    const context = await site.browser.newContext({ locale: 'sl-SI' });
    await context.addInitScript(() => {
      const page = window as unknown as { __fetched: string[]; __holding: boolean; __held: number; __release: () => Promise<void> };
      const realFetch = window.fetch.bind(window);
      const held: Array<{ ready: Promise<Response>; resolve: (response: Response) => void }> = [];
      page.__fetched = [];
      page.__holding = false;
      page.__held = 0;
      window.fetch = (input, init) => {
        const url = String(input);
        page.__fetched.push(url);
        const ready = realFetch(input, init).then(async (response) => {
          const body: unknown = await response.json();
          return { ok: response.ok, status: response.status, json: () => Promise.resolve(body) } as Response;
        });
        if (!page.__holding || !url.includes('/indeks/')) return ready;
        page.__held++;
        return new Promise((resolve) => held.push({ ready, resolve }));
      };
      page.__release = async () => {
        const waiting = held.splice(0);
        const responses = await Promise.all(waiting.map((item) => item.ready));
        waiting.forEach((item, n) => item.resolve(responses[n]!));
        await new Promise((resolve) => setTimeout(resolve, 0));
      };
    });
    type Held = { __fetched: string[]; __holding: boolean; __held: number; __release: () => Promise<void> };
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.origin}/iskanje/`);
    const fetched = () => page.evaluate(() => [...(window as unknown as Held).__fetched]);
    return {
      page,
      errors,
      hold: async (on) => void (await page.evaluate((value) => ((window as unknown as Held).__holding = value), on)),
      release: async () => {
        await page.evaluate(() => (window as unknown as Held).__release());
        return fetched();
      },
      fetched,
    };
  }

  const searchFor = async (page: Page, query: string) => {
    await page.locator('#search-q').fill(query);
    await page.keyboard.press('Enter');
  };
  const statusIs = (page: Page, text: string) => page.waitForFunction((expected) => document.querySelector('#search-status')?.textContent === expected, text);

  it('drops a query superseded while its index files load: it looks for no »Ste mislili« and shows nothing, arriving last', async () => {
    const { page, errors, hold, release, fetched } = await openHeld();
    const nothing = 'Ni zadetkov. Preverite, ali je beseda pravilno zapisana.';
    // Finds nothing, and alone would suggest »dmitrijevim«, whose chunk (the newest articles') no search here loads.
    await hold(true);
    await searchFor(page, 'dmitrjev');
    await page.waitForFunction(() => (window as unknown as { __held: number }).__held > 0);
    await hold(false);
    // Superseded by a query that finds nothing and has nothing to suggest (no word begins with q).
    await searchFor(page, 'qqqqqq');
    await statusIs(page, nothing);
    const before = await fetched();
    // The older query's shard arrives last.
    expect(await release()).toEqual(before);
    expect(await page.locator('#search-status').textContent()).toBe(nothing);
    expect(await page.locator('#search-status a').count()).toBe(0);

    // An older query that finds articles shows none of them after the newer one's.
    await hold(true);
    await searchFor(page, 'proračun');
    await page.waitForFunction(() => (window as unknown as { __held: number }).__held > 1);
    await hold(false);
    await searchFor(page, 'usakov');
    await statusIs(page, '1\u00a0zadetek.');
    await release();
    expect(await page.locator('#search-status').textContent()).toBe('1\u00a0zadetek.');
    expect(await titles(page)).toEqual([expect.stringContaining('Kremelj')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('usakov');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('comes back with as many results as were shown, scrolled to where the reader left, after Back from a result', async () => {
    const { page, errors, release } = await openBudget();
    release();
    await page.locator('#search-more').click();
    await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length === 20);
    const chosen = page.locator('#search-results a').nth(16);
    await chosen.scrollIntoViewIfNeeded();
    const href = await chosen.getAttribute('href');
    const scrolled = await page.evaluate(() => scrollY);
    expect(scrolled).toBeGreaterThan(0);
    await chosen.click();
    await page.waitForURL(`${site.origin}${href}`);
    await page.goBack();
    await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length === 20);
    expect(await page.locator('#search-status').textContent()).toBe('35\u00a0zadetkov, prikazanih 20.');
    await page.waitForFunction((y) => scrollY === y, scrolled);
    expect(await page.locator('#search-results a').nth(16).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('walks from the last result to "Več zadetkov" and back with the arrow keys, and Escape returns to the field', async () => {
    const { page, errors, release } = await openBudget();
    release();
    await page.locator('#search-results a').nth(9).focus();
    await page.keyboard.press('ArrowDown');
    expect(await isFocused(page, '#search-more')).toBe(true);
    await page.keyboard.press('ArrowUp');
    expect(await page.locator('#search-results a').nth(9).evaluate((link) => link === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    expect(await isFocused(page, '#search-q')).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe.skipIf(!HAVE_CHROMIUM && !REQUIRED)('a site rebuilt while its search page is open, in Chromium', () => {
  const site = siteInChromium('rebuilt', budgetProject);
  const rebuild = () => build({ root: path.join(site.work, 'projekt'), outDir: site.dist, now: new Date('2026-01-01T00:00:00Z'), cache: false });

  it('shows "Več zadetkov" and finds a new word from the new index, where the old one\'s files are gone', async () => {
    // The page kept the manifest it loaded; a rebuild gave the changed shards and chunks new names and deleted the
    // old ones, so the page said »Zadetkov ni bilo mogoče naložiti. Poskusite znova.« to every try until a reload.
    const context = await site.browser.newContext({ locale: 'sl-SI' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.origin}/iskanje/?q=proračun`);
    await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length === 10);
    // Results 11 to 20 are days 25 to 16: the chunk of day 20 changes.
    await writeFile(budgetArticle(path.join(site.work, 'projekt'), 20), budgetText(20, ' Sprejeli so popravek.'));
    await rebuild();
    await page.locator('#search-more').click();
    await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length === 20);
    expect(await page.locator('#search-status').textContent()).toBe('35\u00a0zadetkov, prikazanih 20.');
    expect(await page.locator('#search-results a').nth(10).evaluate((link) => link === document.activeElement)).toBe(true);
    // A word in a shard the page's manifest names under its old name.
    await writeFile(budgetArticle(path.join(site.work, 'projekt'), 3), budgetText(3, ' Predlagali so dopolnilo.'));
    await rebuild();
    await page.locator('#search-q').fill('dopolnilo');
    await page.locator('#search-q').press('Enter');
    await page.waitForFunction(() => document.querySelector('#search-status')!.textContent !== 'Iščem …' && document.querySelector('#search-status')!.textContent !== '35\u00a0zadetkov, prikazanih 20.');
    expect(await page.locator('#search-status').textContent()).toBe('1\u00a0zadetek.');
    expect(await page.locator('#search-results a').allTextContents()).toEqual(['Proračun, razprava 03']);
    expect(errors).toEqual([]);
    await context.close();
  });
});
