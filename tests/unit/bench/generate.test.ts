import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { addNewestArticle, generateArchive, inflect, outsideClockChange } from '../../../src/bench/generate.ts';
import { loadSite } from '../../../src/build.ts';
import { makeTempDir } from '../../helpers.ts';

describe('the benchmark archive generator', () => {
  it.each([
    ['Novak', 'Novaka', 'Novakom', 'Novakov'],
    ['Kovačič', 'Kovačiča', 'Kovačičem', 'Kovačičev'],
    ['Černe', 'Černa', 'Černom', 'Černov'],
  ])('inflects %s', (surname, genitive, instrumental, possessive) => {
    expect(inflect(surname)).toMatchObject({ genitive, instrumental, possessive });
  });

  it('dates no article in an hour the clocks skip or repeat, which a build would warn about', () => {
    expect(outsideClockChange('2025-03-30T02:30')).toBe('2025-03-30T01:30');
    expect(outsideClockChange('2025-10-26T02:05')).toBe('2025-10-26T01:05');
    expect(outsideClockChange('2025-10-26T03:05')).toBe('2025-10-26T03:05');
    expect(outsideClockChange('2025-10-25T02:30')).toBe('2025-10-25T02:30');
  });

  it('signs the articles with journalists who have no person file, so bylines add no pages', async () => {
    const root = await makeTempDir();
    const archive = await generateArchive(root, { articles: 200, people: 100, seed: 3 });
    const nameOf = (text: string, key: string) => new RegExp(`^${key}: "?([^"\n]+)"?$`, 'm').exec(text)?.[1];
    const registry = new Set(await Promise.all(archive.peopleFiles.map(async (file) => nameOf(await readFile(file, 'utf8'), 'name'))));
    const authors = await Promise.all(archive.articleFiles.map(async (file) => nameOf(await readFile(file, 'utf8'), 'author')));
    expect(registry.size).toBe(100);
    expect(authors.filter((author) => author === undefined)).toEqual([]);
    expect(authors.filter((author) => registry.has(author))).toEqual([]);
  });

  it('writes the same valid archive for the same seed: 2.5–4 KB articles naming 2–6 registry people', async () => {
    const [a, b] = [await makeTempDir(), await makeTempDir()];
    const first = await generateArchive(a, { articles: 30, people: 15, seed: 7 });
    await generateArchive(b, { articles: 30, people: 15, seed: 7 });
    expect(await readFile(first.articleFiles[3]!, 'utf8')).toBe(await readFile(first.articleFiles[3]!.replace(a, b), 'utf8'));
    const model = await loadSite({ root: a, now: new Date('2026-06-01T00:00:00Z') });
    expect(model.archive.articles).toHaveLength(30);
    // The bench edits an article and asks the dev server for its page by the URL the generator gives.
    expect(new Set(first.articleUrls)).toEqual(new Set(model.archive.articles.map((article) => article.url)));
    const third = model.archive.articles.find((article) => first.articleFiles[3]!.endsWith(article.file))!;
    expect(first.articleUrls[3]).toBe(third.url);
    expect(model.archive.people).toHaveLength(15);
    let [quotes, lists, sectionLinks] = [0, 0, 0];
    for (const article of model.archive.articles) {
      const bytes = Buffer.byteLength(await readFile(`${a}/${article.file}`));
      expect(bytes).toBeGreaterThan(2500);
      expect(bytes).toBeLessThanOrEqual(4000);
      expect(article.people.length).toBeGreaterThanOrEqual(2);
      expect(article.people.length).toBeLessThanOrEqual(6);
      expect(article.html).toMatch(/<h2 id="[a-z0-9-]+">/);
      if (article.html.includes('<blockquote>')) quotes++;
      if (article.html.includes('<li>')) lists++;
      // Its link to a section leads to a heading of the article.
      const fragments = [...article.html.matchAll(/href="#([^"]*)"/g)].map((match) => match[1]!);
      expect(fragments.filter((id) => !article.html.includes(`<h2 id="${id}">`))).toEqual([]);
      sectionLinks += fragments.length;
    }
    // A quote, a list and a link come after a heading and paragraphs, so a short article may end before them
    // (with seeds 1, 2, 3 and 7, 3 to 13 articles in 200 had no quote, before and after section links came in).
    expect(quotes).toBeGreaterThanOrEqual(27);
    expect(lists).toBeGreaterThanOrEqual(27);
    expect(sectionLinks).toBeGreaterThanOrEqual(24);
    const years = new Set(model.archive.articles.map((article) => article.date.instant.getUTCFullYear()));
    expect(years.size).toBeGreaterThan(4);
  });

  it('adds new articles, each the newest of the archive, with registry people and the same text for the same number', async () => {
    const [a, b] = [await makeTempDir(), await makeTempDir()];
    const options = { articles: 20, people: 8, seed: 3 };
    await generateArchive(a, options);
    const first = await addNewestArticle(a, options, 1);
    const second = await addNewestArticle(a, options, 2);
    await generateArchive(b, options);
    const again = await addNewestArticle(b, options, 1);
    expect(await readFile(again.file, 'utf8')).toBe(await readFile(first.file, 'utf8'));
    expect(first.file).not.toBe(second.file);
    // A number already added is refused, not written over.
    await expect(addNewestArticle(a, options, 2)).rejects.toMatchObject({ code: 'EEXIST' });
    const model = await loadSite({ root: a, now: new Date('2026-06-01T00:00:00Z') });
    expect(model.archive.articles).toHaveLength(22);
    expect(model.archive.articles.slice(0, 2).map((article) => article.url)).toEqual([second.url, first.url]);
    const registry = new Set(model.registry.people.keys());
    for (const article of model.archive.articles.slice(0, 2)) {
      expect(article.people.length).toBeGreaterThanOrEqual(2);
      for (const id of article.people) expect(registry.has(id)).toBe(true);
    }
  });
});
