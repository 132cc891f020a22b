import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urls } from '../../../src/site/urls.ts';
import { AUTHOR_PERSON, buildDesignSite, fileFor, listHtmlFiles, PAGINATED_PERSON, SEED_ARTICLE_URL, type BuiltSite } from './fixture-site.ts';

/**
 * Checks on the built HTML that need no browser: landmarks, headings, link text, nothing loaded from other
 * hosts, no render-blocking script, and the weight of an article page. The pages are our own preact output,
 * so a small tag scanner is enough; the browser and Nu checker tests look at the same pages with real parsers.
 */
interface Tag {
  name: string;
  closing: boolean;
  attributes: Map<string, string>;
  /** Index in the source, to cut out the text between tags. */
  start: number;
  end: number;
}

function scanTags(html: string): Tag[] {
  const tags: Tag[] = [];
  const withoutScripts = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, (match) => match.replace(/>[\s\S]*<\//, (inner) => `>${' '.repeat(inner.length - 3)}</`));
  for (const match of withoutScripts.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const attributes = new Map<string, string>();
    for (const attribute of match[3]!.matchAll(/([^\s=/"']+)(?:="([^"]*)")?/g)) attributes.set(attribute[1]!.toLowerCase(), decode(attribute[2] ?? ''));
    tags.push({ name: match[2]!.toLowerCase(), closing: match[1] === '/', attributes, start: match.index, end: match.index + match[0].length });
  }
  return tags;
}

const decode = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' ' })[entity]!);
const textOf = (html: string) => decode(html.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();

/** Each <a> with its visible text (decorative aria-hidden parts removed) or its aria-label. */
function links(html: string): { href: string; text: string }[] {
  const result: { href: string; text: string }[] = [];
  for (const match of html.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/g)) {
    const attributes = match[1]!;
    const label = /aria-label="([^"]*)"/.exec(attributes)?.[1];
    const visible = textOf(match[2]!.replace(/<span aria-hidden="true">[\s\S]*?<\/span>/g, ''));
    result.push({ href: decode(/href="([^"]*)"/.exec(attributes)?.[1] ?? ''), text: label ?? visible });
  }
  return result;
}

/** Link texts that say nothing out of context (WCAG 2.4.4); Slovenian and English. */
const VAGUE_LINK_TEXT = /^(tukaj|tu|več|preberi več|preberite več|klikni|kliknite|povezava|naprej|here|more|read more|click here|link)$/i;

/**
 * The page at an article's earlier address (redirectFrom:, templates/redirect.tsx) is a heading, a sentence and a
 * link in main, sending the browser on at once: no masthead, navigation, skip link or description of its own.
 */
const sendsOn = (html: string) => html.includes('<meta http-equiv="refresh"');

