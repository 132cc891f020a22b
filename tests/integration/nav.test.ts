import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { findBrokenLinks } from '../../src/output/links.ts';
import { parseFeed } from '../helpers/parse-feed.ts';
import { buildSite, copyFixture, removeDir } from '../helpers.ts';

const fixture = fileURLToPath(new URL('../fixtures/nav', import.meta.url));
const BASE = 'https://novice.example.si';
let dist: string;
let files: string[];

async function walk(root: string, relative = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(root, relative), { withFileTypes: true })) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await walk(root, child)));
    else out.push(child);
  }
  return out.sort();
}

const read = (file: string) => readFile(path.join(dist, file), 'utf8');
const page = (url: string) => read(`${url.replace(/^\//, '')}index.html`);
const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
/** Visible text of an HTML fragment. */
const textOf = (html: string) => decode(html.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();
const hrefsIn = (html: string) => [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((match) => decode(match[1]!));
function section(html: string, start: RegExp): string {
  const match = start.exec(html);
  if (!match) throw new Error(`no ${start} in page`);
  return html.slice(match.index);
}
/** Visible text of each <li> of the list that starts with `start`. */
function listItems(html: string, start: RegExp): string[] {
  const list = section(html, start);
  return [...list.slice(0, list.indexOf('</ul>')).matchAll(/<li>([\s\S]*?)<\/li>/g)].map((match) => textOf(match[1]!));
}
function meta(html: string, key: string): string | undefined {
  const match = new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`).exec(html);
  return match ? decode(match[1]!) : undefined;
}
function jsonLdBlocks(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => JSON.parse(match[1]!) as Record<string, unknown>);
}

beforeAll(async () => {
  dist = await mkdtemp(path.join(os.tmpdir(), 'arhivar-nav-'));
  await build({ root: fixture, outDir: dist, now: new Date('2026-01-01T00:00:00Z'), cache: false });
  files = await walk(dist);
});

afterAll(async () => {
  await rm(dist, { recursive: true, force: true });
});

describe('date archive', () => {
  it('/arhiv/ lists every year, newest first, with its count', async () => {
    const html = await page('/arhiv/');
    const list = section(html, /<ul class="count-index"/);
    expect(hrefsIn(list).slice(0, 2)).toEqual(['/2025/', '/2024/']);
    expect(listItems(html, /<ul class="count-index"/)).toEqual(['2025 6 člankov', '2024 2 članka']);
  });

  it('/2025/ lists its months with counts, linked to the month pages', async () => {
    const html = await page('/2025/');
    const list = section(html, /<ul class="count-index"/);
    const items = list.slice(0, list.indexOf('</ul>'));
    expect(hrefsIn(items)).toEqual(['/2025/12/', '/2025/11/', '/2025/01/']);
    expect(listItems(html, /<ul class="count-index"/)).toEqual(['december 4 članki', 'november 1 članek', 'januar 1 članek']);
  });

  it('/2025/12/ is paginated, newest first', async () => {
    const first = await page('/2025/12/');
    const second = await page('/2025/12/stran/2/');
    const titles = (html: string) => [...html.matchAll(/<h2 class="teaser-title"><a href="([^"]+)"/g)].map((match) => match[1]);
    expect(titles(first)).toEqual(['/2025/12/20/witkoff-na-floridi/', '/2025/12/15/witkoff-v-berlinu/']);
    expect(titles(second)).toEqual(['/2025/12/03/dolga-analiza/', '/2025/12/01/sarajevo-in-zalec/']);
    expect(first).toContain('<link rel="next" href="/2025/12/stran/2/"/>');
    expect(second).toContain('<link rel="prev" href="/2025/12/"/>');
  });

  it('describes a month page with the month in the genitive after »iz« (iz decembra 2025)', async () => {
    expect(meta(await page('/2025/12/'), 'description')).toBe('Članki iz decembra 2025: 4 članki.');
    expect(meta(await page('/2025/12/stran/2/'), 'description')).toBe('Članki iz decembra 2025: 4 članki – stran 2 od 2.');
    expect(meta(await page('/2025/01/'), 'description')).toBe('Članki iz januarja 2025: 1 članek.');
  });

  /** The visible breadcrumb's links and labels, and the JSON-LD BreadcrumbList's names (which end with the page itself). */
  async function trailOf(url: string) {
    const html = await page(url);
    const nav = section(html, /<nav class="breadcrumbs"/);
    const crumbs = nav.slice(0, nav.indexOf('</nav>'));
    const list = jsonLdBlocks(html).find((data) => data['@type'] === 'BreadcrumbList')!;
    const names = (list.itemListElement as { name: string }[]).map((item) => item.name);
    return { hrefs: hrefsIn(crumbs), labels: [...crumbs.matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((match) => match[1]), names };
  }

  it('article pages carry the breadcrumb Domov › Arhiv › 2025 › december', async () => {
    expect(await trailOf('/2025/12/15/witkoff-v-berlinu/')).toMatchObject({
      hrefs: ['/', '/arhiv/', '/2025/', '/2025/12/'],
      labels: ['Domov', 'Arhiv', '2025', 'december'],
    });
  });

  it('each archive page\'s trail is its parent\'s trail plus the parent: Arhiv, then the year, then the month', async () => {
    expect(await trailOf('/arhiv/')).toMatchObject({ hrefs: ['/'], names: ['Domov', 'Arhiv'] });
    expect(await trailOf('/2025/')).toMatchObject({ hrefs: ['/', '/arhiv/'], names: ['Domov', 'Arhiv', '2025'] });
    expect(await trailOf('/2025/12/')).toMatchObject({ hrefs: ['/', '/arhiv/', '/2025/'], labels: ['Domov', 'Arhiv', '2025'], names: ['Domov', 'Arhiv', '2025', 'december'] });
    expect(await trailOf('/2025/12/stran/2/')).toMatchObject({ hrefs: ['/', '/arhiv/', '/2025/'], names: ['Domov', 'Arhiv', '2025', 'december, stran\u00a02'] });
  });

  it('names each level the same way in the visible trail and in every BreadcrumbList, its own page\'s included', async () => {
    // Each page's own last name is what the trail of the page below it calls it (»2025«, not »Leto 2025«, on /2025/).
    const chain = ['/arhiv/', '/2025/', '/2025/12/', '/2025/12/15/witkoff-v-berlinu/'];
    for (let i = 1; i < chain.length; i++) {
      const parent = await trailOf(chain[i - 1]!);
      const child = await trailOf(chain[i]!);
      expect(child.labels, chain[i]).toEqual(child.names.slice(0, -1));
      expect(child.names.slice(0, -1), chain[i]).toEqual(parent.names);
    }
  });

  it('the indexes of the archive, the people and the tags all lead back home the same way', async () => {
    for (const url of ['/arhiv/', '/osebe/', '/oznake/']) {
      const html = await page(url);
      const nav = section(html, /<nav class="breadcrumbs"/);
      expect(hrefsIn(nav.slice(0, nav.indexOf('</nav>'))), url).toEqual(['/']);
      expect(html, url).toContain('"@type":"BreadcrumbList"');
    }
  });
});

describe('tags', () => {
  it('/oznake/ lists every tag with its count in Slovenian order', async () => {
    const html = await page('/oznake/');
    expect(listItems(html, /<ul class="count-index tags-index"/)).toEqual([
      'Celje 2 članka',
      'Čile 2 članka',
      'diplomacija 4 članki',
      'Rusija 2 članka',
      'Sarajevo 1 članek',
      'Šport 2 članka',
      'Zagreb 1 članek',
      'ZDA 2 članka',
      'Žalec 1 članek',
    ]);
  });

  it('tag pages are paginated and list the tagged articles', async () => {
    const first = await page('/oznake/diplomacija/');
    const second = await page('/oznake/diplomacija/stran/2/');
    const teasers = (html: string) => [...html.matchAll(/<h2 class="teaser-title"><a href="([^"]+)"/g)].map((match) => match[1]);
    expect([...teasers(first), ...teasers(second)]).toEqual([
      '/2025/12/20/witkoff-na-floridi/',
      '/2025/12/15/witkoff-v-berlinu/',
      '/2025/12/03/dolga-analiza/',
      '/2025/01/10/usakov-o-pogajanjih/',
    ]);
    expect(files).not.toContain('oznake/diplomacija/stran/3/index.html');
  });

  it('article pages link their tags', async () => {
    const html = await page('/2024/11/05/ljubljana-maribor-nova-pravila-za-sport/');
    const tags = section(html, /<ul class="tag-links"/);
    expect(hrefsIn(tags.slice(0, tags.indexOf('</ul>')))).toEqual(['/oznake/sport/', '/oznake/celje/']);
  });
});

describe('article navigation', () => {
  it('links the previous and next article in time', async () => {
    const html = await page('/2025/12/15/witkoff-v-berlinu/');
    expect(html).toMatch(/<a rel="prev" href="\/2025\/12\/03\/dolga-analiza\/">/);
    expect(html).toMatch(/<a rel="next" href="\/2025\/12\/20\/witkoff-na-floridi\/">/);
    const newest = await page('/2025/12/20/witkoff-na-floridi/');
    expect(newest).not.toMatch(/<a rel="next"/);
    const oldest = await page('/2024/11/05/ljubljana-maribor-nova-pravila-za-sport/');
    expect(oldest).not.toMatch(/<a rel="prev"/);
  });

  it('names the neighbours in the dual only when there are two (Sosednja članka), else Sosednji članek', async () => {
    const label = (html: string) => /<nav class="article-neighbours" aria-label="([^"]*)"/.exec(html)?.[1];
    expect(label(await page('/2025/12/15/witkoff-v-berlinu/'))).toBe('Sosednja članka');
    expect(label(await page('/2025/12/20/witkoff-na-floridi/'))).toBe('Sosednji članek');
    expect(label(await page('/2024/11/05/ljubljana-maribor-nova-pravila-za-sport/'))).toBe('Sosednji članek');
  });

  it('lists related articles, the rare shared person first', async () => {
    const html = await page('/2025/01/10/usakov-o-pogajanjih/');
    const related = section(html, /<ul class="related-list"/);
    // Ušakov (2 articles) + Rusija + diplomacija with Florida; then diplomacija alone, newer first.
    expect(hrefsIn(related.slice(0, related.indexOf('</ul>')))).toEqual([
      '/2025/12/20/witkoff-na-floridi/',
      '/2025/12/15/witkoff-v-berlinu/',
      '/2025/12/03/dolga-analiza/',
    ]);
  });

  it('shows the reading time with the Slovenian plural', async () => {
    expect(await page('/2025/12/03/dolga-analiza/')).toContain('3\u00a0minute branja');
    expect(await page('/2025/12/01/sarajevo-in-zalec/')).toContain('1\u00a0minuta branja');
  });
});

describe('feeds', () => {
  it('/feed.xml parses with every article, newest first, full content and Slovenian characters', async () => {
    const feed = await parseFeed(await read('feed.xml'));
    expect(feed.meta.title).toBe('Novice Žalec');
    expect(feed.items.map((item) => item.link)).toEqual([
      `${BASE}/2025/12/20/witkoff-na-floridi/`,
      `${BASE}/2025/12/15/witkoff-v-berlinu/`,
      `${BASE}/2025/12/03/dolga-analiza/`,
      `${BASE}/2025/12/01/sarajevo-in-zalec/`,
      `${BASE}/2025/11/02/nadzorni-znaki/`,
      `${BASE}/2025/01/10/usakov-o-pogajanjih/`,
      `${BASE}/2024/12/20/zagreb-gosti-tekmo/`,
      `${BASE}/2024/11/05/ljubljana-maribor-nova-pravila-za-sport/`,
    ]);
    const oldest = feed.items.at(-1)!;
    expect(oldest.title).toBe('Ljubljana & Maribor: <nova> pravila za šport');
    expect(oldest.summary).toBe('Čez »mesto« in <okolico> teče nova proga & še kaj.');
    expect(oldest.description).toContain('Žiga Černe je predstavil <strong>nova pravila</strong>');
    const usakov = feed.items.find((item) => item.link.endsWith('/usakov-o-pogajanjih/'))!;
    expect(usakov.author).toBe('Marta Žagar');
    expect(usakov.date?.toISOString()).toBe('2025-01-11T07:30:00.000Z');
    expect(usakov.pubdate?.toISOString()).toBe('2025-01-10T11:00:00.000Z');
  });

  it('has a feed per person and per tag with their articles', async () => {
    const person = await parseFeed(await read('osebe/jurij-usakov/feed.xml'));
    expect(person.meta.title).toBe('Jurij Ušakov – Novice Žalec');
    expect(person.items.map((item) => item.title)).toEqual(['Witkoff na Floridi', 'Ušakov o pogajanjih']);
    const tag = await parseFeed(await read('oznake/sport/feed.xml'));
    expect(tag.meta.title).toBe('Šport – Novice Žalec');
    expect(tag.items.map((item) => item.title)).toEqual(['Zagreb gosti tekmo', 'Ljubljana & Maribor: <nova> pravila za šport']);
  });

  it('every feed in dist parses strictly and has no character XML forbids', async () => {
    const feeds = files.filter((file) => file.endsWith('feed.xml'));
    expect(feeds.length).toBe(1 + 4 + 9);
    for (const file of feeds) {
      const xml = await read(file);
      expect(xml, file).not.toMatch(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u);
      await expect(parseFeed(xml), file).resolves.toBeTruthy();
    }
  });

  it('each feed is linked from its page with <link rel="alternate">', async () => {
    const alternates = (html: string) => [...html.matchAll(/<link rel="alternate" type="application\/atom\+xml" title="([^"]*)" href="([^"]*)"\/>/g)].map((match) => decode(match[2]!));
    expect(alternates(await page('/'))).toEqual(['/feed.xml']);
    expect(alternates(await page('/osebe/jurij-usakov/'))).toEqual(['/osebe/jurij-usakov/feed.xml', '/feed.xml']);
    expect(alternates(await page('/oznake/sport/'))).toEqual(['/oznake/sport/feed.xml', '/feed.xml']);
  });
});

describe('sitemap and robots.txt', () => {
  it('the sitemap lists exactly the built HTML pages, each with lastmod but the search page', async () => {
    const xml = await read('sitemap.xml');
    const entries = [...xml.matchAll(/<url><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?<\/url>/g)];
    const listed = entries.map((match) => match[1]!).sort();
    const built = files
      .filter((file) => file.endsWith('.html') && file !== '404.html')
      .map((file) => `${BASE}/${file.replace(/index\.html$/, '')}`)
      .sort();
    expect(listed).toEqual(built);
    expect(new Set(listed).size).toBe(listed.length);
    const withoutLastmod = entries.filter((match) => !match[2]).map((match) => match[1]);
    // Ana Novak is named in one article, so every page has a dated article on it; the search page shows none.
    expect(withoutLastmod).toEqual([`${BASE}/iskanje/`]);
    const article = entries.find((match) => match[1] === `${BASE}/2025/01/10/usakov-o-pogajanjih/`)!;
    expect(article[2]).toBe('2025-01-11T08:30:00+01:00');
  });

  it('dates a later page of a list no earlier than the list\'s newest article, which moved it along', async () => {
    const xml = await read('sitemap.xml');
    const lastmod = new Map([...xml.matchAll(/<url><loc>([^<]+)<\/loc><lastmod>([^<]+)<\/lastmod><\/url>/g)].map((match) => [match[1]!.slice(BASE.length), match[2]!]));
    // Witkoff na Floridi (20 December, 18:00) is the newest article of the site, of Witkoff's and diplomacija's
    // lists and of December; the later pages of those lists hold only older articles.
    const newest = '2025-12-20T18:00:00+01:00';
    for (const url of ['/stran/2/', '/stran/4/', '/osebe/steve-witkoff/stran/2/', '/oznake/diplomacija/stran/2/', '/2025/12/stran/2/']) {
      expect(lastmod.get(url), url).toBe(newest);
    }
    expect(lastmod.get('/2025/12/20/witkoff-na-floridi/')).toBe(newest);
    // A first page is dated by its own articles, as before.
    // Its newest article is dated 20 December without a time: midnight in Ljubljana, not 19 December in UTC.
    expect(lastmod.get('/2024/12/')).toBe('2024-12-20T00:00:00+01:00');
  });

  it('dates an index by the articles it counts, and leaves the search page undated, as its HTML comes from no article', async () => {
    const root = await copyFixture('nav');
    // The newest article of the site has no tags and names no one; Ana Novak, whom an older article names, wrote it.
    await writeFile(path.join(root, 'content/articles/2025/kratka.md'), '---\ntitle: Kratka novica\ndate: 2025-12-28T09:00\nauthor: Ana Novak\n---\n\nBesedilo brez oznak.\n');
    const small = await buildSite(root, { cache: false });
    try {
      const xml = await small.read('/sitemap.xml');
      const entries = new Map([...xml.matchAll(/<url><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?<\/url>/g)].map((match) => [match[1]!.slice(BASE.length), match[2]]));
      // /oznake/ and /osebe/ show the same counts as before it: Witkoff na Floridi is still the newest article they count
      // (the people index counts Ana Novak's mentions, not what she wrote).
      expect(entries.get('/oznake/')).toBe('2025-12-20T18:00:00+01:00');
      expect(entries.get('/osebe/')).toBe('2025-12-20T18:00:00+01:00');
      for (const url of ['/oznake/', '/osebe/', '/iskanje/']) expect(await small.read(url), url).toBe(await page(url));
      expect(await small.read('/arhiv/')).not.toBe(await page('/arhiv/'));
      // The archive and the year count it, so they changed; 2024 did not.
      expect(entries.get('/arhiv/')).toBe('2025-12-28T09:00:00+01:00');
      expect(entries.get('/2025/')).toBe('2025-12-28T09:00:00+01:00');
      expect(entries.get('/2024/')).toBe('2024-12-20T00:00:00+01:00');
      expect(entries.has('/iskanje/')).toBe(true);
      expect(entries.get('/iskanje/')).toBeUndefined();
    } finally {
      await removeDir(root);
      await removeDir(path.dirname(small.outDir));
    }
  });

  it('dates an index and a later page by an update to an article far down its lists, not by the newest article alone', async () => {
    const root = await copyFixture('nav');
    // The oldest article of the site, on the last page of every list it is on, becomes its latest change.
    const file = path.join(root, 'content/articles/2024/ljubljana-maribor.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('date: 2024-11-05T09:15', 'date: 2024-11-05T09:15\nupdated: 2026-01-05T10:00'));
    const small = await buildSite(root, { cache: false, now: new Date('2026-02-01T00:00:00Z') });
    try {
      const xml = await small.read('/sitemap.xml');
      const entries = new Map([...xml.matchAll(/<url><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?<\/url>/g)].map((match) => [match[1]!.slice(BASE.length), match[2]]));
      const updated = '2026-01-05T10:00:00+01:00';
      const lastHomePage = [...entries.keys()].filter((url) => /^\/stran\/\d+\/$/.test(url)).sort((a, b) => parseInt(a.slice(7)) - parseInt(b.slice(7))).at(-1)!;
      for (const url of ['/arhiv/', '/2024/', '/2024/11/', '/oznake/', '/osebe/', '/osebe/ziga-cerne/', '/oznake/sport/', lastHomePage]) expect(entries.get(url), url).toBe(updated);
      // A month, a year or a first page it is not on keeps its own date.
      expect(entries.get('/2024/12/')).toBe('2024-12-20T00:00:00+01:00');
      expect(entries.get('/2025/')).toBe('2025-12-20T18:00:00+01:00');
      expect(entries.get('/')).toBe('2025-12-20T18:00:00+01:00');
    } finally {
      await removeDir(root);
      await removeDir(path.dirname(small.outDir));
    }
  });

  it('robots.txt points at the sitemap', async () => {
    expect(await read('robots.txt')).toContain(`Sitemap: ${BASE}/sitemap.xml`);
  });
});

describe('metadata', () => {
  it('every page has a title, a short description, canonical, Open Graph and Twitter tags', async () => {
    for (const file of files.filter((name) => name.endsWith('.html'))) {
      const html = await read(file);
      const url = `${BASE}/${file.replace(/index\.html$/, '')}`;
      expect(html, file).toMatch(/<title>[^<]+<\/title>/);
      const description = meta(html, 'description');
      expect(description?.length, file).toBeGreaterThan(10);
      expect([...description!].length, file).toBeLessThanOrEqual(160);
      expect(meta(html, 'og:title'), file).toBeTruthy();
      expect(meta(html, 'og:description'), file).toBe(description);
      // Only the article with a picture in its body shows one when shared.
      expect(meta(html, 'twitter:card'), file).toBe(file === '2025/12/15/witkoff-v-berlinu/index.html' ? 'summary_large_image' : 'summary');
      if (file === '404.html') {
        expect(html).toContain('<meta name="robots" content="noindex"/>');
        continue;
      }
      expect(html, file).toContain(`<link rel="canonical" href="${url}"/>`);
      expect(meta(html, 'og:url'), file).toBe(url);
    }
  });

  it('an article with a picture in its body shows it when shared: og:image with its alt text, and JSON-LD image', async () => {
    const html = await page('/2025/12/15/witkoff-v-berlinu/');
    expect(meta(html, 'og:image')).toBe('https://cdn.example.si/foto/berlin.jpg');
    expect(meta(html, 'og:image:alt')).toBe('Steve Witkoff pred kanclerstvom v Berlinu');
    expect(jsonLdBlocks(html).find((data) => data['@type'] === 'NewsArticle')!.image).toEqual(['https://cdn.example.si/foto/berlin.jpg']);
    const without = await page('/2025/12/20/witkoff-na-floridi/');
    expect(meta(without, 'og:image')).toBeUndefined();
    expect(jsonLdBlocks(without).find((data) => data['@type'] === 'NewsArticle')!.image).toBeUndefined();
  });

  it('keeps the picture when the body comes from .cache/', async () => {
    const root = await copyFixture('nav');
    const dists: string[] = [];
    try {
      for (const run of ['fresh', 'from .cache/']) {
        const site = await buildSite(root, { now: new Date('2026-01-01T00:00:00Z') });
        dists.push(path.dirname(site.outDir));
        expect(meta(await site.read('/2025/12/15/witkoff-v-berlinu/'), 'og:image'), run).toBe('https://cdn.example.si/foto/berlin.jpg');
      }
    } finally {
      for (const folder of [root, ...dists]) await removeDir(folder);
    }
  });

  it('shares the first picture that is no SVG, while an SVG is JSON-LD\'s image and a picture of the body (no empty-body warning)', async () => {
    const root = await copyFixture('nav');
    let outDir: string | undefined;
    try {
      const folder = path.join(root, 'content/articles/2025');
      await writeFile(path.join(folder, 'zemljevid.md'), '---\ntitle: Zemljevid poplav\ndate: 2025-12-27T09:00\n---\n\n![](/slike/poplave.svg)\n');
      await writeFile(path.join(folder, 'graf-in-foto.md'), '---\ntitle: Graf in fotografija\ndate: 2025-12-27T10:00\n---\n\n![Graf rasti](/slike/rast.svg)\n\nBesedilo.\n\n![Seja sveta](/slike/seja.jpg)\n');
      const site = await buildSite(root);
      outDir = path.dirname(site.outDir);
      const newsArticle = (html: string) => jsonLdBlocks(html).find((data) => data['@type'] === 'NewsArticle')!;
      const svgOnly = await site.read('/2025/12/27/zemljevid-poplav/');
      expect(meta(svgOnly, 'og:image')).toBeUndefined();
      expect(newsArticle(svgOnly).image).toEqual(['https://novice.example.si/slike/poplave.svg']);
      expect(site.result.model.warnings.filter((warning) => warning.file === 'content/articles/2025/zemljevid.md').map((warning) => warning.code)).not.toContain('article/empty-body');
      const both = await site.read('/2025/12/27/graf-in-fotografija/');
      expect(meta(both, 'og:image')).toBe('https://novice.example.si/slike/seja.jpg');
      expect(meta(both, 'og:image:alt')).toBe('Seja sveta');
      expect(newsArticle(both).image).toEqual(['https://novice.example.si/slike/rast.svg']);
    } finally {
      for (const folder of [root, ...(outDir ? [outDir] : [])]) await removeDir(folder);
    }
  });

  it('shortens a long summary at a word boundary, with a space before the ellipsis', async () => {
    const html = await page('/2025/12/03/dolga-analiza/');
    expect(meta(html, 'description')).toMatch(/^(beseda )+beseda …$/);
  });

  it('every JSON-LD block parses and has its required fields', async () => {
    const seen = new Map<string, number>();
    const pages = new Set(files);
    const isBuiltPage = (url: unknown) => typeof url === 'string' && url.startsWith(`${BASE}/`) && pages.has(`${url.slice(BASE.length + 1)}index.html`);
    for (const file of files.filter((name) => name.endsWith('.html'))) {
      const html = await read(file);
      for (const data of jsonLdBlocks(html)) {
        const type = String(data['@type']);
        seen.set(type, (seen.get(type) ?? 0) + 1);
        expect(data['@context'], file).toBe('https://schema.org');
        if (type === 'NewsArticle') {
          expect(typeof data.headline, file).toBe('string');
          expect(Number.isNaN(Date.parse(String(data.datePublished))), file).toBe(false);
          expect(Number.isNaN(Date.parse(String(data.dateModified))), file).toBe(false);
          expect((data.author as { name?: string }).name, file).toBeTruthy();
          expect((data.publisher as { name?: string }).name, file).toBe('Novice Žalec');
          expect(isBuiltPage(data.url), file).toBe(true);
          for (const person of (data.about as { '@type': string; url: string; name: string }[] | undefined) ?? []) {
            expect(person['@type']).toBe('Person');
            expect(person.name).toBeTruthy();
            expect(isBuiltPage(person.url), `${file}: ${person.url}`).toBe(true);
          }
        } else if (type === 'Person') {
          expect(data.name, file).toBeTruthy();
          expect(isBuiltPage(data.url), file).toBe(true);
        } else if (type === 'BreadcrumbList') {
          const items = data.itemListElement as { '@type': string; position: number; name: string; item: string }[];
          expect(items.length, file).toBeGreaterThanOrEqual(2);
          items.forEach((item, index) => {
            expect(item['@type']).toBe('ListItem');
            expect(item.position).toBe(index + 1);
            expect(item.name).toBeTruthy();
            expect(isBuiltPage(item.item), `${file}: ${item.item}`).toBe(true);
          });
        } else {
          throw new Error(`${file}: unexpected JSON-LD type ${type}`);
        }
      }
    }
    expect(seen.get('NewsArticle')).toBe(8);
    expect(seen.get('Person')).toBe(4 + 1);
  });

  it('article JSON-LD names the article people with links to their pages', async () => {
    const [article] = jsonLdBlocks(await page('/2025/12/20/witkoff-na-floridi/'));
    expect(article).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Witkoff na Floridi',
      datePublished: '2025-12-20T18:00:00+01:00',
      about: [
        { '@type': 'Person', name: 'Steve Witkoff', url: `${BASE}/osebe/steve-witkoff/` },
        { '@type': 'Person', name: 'Jurij Ušakov', url: `${BASE}/osebe/jurij-usakov/` },
      ],
    });
  });
});

describe('links', () => {
  it('no internal link or asset in dist is broken', async () => {
    expect(await findBrokenLinks(dist)).toEqual([]);
  });

  it('finds a planted broken link', async () => {
    const copy = await mkdtemp(path.join(os.tmpdir(), 'arhivar-nav-broken-'));
    try {
      await cp(dist, copy, { recursive: true });
      const file = path.join(copy, 'oznake/index.html');
      const html = await readFile(file, 'utf8');
      await writeFile(file, html.replace('</main>', '<a href="/oznake/ni-je/">manjka</a><img src="../assets/ni.png"></main>'));
      await rm(path.join(copy, 'osebe/ana-novak/feed.xml'));
      expect(await findBrokenLinks(copy)).toEqual([
        { file: 'osebe/ana-novak/index.html', link: '/osebe/ana-novak/feed.xml' },
        { file: 'oznake/index.html', link: '../assets/ni.png' },
        { file: 'oznake/index.html', link: '/oznake/ni-je/' },
      ]);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});
