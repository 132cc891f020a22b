import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, removeDir, type BuiltSite } from '../helpers.ts';
import { urls } from '../../src/site/urls.ts';

/**
 * »Janez Novak ml.«: the suffix was taken for the surname, so no article's »Janeza Novaka ml.« or »z Novakom« was
 * his, his page listed nothing, and /osebe/ filed him under M.
 */
let site: BuiltSite;

beforeAll(async () => {
  site = await buildFixture('name-suffix');
});
afterAll(async () => {
  await removeDir(path.dirname(site.outDir));
});

describe('a person whose name ends in a generational suffix', () => {
  it('is found in an article that names him in a declined form, and his page lists it under the name as written', async () => {
    const article = site.result.model.archive.articles.find((a) => a.file === 'content/articles/2025/zupan-proracun.md')!;
    expect(Object.fromEntries(article.mentionCounts)).toEqual({ 'janez-novak-ml': 2, 'ana-mlakar': 1 });
    const html = await site.read(urls.person('janez-novak-ml'));
    expect(html).toContain('<h1>Janez Novak ml.</h1>');
    expect(html).toContain(`href="${article.url}"`);
  });

  it('is filed on /osebe/ under the surname before the suffix', async () => {
    const html = await site.read(urls.people());
    const mlakar = html.indexOf(urls.person('ana-mlakar'));
    const novak = html.indexOf(urls.person('janez-novak-ml'));
    expect(mlakar).toBeGreaterThan(0);
    expect(novak).toBeGreaterThan(mlakar);
  });
});
