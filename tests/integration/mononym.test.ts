import path from 'node:path';
import { access } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, removeDir, type BuiltSite } from '../helpers.ts';
import { outputPathFor, urls } from '../../src/site/urls.ts';

/**
 * A woman known by one name (`name: Madonna`, `gender: f`) was declined as a woman's surname, in one form, so an
 * article that names her only as »Madonne«, »z Madonno« and »o Madonni« was not on her page.
 */
let site: BuiltSite;

beforeAll(async () => {
  site = await buildFixture('mononym');
});
afterAll(async () => {
  await removeDir(path.dirname(site.outDir));
});

describe('a woman known by one name', () => {
  it('is found in her declined forms, and her page lists the article', async () => {
    const article = site.result.model.archive.articles.find((a) => a.file === 'content/articles/2025/koncert.md')!;
    expect(Object.fromEntries(article.mentionCounts)).toEqual({ madonna: 4, sting: 1 });
    const html = await site.read(urls.person('madonna'));
    expect(html).toContain('<h1>Madonna</h1>');
    expect(html).toContain(`href="${article.url}"`);
  });

  it('is not found in the ordinary word her name is (vesna, spring), so she gets no page', async () => {
    const article = site.result.model.archive.articles.find((a) => a.file === 'content/articles/2025/pomlad.md')!;
    expect(article.people).toEqual([]);
    await expect(access(path.join(site.outDir, outputPathFor(urls.person('vesna'))))).rejects.toThrow();
  });
});
