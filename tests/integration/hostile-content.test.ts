import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.ts';
import { documentElements, fragmentElements, injectedMarkup } from '../support/html.ts';
import { parseFeed } from '../helpers/parse-feed.ts';

/**
 * Content that is odd or hostile but publishable: the build succeeds, makes it safe, and documents
 * what happens (issue 7). The fixture is copied next to the real stylesheet so it builds like a project.
 */
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const fixture = path.join(projectRoot, 'tests/fixtures/hostile-ok');
const now = new Date('2026-01-01T12:00:00Z');

let work: string;
let root: string;
let result: BuildResult;
const dist = () => path.join(work, 'dist');

function decodeXml(text: string): string {
  return text.replace(/&(?:lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-f]+));/gi, (entity, decimal: string | undefined, hex: string | undefined) => {
    if (decimal) return String.fromCodePoint(Number(decimal));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" }[entity.toLowerCase()] ?? entity;
  });
}

async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

const page = (url: string) => readFile(path.join(dist(), url.replace(/^\//, ''), 'index.html'), 'utf8');

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'arhivar-hostile-'));
  root = path.join(work, 'project');
  await cp(path.join(fixture, 'content'), path.join(root, 'content'), { recursive: true });
  await cp(path.join(projectRoot, 'templates/site.css'), path.join(root, 'templates/site.css'));
  result = await build({ root, outDir: dist(), now });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** What arhivar removes from content: C0 (but tab, newline, return) and C1 controls, and noncharacters. */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]/;

