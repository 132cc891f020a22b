import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freeSlug, type TakenAddresses } from '../../../src/commands/article-place.ts';
import { parseContentDate } from '../../../src/content/dates.ts';
import { slugify } from '../../../src/site/slug.ts';
import { temporaryFolders } from '../../helpers.ts';

const tempRoot = temporaryFolders();

describe('freeSlug', () => {
  const date = parseContentDate('2025-06-01');
  if (!date.ok) throw new Error('2025-06-01 is a date');
  // 200 characters, cut by slugify inside »naslov«: »…-o-prometu-na-cestah-zelo-dolg-naslo«.
  const slug = slugify('Zelo dolg naslov o prometu na cestah '.repeat(8));
  const start = 'zelo-dolg-naslov-o-prometu-na-cestah-'.repeat(5);

  it('cuts a slug of the longest length at a word for the number, without a preposition before it', async () => {
    const root = await tempRoot();
    // -2 … -8 have an address on the day and -9 a file, cut at the word and cut as it fell: -10 is the first free.
    const taken: TakenAddresses = { articles: new Map(), redirects: new Map() };
    await mkdir(path.join(root, 'content/articles/2025'), { recursive: true });
    for (const cut of ['zelo-dolg', 'zelo-dolg-nas']) {
      for (let number = 2; number <= 8; number++) taken.articles.set(`/2025/06/01/${start}${cut}-${number}/`, ['content/articles/drugo.md']);
      await writeFile(path.join(root, `content/articles/2025/${start}${cut}-9.md`), '');
    }
    // Cut as it fell, it was »…-zelo-dolg-na-10«: the cut left »na« of »naslov«, which reads as the preposition.
    expect(freeSlug(root, slug, date.value, 2025, taken)).toBe(`${start}zelo-dolg-10`);
  });

  it('keeps a slug that leaves room for the number whole', async () => {
    const root = await tempRoot();
    const taken: TakenAddresses = { articles: new Map([['/2025/06/01/seja-vlade-o-proracunu-2/', ['content/articles/a.md']]]), redirects: new Map() };
    expect(freeSlug(root, 'seja-vlade-o-proracunu', date.value, 2025, taken)).toBe('seja-vlade-o-proracunu-3');
  });
});
