import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPageId } from '../../src/markdown/heading-ids.ts';
import { buildFixture, PROJECT_ROOT, type BuiltSite } from '../helpers.ts';

/**
 * tests/fixtures/anchors: articles and a bio with headings that repeat and that read like the page's own ids
 * ("Vsebina", "Sorodni članki", "Chart Ana Kos Title", "Avtorski članki"), on pages that write those ids (the
 * related articles, a person's chart, the list of what a person wrote).
 */
interface Node {
  tagName?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
  content?: Node;
}

interface FoundId {
  id: string;
  /** Inside the rendered Markdown (an article's body, a person's bio) rather than the template around it. */
  fromContent: boolean;
}

/** Every id of a page as a browser parses it, in document order. */
function pageIds(html: string): FoundId[] {
  const found: FoundId[] = [];
  const walk = (node: Node, fromContent: boolean) => {
    const attribute = (name: string) => node.attrs?.find((attr) => attr.name === name)?.value;
    const id = attribute('id');
    if (id !== undefined) found.push({ id, fromContent });
    const classes = (attribute('class') ?? '').split(/\s+/);
    const inside = fromContent || (node.tagName === 'div' && (classes.includes('article-body') || classes.includes('bio')));
    for (const child of node.childNodes ?? []) walk(child, inside);
    if (node.content) walk(node.content, inside);
  };
  walk(parse(html) as unknown as Node, false);
  return found;
}

describe('heading ids on built pages', () => {
  let site: BuiltSite;
  let pages: Map<string, FoundId[]>;

  beforeAll(async () => {
    site = await buildFixture('anchors');
    pages = new Map();
    for (const file of await site.files()) if (file.endsWith('.html')) pages.set(file, pageIds(await site.read(`/${file}`)));
  });

  it('gives the headings of an article and a bio their ids, clear of the ids of the page around them', () => {
    const ids = (file: string) => pages.get(file)!.filter((found) => found.fromContent).map((found) => found.id);
    expect(ids('2025/12/20/pogovori-o-premirju-se-nadaljujejo/index.html')).toEqual([
      'ozadje-pogovorov',
      'vsebina-dogovora',
      'vsebina-2',
      'sorodni-clanki-2',
      'odzivi-v-evropi',
      'ozadje-pogovorov-2',
    ]);
    // Ana Kos wrote "Odzivi", so her page lists it under its own heading (avtorski-clanki) beside her chart.
    expect(ids('osebe/ana-kos/index.html')).toEqual(['zivljenjepis', 'vsebina-2', 'chart-ana-kos-title-2', 'avtorski-clanki-2']);
  });

  it('writes no id twice on any page', () => {
    for (const [file, found] of pages) {
      const ids = found.map((entry) => entry.id);
      expect(ids.filter((id, index) => ids.indexOf(id) !== index), file).toEqual([]);
    }
  });

  it('knows every id a template writes (src/markdown/heading-ids.ts), so no heading takes one', () => {
    const fromTemplates = new Set<string>();
    for (const found of pages.values()) for (const entry of found) if (!entry.fromContent) fromTemplates.add(entry.id);
    // The pages of the fixture do write the page ids this guards: the main content, related articles, a chart,
    // a person's own articles, search.
    for (const id of ['vsebina', 'sorodni-clanki', 'chart-ana-kos-title', 'avtorski-clanki', 'search-q']) expect([...fromTemplates]).toContain(id);
    expect([...fromTemplates].filter((id) => !isPageId(id))).toEqual([]);
  });

  it('knows every id written as text in a template, also on pages the fixture does not make', async () => {
    // `avtorski-clanki` (person.tsx) was missed while no fixture person wrote an article: read the sources too.
    const folder = path.join(PROJECT_ROOT, 'templates');
    const written: string[] = [];
    for (const file of await readdir(folder)) {
      if (!file.endsWith('.tsx')) continue;
      for (const match of (await readFile(path.join(folder, file), 'utf8')).matchAll(/\bid="([^"]+)"/g)) written.push(match[1]!);
    }
    expect(written).toContain('avtorski-clanki');
    expect(written.filter((id) => !isPageId(id))).toEqual([]);
  });
});