describe('odd but valid content is published safely (issue 7)', () => {
  it('writes nothing outside dist/', async () => {
    expect((await readdir(work)).sort()).toEqual(['dist', 'project']);
    expect(await listFiles(path.join(root))).not.toContain(expect.stringMatching(/\.html$/));
  });

  it('enters a folder named *.md', async () => {
    const html = await page('/2025/12/02/clanek-v-mapi-z-imenom-mapa-md/');
    expect(html).toContain('<h1>Članek v mapi z imenom mapa.md</h1>');
  });

  it('leaves out drafts and articles dated after now', async () => {
    const files = await listFiles(dist());
    expect(files.some((file) => file.includes('osnutek'))).toBe(false);
    expect(files.some((file) => file.includes('clanek-iz-prihodnosti'))).toBe(false);
    expect(result.model.archive.articles.map((article) => article.slug)).not.toContain('osnutek');
  });

  it('publishes a future article with includeFuture (--future), still without drafts', async () => {
    const out = path.join(work, 'future');
    const future = await build({ root, outDir: out, now, includeFuture: true });
    expect(future.model.archive.articles.map((article) => article.url)).toContain('/2026/06/01/clanek-iz-prihodnosti/');
    expect(future.model.archive.articles.some((article) => article.draft)).toBe(false);
    const html = await readFile(path.join(out, '2026/06/01/clanek-iz-prihodnosti/index.html'), 'utf8');
    expect(html).toContain('Objavljen bo 1. junija 2026.');
    await rm(out, { recursive: true, force: true });
  });

  it('reads UTF-8 with a BOM and CRLF line endings like plain UTF-8', async () => {
    const article = result.model.archive.articles.find((entry) => entry.slug === 'kodiranje');
    expect(article?.title).toBe('Kodiranje');
    expect(article?.tags).toEqual([{ name: 'Šola', slug: 'sola' }]);
    expect(article?.html.trim()).toBe('<p>Prvi odstavek s črkami č, š, ž.</p>\n<p>Drugi odstavek.</p>');
  });

  it('cuts a slug from a long title at 200 characters', () => {
    const article = result.model.archive.articles.find((entry) => entry.title.startsWith('beseda beseda'));
    expect(article?.slug.length).toBeLessThanOrEqual(200);
    expect(article?.slug).toMatch(/^beseda(?:-beseda)+(?:-[a-z]+)?$/);
    expect(article?.slug.length).toBeGreaterThan(190);
  });

  it('strips control characters from titles', () => {
    const article = result.model.archive.articles.find((entry) => entry.slug.startsWith('naslov'));
    expect(article?.title).toBe('Naslov </title><script>alert(1)</script> " onmouseover="alert(1) zvonec nič');
  });

  it('turns tags and unknown people that look like paths into safe slugs, with a warning (and warns about the dropped script links and raw HTML, in the body and a bio)', async () => {
    const article = result.model.archive.articles.find((entry) => entry.slug.startsWith('naslov'))!;
    expect(article.tags.map((tag) => tag.slug)).toEqual(['etc', 'script-alert-1-script', 'c-windows', 'oznaka']);
    expect(article.people).toEqual(['etc-passwd', 'ana-kos', 'img-src-x-onerror-alert-1']);
    expect(await page('/osebe/etc-passwd/')).toContain('<h1>../../etc/passwd</h1>');
    expect(result.model.warnings.map((warning) => [warning.code, warning.file, warning.line])).toEqual([
      ['article/title-html', 'content/articles/zlo.md', 2],
      ['article/summary-html', 'content/articles/zlo.md', 4],
      ['article/unknown-person', 'content/articles/zlo.md', 8],
      ['article/unknown-person', 'content/articles/zlo.md', 8],
      ['article/dropped-html', 'content/articles/zlo.md', 11],
      ['article/dropped-url', 'content/articles/zlo.md', 11],
      ['article/dropped-html', 'content/articles/zlo.md', 13],
      ['person/dropped-html', 'content/people/ana-kos.md', 7],
      ['person/dropped-url', 'content/people/ana-kos.md', 7],
    ]);
  });

  it('drops C1 controls and noncharacters from the title, tags and body (the body keeps its text)', async () => {
    const article = result.model.archive.articles.find((entry) => entry.slug.startsWith('naslov'))!;
    expect(article.tags.at(-1)?.name).toBe('Oznaka');
    expect(article.html).toContain('NUL v besedilu, NEL in APC iz izvoza.');
  });

  it('escapes every value from content in every page and drops raw HTML and script URLs', async () => {
    const files = (await listFiles(dist())).filter((file) => file.endsWith('.html'));
    expect(files.length).toBeGreaterThan(8);
    for (const file of files) {
      const html = await readFile(path.join(dist(), file), 'utf8');
      expect({ file, controls: CONTROLS.test(html) }).toEqual({ file, controls: false });
      const elements = documentElements(html);
      expect({ file, problems: injectedMarkup(elements) }).toEqual({ file, problems: [] });
    }
  });

  it('shows hostile text as text in the title, meta tags, headings and bio', async () => {
    const elements = documentElements(await page(result.model.archive.articles.find((entry) => entry.slug.startsWith('naslov'))!.url));
    const title = 'Naslov </title><script>alert(1)</script> " onmouseover="alert(1) zvonec nič';
    expect(elements.find((element) => element.tag === 'title')?.text).toBe(`${title} – Arhiv </title><script>alert(1)</script>`);
    expect(elements.find((element) => element.tag === 'h1')?.text).toBe(title);
    const meta = (key: string) => elements.find((element) => element.tag === 'meta' && (element.attrs.name === key || element.attrs.property === key))?.attrs.content;
    expect(meta('og:title')).toBe(title);
    expect(meta('description')).toBe('Povzetek "><img src=x onerror=alert(1)> </script><script>alert(2)</script>');
    expect(elements.filter((element) => element.tag === 'a').map((element) => element.text)).toContain('povezava');
    const person = documentElements(await page('/osebe/ana-kos/'));
    expect(person.find((element) => element.tag === 'h1')?.text).toBe('Ana <i>Kos</i>');
    expect(person.find((element) => element.tag === 'p' && element.attrs.class === 'role')?.text).toBe('ministrica "><script>alert(1)</script>');
    expect(injectedMarkup(person)).toEqual([]);
  });

  // XML 1.0 allows no C0 control characters besides tab, newline and carriage return, and no U+FFFE/U+FFFF;
  // arhivar drops C1 controls and the other noncharacters too.
  const XML_FORBIDDEN = CONTROLS;
  const hostileTitle = 'Naslov </title><script>alert(1)</script> " onmouseover="alert(1) zvonec nič';

  it('keeps every Atom feed well-formed, with hostile values as text and sanitised HTML content', async () => {
    const feeds = (await listFiles(dist())).filter((file) => file.endsWith('feed.xml'));
    expect(feeds).toEqual(expect.arrayContaining(['feed.xml', 'osebe/etc-passwd/feed.xml', 'oznake/script-alert-1-script/feed.xml']));
    for (const file of feeds) {
      const xml = await readFile(path.join(dist(), file), 'utf8');
      expect(XML_FORBIDDEN.test(xml)).toBe(false);
      const feed = await parseFeed(xml);
      // feedparser gives <content type="html"> as the description; a feed without content falls back to the text summary.
      if (!xml.includes('<content type="html"')) continue;
      for (const item of feed.items) {
        expect({ file, problems: injectedMarkup(fragmentElements(item.description ?? '')) }).toEqual({ file, problems: [] });
      }
    }
    // feedparser strips tags from titles, so the text of the XML elements is read directly here.
    const xml = await readFile(path.join(dist(), 'feed.xml'), 'utf8');
    const texts = (element: string) => [...xml.matchAll(new RegExp(`<${element}[^>]*>([^<]*)</${element}>`, 'g'))].map((match) => decodeXml(match[1]!));
    expect(texts('title')).toEqual(expect.arrayContaining(['Arhiv </title><script>alert(1)</script>', hostileTitle]));
    expect(texts('summary')).toContain('Povzetek "><img src=x onerror=alert(1)> </script><script>alert(2)</script>');
    expect(texts('name')).toContain('<b>Avtor</b> & drugi');
    const labels = [...xml.matchAll(/label="([^"]*)"/g)].map((match) => decodeXml(match[1]!));
    expect(labels).toEqual(expect.arrayContaining(['<script>alert(1)</script>', '../../etc', '<img src=x onerror=alert(1)>']));
    const main = await parseFeed(xml);
    const entry = main.items.find((item) => item.link.includes('/2025/12/04/naslov-'));
    expect(entry?.description).toContain('povezava');
    expect(entry?.description).not.toMatch(/javascript:|<iframe|<script/i);
  });

  it('keeps the sitemap and search index to safe URLs, with hostile titles as JSON data', async () => {
    const sitemap = await readFile(path.join(dist(), 'sitemap.xml'), 'utf8');
    expect(XML_FORBIDDEN.test(sitemap)).toBe(false);
    const locations = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]!);
    expect(locations.length).toBeGreaterThan(8);
    for (const location of locations) expect(location).toMatch(/^https:\/\/novice\.testni-dnevnik\.si\/[a-z0-9\-/.]*$/);
    expect(sitemap.replace(/<\/?(?:\?xml[^>]*\?|urlset[^>]*|url|loc|lastmod)>/g, '')).not.toMatch(/[<>]/);

    const files = (await listFiles(dist())).filter((file) => file.startsWith('iskanje/') && file.endsWith('.json'));
    const documents: Array<{ u: string; t: string }> = [];
    for (const file of files) {
      const data: unknown = JSON.parse(await readFile(path.join(dist(), file), 'utf8'));
      if (file.includes('/d/')) documents.push(...(data as Array<{ u: string; t: string }>));
    }
    expect(documents.map((document) => document.t)).toContain(hostileTitle);
    for (const document of documents) expect(document.u).toMatch(/^\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/);
  });

  it('does not publish a git repository in public/, so it leaks no history and the next build still runs', async () => {
    // public/ cloned from a design team's repository: its .git was copied into dist/, online for anyone to
    // download, and every later build stopped at output/holds-git, since dist/ then looked like a deploy checkout.
    const site = path.join(work, 'public-git');
    await mkdir(path.join(site, 'content/articles'), { recursive: true });
    await cp(path.join(projectRoot, 'templates/site.css'), path.join(site, 'templates/site.css'));
    await writeFile(path.join(site, 'content/articles/dober.md'), '---\ntitle: Dober\ndate: 2025-12-03\n---\n\nKratko.\n');
    for (const file of ['.git/config', '.git/HEAD', 'slike/.git/config', 'slike/logo.svg', '.well-known/security.txt']) {
      await mkdir(path.dirname(path.join(site, 'public', file)), { recursive: true });
      await writeFile(path.join(site, 'public', file), `${file}\n`);
    }
    const out = path.join(work, 'public-git-dist');
    await build({ root: site, outDir: out, now });
    const published = await listFiles(out);
    expect(published.filter((file) => file.split('/').includes('.git'))).toEqual([]);
    expect(published).toEqual(expect.arrayContaining(['slike/logo.svg', '.well-known/security.txt']));
    await writeFile(path.join(site, 'content/articles/dober.md'), '---\ntitle: Dober\ndate: 2025-12-03\n---\n\nDaljše.\n');
    await build({ root: site, outDir: out, now });
    expect(await readFile(path.join(out, '2025/12/03/dober/index.html'), 'utf8')).toContain('Daljše.');
    await rm(site, { recursive: true, force: true });
    await rm(out, { recursive: true, force: true });
  });

  it('renders a 5 MB article and a 1 MB line, next to a good article', async () => {
    const big = path.join(work, 'big');
    await mkdir(path.join(big, 'content/articles'), { recursive: true });
    await cp(path.join(projectRoot, 'templates/site.css'), path.join(big, 'templates/site.css'));
    const paragraph = 'Rusija v pogovorih z ZDA glede Ukrajine vidi počasen napredek, je dejal predstavnik. '.repeat(10);
    await writeFile(path.join(big, 'content/articles/velik.md'), `---\ntitle: Velik\ndate: 2025-12-01\n---\n\n${`${paragraph}\n\n`.repeat(Math.ceil(5_000_000 / paragraph.length))}`);
    await writeFile(path.join(big, 'content/articles/vrstica.md'), `---\ntitle: Vrstica\ndate: 2025-12-02\n---\n\n${'beseda '.repeat(150_000)}\n`);
    await writeFile(path.join(big, 'content/articles/dober.md'), '---\ntitle: Dober\ndate: 2025-12-03\n---\n\nKratko.\n');
    const out = path.join(work, 'big-dist');
    const built = await build({ root: big, outDir: out, now });
    expect(built.model.archive.articles.map((article) => article.slug)).toEqual(['dober', 'vrstica', 'velik']);
    expect((await stat(path.join(out, '2025/12/01/velik/index.html'))).size).toBeGreaterThan(5_000_000);
    expect(built.model.archive.articles[1]!.wordCount).toBe(150_000);
    await rm(big, { recursive: true, force: true });
    await rm(out, { recursive: true, force: true });
  });
});
