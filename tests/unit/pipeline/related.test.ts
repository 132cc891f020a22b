import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCacheFile, writeCacheFile } from '../../../src/pipeline/cache.ts';
import { relatedArticles } from '../../../src/pipeline/related.ts';
import { findRelated } from '../../../src/site/related.ts';
import { makeTempDir } from '../../helpers.ts';

const article = (day: number, people: string[], tags: string[] = []) => ({ date: { instant: new Date(Date.UTC(2025, 0, day)) }, people, tags: tags.map((slug) => ({ slug })) });

describe('relatedArticles', () => {
  it('reads the lists back while no article changes whom it names, its tags or its date', async () => {
    const root = await makeTempDir('arhivar-related-');
    const articles = [article(5, ['ana'], ['most']), article(4, ['ana', 'bor']), article(3, ['bor'], ['most']), article(2, ['cene'])];
    expect(await relatedArticles(root, articles)).toEqual(findRelated(articles));

    // Mark the stored lists, so a second call that reads them back can be told from one that computes.
    const stored = (await readCacheFile<{ related: number[][] }>(root, 'related.bin'))!;
    await writeCacheFile(root, 'related.bin', { ...stored, related: [[9], [9], [9], [9]] });
    expect(await relatedArticles(root, articles.map((item) => ({ ...item })))).toEqual([[9], [9], [9], [9]]);

    // Any change to what findRelated reads computes them again.
    for (const changed of [
      articles.map((item, n) => (n === 3 ? article(2, ['ana']) : item)),
      articles.map((item, n) => (n === 0 ? article(5, ['ana'], ['reka']) : item)),
      articles.map((item, n) => (n === 2 ? article(1, ['bor'], ['most']) : item)),
    ]) {
      await writeCacheFile(root, 'related.bin', { ...stored, related: [[9], [9], [9], [9]] });
      expect(await relatedArticles(root, changed)).toEqual(findRelated(changed));
    }
  });

  it('computes without .cache/ when the cache is off', async () => {
    const root = await makeTempDir('arhivar-related-');
    const articles = [article(5, ['ana']), article(4, ['ana'])];
    expect(await relatedArticles(root, articles, false)).toEqual([[1], [0]]);
    await expect(readFile(path.join(root, '.cache/related.bin'))).rejects.toThrow();
  });
});
