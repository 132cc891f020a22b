import { execFile } from 'node:child_process';
import { appendFile, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build, loadSite } from '../../src/build.ts';
import { startDevServer, type DevServer, type DevServerOptions } from '../../src/dev/server.ts';
import type { DevLoadReport } from '../../src/dev/vite-plugin.ts';
import { buildAssets } from '../../src/output/assets.ts';
import { urls } from '../../src/site/urls.ts';
import { formatError, type ArhivarError } from '../../src/errors.ts';
import { generateArchive } from '../../src/bench/generate.ts';
import { buildSite, cacheFile, copyFixture, copyPackage, damageFile, makeTempDir, PROJECT_ROOT, removeDir, waitFor } from '../helpers.ts';

const FIRST_URL = '/2025/01/10/prvi-clanek-o-obcini/';
/** The first line of a pages-wrapper.tsx a test writes: the real page list, wrapped as a template would be. */
const IMPORT_BASE_PAGES = `import { listPages as base } from ${JSON.stringify(path.join(PROJECT_ROOT, 'src', 'render', 'pages.ts'))};`;
const FIRST_FILE = 'content/articles/2025/prvi.md';
const VITE_CLIENT = /\s*<script type="module" src="\/@vite\/client"><\/script>\s*/;

interface Fetched {
  status: number;
  body: string;
  type: string;
}

