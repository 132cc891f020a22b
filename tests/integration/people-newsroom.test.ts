import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, buildFixture, hrefs, removeDir, type BuiltSite } from '../helpers.ts';

/**
 * Six articles written as Slovenian outlets write them (politics, skiing, a court report, a book launch, company
 * results, an EU summit), read with a registry of 36 people, some of whose surnames are ordinary words (Golob, Medved,
 * Jelen, Vrabec, Sever, Zima, Kos, Mesec, Novak). labels.json holds the people a careful editor would tag in each and
 * how often the text names them; the build must find exactly these, and link no one else.
 */
const FIXTURE = path.join(FIXTURES, 'people-newsroom');
const ARTICLE_URL = /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/;

interface Labels {
  articles: Record<string, Record<string, number>>;
  knownMisses: Record<string, { found: number; why: string }>;
}

let site: BuiltSite;
let labels: Labels;

beforeAll(async () => {
  labels = JSON.parse(await readFile(path.join(FIXTURE, 'labels.json'), 'utf8')) as Labels;
  site = await buildFixture('people-newsroom');
});
afterAll(async () => removeDir(path.dirname(site.outDir)));

describe('people detection on newsroom articles', () => {
  it('counts the labelled mentions of each person in each article, and no one else', () => {
    const byFile = new Map(site.result.model.archive.articles.map((article) => [article.file, article]));
    expect([...byFile.keys()].sort()).toEqual(Object.keys(labels.articles).sort());
    for (const [file, counts] of Object.entries(labels.articles)) {
      const expected = Object.fromEntries(Object.entries(counts).map(([id, n]) => [id, labels.knownMisses[`${file} ${id}`]?.found ?? n]));
      expect(Object.fromEntries(byFile.get(file)!.mentionCounts), file).toEqual(expected);
    }
  });

  it('links each person page to exactly the articles that name the person', async () => {
    const urlByFile = new Map(site.result.model.archive.articles.map((article) => [article.file, article.url]));
    const expected: string[] = [];
    for (const [file, counts] of Object.entries(labels.articles)) for (const id of Object.keys(counts)) expected.push(`${id} ${urlByFile.get(file)}`);
    const found: string[] = [];
    const peopleDir = path.join(site.outDir, 'osebe');
    for (const entry of await readdir(peopleDir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const html = await readFile(path.join(peopleDir, entry.name, 'index.html'), 'utf8');
      for (const href of new Set(hrefs(html))) if (ARTICLE_URL.test(href)) found.push(`${entry.name} ${href}`);
    }
    expect(found.sort()).toEqual(expected.sort());
  });
});
