import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateArchive, inflect } from '../../../src/bench/generate.ts';
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
    for (const article of model.archive.articles) {
      const bytes = Buffer.byteLength(await readFile(`${a}/${article.file}`));
      expect(bytes).toBeGreaterThan(2500);
      expect(bytes).toBeLessThanOrEqual(4000);
      expect(article.people.length).toBeGreaterThanOrEqual(2);
      expect(article.people.length).toBeLessThanOrEqual(6);
      expect(article.html).toMatch(/<h2>/);
      expect(article.html).toMatch(/<blockquote>/);
      expect(article.html).toMatch(/<li>/);
    }
    const years = new Set(model.archive.articles.map((article) => article.date.instant.getUTCFullYear()));
    expect(years.size).toBeGreaterThan(4);
  });
});