/** Polls until `accept` holds (the watcher and the reload are asynchronous), at most ~15 s. */
async function fetchUntil(server: DevServer, url: string, accept: (page: Fetched) => boolean): Promise<Fetched> {
  let last: Fetched | undefined;
  for (let attempt = 0; attempt < 150; attempt++) {
    const response = await fetch(new URL(url, server.url), { redirect: 'manual' });
    last = { status: response.status, body: await response.text(), type: response.headers.get('content-type') ?? '' };
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} never reached the expected state; last status ${last?.status}:\n${last?.body.slice(0, 600)}`);
}

/**
 * Starts the dev server on the site at `root` (on 127.0.0.1, a free port, silent unless `options` says otherwise),
 * runs `test` with it once it listens, and then closes it and removes `root`, whether `test` passed or threw.
 */
async function withDevServer(root: string, options: Omit<DevServerOptions, 'root' | 'port'>, test: (server: DevServer) => Promise<void>): Promise<void> {
  try {
    const server = await startDevServer({ root, port: 0, logLevel: 'silent', ...options });
    try {
      await test(server);
    } finally {
      await server.close();
    }
  } finally {
    await removeDir(root);
  }
}

describe('arhivar dev', () => {
  let root: string;
  let server: DevServer;
  const loads: DevLoadReport[] = [];

  beforeAll(async () => {
    root = await copyFixture('archive-basic');
    server = await startDevServer({ root, port: 0, logLevel: 'silent', onLoad: (report) => loads.push(report) });
  });

  afterAll(async () => {
    await server?.close();
    await removeDir(root);
  });

  it('listens on 127.0.0.1 and serves the home page with the article list and the reload client', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await fetchUntil(server, '/', (page) => page.status === 200);
    expect(home.type).toBe('text/html; charset=utf-8');
    expect(home.body).toContain('href="/2025/05/14/peti-clanek-objavljen-pozno-zvecer/"');
    expect(home.body).toMatch(VITE_CLIENT);
  });

  it('renders an article exactly as the build writes it, apart from the reload client', async () => {
    const dev = await fetchUntil(server, FIRST_URL, (page) => page.status === 200);
    const built = await buildSite(root, { now: new Date(), includeDrafts: true });
    try {
      expect(dev.body.replace(VITE_CLIENT, '')).toBe(await built.read(FIRST_URL));
    } finally {
      await removeDir(path.dirname(built.outDir));
    }
  });

  it('serves the stylesheet the pages link to, as CSS', async () => {
    const home = await fetchUntil(server, '/', (page) => page.status === 200);
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(home.body)?.[1];
    expect(href).toMatch(/^\/assets\/site-[\w-]+\.css$/);
    const css = await fetchUntil(server, href!, (page) => page.status === 200);
    expect(css.type).toBe('text/css; charset=utf-8');
    const stylesheet = (await buildAssets(root)).files.find((file) => `/${file.path}` === href);
    expect(css.body).toBe(Buffer.from(stylesheet!.bytes).toString('utf8'));
  });

  it("serves a page's own scripts without handing them to Vite, which has no module of that name and logs »Pre-transform error« for each", async () => {
    const warmed: string[] = [];
    const warmup = server.vite.warmupRequest.bind(server.vite);
    server.vite.warmupRequest = async (url, options) => {
      warmed.push(url);
      return warmup(url, options);
    };
    try {
      const search = await fetchUntil(server, urls.search(), (page) => page.status === 200);
      const script = /<script type="module" src="(\/assets\/search-[\w-]+\.js)"/.exec(search.body)?.[1];
      expect(script).toMatch(/^\/assets\/search-/);
      // Vite warms a page's module scripts while it transforms the HTML, before the page is sent.
      expect(warmed).not.toContain(script);
      expect((await fetchUntil(server, script!, (page) => page.status === 200)).type).toMatch(/javascript/);
    } finally {
      server.vite.warmupRequest = warmup;
    }
  });

  it('serves the search index the build writes, as JSON', async () => {
    const index = await fetchUntil(server, urls.searchIndex(), (page) => page.status === 200);
    expect(index.type).toBe('application/json; charset=utf-8');
    expect(() => JSON.parse(index.body)).not.toThrow();
  });

  it('serves feeds and the sitemap with an XML content type and no reload client', async () => {
    const feed = await fetchUntil(server, '/feed.xml', (page) => page.status === 200);
    expect(feed.type).toBe('application/xml; charset=utf-8');
    expect(feed.body).toContain('Prvi članek o občini');
    expect(feed.body).not.toMatch(VITE_CLIENT);
    expect((await fetchUntil(server, '/sitemap.xml', (page) => page.status === 200)).type).toBe('application/xml; charset=utf-8');
  });

  it('serves files from public/ as they are, while a page of the same name wins as in the build', async () => {
    await mkdir(path.join(root, 'public', 'slike'), { recursive: true });
    await writeFile(path.join(root, 'public', 'slike', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(path.join(root, 'public', 'feed.xml'), 'not the feed');
    const logo = await fetchUntil(server, '/slike/logo.svg', (page) => page.status === 200);
    expect(logo.body).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(logo.type).toContain('image/svg+xml');
    expect((await fetchUntil(server, '/feed.xml', (page) => page.status === 200)).body).not.toBe('not the feed');
  });

  it("links the site's icon once public/favicon.svg is added, and stops when it is removed, without a restart", async () => {
    const icon = path.join(root, 'public', 'favicon.svg');
    await mkdir(path.dirname(icon), { recursive: true });
    await writeFile(icon, '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const linked = await fetchUntil(server, FIRST_URL, (page) => page.body.includes('rel="icon"'));
    expect(linked.body).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml"/>');
    expect((await fetchUntil(server, '/favicon.svg', (page) => page.status === 200)).body).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
    await rm(icon);
    await fetchUntil(server, FIRST_URL, (page) => page.status === 200 && !page.body.includes('rel="icon"'));
  });

  it('answers an unknown address with the 404 page and status 404, and a folder without slash with a redirect', async () => {
    const missing = await fetchUntil(server, '/ni-take-strani/', () => true);
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('Strani ni mogoče najti');
    const folder = await fetchUntil(server, FIRST_URL.slice(0, -1), () => true);
    expect(folder.status).toBe(301);
  });

  it('serves a page asked for by its index.html as preview and static hosts do: the same page, status 200', async () => {
    const folder = await fetchUntil(server, FIRST_URL, (page) => page.status === 200);
    const file = await fetchUntil(server, `${FIRST_URL}index.html`, () => true);
    expect(file).toEqual({ status: 200, type: 'text/html; charset=utf-8', body: folder.body });
    const home = await fetchUntil(server, '/index.html', () => true);
    expect(home.status).toBe(200);
    expect(home.body).toBe((await fetchUntil(server, '/', (page) => page.status === 200)).body);
    const people = await fetchUntil(server, '/osebe/index.html', () => true);
    expect(people.status).toBe(200);
    expect(people.body).toContain('<h1>Osebe</h1>');
    const missing = await fetchUntil(server, '/ni-take-strani/index.html', () => true);
    expect(missing.status).toBe(404);
  });

  it('picks up an edited article without a restart', async () => {
    const file = path.join(root, FIRST_FILE);
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace('Občinski svet je sprejel proračun.', 'Občinski svet je zavrnil rebalans.'));
    const page = await fetchUntil(server, FIRST_URL, (p) => p.body.includes('zavrnil rebalans'));
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('sprejel proračun');
  });

  it('picks up a new article without a restart', async () => {
    await writeFile(
      path.join(root, 'content/articles/2025/novi.md'),
      '---\ntitle: "Novi članek med tekom"\ndate: 2025-06-01\n---\n\nBesedilo novega članka.\n',
    );
    const page = await fetchUntil(server, '/2025/06/01/novi-clanek-med-tekom/', (p) => p.status === 200);
    expect(page.body).toContain('Besedilo novega članka.');
    const home = await fetchUntil(server, '/', (p) => p.body.includes('/2025/06/01/novi-clanek-med-tekom/'));
    expect(home.status).toBe(200);
  });

  // A headline corrected in the editor moved the page, and the browser, reloading the address it was on, showed the
  // 404 page: the article seemed gone. The dev server gives no article/address-changed (the build does), so the
  // terminal says where it went and what the published site does there.
  it("sends the browser on from an article's address before its title was edited in this session, and tells the terminal", async () => {
    const file = path.join(root, 'content/articles/2025/popravek.md');
    const before = '/2025/06/02/naslov-pred-popravkom/';
    const after = '/2025/06/02/naslov-po-popravku/';
    await writeFile(file, '---\ntitle: "Naslov pred popravkom"\ndate: 2025-06-02\n---\n\nBesedilo članka s popravkom.\n');
    await fetchUntil(server, before, (page) => page.status === 200);
    await writeFile(file, '---\ntitle: "Naslov po popravku"\ndate: 2025-06-02\n---\n\nBesedilo članka s popravkom.\n');
    await fetchUntil(server, after, (page) => page.status === 200);
    const old = await fetch(new URL(before, server.url), { redirect: 'manual' });
    expect([old.status, old.headers.get('location')]).toEqual([302, after]);
    expect(loads.flatMap((report) => report.moved ?? [])).toContainEqual({ file: 'content/articles/2025/popravek.md', from: before, to: after });
    // An address no article of the session had is not found, as before.
    expect((await fetch(new URL('/2025/06/02/naslov-ki-ga-ni-bilo/', server.url), { redirect: 'manual' })).status).toBe(404);
    // Deleted, the article sends no one on.
    await rm(file);
    await fetchUntil(server, after, (page) => page.status === 404);
    expect((await fetch(new URL(before, server.url), { redirect: 'manual' })).status).toBe(404);
  });

  // The addresses are followed from one load to the next without a second list of every article's: an address
  // two edits old, and one from before a load that also lost another article, must still lead to the page.
  it("sends the browser on from each of an article's earlier addresses after several edits, one of them beside a deleted article", async () => {
    const file = path.join(root, 'content/articles/2025/vec-popravkov.md');
    const other = path.join(root, 'content/articles/2025/za-brisanje.md');
    const article = (title: string, date: string, text = 'Besedilo članka z več popravki.') => `---\ntitle: "${title}"\ndate: ${date}\n---\n\n${text}\n`;
    const [first, second, third] = ['/2025/06/03/prvi-naslov/', '/2025/06/03/drugi-naslov/', '/2025/06/04/tretji-naslov/'];
    await writeFile(file, article('Prvi naslov', '2025-06-03'));
    await writeFile(other, article('Za brisanje', '2025-06-05', 'Članek, ki ga izbrišemo.'));
    await fetchUntil(server, first, (page) => page.status === 200);
    await fetchUntil(server, '/2025/06/05/za-brisanje/', (page) => page.status === 200);
    await writeFile(file, article('Drugi naslov', '2025-06-03'));
    await fetchUntil(server, second, (page) => page.status === 200);
    await rm(other);
    await writeFile(file, article('Tretji naslov', '2025-06-04'));
    await fetchUntil(server, third, (page) => page.status === 200);
    await fetchUntil(server, '/2025/06/05/za-brisanje/', (page) => page.status === 404);
    const sentOn = async () => {
      for (const earlier of [first, second]) {
        const old = await fetch(new URL(earlier, server.url), { redirect: 'manual' });
        expect([earlier, old.status, old.headers.get('location')]).toEqual([earlier, 302, third]);
      }
    };
    await sentOn();
    // And after an edit that moves nothing.
    await writeFile(file, article('Tretji naslov', '2025-06-04', 'Besedilo, popravljeno še enkrat.'));
    await fetchUntil(server, third, (page) => page.body.includes('Besedilo, popravljeno še enkrat.'));
    await sentOn();
    expect(loads.flatMap((report) => report.moved ?? []).filter((move) => move.file === 'content/articles/2025/vec-popravkov.md')).toEqual([
      { file: 'content/articles/2025/vec-popravkov.md', from: first, to: second },
      { file: 'content/articles/2025/vec-popravkov.md', from: second, to: third },
    ]);
    expect((await fetch(new URL('/2025/06/05/za-brisanje/', server.url), { redirect: 'manual' })).status).toBe(404);
    // The site as the tests after this one expect it.
    await rm(file);
    await fetchUntil(server, third, (page) => page.status === 404);
  });

  it('shows broken front matter as an error page with file, line and hint, and recovers when it is fixed', async () => {
    const file = path.join(root, FIRST_FILE);
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.replace('date: 2025-01-10', 'date: 2025-13-45'));
    const broken = await fetchUntil(server, FIRST_URL, (p) => p.status === 500);
    expect(broken.body).toContain(`${FIRST_FILE}:3`);
    expect(broken.body).toContain('article/bad-date');
    expect(broken.body).toContain('hint: write the month from 01 to 12 and the day from 01 to 31, year first: 2025-MM-DD');
    expect(broken.body).toMatch(VITE_CLIENT);
    // Every page shows the problem while it lasts, not only the broken article.
    expect((await fetchUntil(server, '/', () => true)).status).toBe(500);

    // The terminal hears of it too.
    expect(loads.some((load) => load.errors.some((error) => error.code === 'article/bad-date' && error.line === 3))).toBe(true);

    await writeFile(file, good);
    const fixed = await fetchUntil(server, FIRST_URL, (p) => p.status === 200);
    expect(fixed.body).toContain('<h1>Prvi članek o občini</h1>');
    expect(loads.at(-1)).toMatchObject({ errors: [], articles: 6 });
  });
});

describe('arhivar dev with a changing page module', () => {
  it('applies an edited template on the next request, without a restart', async () => {
    const root = await copyFixture('archive-basic');
    // A wrapper around the real page list stands in for a template: it lives in templates/, so it is watched.
    const wrapper = path.join(root, 'templates', 'pages-wrapper.ts');
    const source = (marker: string) =>
      [
        IMPORT_BASE_PAGES,
        'export function* listPages(inputs: Parameters<typeof base>[0]) {',
        `  for (const page of base(inputs)) yield { ...page, render: () => page.render().replace('</body>', '<!-- ${marker} --></body>') };`,
        '}',
        '',
      ].join('\n');
    await writeFile(wrapper, source('razlicica-1'));
    await withDevServer(root, { pagesModule: wrapper }, async (server) => {
      expect((await fetchUntil(server, FIRST_URL, (p) => p.status === 200)).body).toContain('<!-- razlicica-1 -->');
      await writeFile(wrapper, source('razlicica-2'));
      const page = await fetchUntil(server, FIRST_URL, (p) => p.body.includes('<!-- razlicica-2 -->'));
      expect(page.body).not.toContain('razlicica-1');
    });
  });
});

describe('arhivar dev with a template that does not parse', () => {
  it('shows the error and its code frame as text, without terminal colour codes', async () => {
    const root = await copyFixture('archive-basic');
    const wrapper = path.join(root, 'templates', 'pages-wrapper.tsx');
    await writeFile(
      wrapper,
      [
        IMPORT_BASE_PAGES,
        'export function* listPages(inputs: Parameters<typeof base>[0]) {',
        '  const heading = <h1>Naslov</h2>;',
        '  yield* base(inputs);',
        '}',
        '',
      ].join('\n'),
    );
    await withDevServer(root, { pagesModule: wrapper }, async (server) => {
      const page = await fetchUntil(server, FIRST_URL, (p) => p.status === 500);
      expect(page.body).toContain('a template failed');
      expect(page.body).not.toContain('\u001b');
      expect(page.body).toMatch(/pages-wrapper\.tsx:3:\d+/);
      expect(page.body).toContain('const heading = &lt;h1&gt;Naslov&lt;/h2&gt;;');
    });
  });
});

describe('arhivar dev with a template that throws', () => {
  it('tells the terminal the template file, its line and the page, once until the next change', async () => {
    const root = await copyFixture('archive-basic');
    const wrapper = path.join(root, 'templates', 'pages-wrapper.tsx');
    const source = (message: string) =>
      [
        IMPORT_BASE_PAGES,
        'export function* listPages(inputs: Parameters<typeof base>[0]) {',
        '  for (const page of base(inputs)) {',
        `    if (page.url === ${JSON.stringify(FIRST_URL)}) yield { ...page, render: (): string => { throw new TypeError(${JSON.stringify(message)}); } };`,
        '    else yield page;',
        '  }',
        '}',
        '',
      ].join('\n');
    await writeFile(wrapper, source('prva napaka'));
    const told: ArhivarError[] = [];
    await withDevServer(root, { pagesModule: wrapper, onTemplateFailure: (problem) => told.push(problem) }, async (server) => {
      const page = await fetchUntil(server, FIRST_URL, (p) => p.status === 500);
      expect(page.body).toContain('TypeError: prva napaka');
      // A browser that reloads the broken page is not told again.
      await fetchUntil(server, FIRST_URL, (p) => p.status === 500);
      expect((await fetchUntil(server, '/', (p) => p.status === 200)).body).toContain('<h1>');
      expect(told.map((problem) => [problem.code, problem.file, problem.line, problem.message])).toEqual([
        ['template/failed', 'templates/pages-wrapper.tsx', 4, `${FIRST_URL}: TypeError: prva napaka`],
      ]);
      expect(formatError(told[0]!)).toContain('hint: the browser shows the whole stack');

      await writeFile(wrapper, source('druga napaka'));
      await fetchUntil(server, FIRST_URL, (p) => p.body.includes('druga napaka'));
      expect(told.map((problem) => problem.message)).toEqual([`${FIRST_URL}: TypeError: prva napaka`, `${FIRST_URL}: TypeError: druga napaka`]);
    });
  });
});

describe('arhivar dev with a template that fails as a page renders, and content with a warning', () => {
  it('lists the warning on the page after the problem, as the build prints it: for a template that throws and one stopped at the time limit', async () => {
    const root = await copyFixture('archive-basic');
    const article = path.join(root, 'content', 'articles', '2025', 'drugi.md');
    await appendFile(article, '\n![](https://example.si/seja.jpg)\n');
    const line = (await readFile(article, 'utf8')).trimEnd().split('\n').length;
    const wrapper = path.join(root, 'templates', 'pages-wrapper.tsx');
    const source = (render: string) =>
      [
        IMPORT_BASE_PAGES,
        'export function* listPages(inputs: Parameters<typeof base>[0]) {',
        '  for (const page of base(inputs)) {',
        `    if (page.url === ${JSON.stringify(FIRST_URL)}) yield { ...page, render: (): string => { ${render} } };`,
        '    else yield page;',
        '  }',
        '}',
        '',
      ].join('\n');
    await writeFile(wrapper, source("throw new TypeError('prva napaka');"));
    const warning = `<code class="where">content/articles/2025/drugi.md:${line}</code> <code>article/image-without-alt</code>`;
    await withDevServer(root, { pagesModule: wrapper, renderTimeLimitMs: 1000 }, async (server) => {
      const thrown = await fetchUntil(server, FIRST_URL, (p) => p.status === 500);
      const problem = thrown.body.indexOf('<code class="where">templates/pages-wrapper.tsx:4</code> <code>template/failed</code>');
      expect(problem).toBeGreaterThan(0);
      expect(thrown.body.indexOf('<h2>1 warning as well</h2>')).toBeGreaterThan(thrown.body.indexOf('TypeError: prva napaka', problem));
      expect(thrown.body.indexOf(warning)).toBeGreaterThan(thrown.body.indexOf('<h2>1 warning as well</h2>'));

      await writeFile(wrapper, source('let i = 0; while (i < 10) i = i; return page.render();'));
      const stopped = await fetchUntil(server, FIRST_URL, (p) => p.body.includes('template/timed-out'));
      expect(stopped.body.indexOf('<h2>1 warning as well</h2>')).toBeGreaterThan(stopped.body.indexOf('<code>template/timed-out</code>'));
      expect(stopped.body).toContain(warning);
    });
  });
});

describe('arhivar dev with a template that uses a name it does not import', () => {
  it('tells the terminal the name to import at the template line, with the build\'s hint, not only »the browser shows the whole stack«', async () => {
    const root = await copyFixture('archive-basic');
    // The JSX needs preact, which a template of the site finds as Node does, from its folder up.
    await symlink(path.join(PROJECT_ROOT, 'node_modules'), path.join(root, 'node_modules'));
    const wrapper = path.join(root, 'templates', 'pages-wrapper.tsx');
    await writeFile(
      wrapper,
      [
        IMPORT_BASE_PAGES,
        'export function* listPages(inputs: Parameters<typeof base>[0]) {',
        '  for (const page of base(inputs)) {',
        '    // @ts-expect-error: Kolofon imported under a misspelt name',
        `    if (page.url === ${JSON.stringify(FIRST_URL)}) yield { ...page, render: (): string => String(<Kolofn />) };`,
        '    else yield page;',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    const told: ArhivarError[] = [];
    await withDevServer(root, { pagesModule: wrapper, onTemplateFailure: (problem) => told.push(problem) }, async (server) => {
      await fetchUntil(server, FIRST_URL, (p) => p.status === 500);
      expect(told.map((problem) => formatError(problem))).toEqual([
        [
          'templates/pages-wrapper.tsx:5  template/failed',
          `  ${FIRST_URL}: ReferenceError: Kolofn is not defined`,
          '  hint: this line uses Kolofn, which the template neither imports nor defines: import it at the top of the file (or correct its name) and save, and the page reloads; npm run typecheck names every such name',
        ].join('\n'),
      ]);
    });
  });
});

describe('arhivar dev with a template that never returns', () => {
  it('stops the page at the time limit and tells it, answers other pages meanwhile, and shows the page once the loop is fixed', async () => {
    const root = await copyFixture('archive-basic');
    const wrapper = path.join(root, 'templates', 'pages-wrapper.tsx');
    // A loop whose condition is being edited: i = i never reaches 10, i++ does.
    const source = (step: string) =>
      [
        IMPORT_BASE_PAGES,
        'export function* listPages(inputs: Parameters<typeof base>[0]) {',
        '  for (const page of base(inputs)) {',
        `    if (page.url === ${JSON.stringify(FIRST_URL)}) yield { ...page, render: (): string => { let i = 0; while (i < 10) ${step}; return page.render(); } };`,
        '    else yield page;',
        '  }',
        '}',
        '',
      ].join('\n');
    await writeFile(wrapper, source('i = i'));
    const told: ArhivarError[] = [];
    await withDevServer(root, { pagesModule: wrapper, renderTimeLimitMs: 2000, onTemplateFailure: (problem) => told.push(problem) }, async (server) => {
      const stopped = await fetchUntil(server, FIRST_URL, (p) => p.status !== 404);
      expect(stopped.status).toBe(500);
      expect(stopped.body).toContain('<code>template/timed-out</code>');
      expect(stopped.body).toContain(`${FIRST_URL}: the page did not finish rendering within 2 s, so it was stopped`);
      expect(told.map((problem) => [problem.code, problem.message])).toEqual([['template/timed-out', `${FIRST_URL}: the page did not finish rendering within 2 s, so it was stopped`]]);
      // The thread is free again: other pages render, and the stopped one is stopped again, not left running.
      expect((await fetchUntil(server, '/', (p) => p.status === 200)).body).toContain('<h1>');
      expect((await fetchUntil(server, FIRST_URL, () => true)).status).toBe(500);

      await writeFile(wrapper, source('i++'));
      expect((await fetchUntil(server, FIRST_URL, (p) => p.status === 200)).body).toContain('<h1>');
    });
  });

  it('renders the next pages as before: under the site\'s path, links get that path once', async () => {
    const root = await copyFixture('base-path');
    const wrapper = path.join(root, 'templates', 'pages-wrapper.tsx');
    // Stopped inside Preact's render, under the hook that puts /arhiv/ in front of links (render/base-path.ts): a
    // stopped render runs no finally block, and the hook stayed, so every later page got the path twice.
    await writeFile(
      wrapper,
      [
        `import { listPages as base, renderHtml } from ${JSON.stringify(path.join(PROJECT_ROOT, 'src', 'render', 'pages.ts'))};`,
        'function Looping(_props: { context: Parameters<typeof base>[0]["context"] }): null {',
        '  for (;;);',
        '}',
        'export function* listPages(inputs: Parameters<typeof base>[0]) {',
        '  for (const page of base(inputs)) {',
        "    if (page.url === '/osebe/') yield { ...page, render: () => renderHtml(Looping, { context: inputs.context }) };",
        '    else yield page;',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    await withDevServer(root, { pagesModule: wrapper, renderTimeLimitMs: 1000 }, async (server) => {
      const before = await fetchUntil(server, '/arhiv/', (p) => p.status === 200);
      expect(before.body).toContain('href="/arhiv/osebe/"');
      expect((await fetchUntil(server, '/arhiv/osebe/', () => true)).status).toBe(500);
      const after = await fetchUntil(server, '/arhiv/', (p) => p.status === 200);
      expect(after.body).not.toContain('href="/arhiv/arhiv/osebe/"');
      expect(after.body).toBe(before.body);
    });
  });

  it('closes quietly when it is stopped (Ctrl+C) while such a page renders', async () => {
    const root = await copyFixture('archive-basic');
    const wrapper = path.join(root, 'templates', 'pages-wrapper.tsx');
    await writeFile(
      wrapper,
      [
        IMPORT_BASE_PAGES,
        'export function* listPages(inputs: Parameters<typeof base>[0]) {',
        '  for (const page of base(inputs)) {',
        `    if (page.url === ${JSON.stringify(FIRST_URL)}) yield { ...page, render: (): string => { (globalThis as { rendering?: boolean }).rendering = true; for (;;); } };`,
        '    else yield page;',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    // The terminal, where Vite printed »Internal server error: The server is being restarted or closed« and its
    // stack: the stopped page was sent through Vite as the server closed.
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const server = await startDevServer({ root, port: 0, logLevel: 'error', pagesModule: wrapper, renderTimeLimitMs: 1000 });
    try {
      await fetchUntil(server, '/', (p) => p.status === 200);
      const answered = fetch(new URL(FIRST_URL, server.url)).then(
        (response) => response.status,
        () => undefined,
      );
      // Polled by a timer, which runs only once the thread is free again: the signal's handler runs so too.
      await waitFor(() => (globalThis as { rendering?: boolean }).rendering === true, 'the page to render');
      await server.close();
      await answered;
      expect(printed.mock.calls.join('\n')).toBe('');
    } finally {
      delete (globalThis as { rendering?: boolean }).rendering;
      printed.mockRestore();
      await removeDir(root);
    }
  });
});

describe('arhivar dev with a template that uses a component its file does not export', () => {
  it('fails the page at the line that uses it, as the build stops at the import, instead of showing <undefined></undefined>', async () => {
    const root = await copyFixture('archive-basic');
    // Vite's SSR loader gives a name its module does not export as undefined; esbuild, which the build bundles
    // with, refuses the import (template/missing-export). Box is exported, Boks is the typo.
    await writeFile(path.join(root, 'templates', 'okvir.tsx'), 'export function Box() {\n  return <div class="okvir" />;\n}\n');
    const wrapper = await writeBrokenPage(root, [
      "import { Boks } from './okvir.tsx';",
      'function BrokenPage(_props: { context: Parameters<typeof base>[0]["context"] }) {',
      '  return <main><Boks /></main>;',
      '}',
    ]);
    const told: ArhivarError[] = [];
    await withDevServer(root, { pagesModule: wrapper, onTemplateFailure: (problem) => told.push(problem) }, async (server) => {
      const page = await fetchUntil(server, FIRST_URL, (p) => p.status !== 404);
      expect(page.body).not.toContain('<undefined>');
      expect(page.status).toBe(500);
      expect(told.map((problem) => [problem.code, problem.file, problem.line])).toEqual([['template/failed', 'templates/pages-wrapper.tsx', 4]]);
      expect(told[0]!.message).toContain('a component used here is undefined');
      expect(told[0]!.message).toContain('a default export imported in braces, or a named one without');
    });
  });

  it('fails the page at the line of an element given both class and className, of which Preact would write class alone', async () => {
    const root = await copyFixture('archive-basic');
    const wrapper = await writeBrokenPage(root, [
      'function BrokenPage(_props: { context: Parameters<typeof base>[0]["context"] }) {',
      '  return <main><p class="povzetek" className="poudarek">Besedilo</p></main>;',
      '}',
    ]);
    const told: ArhivarError[] = [];
    await withDevServer(root, { pagesModule: wrapper, onTemplateFailure: (problem) => told.push(problem) }, async (server) => {
      const page = await fetchUntil(server, FIRST_URL, (p) => p.status !== 404);
      expect(page.status).toBe(500);
      expect(told.map((problem) => [problem.code, problem.file, problem.line])).toEqual([['template/failed', 'templates/pages-wrapper.tsx', 3]]);
      expect(told[0]!.message).toContain('this <p> is given both class and className');
    });
  });
});

/** A pages-wrapper.tsx whose page at FIRST_URL is rendered from `component` (TSX lines declaring BrokenPage, from line 2, below the import of `base` and `renderHtml`). */
async function writeBrokenPage(root: string, component: readonly string[]): Promise<string> {
  // The templates' JSX imports preact/jsx-dev-runtime, found from the file's folder, as in arhivar's checkout.
  await symlink(path.join(PROJECT_ROOT, 'node_modules'), path.join(root, 'node_modules'));
  const wrapper = path.join(root, 'templates', 'pages-wrapper.tsx');
  await writeFile(
    wrapper,
    [
      `import { listPages as base, renderHtml } from ${JSON.stringify(path.join(PROJECT_ROOT, 'src', 'render', 'pages.ts'))};`,
      ...component,
      'export function* listPages(inputs: Parameters<typeof base>[0]) {',
      '  for (const page of base(inputs)) {',
      `    if (page.url === ${JSON.stringify(FIRST_URL)}) yield { ...page, render: () => renderHtml(BrokenPage, { context: inputs.context }) };`,
      '    else yield page;',
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  return wrapper;
}

describe('arhivar dev with a template that fails on the page', () => {
  it('shows the problem as the terminal tells it, file:line first, and the stack without the minified line of Preact it was thrown through', async () => {
    const root = await copyFixture('archive-basic');
    // A component's name misspelt: the ReferenceError is thrown inside preact-render-to-string's one-line bundle.
    const wrapper = await writeBrokenPage(root, ['function BrokenPage(_props: { context: unknown }) {', '  return <main><Kolofn /></main>;', '}']);
    const told: ArhivarError[] = [];
    await withDevServer(root, { pagesModule: wrapper, onTemplateFailure: (problem) => told.push(problem) }, async (server) => {
      const page = await fetchUntil(server, FIRST_URL, (p) => p.status !== 404);
      expect(page.status).toBe(500);
      expect(told.map((problem) => [problem.code, problem.file, problem.line])).toEqual([['template/failed', 'templates/pages-wrapper.tsx', 3]]);
      expect(page.body).toContain('<code class="where">templates/pages-wrapper.tsx:3</code> <code>template/failed</code>');
      expect(page.body).toMatch(/<pre>ReferenceError: Kolofn is not defined\n/);
      expect(page.body).not.toContain('preact-render-to-string/dist/index.mjs:1\n');
    });
  });

  it('refuses a page template that returns nothing at its declaration, as the build does, instead of serving an empty page', async () => {
    const root = await copyFixture('archive-basic');
    // The JSX is a statement of its own below {: the function returns undefined.
    const wrapper = await writeBrokenPage(root, ['function BrokenPage(_props: { context: unknown }) {', '  (<main>Naslov</main>);', '}']);
    const told: ArhivarError[] = [];
    await withDevServer(root, { pagesModule: wrapper, onTemplateFailure: (problem) => told.push(problem) }, async (server) => {
      const page = await fetchUntil(server, FIRST_URL, (p) => p.status !== 404);
      expect(page.status).toBe(500);
      expect(told.map((problem) => [problem.code, problem.file, problem.line, problem.message])).toEqual([
        ['template/empty', 'templates/pages-wrapper.tsx', 2, `${FIRST_URL}: BrokenPage returned nothing, so the page would be empty`],
      ]);
      expect(page.body).toContain('<code class="where">templates/pages-wrapper.tsx:2</code> <code>template/empty</code>');
      expect(page.body).toContain('write return ( before the JSX in BrokenPage and save, and the page reloads');
    });
  });
});

describe('arhivar dev with a template that imports a file that is not there', () => {
  it('names the template and the line of the import, as the build does, not only »Does the file exist?«', async () => {
    const root = await copyFixture('archive-basic');
    const wrapper = path.join(root, 'templates', 'pages-wrapper.tsx');
    await writeFile(
      wrapper,
      [
        IMPORT_BASE_PAGES,
        '',
        "import { Boks } from './nikjer.tsx';",
        'export function* listPages(inputs: Parameters<typeof base>[0]) {',
        '  if (Boks) yield* base(inputs);',
        '}',
        '',
      ].join('\n'),
    );
    await withDevServer(root, { pagesModule: wrapper }, async (server) => {
      const page = await fetchUntil(server, FIRST_URL, (p) => p.status === 500);
      expect(page.body).toContain('<title>arhivar: 1 problem in templates</title>');
      expect(page.body).toContain('<code class="where">templates/pages-wrapper.tsx:3</code> <code>template/missing-import</code>');
      expect(page.body).toContain('Could not resolve &quot;./nikjer.tsx&quot;');
      expect(page.body).toContain("correct the path (relative to the template's folder)");
    });
  });
});

describe('arhivar dev with a template that imports a package that is not installed', () => {
  it('names the template line and says to install the package, as the build does, and shows the site once it is installed', async () => {
    const root = await copyFixture('archive-basic');
    const wrapper = path.join(root, 'templates', 'pages-wrapper.tsx');
    // A date library a developer means to use, before running npm install for it.
    await writeFile(
      wrapper,
      [
        IMPORT_BASE_PAGES,
        '',
        "import dayjs from 'dayjs-ni-namescen';",
        'export function* listPages(inputs: Parameters<typeof base>[0]) {',
        '  for (const page of base(inputs)) {',
        `    if (page.url === ${JSON.stringify(FIRST_URL)}) yield { ...page, render: () => \`<!DOCTYPE html>\\n<p>leto \${dayjs().year()}</p>\\n\` };`,
        '    else yield page;',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    // The terminal, where Vite printed its »Error when evaluating SSR module … Cannot find module« and stack.
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const told: ArhivarError[] = [];
    try {
      await withDevServer(root, { logLevel: 'error', pagesModule: wrapper, onTemplateFailure: (problem) => told.push(problem) }, async (server) => {
        const page = await fetchUntil(server, FIRST_URL, (p) => p.status === 500);
        expect((await fetchUntil(server, '/', () => true)).status).toBe(500);
        expect(told.map((problem) => formatError(problem))).toEqual([
          'templates/pages-wrapper.tsx:3  template/missing-import\n  Could not resolve "dayjs-ni-namescen"\n  hint: the package dayjs-ni-namescen is not installed: install it with npm install dayjs-ni-namescen, or correct its name',
        ]);
        expect(printed.mock.calls.join('\n')).not.toContain('dayjs-ni-namescen');
        expect(page.body).toContain('<title>arhivar: 1 problem in templates</title>');
        expect(page.body).toContain('<code class="where">templates/pages-wrapper.tsx:3</code> <code>template/missing-import</code>');
        expect(page.body).toContain('Could not resolve &quot;dayjs-ni-namescen&quot;');
        expect(page.body).toContain('the package dayjs-ni-namescen is not installed: install it with npm install dayjs-ni-namescen, or correct its name');
        expect(page.body).not.toContain('Cannot find module');
        // What npm install dayjs-ni-namescen leaves in node_modules/.
        const installed = path.join(root, 'node_modules', 'dayjs-ni-namescen');
        await mkdir(installed, { recursive: true });
        await writeFile(path.join(installed, 'index.js'), 'export default function dayjs() {\n  return { year: () => 2025 };\n}\n');
        await writeFile(path.join(installed, 'package.json'), JSON.stringify({ name: 'dayjs-ni-namescen', version: '1.0.0', type: 'module', main: 'index.js' }));
        await fetchUntil(server, FIRST_URL, (p) => p.status === 200 && p.body.includes('<p>leto 2025</p>'));
      });
    } finally {
      printed.mockRestore();
    }
  });
});