describe('built pages: structure, links and weight (issue 8)', () => {
  let site: BuiltSite;
  let pages: { file: string; html: string }[];
  let css: string;

  beforeAll(async () => {
    site = await buildDesignSite();
    pages = await Promise.all((await listHtmlFiles(site.dist)).map(async (file) => ({ file, html: await readFile(path.join(site.dist, file), 'utf8') })));
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(pages[0]!.html)![1]!;
    css = await readFile(path.join(site.dist, stylesheet), 'utf8');
  });
  afterAll(async () => site?.remove());

  const html = (url: string) => pages.find((page) => path.join(site.dist, page.file) === fileFor(site.dist, url))!.html;

  it('builds every page type of the fixture', () => {
    expect(pages.length).toBeGreaterThanOrEqual(15);
    for (const url of [urls.home(), urls.home(3), SEED_ARTICLE_URL, urls.people(), urls.person(PAGINATED_PERSON, 2), urls.notFound()]) {
      expect(pages.some((page) => path.join(site.dist, page.file) === fileFor(site.dist, url)), url).toBe(true);
    }
  });

  it('gives every page lang="sl", one h1, and headings that never skip a level', () => {
    for (const { file, html } of pages) {
      expect(html, file).toMatch(/^<!DOCTYPE html>\n<html lang="sl">/);
      const levels = scanTags(html)
        .filter((tag) => !tag.closing && /^h[1-6]$/.test(tag.name))
        .map((tag) => Number(tag.name[1]));
      expect(levels.filter((level) => level === 1), `${file}: one h1`).toHaveLength(1);
      expect(levels[0], `${file}: the first heading is the h1`).toBe(1);
      levels.forEach((level, index) => {
        if (index > 0) expect(level - levels[index - 1]!, `${file}: h${levels[index - 1]} → h${level}`).toBeLessThanOrEqual(1);
      });
    }
  });

  it('puts teaser titles in lists as h2 under the page h1', () => {
    for (const url of [urls.home(), urls.home(2)]) {
      expect(html(url)).toMatch(/<h1>[^<]+<\/h1><ol class="article-list"><li><article class="teaser"><h2 class="teaser-title">/);
    }
  });

  it('nests a person page\'s teaser titles as h3 under its h2 Članki, so they do not read as sections beside it', () => {
    for (const url of [urls.person(PAGINATED_PERSON), urls.person(PAGINATED_PERSON, 2)]) {
      const page = html(url);
      expect(page, url).toMatch(/<h2>Članki<\/h2><ol class="article-list"><li><article class="teaser"><h3 class="teaser-title">/);
      const heading = '<h2>Članki</h2>';
      expect(page.slice(page.indexOf(heading) + heading.length), url).not.toContain('<h2');
    }
  });

  it('nests the titles of the articles a person wrote as h3 under their own h2, apart from the mentions, and as h2 on the /avtor/ pages', () => {
    const headings = (url: string) => [...html(url).matchAll(/<(h[1-3])[^>]*>([\s\S]*?)<\/\1>/g)].map((match) => `${match[1]} ${textOf(match[2]!)}`);
    const person = headings(urls.person(AUTHOR_PERSON));
    const authored = person.indexOf('h2 Članki, ki jih je napisala');
    const mentions = person.indexOf('h2 Omembe v člankih');
    // Right after the h1: the person header and bio have no heading of their own.
    expect(authored, person.join(' | ')).toBe(1);
    expect(mentions).toBeGreaterThan(authored + 1);
    expect(person.slice(authored + 1, mentions).every((heading) => heading.startsWith('h3 '))).toBe(true);
    expect(person.slice(mentions + 1).every((heading) => heading.startsWith('h3 '))).toBe(true);
    // The overview of the mentions (the chart) stands under their heading, not under the list of what she wrote.
    const page = html(urls.person(AUTHOR_PERSON));
    expect(page.indexOf('aria-label="Pregled omemb"')).toBeGreaterThan(page.indexOf('<h2>Omembe v člankih</h2>'));
    for (const [url, h1] of [
      [urls.personAuthored(AUTHOR_PERSON), 'h1 Članki, ki jih je napisala Maja Zupan'],
      [urls.personAuthored(AUTHOR_PERSON, 2), 'h1 Članki, ki jih je napisala Maja Zupan, stran 2'],
    ] as const) {
      const [title, ...teasers] = headings(url);
      expect(title, url).toBe(h1);
      expect(teasers.length, url).toBeGreaterThan(0);
      expect(teasers.every((heading) => heading.startsWith('h2 ')), url).toBe(true);
    }
  });

  it('has the landmarks and a skip link that is the first thing in the body and points at main', () => {
    for (const { file, html } of pages.filter((page) => !sendsOn(page.html))) {
      const tags = scanTags(html);
      const opening = tags.filter((tag) => !tag.closing);
      const body = opening.findIndex((tag) => tag.name === 'body');
      const skip = opening[body + 1]!;
      expect(skip.name, file).toBe('a');
      expect(skip.attributes.get('class'), file).toBe('skip-link');
      const target = skip.attributes.get('href')!.slice(1);
      const main = opening.filter((tag) => tag.name === 'main');
      expect(main, `${file}: one main`).toHaveLength(1);
      expect(main[0]!.attributes.get('id'), file).toBe(target);
      expect(opening.filter((tag) => tag.name === 'header' && tag.attributes.get('class') === 'masthead'), file).toHaveLength(1);
      expect(opening.filter((tag) => tag.name === 'footer' && tag.attributes.get('class') === 'site-footer'), file).toHaveLength(1);
      const navLabels = opening.filter((tag) => tag.name === 'nav').map((tag) => tag.attributes.get('aria-label'));
      expect(navLabels, `${file}: the main navigation`).toContain('Glavna navigacija');
      expect(new Set(navLabels).size, `${file}: every nav has its own label`).toBe(navLabels.length);
      expect(navLabels.every((label) => label && label.length > 0), file).toBe(true);
    }
  });

  it('marks the current section in the navigation', () => {
    const current = (url: string) => [...html(url).matchAll(/<a href="([^"]*)" aria-current="(page|true)">/g)].map((match) => `${match[1]} ${match[2]}`);
    expect(current(urls.home())).toEqual(['/ page']);
    // The later pages of the home list are Domov's, as a tag's or a person's later pages are their section's.
    expect(current(urls.home(2))).toEqual(['/ true']);
    expect(current(urls.people())).toEqual(['/osebe/ page']);
    expect(current(urls.person(PAGINATED_PERSON))).toEqual(['/osebe/ true']);
    expect(current(SEED_ARTICLE_URL)).toEqual([]);
    // Year and month pages sit under the archive although their URLs do not start with /arhiv/.
    expect(current(urls.archive())).toEqual(['/arhiv/ page']);
    expect(current(urls.year(2025))).toEqual(['/arhiv/ true']);
    expect(current(urls.month(2025, 12))).toEqual(['/arhiv/ true']);
  });

  it('hides arrows in link text from screen readers', () => {
    for (const { file, html } of pages) {
      for (const link of links(html)) expect(link.text, `${file}: link to ${link.href}`).not.toMatch(/[←→]/);
    }
    expect(links(html(urls.person(PAGINATED_PERSON))).map((link) => link.text)).toContain('Vse osebe');
  });

  it('words descriptions so that they read right with the site title "Arhiv novic"', () => {
    const description = (url: string) => decode(/<meta name="description" content="([^"]*)"/.exec(html(url))![1]!);
    expect(description(urls.archive())).toBe('Arhiv novic: vsi članki po letih in mesecih (5 člankov).');
    expect(description(urls.search())).toBe('Arhiv novic: iskanje po vseh člankih.');
    expect(description(urls.people())).toMatch(/^Arhiv novic: \d+ oseb\w*, razvrščen\w* po priimku\.$/);
  });

  it('ends every description arhivar words with a full stop, as the others do', () => {
    // The home page's is site.yaml's description and an article's its summary: the editors' words, left as written.
    // One cut short (a long role) ends with its ellipsis.
    const ours = pages.filter(({ file, html }) => /^(osebe|oznake|arhiv|iskanje|\d{4})\//.test(file) && !sendsOn(html));
    expect(ours.some(({ file }) => /^osebe\/[^/]+\/index\.html$/.test(file))).toBe(true);
    for (const { file, html } of ours) {
      const text = decode(/<meta name="description" content="([^"]*)"/.exec(html)![1]!);
      if (!/^\d{4}\/\d{2}\/\d{2}\//.test(file)) expect(text, file).toMatch(/[.…]$/);
    }
  });

  it('gives every link text that makes sense on its own', () => {
    for (const { file, html } of pages) {
      for (const link of links(html)) {
        expect(link.text, `${file}: link to ${link.href}`).not.toBe('');
        expect(link.text, `${file}: link to ${link.href}`).not.toMatch(VAGUE_LINK_TEXT);
      }
    }
    expect(links(html(urls.home(2))).map((link) => link.text)).toEqual(expect.arrayContaining(['Novejši članki', 'Starejši članki']));
  });

  it('loads nothing from other hosts: every asset is on the site itself and the CSS imports nothing', () => {
    const external = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
    for (const { file, html } of pages) {
      for (const tag of scanTags(html).filter((tag) => !tag.closing)) {
        const rel = tag.attributes.get('rel') ?? '';
        const asset =
          (tag.name === 'link' && /stylesheet|preload|modulepreload|icon|manifest/.test(rel) && tag.attributes.get('href')) ||
          (['script', 'img', 'iframe', 'source', 'video', 'audio'].includes(tag.name) && tag.attributes.get('src'));
        if (asset) expect(asset, `${file}: <${tag.name}>`).not.toMatch(external);
      }
    }
    expect(css).not.toMatch(/@import|url\(\s*['"]?(?:[a-z]+:|\/\/)/i);
    expect(css).not.toMatch(/@font-face/);
  });

  it('has no render-blocking script: nothing classic in <head>, and body scripts with src are deferred', () => {
    const dataTypes = new Set(['application/ld+json', 'application/json']);
    for (const { file, html } of pages) {
      const head = html.slice(0, html.indexOf('</head>'));
      for (const tag of scanTags(head).filter((tag) => tag.name === 'script' && !tag.closing)) {
        const type = tag.attributes.get('type') ?? '';
        const deferred = type === 'module' || tag.attributes.has('defer') || tag.attributes.has('async');
        expect(dataTypes.has(type) || (tag.attributes.has('src') && deferred), `${file}: script in head`).toBe(true);
      }
      const body = html.slice(html.indexOf('</head>'));
      for (const tag of scanTags(body).filter((tag) => tag.name === 'script' && !tag.closing && tag.attributes.has('src'))) {
        expect(tag.attributes.get('type') === 'module' || tag.attributes.has('defer') || tag.attributes.has('async'), `${file}: script src in body`).toBe(true);
      }
    }
  });

  it('keeps every article page under 50 KB transferred (HTML + CSS, gzip)', () => {
    const cssBytes = gzipSync(css).length;
    // The stylesheet is shared and cached; it is still counted in full, as on a first visit.
    expect(cssBytes).toBeLessThan(8 * 1024);
    const articles = pages.filter((page) => /^\d{4}\/\d{2}\/\d{2}\//.test(page.file) && !sendsOn(page.html));
    expect(articles).toHaveLength(5);
    for (const { file, html } of articles) expect(gzipSync(html).length + cssBytes, file).toBeLessThan(50 * 1024);
  });
});
