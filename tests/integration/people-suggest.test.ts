import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli.ts';
import { FIXTURES } from '../helpers.ts';

describe('arhivar people --suggest on a fixture', () => {
  it('names each missing person once, in the nominative, with the forms seen and the articles (Natašo Pirc Musar → Nataša Pirc Musar)', async () => {
    const stdout: string[] = [];
    const io: Io = { out: (line) => stdout.push(line), err: () => {} };
    expect(await main(['people', '--suggest', '--root', path.join(FIXTURES, 'people-suggest')], io)).toBe(0);
    expect(stdout).toEqual([
      '4 names in articles match nobody in content/people/ (most frequent first):',
      '      4  Nataša Pirc Musar  (2 articles: Natašo Pirc Musar ×2, Nataša Pirc Musar ×1, Pirc Musarjeva ×1)',
      '         content/articles/2026/bruselj.md, content/articles/2026/predsednica.md',
      '      2  Kaja Kallas  (1 article: Kajo Kallas ×1, Kaji Kallas ×1)',
      '         content/articles/2026/bruselj.md',
      '      1  Andreja Kuzmina  (1 article: Andreja Kuzmina ×1; base form unsure: Andrej Kuzmin or Andreja Kuzmina?, shown as written)',
      '         content/articles/2026/bruselj.md',
      '      1  Kiril Dmitrijev  (1 article: Kirilom Dmitrijevim ×1)',
      '         content/articles/2026/bruselj.md',
    ]);
  });
});