describe('arhivar dev with a template that imports a path an installed package does not export', () => {
  it('names the template line, the path and the package, as the build does, not Vite\u2019s »is not exported under the conditions« and its stack', async () => {
    const root = await copyFixture('archive-basic');
    // zod is installed, as in arhivar's checkout; its package.json "exports" has no ./nope.
    await symlink(path.join(PROJECT_ROOT, 'node_modules'), path.join(root, 'node_modules'));
    const wrapper = path.join(root, 'templates', 'pages-wrapper.tsx');
    const source = (specifier: string) =>
      [IMPORT_BASE_PAGES, '', `import { z } from '${specifier}';`, 'export function* listPages(inputs: Parameters<typeof base>[0]) {', '  if (z) yield* base(inputs);', '}', ''].join('\n');
    await writeFile(wrapper, source('zod/nope'));
    // The terminal, where Vite printed »Error when evaluating SSR module … is not exported« and its stack on every request.
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const told: ArhivarError[] = [];
    try {
      await withDevServer(root, { logLevel: 'error', pagesModule: wrapper, onTemplateFailure: (problem) => told.push(problem) }, async (server) => {
        const page = await fetchUntil(server, FIRST_URL, (p) => p.status === 500);
        expect((await fetchUntil(server, '/', () => true)).status).toBe(500);
        const hint = 'the package zod is installed but does not export zod/nope (its package.json "exports"): check the spelling, or import one of the entry points its documentation names';
        expect(told.map((problem) => formatError(problem))).toEqual([`templates/pages-wrapper.tsx:3  template/missing-import\n  Could not resolve "zod/nope"\n  hint: ${hint}`]);
        expect(printed.mock.calls.join('\n')).not.toContain('zod');
        expect(page.body).toContain('<title>arhivar: 1 problem in templates</title>');
        expect(page.body).toContain('<code class="where">templates/pages-wrapper.tsx:3</code> <code>template/missing-import</code>');
        expect(page.body).toContain('Could not resolve &quot;zod/nope&quot;');
        expect(page.body).toContain(hint.replaceAll('"', '&quot;'));
        expect(page.body).not.toContain('under the conditions');
        // The path corrected: the site shows again.
        await writeFile(wrapper, source('zod'));
        await fetchUntil(server, FIRST_URL, (p) => p.status === 200);
      });
    } finally {
      printed.mockRestore();
    }
  });
});

