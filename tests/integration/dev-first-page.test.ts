import { readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../src/bench/generate.ts';
import { loadSite, sitePages, type NewestArticles } from '../../src/build.ts';
import { readContent } from '../../src/content/read.ts';
import type { Article } from '../../src/content/article.ts';
import { startDevServer, type DevServer } from '../../src/dev/server.ts';
import type { DevLoadReport } from '../../src/dev/vite-plugin.ts';
import { firstHomePage } from '../../src/render/pages.ts';
import { buildSite, copyFixture, makeTempDir, PROJECT_ROOT, removeDir, startDevProcess, waitFor } from '../helpers.ts';

/**
 * The dev server's first load on a fresh checkout shows the home page as soon as the newest articles are
 * rendered (they go to the workers first), not after the whole archive. These tests hold that page to the
 * one made from the whole archive, and check what happens when the two differ or the server stops early.
 */
const VITE_CLIENT = /\s*<script type="module" src="\/@vite\/client"><\/script>\s*/;
const NOW = new Date('2026-06-01T00:00:00Z');
const ASSETS = { stylesheet: '/assets/site-test.css', scripts: { search: '/assets/search-test.js' } };

/** What the server tells the browsers over Vite's websocket (a reload), recorded as it is sent. */
function recordMessages(server: DevServer): unknown[] {
  const sent: unknown[] = [];
  const send = server.vite.ws.send.bind(server.vite.ws);
  server.vite.ws.send = ((...args: Parameters<typeof send>) => {
    sent.push(args[0]);
    return send(...args);
  }) as typeof send;
  return sent;
}

/** The home page's HTML, asked for every 20 ms until the server answers 200 (it is up, but may still be loading). */
async function firstHomePageAt(url: string): Promise<string> {
  for (let attempt = 0; attempt < 1500; attempt++) {
    const response = await fetch(new URL('/', url)).catch(() => undefined);
    if (response?.status === 200) return response.text();
    await response?.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no home page from ${url}`);
}

/**
 * Starts the dev server on `root` (a fresh checkout whose early home page will turn out different), takes
 * the home page it shows before the first load is done, waits for the one reload it sends when the load is
 * done, and asks for the home page again; then stops the server and removes `root`.
 */
async function earlyPageThenReload(root: string, pagesModule?: string): Promise<{ early: string; loads: DevLoadReport[]; after: { status: number; html: string } }> {
  const loads: DevLoadReport[] = [];
  const server = await startDevServer({ root, port: 0, logLevel: 'silent', pagesModule, onLoad: (report) => loads.push(report) });
  try {
    const reloads = recordMessages(server);
    const early = await firstHomePageAt(server.url);
    expect(loads).toEqual([]);
    await waitFor(() => reloads.length > 0, 'the reload');
    expect(reloads).toEqual([{ type: 'full-reload', path: '*' }]);
    const response = await fetch(new URL('/', server.url));
    return { early, loads, after: { status: response.status, html: await response.text() } };
  } finally {
    await server.close();
    await removeDir(root);
  }
}

let archive: string;

beforeAll(async () => {
  archive = await makeTempDir();
  // Large enough that rendering all of it takes far longer than the newest page: about a second of two cores.
  await generateArchive(archive, { articles: 1500, people: 60, seed: 11 });
});

afterAll(async () => {
  await removeDir(archive);
});

/** A fresh checkout of the generated archive: no .cache/ of its own. */
async function freshCopy(): Promise<string> {
  const root = await makeTempDir();
  const { cp } = await import('node:fs/promises');
  await cp(path.join(archive, 'content'), path.join(root, 'content'), { recursive: true });
  return root;
}

describe('loadSite onNewestArticles', () => {
  it('tells the newest page of articles before the load is done, and the home page made from them is the site’s', async () => {
    const root = await freshCopy();
    try {
      let newest: NewestArticles | undefined;
      let toldAt = Infinity;
      let validatedAt = Infinity;
      const model = await loadSite({
        root,
        now: NOW,
        onNewestArticles: (told) => {
          newest = told;
          toldAt = performance.now();
        },
        onValidated: () => (validatedAt = performance.now()),
      });
      const loadedAt = performance.now();
      try {
        expect(newest).toBeDefined();
        // The newest come before the archive is validated (they are picked by peeked dates), and that before the Markdown is done.
        expect(toldAt).toBeLessThan(validatedAt);
        expect(validatedAt).toBeLessThan(loadedAt);
        const { pageSize } = model.config;
        expect(newest!.count).toBe(model.archive.articles.length);
        expect(newest!.articles.map((article) => article.url)).toEqual(model.archive.articles.slice(0, pageSize).map((article) => article.url));
        const early = firstHomePage({ site: newest!.config, assets: ASSETS, people: newest!.people }, newest!.articles, newest!.count).render();
        const home = [...sitePages(model, ASSETS)].find((page) => page.url === '/')!;
        expect(early).toBe(home.render());
        // Pagination and the people named are there: the comparison is not between two empty lists.
        expect(early).toContain(`Stran 1 od ${Math.ceil(model.archive.articles.length / pageSize)}`);
        expect(early).toContain('class="people-links"');
        // The validations, saved after the newest were told, are in .cache/ for the next start.
        const logs = (await readdir(path.join(root, '.cache'))).filter((name) => name.startsWith('articles-') && name.endsWith('.log'));
        expect(logs).toHaveLength(1);
        expect((await stat(path.join(root, '.cache', logs[0]!))).size).toBeGreaterThan(1500 * 100);
      } finally {
        model.close();
      }
    } finally {
      await removeDir(root);
    }
  });

  it('picks the newest page among articles of the same date as the site orders them, by title', async () => {
    const root = await copyFixture('archive-basic'); // pageSize 3
    try {
      // Five articles at one moment, newer than the rest: the page's last place is decided among them.
      for (const title of ['Čebele', 'Ajda', 'Zima', 'Cesta', 'Bor']) {
        await writeFile(path.join(root, 'content', 'articles', `${title}.md`), `---\ntitle: ${title}\ndate: 2026-01-01T10:00\n---\n\nBesedilo o temi ${title}.\n`);
      }
      let newest: NewestArticles | undefined;
      const model = await loadSite({ root, now: NOW, onNewestArticles: (told) => (newest = told) });
      model.close();
      expect(newest!.articles.map((article) => article.title)).toEqual(['Ajda', 'Bor', 'Cesta']);
      expect(newest!.articles.map((article) => article.url)).toEqual(model.archive.articles.slice(0, 3).map((article) => article.url));
    } finally {
      await removeDir(root);
    }
  });

  it('picks the newest by the dates peeked from front matter, validating first what cannot be peeked at', async () => {
    const root = await copyFixture('archive-basic'); // pageSize 3
    try {
      const article = (name: string, front: string) => writeFile(path.join(root, 'content', 'articles', `${name}.md`), `---\n${front}\n---\n\nBesedilo članka ${name}.\n`);
      // A comment after the date is YAML the peek leaves to validation: this article is validated before the others.
      await article('komentar', 'title: Najnovejši s komentarjem\ndate: 2026-05-20 # popravljeno');
      // A draft and an article dated after NOW are not published, however new.
      await article('osnutek', 'title: Osnutek\ndate: 2026-05-25\ndraft: true');
      await article('prihodnji', 'title: Prihodnji\ndate: 2026-07-01');
      await article('drugi', 'title: "Drugi: z dvopičjem"\ndate: "2026-05-10T08:00"');
      let newest: NewestArticles | undefined;
      const model = await loadSite({ root, now: NOW, onNewestArticles: (told) => (newest = told) });
      model.close();
      expect(newest!.articles.map((told) => told.title)).toEqual(['Najnovejši s komentarjem', 'Drugi: z dvopičjem', model.archive.articles[2]!.title]);
      expect(newest!.articles.map((told) => told.url)).toEqual(model.archive.articles.slice(0, 3).map((told) => told.url));
      expect(newest!.count).toBe(model.archive.articles.length);
    } finally {
      await removeDir(root);
    }
  });

  it('does not peek when .cache/ holds validations: the texts of unchanged files are not read at all', async () => {
    const root = await copyFixture('archive-basic');
    try {
      (await loadSite({ root, now: NOW })).close();
      const sources = await readContent(root);
      let reads = 0;
      for (const source of sources.articles) {
        let text = source.text;
        Object.defineProperty(source, 'text', {
          get: () => (reads++, text),
          set: (value: string) => (text = value),
        });
      }
      let told: NewestArticles | undefined;
      const model = await loadSite({ root, now: NOW, sources, onNewestArticles: (newest) => (told = newest) });
      model.close();
      // Told from the records .cache/ keeps (records-*.log), people included, as the load's own page has them.
      const page = (articles: readonly Article[]) => articles.map((article) => [article.url, article.people]);
      expect(told).toBeDefined();
      expect(page(told!.articles)).toEqual(page(model.archive.articles.slice(0, told!.articles.length)));
      expect(told!.articles.some((article) => article.people.length > 0)).toBe(true);
      expect(reads).toBe(0);
    } finally {
      await removeDir(root);
    }
  });

  it.each([
    ['tells the newest before the rest is validated: an older article’s error comes after them', '2001-01-01', 3],
    ['tells nothing when an article on the newest page is invalid', '2026-05-01', undefined],
  ])('%s', async (_, date, toldArticles) => {
    const root = await copyFixture('archive-basic'); // pageSize 3
    try {
      // Its date peeks well, but it has no title: only validation finds that.
      await writeFile(path.join(root, 'content', 'articles', 'brez-naslova.md'), `---\ndate: ${date}\n---\n\nBesedilo brez naslova.\n`);
      let told: NewestArticles | undefined;
      const load = loadSite({ root, now: NOW, onNewestArticles: (newest) => (told = newest) });
      await expect(load).rejects.toMatchObject({ errors: [expect.objectContaining({ code: 'article/missing-title' })] });
      expect(told?.articles.length).toBe(toldArticles);
    } finally {
      await removeDir(root);
    }
  });

  it('tells nothing when an article’s front matter is invalid: the site is not shown before that is fixed', async () => {
    const root = await freshCopy();
    try {
      await writeFile(path.join(root, 'content', 'articles', 'pokvarjen.md'), '---\ntitle: Pokvarjen\ndate: ni datum\n---\n\nBesedilo.\n');
      let told = false;
      await expect(loadSite({ root, now: NOW, onNewestArticles: () => (told = true) })).rejects.toThrow();
      expect(told).toBe(false);
    } finally {
      await removeDir(root);
    }
  });
});

describe('arhivar dev on a fresh checkout', () => {
  let root: string;
  let server: DevServer | undefined;

  beforeAll(async () => {
    root = await freshCopy();
  });

  afterAll(async () => {
    await server?.close();
    await removeDir(root);
  });

  it('shows the home page before the first load is done, and it is the page the build makes', async () => {
    const loads: DevLoadReport[] = [];
    server = await startDevServer({ root, port: 0, logLevel: 'silent', onLoad: (report) => loads.push(report) });
    const reloads = recordMessages(server);
    const early = await firstHomePageAt(server.url);
    expect(loads).toEqual([]);
    await waitFor(() => loads.length > 0, 'the first load');
    expect(loads[0]!.errors).toEqual([]);
    expect(loads[0]!.articles).toBe(1500);
    const later = await (await fetch(new URL('/', server.url))).text();
    expect(early).toBe(later);
    // The same page: the browser is not told to reload.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reloads).toEqual([]);
    const built = await buildSite(root, { now: new Date(), includeDrafts: true });
    try {
      expect(early.replace(VITE_CLIENT, '')).toBe(await built.read('/'));
    } finally {
      await removeDir(path.dirname(built.outDir));
    }
  });

  it('shows the home page early though an older article is broken, then reloads the browser to the problems', async () => {
    const broken = await freshCopy();
    await writeFile(path.join(broken, 'content', 'articles', 'star.md'), '---\ndate: 2001-01-01\n---\n\nBesedilo brez naslova.\n');
    const { early, loads, after } = await earlyPageThenReload(broken);
    expect(early).toContain('<!DOCTYPE html>');
    expect(loads[0]!.errors.map((error) => `${error.file} ${error.code}`)).toEqual(['content/articles/star.md article/missing-title']);
    expect(after.status).toBe(500);
    expect(after.html).toContain('star.md');
  });

  it('reloads the browser once the load is done when the home page it was shown early differs', async () => {
    const differing = await freshCopy();
    // A page module whose early home page carries a mark the site's own home page does not.
    const wrapper = path.join(differing, 'templates', 'pages-wrapper.ts');
    const pages = JSON.stringify(path.join(PROJECT_ROOT, 'src', 'render', 'pages.ts'));
    await import('node:fs/promises').then(({ mkdir }) => mkdir(path.dirname(wrapper), { recursive: true }));
    await writeFile(
      wrapper,
      [
        `import { firstHomePage as base } from ${pages};`,
        `export { listPages } from ${pages};`,
        'export function firstHomePage(...args: Parameters<typeof base>) {',
        '  const page = base(...args);',
        "  return { ...page, render: () => page.render().replace('</body>', '<!-- zgodaj --></body>') };",
        '}',
        '',
      ].join('\n'),
    );
    const { early, after } = await earlyPageThenReload(differing, wrapper);
    expect(early).toContain('<!-- zgodaj -->');
    expect(after.html).not.toContain('zgodaj');
  });
});

describe('arhivar dev stopped during its first load', () => {
  it('stops at once and reports nothing about the articles it did not finish', async () => {
    const root = await freshCopy();
    try {
      const { output, exited, kill } = startDevProcess(root);
      await waitFor(() => /serving (http:\/\/127\.0\.0\.1:\d+\/)/.test(output.stdout), 'the server to start');
      const url = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output.stdout)![1]!;
      expect(await firstHomePageAt(url)).toContain('<!DOCTYPE html>');
      kill('SIGINT');
      expect(await exited).toBe(0);
      // Stopped before the load was done (it prints "loaded … articles" when it is), and silent about it.
      expect(output.stdout).not.toContain('loaded');
      expect(output.stderr).toBe('');
      // What the workers had rendered is kept for the next start, and the session's spill file is gone: the task
      // a worker had when it was stopped never settled, so the stopped load never ended (markdown-pool.ts close).
      const cached = await readdir(path.join(root, '.cache'));
      expect(cached.filter((name) => /^markdown-.*\.log$/.test(name))).toHaveLength(1);
      expect(cached.filter((name) => name.endsWith('.spill'))).toEqual([]);
    } finally {
      await removeDir(root);
    }
  });
});
