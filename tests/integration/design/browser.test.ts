import { mkdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { urls } from '../../../src/site/urls.ts';
import { AUTHOR_PERSON, buildDesignSite, listPageTypes, NARROW_TABLE_ARTICLE_URL, PAGINATED_PERSON, SEED_ARTICLE_URL, TABLE_ARTICLE_URL, type BuiltSite, type PageType } from './fixture-site.ts';
import { serveFolder, type StaticServer } from './static-server.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, findChromium, reportSkip } from './tools.ts';

const chromium = findChromium();
const skip = reportSkip('the Chromium tests (tests/integration/design/browser.test.ts)', chromium);
const require = createRequire(import.meta.url);
const SCREENSHOTS = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

describe.skipIf(skip)('the built site in Chromium (issue 8)', () => {
  let site: BuiltSite;
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let pageTypes: PageType[];
  let axeSource: string;

  beforeAll(async () => {
    if (!chromium.available) throw new Error(`ARHIVAR_REQUIRE_BROWSER=1, but ${chromium.missing}`);
    const { chromium: launcher } = await import('playwright-core');
    site = await buildDesignSite();
    server = await serveFolder(site.dist);
    pageTypes = await listPageTypes(site.dist);
    axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
    browser = await launcher.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    context = await browser.newContext({ baseURL: server.origin, viewport: { width: 1280, height: 900 }, locale: 'sl-SI', reducedMotion: 'reduce' });
    // Only the local server may be reached: a request to any other host would mean a page loads something from elsewhere.
    await context.route('**/*', (route) => (route.request().url().startsWith(server.origin) ? route.continue() : route.abort('blockedbyclient')));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    await site?.remove();
  });

  async function open(url: string, options: { colorScheme?: 'light' | 'dark'; width?: number } = {}): Promise<Page> {
    const page = await context.newPage();
    if (options.width) await page.setViewportSize({ width: options.width, height: 844 });
    await page.emulateMedia({ colorScheme: options.colorScheme ?? 'light' });
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(url, { waitUntil: 'load' });
    const foreign = requested.filter((address) => !address.startsWith(server.origin));
    expect(foreign, `requests to other hosts from ${url}`).toEqual([]);
    return page;
  }

  async function seriousViolations(page: Page): Promise<string[]> {
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe;
      return (await axe.run(document, { resultTypes: ['violations'] })).violations;
    });
    return (violations as AxeViolation[])
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  }

  it('opens the index, then an article from it, and returns through the navigation', async () => {
    const page = await open(urls.home());
    expect(await page.locator('h1').count()).toBe(1);
    const teaserLinks = page.locator('.article-list .teaser-title a');
    expect(await teaserLinks.count()).toBe(2);
    const title = (await teaserLinks.first().textContent())!.trim();
    await teaserLinks.first().click();
    await page.waitForURL((address) => address.pathname !== '/');
    expect((await page.locator('h1').textContent())!.trim()).toBe(title);
    expect(await page.locator('article .article-body p').count()).toBeGreaterThan(0);
    await page.locator('.masthead nav a', { hasText: 'Domov' }).click();
    await page.waitForURL((address) => address.pathname === '/');
    expect((await page.locator('h1').textContent())!.trim()).toBe('Najnovejši članki');
    await page.close();
  });

  it('follows a person link from the seed article to the person page and back', async () => {
    const page = await open(SEED_ARTICLE_URL);
    const articleTitle = (await page.locator('h1').textContent())!.trim();
    await page.locator('.article-people a', { hasText: 'Steve Witkoff' }).click();
    await page.waitForURL('**/osebe/steve-witkoff/');
    expect((await page.locator('h1').textContent())!.trim()).toBe('Steve Witkoff');
    await expect(page.locator('.article-list a', { hasText: articleTitle }).count()).resolves.toBe(1);
    await page.goBack();
    await page.waitForURL(`**${SEED_ARTICLE_URL}`);
    expect((await page.locator('h1').textContent())!.trim()).toBe(articleTitle);
    await page.close();
  });

  it('reaches a byline\'s name with Tab, shows its focus, and opens the page that lists what the journalist wrote', async () => {
    const page = await open(TABLE_ARTICLE_URL);
    const articleTitle = (await page.locator('h1').textContent())!.trim();
    const byline = page.locator('.article-author a');
    expect(await byline.textContent()).toBe('Maja Zupan');
    let focused = false;
    for (let presses = 0; presses < 30 && !focused; presses++) {
      await page.keyboard.press('Tab');
      focused = await byline.evaluate((element) => element === document.activeElement);
    }
    expect(focused, 'Tab reaches the byline link').toBe(true);
    expect(await byline.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${urls.person(AUTHOR_PERSON)}`);
    const authored = page.getByRole('region', { name: 'Članki, ki jih je napisala' });
    expect(await authored.getByRole('heading', { level: 3, name: articleTitle }).count()).toBe(1);
    await page.close();
  });

  it('paginates the index and a person page forwards and back', async () => {
    const page = await open(urls.home());
    const firstPageTitles = await page.locator('.teaser-title').allTextContents();
    await page.locator('.pagination a[rel="next"]').click();
    await page.waitForURL(`**${urls.home(2)}`);
    expect(await page.locator('.pagination-position').textContent()).toBe('Stran 2 od 3');
    const secondPageTitles = await page.locator('.teaser-title').allTextContents();
    expect(secondPageTitles).toHaveLength(2);
    expect(secondPageTitles.filter((title) => firstPageTitles.includes(title))).toEqual([]);
    await page.locator('.pagination a[rel="prev"]').click();
    await page.waitForURL((address) => address.pathname === '/');
    expect(await page.locator('.teaser-title').allTextContents()).toEqual(firstPageTitles);

    await page.goto(urls.person(PAGINATED_PERSON));
    await page.locator('.pagination a[rel="next"]').click();
    await page.waitForURL(`**${urls.person(PAGINATED_PERSON, 2)}`);
    expect(await page.locator('.article-list > li').count()).toBe(1);
    await page.close();
  });

  it('searches when the build has a search page', async (test) => {
    const searchPage = pageTypes.find((type) => type.name === 'search');
    if (!searchPage) {
      test.skip('no /iskanje/ page in this build yet');
      return;
    }
    const page = await open(searchPage.url);
    const input = page.locator('input[type="search"], input[name="q"]').first();
    await input.fill('knjižnico');
    await input.press('Enter');
    await expect
      .poll(async () => page.locator('main a[href*="knjiznico"]').count(), { timeout: 5000 })
      .toBeGreaterThan(0);
    await page.close();
  });

  it('shows the styled 404 page for an address that does not exist, however deep', async () => {
    const page = await context.newPage();
    const response = await page.goto('/2025/12/ni-takega-clanka/');
    expect(response?.status()).toBe(404);
    expect((await page.locator('h1').textContent())!.trim()).toBe('Strani ni mogoče najti');
    // Root-relative asset URLs: the stylesheet applies even though the page is served from a nested path.
    expect(await page.locator('.masthead').evaluate((element) => getComputedStyle(element).borderTopStyle)).toBe('solid');
    await page.close();
  });

  it('offers a search on the 404 page with the words of the address, which finds what a mistyped link meant', async () => {
    // The 404 page had two links and nothing else: a reader who followed an old or mistyped link to a person or an
    // article had to find the search page and type again what the address already said.
    const page = await open('/osebe/janez-kranj/');
    const field = page.getByLabel('Poiščite v arhivu');
    expect(await field.inputValue()).toBe('janez kranj');
    await field.press('Enter');
    await page.waitForURL('**/iskanje/?q=janez+kranj');
    await expect.poll(() => page.locator('#search-results a').allTextContents(), { timeout: 5000 }).toContain('Zimski literarni festival v Podlipi privabil rekordno število obiskovalcev');
    await page.close();
  });

  it('follows the system dark mode', async () => {
    const background = async (scheme: 'light' | 'dark') => {
      const page = await open(SEED_ARTICLE_URL, { colorScheme: scheme });
      const colours = await page.evaluate(() => ({ background: getComputedStyle(document.body).backgroundColor, text: getComputedStyle(document.body).color }));
      await page.close();
      return colours;
    };
    const light = await background('light');
    const dark = await background('dark');
    expect(dark.background).not.toBe(light.background);
    expect(dark.text).not.toBe(light.text);
  });

  it('shows the skip link on the first Tab and moves focus to the main content', async () => {
    const page = await open(SEED_ARTICLE_URL);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const box = element.getBoundingClientRect();
      return { text: element.textContent, top: box.top, outline: getComputedStyle(element).outlineStyle, href: element.getAttribute('href') };
    });
    expect(focused).toMatchObject({ text: 'Skoči na vsebino', outline: 'solid', href: '#vsebina' });
    expect(focused.top).toBeGreaterThanOrEqual(0);
    // Activating the skip link moves the focus starting point to <main>: the next Tab lands inside it, past the navigation.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => ({ inMain: document.activeElement?.closest('main') !== null, outline: getComputedStyle(document.activeElement!).outlineWidth }));
    expect(next.inMain).toBe(true);
    expect(next.outline).not.toBe('0px');
    await page.close();
  });

  it('sets long-form text for Slovenian: hyphenation, a readable measure, quotes as written', async () => {
    const page = await open(SEED_ARTICLE_URL);
    const body = await page.evaluate(() => {
      const element = document.querySelector('.article-body') as HTMLElement;
      const style = getComputedStyle(element);
      // Average characters per line over the body paragraphs (the first is a larger lead).
      let characters = 0;
      let lines = 0;
      for (const paragraph of element.querySelectorAll(':scope > p:not(:first-child)')) {
        characters += paragraph.textContent!.length;
        lines += Math.round(paragraph.getBoundingClientRect().height / parseFloat(getComputedStyle(paragraph).lineHeight));
      }
      return { lang: element.closest('[lang]')?.getAttribute('lang'), hyphens: style.hyphens, charactersPerLine: characters / lines, text: element.textContent };
    });
    expect(body.lang).toBe('sl');
    expect(body.hyphens).toBe('auto');
    expect(body.charactersPerLine).toBeGreaterThan(45);
    expect(body.charactersPerLine).toBeLessThan(85);
    expect(body.text).toContain('"Mir ne sme biti le prenehanje sovražnosti');
    await page.close();
  });

  it('prints an article without navigation, pagination or footer', async () => {
    const page = await open(SEED_ARTICLE_URL);
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() =>
      ['.masthead nav', '.site-footer', '.skip-link'].map((selector) => getComputedStyle(document.querySelector(selector)!).display),
    );
    expect(hidden).toEqual(['none', 'none', 'none']);
    expect(await page.locator('.article-body').evaluate((element) => getComputedStyle(element).display)).toBe('block');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    // Without their screen labels and links, names and tags need commas, or "Rusija ZDA mirovna pogajanja" reads as one.
    const separators = await page.evaluate(() =>
      ['.people-links', '.tag-links'].map((list) => [...document.querySelectorAll(`.article ${list} li`)].map((item) => getComputedStyle(item, '::after').content)),
    );
    for (const list of separators) {
      expect(list.length).toBeGreaterThan(1);
      expect(list).toEqual([...list.slice(0, -1).map(() => '","'), 'none']);
    }
    await page.close();
  });

  it('prints a person page\'s count per period, which paper cannot open from behind the chart\'s disclosure', async () => {
    // The bars carry no figures, and the table that has them sat in a closed <details>: paper got the bars and a
    // »▶ Število člankov po mesecih« that opens nothing.
    const page = await open(urls.person(PAGINATED_PERSON));
    const shownRows = () => page.locator('.chart-data tr').evaluateAll((rows) => rows.filter((row) => row.checkVisibility()).map((row) => (row as HTMLElement).innerText));
    expect(await shownRows(), 'on screen the table waits behind its summary').toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await shownRows()).toEqual(['Mesec\tČlanki', 'november 2025\t1', 'december 2025\t1', 'januar 2026\t1']);
    // The summary stays as the table's title, without the triangle of a closed disclosure.
    expect(await page.locator('.chart-data summary').evaluate((summary) => getComputedStyle(summary).listStyleType)).toBe('none');
    await page.close();
  });

  it('prints search results with the words searched for', async () => {
    // Print hid the whole form, so the paper said »4 zadetki.« and listed them without saying what they were found for.
    const page = await open(`${urls.search()}?q=Podlipa`);
    await page.locator('#search-results li').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) => page.locator(selector).evaluate((element) => element.checkVisibility());
    expect(await shown('label[for="search-q"]')).toBe(true);
    expect(await shown('#search-q')).toBe(true);
    expect(await page.locator('#search-q').inputValue()).toBe('Podlipa');
    // What only works on screen stays off paper.
    expect(await shown('.search-row button')).toBe(false);
    expect(await shown('.search-help')).toBe(false);
    await page.close();
  });

  it('prints which page of a list the paper is, without the links to the others', async () => {
    // Print hid the whole pagination: the first page of the index printed its articles under the count of all of them
    // (»Najnovejši članki«, or »3 članki« on a month page) with nothing to say the list goes on.
    for (const url of [urls.home(), urls.home(2), urls.person(PAGINATED_PERSON)]) {
      const page = await open(url);
      await page.emulateMedia({ media: 'print' });
      const shown = await page.locator('.pagination > *').evaluateAll((parts) => parts.filter((part) => part.checkVisibility()).map((part) => (part as HTMLElement).innerText.trim()));
      expect(shown, url).toEqual([url === urls.home(2) ? 'Stran 2 od 3' : url === urls.home() ? 'Stran 1 od 3' : 'Stran 1 od 2']);
      await page.close();
    }
  });

  it('prints a tag\'s and a person\'s page without the links that only work on screen', async () => {
    // On paper »2 članka · vir Atom« read as if Atom were the articles' source, and »← Vse osebe« led nowhere.
    const tag = await open(urls.tag('kultura'));
    await tag.emulateMedia({ media: 'print' });
    expect(await tag.locator('main .lead').evaluate((lead) => (lead as HTMLElement).innerText.trim())).toBe('2\u00a0članka');
    await tag.close();
    const person = await open(urls.person(PAGINATED_PERSON));
    await person.emulateMedia({ media: 'print' });
    const shownLinks = await person.locator('main a').evaluateAll((links) => links.filter((link) => link.checkVisibility()).map((link) => link.textContent!.trim()));
    expect(shownLinks.length).toBeGreaterThan(0);
    expect(shownLinks.filter((text) => text.includes('Vse osebe'))).toEqual([]);
    await person.close();
  });

  it('has no serious or critical axe violation on any page type, light and dark', async () => {
    const problems: string[] = [];
    for (const type of pageTypes) {
      const page = await open(type.url);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        for (const violation of await seriousViolations(page)) problems.push(`${type.name} (${colorScheme}): ${violation}`);
      }
      await page.close();
    }
    expect(problems).toEqual([]);
    expect(pageTypes.map((type) => type.name)).toEqual(expect.arrayContaining(['home', 'article', 'people', 'person', 'not-found']));
  });

  it('marks only the current section in forced-colours mode (Windows high contrast), and leaves normal colours alone', async () => {
    const page = await open(urls.person(PAGINATED_PERSON));
    const underlines = () =>
      page.evaluate(() => ({
        background: getComputedStyle(document.body).backgroundColor,
        links: [...document.querySelectorAll('.masthead nav a')].map((link) => ({
          current: link.hasAttribute('aria-current'),
          colour: getComputedStyle(link).borderBottomColor,
          width: getComputedStyle(link).borderBottomWidth,
        })),
      }));
    const normal = await underlines();
    expect(normal.links.filter((link) => link.current)).toHaveLength(1);
    for (const link of normal.links) expect(link.colour === 'rgba(0, 0, 0, 0)', `normal colours: ${JSON.stringify(link)}`).toBe(!link.current);

    await page.emulateMedia({ forcedColors: 'active' });
    const forced = await underlines();
    const current = forced.links.find((link) => link.current)!;
    // The system forces every border to a system colour: the other links' must match the page, so only one bar shows.
    for (const link of forced.links.filter((link) => !link.current)) expect(link.colour, 'a link that is not the current section').toBe(forced.background);
    expect(current.colour).not.toBe(forced.background);
    expect(current.width).toBe('3px');
    await page.close();
  });

  it('wraps code blocks in articles, so no block scrolls sideways where a keyboard cannot reach (WCAG 2.1.1)', async () => {
    const page = await open(SEED_ARTICLE_URL);
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 844 });
      const blocks = await page.evaluate(() => [...document.querySelectorAll('.article-body pre')].map((pre) => ({ scroll: pre.scrollWidth, client: pre.clientWidth, text: pre.textContent })));
      expect(blocks.length).toBeGreaterThan(0);
      for (const block of blocks) expect(block.scroll, `at ${width} px: ${block.text!.slice(0, 40)}`).toBeLessThanOrEqual(block.client);
    }
    await page.close();
  });

  it('keeps a figure such as 1.234.567.890 € on one line and scrolls a wide table in a focusable, named wrapper, never the page (WCAG 1.4.10, 2.1.1)', async () => {
    const page = await open(TABLE_ARTICLE_URL);
    for (const width of [1280, 360, 320]) {
      await page.setViewportSize({ width, height: 844 });
      const measured = await page.evaluate(() => {
        // Lines a piece of text takes: one client rect per line box it is laid out on.
        const lines = (node: Node, start: number, end: number) => {
          const range = document.createRange();
          range.setStart(node, start);
          range.setEnd(node, end);
          return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
        };
        const cells = [...document.querySelectorAll('.article-body td, .article-body th')].map((cell) => {
          const node = cell.firstChild!;
          const text = node.textContent!;
          const words = [...text.matchAll(/\S+/g)].map((word) => ({ word: word[0], lines: lines(node, word.index, word.index + word[0].length) }));
          return { text, lines: lines(node, 0, text.length), words };
        });
        const wrappers = [...document.querySelectorAll('.article-body .table-scroll')].map((wrapper) => ({
          scroll: wrapper.scrollWidth,
          client: wrapper.clientWidth,
          right: wrapper.getBoundingClientRect().right,
          column: wrapper.closest('.article-body')!.getBoundingClientRect().right,
        }));
        return { cells, wrappers, page: { scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth } };
      });
      expect(measured.page.scroll, `the page at ${width} px`).toBeLessThanOrEqual(measured.page.client);
      expect(measured.wrappers).toHaveLength(2);
      for (const wrapper of measured.wrappers) expect(wrapper.right, `a wrapper at ${width} px`).toBeLessThanOrEqual(wrapper.column + 0.5);
      // The renderer joins the figure to its € with a no-break space.
      const figure = measured.cells.find((cell) => cell.text === '1.234.567.890\u00a0€')!;
      expect(figure.lines, `1.234.567.890 € at ${width} px`).toBe(1);
      // No figure is broken inside (a word may be hyphenated where the browser has a Slovenian dictionary).
      for (const cell of measured.cells) {
        for (const word of cell.words.filter((word) => /\d/.test(word.word))) expect(word.lines, `»${word.word}« in »${cell.text}« at ${width} px`).toBe(1);
      }
      if (width === 360) {
        // Four columns of figures are wider than 360 px: the wrapper scrolls, and the text cells wrap to fit.
        expect(measured.wrappers[1]!.scroll).toBeGreaterThan(measured.wrappers[1]!.client);
        expect(measured.cells.find((cell) => cell.text === 'Primerna poraba vseh občin')!.lines).toBeGreaterThan(1);
      }
    }

    // The keyboard reaches the wide table's wrapper, which shows its focus and scrolls with the arrow keys.
    const wrapper = page.getByRole('region', { name: 'Tabela 2' });
    expect(await wrapper.locator('td', { hasText: '1.234.567.890 €' }).count()).toBe(1);
    let focused = false;
    for (let presses = 0; presses < 80 && !focused; presses++) {
      await page.keyboard.press('Tab');
      focused = await wrapper.evaluate((element) => element === document.activeElement);
    }
    expect(focused, 'Tab reaches the table\'s wrapper').toBe(true);
    expect(await wrapper.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('solid');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.activeElement!.scrollLeft > 0);
    await page.close();
  });

  it('makes a table\'s box a tab stop and a named region only while its table is wider than it: not a narrow table, a wide one at a phone width; the regions numbered among themselves', async () => {
    const boxes = (page: Page) => page.locator('.article-body .table-scroll');
    const overflows = (page: Page, index: number) => boxes(page).nth(index).evaluate((box) => box.scrollWidth > box.clientWidth);
    const focusable = (page: Page, index: number) => boxes(page).nth(index).evaluate((box) => box.getAttribute('tabindex') === '0');
    /** Which boxes of the page Tab stops at, going once through the whole page. */
    const tabStops = async (page: Page) => {
      const reached = new Set<number>();
      for (let presses = 0; presses < 60; presses++) {
        await page.keyboard.press('Tab');
        reached.add(await page.evaluate(() => [...document.querySelectorAll('.article-body .table-scroll')].indexOf(document.activeElement!)));
      }
      reached.delete(-1);
      return [...reached];
    };
    // Without JavaScript every box is a tab stop, so that a wide table can always be scrolled from the keyboard.
    for (const url of [NARROW_TABLE_ARTICLE_URL, TABLE_ARTICLE_URL]) {
      const served = await (await context.request.get(url)).text();
      expect(served, url).toMatch(/<div class="table-scroll" tabindex="0" role="region" aria-label="Tabela( \d)?">/);
    }

    const narrow = await open(NARROW_TABLE_ARTICLE_URL, { width: 390 });
    expect(await overflows(narrow, 0), 'the two-column table at 390 px').toBe(false);
    // Waits for the page's script, which finds the box has nothing to scroll.
    await narrow.waitForFunction(() => !document.querySelector('.article-body .table-scroll')!.hasAttribute('tabindex'));
    expect(await narrow.getByRole('region', { name: 'Tabela' }).count()).toBe(0);
    expect(await tabStops(narrow)).toEqual([]);
    await narrow.close();

    const wide = await open(TABLE_ARTICLE_URL, { width: 390 });
    expect(await overflows(wide, 1), 'the table of four columns of figures at 390 px').toBe(true);
    // The script has run once it takes the first table's box out at 1280 px, where that table fits (below).
    await wide.setViewportSize({ width: 1280, height: 844 });
    expect(await overflows(wide, 0), 'the first table at 1280 px').toBe(false);
    await wide.waitForFunction(() => !document.querySelector('.article-body .table-scroll')!.hasAttribute('tabindex'));
    expect(await focusable(wide, 1), 'the second table\'s box at 1280 px, where it still scrolls').toBe(true);
    // The one region left is »Tabela«, not a »Tabela 2« with no »Tabela 1« before it.
    expect(await wide.getByRole('region', { name: 'Tabela', exact: true }).count()).toBe(1);
    expect(await wide.getByRole('region', { name: /Tabela \d/ }).count()).toBe(0);
    expect(await boxes(wide).nth(1).getAttribute('aria-label')).toBe('Tabela');
    // Back at a phone's width, the first table no longer fits either: both boxes are tab stops and named regions again.
    await wide.setViewportSize({ width: 390, height: 844 });
    expect(await overflows(wide, 0), 'the first table at 390 px').toBe(true);
    await wide.waitForFunction(() => document.querySelector('.article-body .table-scroll')!.getAttribute('tabindex') === '0');
    expect(await wide.getByRole('region', { name: 'Tabela 1' }).count()).toBe(1);
    expect(await wide.getByRole('region', { name: 'Tabela 2' }).count()).toBe(1);
    expect(await tabStops(wide)).toEqual([0, 1]);
    await wide.close();
  });

  it('keeps the focus on a table\'s box whose table comes to fit as the window widens, and takes the box out once the focus leaves it', async () => {
    const page = await open(TABLE_ARTICLE_URL, { width: 390 });
    const first = page.locator('.article-body .table-scroll').first();
    await page.waitForFunction(() => document.querySelector('.article-body .table-scroll')!.scrollWidth > document.querySelector('.article-body .table-scroll')!.clientWidth);
    await first.focus();
    await page.setViewportSize({ width: 1280, height: 844 });
    expect(await first.evaluate((box) => box.scrollWidth > box.clientWidth), 'the first table at 1280 px').toBe(false);
    // The page's ResizeObserver reports the new size before the frame after it is drawn: two frames later it has run.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await first.evaluate((box) => box === document.activeElement), 'the focus stays on the box').toBe(true);
    expect(await first.getAttribute('tabindex')).toBe('0');
    expect(await first.getAttribute('aria-label')).toBe('Tabela 1');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => !document.querySelector('.article-body .table-scroll')!.hasAttribute('tabindex'));
    expect(await first.getAttribute('role')).toBeNull();
    expect(await page.locator('.article-body .table-scroll').nth(1).getAttribute('aria-label')).toBe('Tabela');
    await page.close();
  });

  it('styles a table in a person\'s bio as one in an article body: borders, padding, figures in line, a right-aligned figure kept whole', async () => {
    const tableStyle = async (url: string, scope: string) => {
      const page = await open(url, { width: 390 });
      const style = await page.evaluate((scope) => {
        const table = document.querySelector(`${scope} .table-scroll > table`)!;
        const of = (element: Element) => getComputedStyle(element);
        const cell = of(table.querySelector('td')!);
        const figure = of(table.querySelector('td.align-right')!);
        return {
          collapse: of(table).borderCollapse,
          digits: of(table).fontVariantNumeric,
          border: `${cell.borderTopStyle} ${cell.borderTopWidth}`,
          padding: cell.padding,
          align: [cell.textAlign, cell.verticalAlign, cell.overflowWrap],
          figure: [figure.textAlign, figure.whiteSpace],
        };
      }, scope);
      await page.close();
      return style;
    };
    const bio = await tableStyle(urls.person(AUTHOR_PERSON), '.bio');
    expect(bio.border).toBe('solid 1px');
    expect(bio).toEqual(await tableStyle(TABLE_ARTICLE_URL, '.article-body'));
  });

  it('keeps a bio\'s wide picture and long code line within a 320 px person page, its quote set as a body\'s (WCAG 1.4.10)', async () => {
    const page = await open(urls.person(AUTHOR_PERSON), { width: 320 });
    const bio = await page.evaluate(() => {
      const bio = document.querySelector('.bio')!;
      const image = bio.querySelector('img')!;
      const code = bio.querySelector('pre')!;
      return {
        page: { scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth },
        image: image.getBoundingClientRect().width <= bio.getBoundingClientRect().width,
        code: code.scrollWidth <= code.clientWidth,
        quote: getComputedStyle(bio.querySelector('blockquote')!).borderLeftStyle,
      };
    });
    await page.close();
    expect(bio.page.scroll).toBeLessThanOrEqual(bio.page.client);
    expect(bio).toMatchObject({ image: true, code: true, quote: 'solid' });
  });

  it('sets a bio\'s headings as an article body\'s, unhyphenated, and prints its outside links\' addresses as a body does', async () => {
    // A bio is Markdown like a body (person.tsx); the body rules and their bio copies used to drift apart, and a
    // bio's h3 was the browser's default, its headings hyphenated, and its printed links had no address.
    const BIO_HEADINGS_PERSON = 'janez-kranjc';
    const HEADINGS_ARTICLE_URL = '/2026/01/12/zimski-literarni-festival-v-podlipi-privabil-rekordno-stevilo-obiskovalcev/';
    const LINK_ARTICLE_URL = '/2025/12/18/podlipa-bo-dobila-novo-knjiznico-z-zelenim-dvoriscem/';
    const headingStyles = async (url: string, scope: string) => {
      const page = await open(url);
      const styles = async () =>
        page.evaluate((scope) =>
          ['h2', 'h3'].map((level) => {
            const style = getComputedStyle(document.querySelector(`${scope} ${level}`)!);
            return [level, style.fontFamily, style.fontSize, style.fontWeight, style.lineHeight, style.margin, style.hyphens, style.breakAfter];
          }), scope);
      const screen = await styles();
      await page.emulateMedia({ media: 'print' });
      const print = await styles();
      await page.close();
      return { screen, print };
    };
    const printedLink = async (url: string, scope: string) => {
      const page = await open(url);
      await page.emulateMedia({ media: 'print' });
      const content = await page.evaluate((scope) => {
        const link = document.querySelector(`${scope} a[href^="http"]`)!;
        return getComputedStyle(link, '::after').content.replace(link.getAttribute('href')!, 'ADDRESS');
      }, scope);
      await page.close();
      return content;
    };
    const bio = await headingStyles(urls.person(BIO_HEADINGS_PERSON), '.bio');
    const body = await headingStyles(HEADINGS_ARTICLE_URL, '.article-body');
    expect(bio).toEqual(body);
    expect(bio.screen.map((heading) => heading[6])).toEqual(['manual', 'manual']);
    expect(bio.print.map((heading) => heading[7])).toEqual(['avoid', 'avoid']);
    expect(await printedLink(urls.person(BIO_HEADINGS_PERSON), '.bio')).toBe('" (ADDRESS)"');
    expect(await printedLink(LINK_ARTICLE_URL, '.article-body')).toBe('" (ADDRESS)"');
  });

  it('prints an outside link\'s address after its text, but not after a link whose text is its address', async () => {
    // »https://podlipa.example.si/knjiznica/gradnja (https://podlipa.example.si/knjiznica/gradnja)«: a long address
    // written bare took twice the lines on paper.
    const page = await open('/2025/12/18/podlipa-bo-dobila-novo-knjiznico-z-zelenim-dvoriscem/');
    await page.emulateMedia({ media: 'print' });
    const printed = await page.locator('.article-body a').evaluateAll((links) => links.map((link) => [link.textContent, getComputedStyle(link, '::after').content]));
    expect(printed).toEqual([
      ['spletni strani občine', '" (https://podlipa.example.si/knjiznica)"'],
      ['https://podlipa.example.si/knjiznica/gradnja', 'none'],
    ]);
    await page.close();
  });

  it('gives the headings of a body and a bio what site.css\'s rules for them say, not a rule for the page\'s own h2s', async () => {
    // `main h2:not([class])`, meant for a page's section headings (»Članki«), outranked `.article-body h2`: a body's
    // h2 kept that rule's size and a smaller space above than its h3, and editing the body's rule changed nothing.
    const overridden: string[] = [];
    // »Sorodni članki« too: its smaller heading (.related h2) was outranked the same way.
    const festival = '/2026/01/12/zimski-literarni-festival-v-podlipi-privabil-rekordno-stevilo-obiskovalcev/';
    for (const [url, scope] of [[festival, '.article-body'], [urls.person('janez-kranjc'), '.bio'], [festival, '.related']] as const) {
      const page = await open(url);
      overridden.push(
        ...(await page.evaluate((scope) => {
          const found: string[] = [];
          const rules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]).filter((rule) => rule instanceof CSSStyleRule);
          for (const heading of document.querySelectorAll(`${scope} :is(h2, h3)`)) {
            for (const rule of rules) {
              if (!rule.selectorText.includes(scope) || !heading.matches(rule.selectorText)) continue;
              for (const property of rule.style) {
                // The declared value, resolved where the heading is: an inline style outranks every rule.
                const probe = heading.cloneNode(true) as HTMLElement;
                probe.style.setProperty(property, rule.style.getPropertyValue(property));
                heading.after(probe);
                const declared = getComputedStyle(probe).getPropertyValue(property);
                const actual = getComputedStyle(heading).getPropertyValue(property);
                probe.remove();
                if (declared !== actual) found.push(`${scope} ${heading.tagName.toLowerCase()} ${property}: ${actual}, not ${declared} (${rule.selectorText})`);
              }
            }
          }
          return found;
        }, scope)),
      );
      await page.close();
    }
    expect(overridden).toEqual([]);
  });

  it('keeps a person page within 320 px with a 20 px default font, text zoomed to 200 % and WCAG 1.4.12 text spacing, its chart\'s table of counts open (WCAG 1.4.10)', async () => {
    const settings = {
      'a 20 px default font': 'html { font-size: 125% !important; }',
      // A browser's text zoom (Chrome's font size setting) enlarges the default font as this does: 32 px at 200 %.
      'text zoomed to 200 %': 'html { font-size: 200% !important; }',
      'text spacing': '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
    };
    const overflowing: string[] = [];
    for (const [name, css] of Object.entries(settings)) {
      const page = await open(urls.person(PAGINATED_PERSON), { width: 320 });
      await page.addStyleTag({ content: css });
      // Closed, the table takes no room; the page is checked as a reader who opened it sees it.
      await page.getByText('Število člankov po mesecih').click();
      const size = await page.evaluate(() => {
        const client = document.documentElement.clientWidth;
        // The elements that reach past the window, named for the failure message (their descendants left out).
        const past = [...document.querySelectorAll('main *')].filter((element) => element.checkVisibility() && element.getBoundingClientRect().right > client + 0.5);
        const outermost = past.filter((element) => !past.includes(element.parentElement!));
        return { scroll: document.documentElement.scrollWidth, client, elements: outermost.map((element) => `${element.tagName.toLowerCase()}.${element.className}`) };
      });
      if (size.scroll > size.client) overflowing.push(`${name}: ${size.scroll} > ${size.client} (${size.elements.join(', ')})`);
      await page.close();
    }
    expect(overflowing).toEqual([]);
  });

  it('scrolls a person chart\'s table of counts in its own box at 320 px with text zoomed to 200 %, a box Tab reaches and the arrow keys scroll, and no tab stop where the table fits', async () => {
    const page = await open(urls.person(PAGINATED_PERSON), { width: 320 });
    await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
    await page.getByText('Število člankov po mesecih').click();
    // »december« and »Članki« side by side are wider than the column at 32 px: no gap makes them fit.
    const box = page.getByRole('region', { name: 'Število člankov po mesecih' });
    await page.waitForFunction(() => document.querySelector('.chart-data .table-scroll')?.getAttribute('tabindex') === '0');
    expect(await box.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    expect(await box.locator('td').count()).toBe(3);
    let focused = false;
    for (let presses = 0; presses < 60 && !focused; presses++) {
      await page.keyboard.press('Tab');
      focused = await box.evaluate((element) => element === document.activeElement);
    }
    expect(focused, 'Tab reaches the table\'s box').toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.activeElement!.scrollLeft > 0);
    // Where the table fits, its box is neither a tab stop nor a region: a stop with nothing to scroll says nothing.
    await page.addStyleTag({ content: 'html { font-size: 100% !important; }' });
    // The box keeps the focus it has until it loses it (tables.ts): a keyboard user is not thrown to the top.
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    await page.waitForFunction(() => !document.querySelector('.chart-data .table-scroll')!.hasAttribute('tabindex'));
    expect(await page.getByRole('region', { name: 'Število člankov po mesecih' }).count()).toBe(0);
    await page.close();
  });

  it('breaks a word longer than the screen in an article\'s tag, person label and neighbour title instead of scrolling sideways at 320 px (WCAG 1.4.10)', async () => {
    // A headline, tag or name of one long word (a compound, a hashtag) is rare, but the headline itself already wraps;
    // these flex items did not, and pushed the whole page sideways. The words are put into the built page's own elements.
    const page = await open(SEED_ARTICLE_URL, { width: 320 });
    const longWord = 'Nepremičninskoposredniškodružbenoodgovornostnih';
    const placed = await page.evaluate((word) => {
      const targets = ['.article-tags .tag-links a', '.article-people .people-links a', '.article-neighbours a'].map((selector) => document.querySelector(selector));
      for (const target of targets) if (target) target.lastChild!.textContent = word;
      return targets.filter(Boolean).length;
    }, longWord);
    expect(placed).toBe(3);
    const overflowing = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll('main *')].filter((element) => element.getBoundingClientRect().right > width + 0.5).map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
    });
    expect(overflowing).toEqual([]);
    await page.close();
  });

  it('names the people and the tags of an article once: a heading, no landmark or list label repeating it', async () => {
    const page = await open(SEED_ARTICLE_URL);
    const people = await page.locator('.article-header').ariaSnapshot();
    expect(people.match(/Osebe/g), people).toHaveLength(1);
    expect(people).toContain('heading "Osebe v članku"');
    const tags = await page.locator('.article-footer').ariaSnapshot();
    expect(tags.match(/Oznake/g), tags).toHaveLength(1);
    expect(tags).toContain('heading "Oznake"');
    // A teaser has no heading over its people: there the list itself says what it holds.
    await page.goto(urls.home());
    expect(await page.locator('.teaser .people-links').first().getAttribute('aria-label')).toBe('Osebe');
    await page.close();
  });

  it('draws the › between breadcrumbs for the eye only: a screen reader reads the crumbs, not »› Arhiv › 2025«', async () => {
    const page = await open(SEED_ARTICLE_URL);
    const crumbs = await page.locator('.breadcrumbs').ariaSnapshot();
    expect(crumbs).toContain('link "Arhiv"');
    expect(crumbs).not.toContain('›');
    // Still drawn on screen.
    const drawn = await page.evaluate(() => getComputedStyle(document.querySelectorAll('.breadcrumbs li')[1]!, '::before').content);
    expect(drawn).toContain('›');
    await page.close();
  });

  it('sets the mention chart axis in readable, separate labels at 320 px and gives every reader the count per period', async () => {
    const page = await open(urls.person(PAGINATED_PERSON), { width: 320 });
    const labels = await page.evaluate(() =>
      [...document.querySelectorAll('.mention-chart :not(details *)')]
        .filter((element) => element.children.length === 0 && /^([a-z]{3}\.?|\d{4})$/.test(element.textContent!.trim()))
        .map((element) => ({ text: element.textContent!.trim(), box: element.getBoundingClientRect().toJSON() as DOMRect }))
        .filter((label) => label.box.width > 0)
        .sort((a, b) => a.box.left - b.box.left),
    );
    // Slovenian month abbreviations, and January as its year: never »11/25«, which is no way to write a month in Slovenian.
    expect(labels.map((label) => label.text)).toEqual(['nov.', 'dec.', '2026']);
    for (const label of labels) expect(label.box.height, `label ${label.text}`).toBeGreaterThanOrEqual(12);
    for (let index = 1; index < labels.length; index++) expect(labels[index]!.box.left, `${labels[index - 1]!.text} and ${labels[index]!.text} overlap`).toBeGreaterThanOrEqual(labels[index - 1]!.box.right);

    // Ana Novak: November 2025, December 2025, January 2026, one article each.
    const rows = page.getByRole('row');
    await page.getByText('Število člankov po mesecih').click();
    expect(await rows.allInnerTexts()).toEqual(['Mesec\tČlanki', 'november 2025\t1', 'december 2025\t1', 'januar 2026\t1']);

    // The caption names the figure; the image adds what it shows and points to its description, without repeating the caption.
    const cdp = await context.newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string }; description?: { value: string } }[] };
    const caption = (await page.locator('.mention-chart figcaption').textContent())!.trim();
    const image = nodes.find((node) => node.role?.value === 'image' && node.name?.value.startsWith('Stolpčni diagram'));
    expect(image?.name?.value).toBe('Stolpčni diagram, od novembra 2025 do januarja 2026');
    expect(image?.description?.value).toMatch(/^Največ: 1\u00a0članek/);
    // The caption is read as text, and may name the figure; nothing else (the image, before, named itself by it too).
    const withCaption = nodes.filter((node) => node.role?.value !== 'InlineTextBox' && node.name?.value.includes(caption)).map((node) => node.role?.value);
    expect(withCaption.filter((role) => role !== 'figure')).toEqual(['StaticText']);
    await page.close();
  });

  it('keeps a related article\'s date and the reading time whole, never "22." or "3" at a line end and the rest below', async () => {
    // The seed article has no related articles; this one has three.
    const page = await open('/2025/12/18/podlipa-bo-dobila-novo-knjiznico-z-zelenim-dvoriscem/');
    const split: string[] = [];
    // Every width from a phone to a desktop: where a line ends depends on the title before the date.
    for (let width = 320; width <= 1280; width += 8) {
      await page.setViewportSize({ width, height: 844 });
      const lines = await page.evaluate(() =>
        [...document.querySelectorAll('.related-list time, .reading-time')].map((element) => {
          const range = document.createRange();
          range.selectNodeContents(element);
          // One box per line the text runs over; boxes on the same line share their top.
          const tops = new Set([...range.getClientRects()].filter((box) => box.width > 0).map((box) => Math.round(box.top)));
          return { text: element.textContent!.trim(), lines: tops.size };
        }),
      );
      expect(lines.length, 'related dates and reading time').toBeGreaterThan(1);
      for (const line of lines) if (line.lines > 1) split.push(`${line.text} at ${width} px`);
    }
    expect(split).toEqual([]);
    await page.close();
  });

  it('sets a person page teaser\'s summary right under its title on a wide screen, though the date and mention count in the margin take two lines', async () => {
    // "18. decembra 2025 · 1 omemba" does not fit the 10rem margin; in the title's grid row alone, its two lines
    // made that row taller than a one-line title and left a blank band between the title and the summary.
    const page = await open(urls.person(PAGINATED_PERSON));
    const teasers = await page.evaluate(() =>
      [...document.querySelectorAll('.teaser')].map((teaser) => {
        // The text's own lines, not the element's box, which the grid stretches to its row.
        const lines = (selector: string) => {
          const range = document.createRange();
          range.selectNodeContents(teaser.querySelector(selector)!);
          return [...range.getClientRects()].filter((rect) => rect.width > 0);
        };
        const titleBottom = Math.max(...lines('.teaser-title').map((rect) => rect.bottom));
        const summaryTop = Math.min(...lines('.teaser-summary').map((rect) => rect.top));
        return {
          title: teaser.querySelector('.teaser-title')!.textContent!,
          titleLines: new Set(lines('.teaser-title').map((rect) => Math.round(rect.top))).size,
          metaLines: new Set(lines('.teaser-meta').map((rect) => Math.round(rect.top))).size,
          gap: summaryTop - titleBottom,
        };
      }),
    );
    expect(teasers.some((teaser) => teaser.titleLines === 1 && teaser.metaLines > 1), 'a one-line title beside a two-line margin').toBe(true);
    // The title's bottom margin (0.3rem) and the half-leading of the two lines come to about 8 px; with the band, 27.
    for (const teaser of teasers) expect(teaser.gap, teaser.title).toBeLessThan(14);
    await page.close();
  });

  it('sets the pagination in one row on a wide screen and in one left-aligned column on a phone, never a staircase', async () => {
    const page = await open(urls.home(2));
    const boxes = () =>
      page.evaluate(() => [...document.querySelectorAll('.pagination > *')].map((element) => ({ text: element.textContent, ...element.getBoundingClientRect().toJSON() }) as { text: string; left: number; top: number; bottom: number }));
    await page.setViewportSize({ width: 1280, height: 844 });
    const wide = await boxes();
    expect(wide).toHaveLength(3);
    for (const box of wide) expect(box.top, `${box.text} at 1280 px`).toBeLessThan(wide[0]!.bottom);
    for (const width of [320, 360, 390]) {
      await page.setViewportSize({ width, height: 844 });
      const narrow = await boxes();
      // Each below the one before, and all flush left: a link alone on a row, pushed to the right, reads as a stray.
      for (let index = 1; index < narrow.length; index++) expect(narrow[index]!.top, `${narrow[index]!.text} at ${width} px`).toBeGreaterThanOrEqual(narrow[index - 1]!.bottom);
      for (const box of narrow) expect(box.left, `${box.text} at ${width} px`).toBe(narrow[0]!.left);
    }
    await page.close();
  });

  it('draws a one-period mention chart as one bar of a normal width, not a slab across the column', async () => {
    // Steve Witkoff appears in one article, so his chart has one bar; Ana Novak's has three.
    const widths: Record<string, { bar: number; plot: number; axis: number; rem: number }> = {};
    for (const person of ['steve-witkoff', PAGINATED_PERSON]) {
      const page = await open(urls.person(person), { width: 1280 });
      widths[person] = await page.evaluate(() => ({
        bar: document.querySelector('.mention-chart .bar')!.getBoundingClientRect().width,
        plot: document.querySelector('.mention-chart svg')!.getBoundingClientRect().width,
        axis: document.querySelector('.mention-chart .chart-axis')!.getBoundingClientRect().width,
        rem: parseFloat(getComputedStyle(document.documentElement).fontSize),
      }));
      await page.close();
    }
    for (const [person, chart] of Object.entries(widths)) {
      expect(chart.bar, person).toBeLessThanOrEqual(4 * chart.rem);
      // The HTML axis under the bars must stay exactly as wide as the drawing, or its labels drift off their bars.
      expect(chart.axis, person).toBeCloseTo(chart.plot, 0);
    }
    expect(Math.abs(widths['steve-witkoff']!.bar - widths[PAGINATED_PERSON]!.bar), 'one bar as wide as each of three').toBeLessThan(2);
  });

  it('keeps the numbers of the people named together inside the column, "10." included', async () => {
    const page = await open(urls.person(PAGINATED_PERSON), { width: 320 });
    const room = await page.evaluate(() => {
      const list = document.querySelector('.co-mentions') as HTMLElement;
      // An outside marker hangs in the list's left padding; measure the widest one a list of ten gets, in its font.
      const probe = document.createElement('span');
      probe.textContent = '10. ';
      probe.style.whiteSpace = 'pre';
      list.querySelector('li')!.append(probe);
      const marker = probe.getBoundingClientRect().width;
      probe.remove();
      return { marker, padding: parseFloat(getComputedStyle(list).paddingLeft), column: list.parentElement!.getBoundingClientRect().left, list: list.getBoundingClientRect().left };
    });
    expect(room.list).toBeGreaterThanOrEqual(room.column);
    expect(room.padding).toBeGreaterThanOrEqual(room.marker);
    await page.close();
  });

  it('sets the article count and the role after a name on /osebe/ in one size, as one line of detail', async () => {
    const page = await open(urls.people());
    const sizes = await page.evaluate(() =>
      [...document.querySelectorAll('.people-index li')]
        .filter((item) => item.querySelector('.role'))
        .map((item) => [item.querySelector('.count')!, item.querySelector('.role')!].map((element) => getComputedStyle(element).fontSize)),
    );
    expect(sizes.length).toBeGreaterThan(0);
    for (const [count, role] of sizes) expect(role).toBe(count);
    await page.close();
  });

  it('has no horizontal scroll at 390 and 360 px on any page type, and saves screenshots at 1280 and 390 px under test-results/', async () => {
    await rm(SCREENSHOTS, { recursive: true, force: true });
    await mkdir(SCREENSHOTS, { recursive: true });
    const overflowing: string[] = [];
    for (const type of pageTypes) {
      const page = await open(type.url);
      for (const width of [1280, 390, 360]) {
        await page.setViewportSize({ width, height: 844 });
        const size = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        if (size.scroll > size.client) overflowing.push(`${type.name} at ${width} px: ${size.scroll} > ${size.client}`);
        if (width === 360) continue;
        const image = await page.screenshot({ path: path.join(SCREENSHOTS, `${type.name}-${width}.png`), fullPage: true });
        expect(image.subarray(1, 4).toString('latin1')).toBe('PNG');
      }
      if (type.name === 'article') {
        await page.setViewportSize({ width: 390, height: 844 });
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.screenshot({ path: path.join(SCREENSHOTS, 'article-390-dark.png'), fullPage: true });
      }
      await page.close();
    }
    expect(overflowing).toEqual([]);
  });
});