describe('arhivar dev with a template that imports a file an installed package without "exports" does not have', () => {
  it('names the template line, the path and the package, not »correct the path relative to the template\u2019s folder«', async () => {
    const root = await copyFixture('archive-basic');
    // An older package, with no "exports" in its package.json: any of its files may be imported, but nikjer.js is not one.
    const installed = path.join(root, 'node_modules', 'stari-paket');
    await mkdir(installed, { recursive: true });
    await writeFile(path.join(installed, 'package.json'), JSON.stringify({ name: 'stari-paket', version: '1.0.0', type: 'module', main: 'index.js' }));
    await writeFile(path.join(installed, 'index.js'), 'export default 1;\n');
    const wrapper = path.join(root, 'templates', 'pages-wrapper.tsx');
    await writeFile(wrapper, [IMPORT_BASE_PAGES, '', "import stari from 'stari-paket/nikjer.js';", 'export function* listPages(inputs: Parameters<typeof base>[0]) {', '  if (stari) yield* base(inputs);', '}', ''].join('\n'));
    const told: ArhivarError[] = [];
    await withDevServer(root, { pagesModule: wrapper, onTemplateFailure: (problem) => told.push(problem) }, async (server) => {
      const page = await fetchUntil(server, FIRST_URL, (p) => p.status === 500);
      expect(told.map((problem) => formatError(problem))).toEqual([
        'templates/pages-wrapper.tsx:3  template/missing-import\n  Could not resolve "stari-paket/nikjer.js"\n  hint: the package stari-paket is installed but has no file nikjer.js: check the spelling, or import one of the entry points its documentation names',
      ]);
      expect(page.body).toContain('<code class="where">templates/pages-wrapper.tsx:3</code> <code>template/missing-import</code>');
      expect(page.body).toContain('the package stari-paket is installed but has no file nikjer.js');
    });
  });
});

