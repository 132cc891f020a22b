import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, buildFixture, hrefs, removeDir, type BuiltSite } from '../helpers.ts';
import { urls } from '../../src/site/urls.ts';

/**
 * Issue 3: precision and recall of people detection on a labelled set of articles, judged only from
 * what the build produced (the person pages and the article links on them).
 */
const FIXTURE = path.join(FIXTURES, 'people-labelled');
const ARTICLE_URL = /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/;

interface Labels {
  articles: Record<string, string[]>;
}

let site: BuiltSite;
let labels: Labels;

beforeAll(async () => {
  labels = JSON.parse(await readFile(path.join(FIXTURE, 'labels.json'), 'utf8')) as Labels;
  site = await buildFixture('people-labelled');
});
afterAll(async () => removeDir(path.dirname(site.outDir)));

/** person id → article URLs linked from every page of /osebe/<id>/ (the listing may be paginated). */
async function taggedPairs(outDir: string): Promise<Set<string>> {
  const pairs = new Set<string>();
  const peopleDir = path.join(outDir, 'osebe');
  for (const id of await readdir(peopleDir)) {
    const pages = [path.join(peopleDir, id, 'index.html')];
    const extra = await readdir(path.join(peopleDir, id, 'stran')).catch(() => [] as string[]);
    for (const n of extra) pages.push(path.join(peopleDir, id, 'stran', n, 'index.html'));
    for (const page of pages) {
      const html = await readFile(page, 'utf8').catch(() => '');
      // Only the article list counts: first/last-mention links repeat articles of the same list.
      for (const href of hrefs(html)) if (ARTICLE_URL.test(href)) pairs.add(`${id} ${href}`);
    }
  }
  return pairs;
}

describe('people detection on the labelled set (issue 3)', () => {
  it('has at least 30 labelled articles and none lists people in front matter', async () => {
    const files = Object.keys(labels.articles);
    expect(files.length).toBeGreaterThanOrEqual(30);
    for (const file of files) {
      const text = await readFile(path.join(FIXTURE, file), 'utf8');
      const frontMatter = text.split('---')[1]!;
      expect(frontMatter, file).not.toMatch(/^people:/m);
    }
  });

  it('reaches precision and recall of at least 0.95 from the built person pages', async () => {
    const urlByFile = new Map(site.result.model.archive.articles.map((article) => [article.file, article.url]));
    const expected = new Set<string>();
    for (const [file, ids] of Object.entries(labels.articles)) {
      const url = urlByFile.get(file);
      expect(url, `${file} was not published`).toBeDefined();
      for (const id of ids) expected.add(`${id} ${url}`);
    }
    const found = await taggedPairs(site.outDir);
    const truePositives = [...found].filter((pair) => expected.has(pair));
    const falsePositives = [...found].filter((pair) => !expected.has(pair));
    const missed = [...expected].filter((pair) => !found.has(pair));
    const precision = truePositives.length / Math.max(1, found.size);
    const recall = truePositives.length / Math.max(1, expected.size);
    // The lists make a failure readable: which person was wrongly tagged or missed where.
    expect({ falsePositives, missed, precision: precision >= 0.95, recall: recall >= 0.95 }).toEqual({
      falsePositives: expect.any(Array),
      missed: expect.any(Array),
      precision: true,
      recall: true,
    });
    expect(expected.size).toBeGreaterThan(40);
  });

  it('links each person page to exactly the labelled articles of that person (every article, every person)', async () => {
    const found = await taggedPairs(site.outDir);
    const urlByFile = new Map(site.result.model.archive.articles.map((article) => [article.file, article.url]));
    const expected = new Set<string>();
    for (const [file, ids] of Object.entries(labels.articles)) for (const id of ids) expected.add(`${id} ${urlByFile.get(file)}`);
    expect([...found].sort()).toEqual([...expected].sort());
  });

  it('gives a detect: false person no detected articles (and so, named in no people: list, no page)', async () => {
    expect(await site.files()).not.toContain('osebe/marija-zupan/index.html');
  });
});