describe('arhivar dev and arhivar build on the packages a template imports', () => {
  it('tell the same of a package present, absent, present without the path imported, and a folder without package.json', async () => {
    // One folder is both the site and a copy of arhivar, so the build's templates and the dev server's wrapper lie in one templates/.
    const root = await copyPackage(await copyFixture('archive-basic'));
    const templates = path.join(root, 'templates');
    const obvestilo = path.join(templates, 'node_modules', 'obvestilo');
    await mkdir(obvestilo, { recursive: true });
    await writeFile(path.join(obvestilo, 'package.json'), JSON.stringify({ name: 'obvestilo', version: '1.0.0', type: 'module', exports: { '.': './index.js' } }));
    await writeFile(path.join(obvestilo, 'index.js'), "export const besedilo = 'obvestilo iz templates/node_modules';\n");
    // Copied into node_modules/ by hand, without package.json: Node takes any of its files, as of a package without "exports".
    const rocni = path.join(templates, 'node_modules', 'rocni');
    await mkdir(rocni, { recursive: true });
    await writeFile(path.join(rocni, 'index.js'), 'export default 1;\n');
    // Only arhivar's src/ reaches src/node_modules/: to a template it is not installed.
    const koda = path.join(root, 'src', 'node_modules', 'pozdrav-koda');
    await mkdir(koda, { recursive: true });
    await writeFile(path.join(koda, 'package.json'), JSON.stringify({ name: 'pozdrav-koda', version: '1.0.0', type: 'module', exports: './index.js' }));
    await writeFile(path.join(koda, 'index.js'), 'export default 1;\n');
    const wrong = ["import odsoten from 'pozdrav-koda';", "import { nope } from 'obvestilo/nope';", "import rocna from 'rocni/nikjer.js';"];
    const hints = [
      'the package pozdrav-koda is not installed: install it with npm install pozdrav-koda, or correct its name',
      'the package obvestilo is installed but does not export obvestilo/nope (its package.json "exports"): check the spelling, or import one of the entry points its documentation names',
      'the package rocni is installed but has no file nikjer.js: check the spelling, or import one of the entry points its documentation names',
    ];

    // The build: person.tsx imports all of them; esbuild tells every import it cannot resolve.
    const person = path.join(templates, 'person.tsx');
    const personSource = await readFile(person, 'utf8');
    await writeFile(person, `import { besedilo } from 'obvestilo';\n${wrong.join('\n')}\n${personSource.replace('<h1>{heading}</h1>', '<h1>{heading}</h1><p>{besedilo}{String(odsoten)}{String(nope)}{rocna}</p>')}`);
    const failed = await promisify(execFile)(process.execPath, [path.join(root, 'src/bin/arhivar.js'), 'build', '--root', root], { timeout: 60_000 }).then(
      () => ({ stderr: '' }),
      (error: { stderr: string }) => error,
    );
    const builtHints = [...failed.stderr.matchAll(/^templates\/person\.tsx:(\d+)  template\/missing-import\n  Could not resolve "[^"]+"\n  hint: (.*)$/gm)].map((match) => [Number(match[1]), match[2]]);
    expect(builtHints).toEqual(hints.map((hint, index) => [index + 2, hint]));
    await writeFile(person, personSource);

    // The dev server: a wrapper of the pages imports them one at a time, then the one that is there.
    const wrapper = path.join(templates, 'pages-wrapper.tsx');
    const source = (line: string, name: string) =>
      [IMPORT_BASE_PAGES, '', line, 'export function* listPages(inputs: Parameters<typeof base>[0]) {', `  for (const page of base(inputs)) yield page.url === ${JSON.stringify(FIRST_URL)} ? { ...page, render: () => \`<p>\${String(${name})}</p>\` } : page;`, '}', ''].join('\n');
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const told: ArhivarError[] = [];
    try {
      await writeFile(wrapper, source(wrong[0]!, 'odsoten'));
      await withDevServer(root, { logLevel: 'error', pagesModule: wrapper, onTemplateFailure: (problem) => told.push(problem) }, async (server) => {
        await fetchUntil(server, FIRST_URL, (p) => p.status === 500 && told.length === 1);
        for (const [index, [line, name]] of [[wrong[1]!, 'nope'], [wrong[2]!, 'rocna']].entries()) {
          await writeFile(wrapper, source(line!, name!));
          await fetchUntil(server, FIRST_URL, (p) => p.status === 500 && told.length === index + 2);
        }
        await writeFile(wrapper, source("import { besedilo } from 'obvestilo';", 'besedilo'));
        expect((await fetchUntil(server, FIRST_URL, (p) => p.status === 200)).body).toContain('<p>obvestilo iz templates/node_modules</p>');
      });
    } finally {
      printed.mockRestore();
    }
    expect(told.map((problem) => [problem.code, problem.file, problem.line, problem.hint])).toEqual(hints.map((hint) => ['template/missing-import', 'templates/pages-wrapper.tsx', 3, hint]));
  }, 120_000);
});

describe('arhivar dev on the problem of a package that is not installed, when npm install adds it', () => {
  it('reloads the browser by itself, as the page says it will, where it stayed on the problem until reloaded by hand', async () => {
    const root = await copyFixture('archive-basic');
    const wrapper = path.join(root, 'templates', 'pages-wrapper.tsx');
    await writeFile(wrapper, [IMPORT_BASE_PAGES, "import dayjs from 'dayjs-ni-namescen';", 'export function* listPages(inputs: Parameters<typeof base>[0]) {', '  if (dayjs) yield* base(inputs);', '}', ''].join('\n'));
    await withDevServer(root, { pagesModule: wrapper }, async (server) => {
      const reloads: unknown[] = [];
      const send = server.vite.ws.send.bind(server.vite.ws);
      server.vite.ws.send = ((...args: Parameters<typeof send>) => (reloads.push(args[0]), send(...args))) as typeof send;
      await fetchUntil(server, FIRST_URL, (p) => p.status === 500 && p.body.includes('template/missing-import'));
      expect(reloads).toEqual([]);
      // npm install dayjs-ni-namescen: the package in node_modules/, then package.json and package-lock.json.
      const installed = path.join(root, 'node_modules', 'dayjs-ni-namescen');
      await mkdir(installed, { recursive: true });
      await writeFile(path.join(installed, 'index.js'), 'export default function dayjs() {\n  return 1;\n}\n');
      await writeFile(path.join(installed, 'package.json'), JSON.stringify({ name: 'dayjs-ni-namescen', version: '1.0.0', type: 'module', main: 'index.js' }));
      await writeFile(path.join(root, 'package.json'), JSON.stringify({ dependencies: { 'dayjs-ni-namescen': '^1.0.0' } }));
      await writeFile(path.join(root, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: { 'node_modules/dayjs-ni-namescen': { version: '1.0.0' } } }));
      for (let attempt = 0; attempt < 100 && reloads.length === 0; attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(reloads[0]).toEqual({ type: 'full-reload', path: '*' });
      expect((await fetchUntil(server, FIRST_URL, () => true)).status).toBe(200);
    });
  });
});

describe('arhivar dev with a template that reads a file beside it', () => {
  it('shows the file as changed once it is saved, as the build does, not the text read when the template first loaded', async () => {
    const root = await copyFixture('archive-basic');
    // A publisher's line (or an SVG logo) kept in templates/ and read as the template loads: not a module, so
    // Vite's module graph does not know the template depends on it.
    const publisher = path.join(root, 'templates', 'izdajatelj.txt');
    await writeFile(publisher, 'Izdajatelj: Časopisna hiša d.o.o.\n');
    const wrapper = path.join(root, 'templates', 'pages-wrapper.tsx');
    await writeFile(
      wrapper,
      [
        "import { readFileSync } from 'node:fs';",
        IMPORT_BASE_PAGES,
        "const PUBLISHER = readFileSync(new URL('./izdajatelj.txt', import.meta.url), 'utf8').trim();",
        'export function* listPages(inputs: Parameters<typeof base>[0]) {',
        '  for (const page of base(inputs)) {',
        `    if (page.url === ${JSON.stringify(FIRST_URL)}) yield { ...page, render: () => \`<!DOCTYPE html>\\n<p>\${PUBLISHER}</p>\\n\` };`,
        '    else yield page;',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    await withDevServer(root, { pagesModule: wrapper }, async (server) => {
      await fetchUntil(server, FIRST_URL, (p) => p.body.includes('<p>Izdajatelj: Časopisna hiša d.o.o.</p>'));
      await writeFile(publisher, 'Izdajatelj: Nova hiša d.o.o.\n');
      await fetchUntil(server, FIRST_URL, (p) => p.body.includes('<p>Izdajatelj: Nova hiša d.o.o.</p>'));
    });
  });
});

describe('arhivar dev on a site whose .cache is a file', () => {
  it('shows an error page that names .cache and the fix instead of failing inside', async () => {
    const root = await copyFixture('archive-basic');
    await rm(path.join(root, '.cache'), { recursive: true, force: true });
    await writeFile(path.join(root, '.cache'), 'not a folder\n');
    const loads: DevLoadReport[] = [];
    await withDevServer(root, { onLoad: (report) => loads.push(report) }, async (server) => {
      const page = await fetchUntil(server, '/', (p) => p.status === 500);
      expect(page.body).toContain('cache/not-a-folder');
      expect(page.body).toContain('rename or delete .cache');
      expect(loads.at(-1)?.failure).toBeUndefined();
      expect(loads.at(-1)?.errors.map((error) => error.code)).toEqual(['cache/not-a-folder']);
    });
  });
});

describe('arhivar dev when a rendered body in .cache/ is damaged', () => {
  it('says so, lets go of that log, renders the bodies anew and serves the page', async () => {
    const root = await copyFixture('archive-basic');
    // A build leaves every body in .cache/; the dev server reads them from there when a page asks.
    await build({ root, now: new Date() });
    const loads: DevLoadReport[] = [];
    await withDevServer(root, { onLoad: (report) => loads.push(report) }, async (server) => {
      await fetchUntil(server, '/', (page) => page.status === 200);
      // The home page may be shown before the first load is done: damage the log only after it.
      for (let wait = 0; loads.length === 0 && wait < 150; wait++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(loads).toHaveLength(1);
      // In place: the session holds the log open, and reads these bytes.
      await damageFile(await cacheFile(root, 'markdown-'), 'Občinski svet je sprejel');

      const damaged = await fetch(new URL(FIRST_URL, server.url));
      expect(damaged.status).toBe(503);
      const page = await damaged.text();
      expect(page).toContain('was damaged, so that file was removed; rendering the articles again');
      expect(page).toContain('Nothing to do: this page reloads by itself');
      expect(page).toMatch(VITE_CLIENT);

      const served = await fetchUntil(server, FIRST_URL, (p) => p.status === 200);
      expect(served.body).toContain('Občinski svet je sprejel');
      expect(loads).toHaveLength(2);
      expect(loads.at(-1)?.errors).toEqual([]);
    });
  });
});

describe('arhivar dev for a site published under a path', () => {
  let root: string;
  let server: DevServer;
  let siteYaml: string;

  beforeAll(async () => {
    root = await copyFixture('archive-basic');
    siteYaml = path.join(root, 'content', 'site.yaml');
    await writeFile(siteYaml, (await readFile(siteYaml, 'utf8')).replace(/^baseUrl: .*$/m, 'baseUrl: https://example.si/arhiv/'));
    server = await startDevServer({ root, port: 0, logLevel: 'silent' });
  });

  afterAll(async () => {
    await server?.close();
    await removeDir(root);
  });

  it('serves the site under the path, as it will be published, and says so in its address', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/arhiv\/$/);
    const home = await fetchUntil(server, '/arhiv/', (page) => page.status === 200);
    expect(home.body).toContain('href="/arhiv/2025/05/14/peti-clanek-objavljen-pozno-zvecer/"');
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(home.body)?.[1];
    expect(stylesheet).toMatch(/^\/arhiv\/assets\/site-[\w-]+\.css$/);
    expect((await fetchUntil(server, stylesheet!, (page) => page.status === 200)).type).toBe('text/css; charset=utf-8');
    const index = JSON.parse((await fetchUntil(server, `/arhiv${urls.searchIndex()}`, (page) => page.status === 200)).body) as { base: string };
    expect(index.base).toBe('/arhiv/iskanje/indeks/');
  });

  it('renders an article exactly as the build writes it, apart from the reload client', async () => {
    const dev = await fetchUntil(server, `/arhiv${FIRST_URL}`, (page) => page.status === 200);
    const built = await buildSite(root, { now: new Date(), includeDrafts: true });
    try {
      expect(dev.body.replace(VITE_CLIENT, '')).toBe(await built.read(FIRST_URL));
    } finally {
      await removeDir(path.dirname(built.outDir));
    }
  });

  it('leads from the host root to the site, redirects folders under the path and finds nothing outside it', async () => {
    expect((await fetchUntil(server, '/', () => true)).status).toBe(302);
    expect((await fetch(new URL('/', server.url), { redirect: 'manual' })).headers.get('location')).toBe('/arhiv/');
    expect((await fetch(new URL('/arhiv/osebe', server.url), { redirect: 'manual' })).headers.get('location')).toBe('/arhiv/osebe/');
    const outside = await fetchUntil(server, '/osebe/', () => true);
    expect(outside.status).toBe(404);
    // A tab left open at /osebe/ when baseUrl gained its path reloads to this page: it must still reload when
    // baseUrl is edited again, and lead to where the site is now. As plain text it did neither.
    expect(outside.body).toMatch(VITE_CLIENT);
    expect(outside.body).toContain('<a href="/arhiv/">/arhiv/</a>');
    const missing = await fetchUntil(server, '/arhiv/ni-take-strani/', () => true);
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('Strani ni mogoče najti');
  });

  it('serves a page under the path by its index.html too', async () => {
    const folder = await fetchUntil(server, `/arhiv${FIRST_URL}`, (page) => page.status === 200);
    const file = await fetchUntil(server, `/arhiv${FIRST_URL}index.html`, () => true);
    expect(file.status).toBe(200);
    expect(file.body).toBe(folder.body);
    expect((await fetchUntil(server, '/arhiv/index.html', () => true)).status).toBe(200);
    expect((await fetchUntil(server, `${FIRST_URL}index.html`, () => true)).status).toBe(404);
  });

  it('moves to a new path when baseUrl is edited, without a restart', async () => {
    await writeFile(siteYaml, (await readFile(siteYaml, 'utf8')).replace(/^baseUrl: .*$/m, 'baseUrl: https://example.si/novice/'));
    const home = await fetchUntil(server, '/novice/', (page) => page.status === 200);
    expect(home.body).toContain('href="/novice/2025/05/14/peti-clanek-objavljen-pozno-zvecer/"');
    expect((await fetchUntil(server, '/arhiv/', () => true)).status).toBe(404);
  });
});

describe('arhivar dev under quick saves', () => {
  it('shows a save made while a page waits for the first load, on every request after it', async () => {
    const root = await makeTempDir();
    // Large enough that a first load without .cache/ takes well over the 100 ms below.
    const { articleFiles } = await generateArchive(root, { articles: 600, people: 20 });
    const file = articleFiles[7]!;
    const model = await loadSite({ root, now: new Date(), includeDrafts: true, cache: false });
    const url = model.archive.articles.find((article) => article.file === path.relative(root, file).split(path.sep).join('/'))!.url;
    model.close();
    const loads: DevLoadReport[] = [];
    await withDevServer(root, { onLoad: (report) => loads.push(report) }, async (server) => {
      // Asked for while the first load runs; the save comes before that load ends, so a second one follows it.
      const early = fetch(new URL(url, server.url)).then((response) => response.text());
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(loads).toHaveLength(0);
      await appendFile(file, ' Shranjeno med prvim nalaganjem.');
      await early;
      await fetchUntil(server, url, (page) => page.body.includes('Shranjeno med prvim nalaganjem.'));
      for (let n = 0; n < 3; n++) expect((await fetch(new URL(url, server.url)).then((response) => response.text())).includes('Shranjeno med prvim nalaganjem.')).toBe(true);
      expect(loads.length).toBeGreaterThanOrEqual(2);
    });
  });

  it('runs one load at a time, and the last save shows once the saves stop', async () => {
    const root = await makeTempDir();
    const { articleFiles } = await generateArchive(root, { articles: 300, people: 20 });
    const loads: DevLoadReport[] = [];
    await withDevServer(root, { onLoad: (report) => loads.push(report) }, async (server) => {
      await fetchUntil(server, '/', (page) => page.status === 200);
      const file = articleFiles[3]!;
      // An editor's autosave: 20 saves, 40 ms apart, each a little longer.
      for (let n = 1; n <= 20; n++) {
        await appendFile(file, ` Shranjeno ${n}.`);
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
      const built = await buildSite(root, { now: new Date(), includeDrafts: true });
      const url = built.result.model.archive.articles.find((article) => article.file === path.relative(root, file).split(path.sep).join('/'))!.url;
      await removeDir(path.dirname(built.outDir));
      await fetchUntil(server, url, (page) => page.body.includes('Shranjeno 20.'));
      const spans = loads.map((load) => [load.startedMs, load.startedMs + load.elapsedMs] as const).sort((a, b) => a[0] - b[0]);
      for (let n = 1; n < spans.length; n++) expect(spans[n]![0], `load ${n} started before load ${n - 1} ended`).toBeGreaterThanOrEqual(spans[n - 1]![1]);
      expect(loads.every((load) => load.errors.length === 0)).toBe(true);
    });
  });
});
