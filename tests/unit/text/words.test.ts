import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/search/text.ts';
import { countWords, forEachWord } from '../../../src/text/words.ts';

/** The definition both scans implement. */
const wordsByRegExp = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

const wordsOf = (text: string) => {
  const words: string[] = [];
  forEachWord(text, (word) => words.push(word));
  return words;
};

/** Text made of letters of several scripts, astral characters, lone surrogates, combining marks and punctuation. */
const anyText = fc
  .array(fc.oneof(fc.constantFrom('a', 'Z', '7', ' ', '-', 'č', 'Š', 'ž', 'ß', 'й', '東', '٣', '𝐀', '😀', '\uD835', '\uDC00', '\u0301', '_', '\n'), fc.string({ unit: 'binary' })), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('countWords', () => {
  it('counts runs of letters and digits in any script', () => {
    expect(countWords('Witkoff se je 24. oktobra v Miamiju sestal z Dmitrijevim.')).toBe(10);
    expect(countWords('Čez 3–4 dni: «Žiga», ščuka; 𝐀𝐁 и Путин, 東京.')).toBe(10);
    expect(countWords('  \n—…  ')).toBe(0);
  });

  it('agrees with /[\\p{L}\\p{N}]+/gu on any text, astral characters and lone surrogates included', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(countWords(text)).toBe(wordsByRegExp(text).length);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('forEachWord', () => {
  it('gives the words in order', () => {
    expect(wordsOf('»Mir«–Ušakov, **Witkoffa** 2025 𝐀𝐁-東京')).toEqual(['Mir', 'Ušakov', 'Witkoffa', '2025', '𝐀𝐁', '東京']);
    expect(wordsOf(' \n—… ')).toEqual([]);
  });

  it('gives exactly what /[\\p{L}\\p{N}]+/gu matches, on any text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(wordsOf(text)).toEqual(wordsByRegExp(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('with separatedNumbers, keeps 1.500 whole and splits any text as search/text.ts tokenize does', () => {
    const searchWordsOf = (text: string) => {
      const words: string[] = [];
      forEachWord(text, (word) => words.push(word), { separatedNumbers: true });
      return words;
    };
    expect(searchWordsOf('Za 1.500 evrov, 2.500.000 ljudi, 3.12.2025 ob 13.30, 1.5000 in 192.168.100.1.')).toEqual(
      ['Za', '1.500', 'evrov', '2.500.000', 'ljudi', '3', '12', '2025', 'ob', '13', '30', '1', '5000', 'in', '192', '168', '100', '1'],
    );
    expect(searchWordsOf('Rast 3,5 in 1.500,50, točke 1,2,3 in 4, 5.')).toEqual(['Rast', '3,5', 'in', '1.500,50', 'točke', '1', '2', '3', 'in', '4', '5']);
    const numbers = fc.array(fc.oneof(fc.constantFrom('1', '12', '500', '2025', '.', ',', ' ', 'a', '.000', '.5', ',5', ',50'), anyText), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(numbers, (text) => {
        expect(searchWordsOf(text)).toEqual(tokenize(text).map((token) => token.text));
      }),
      { numRuns: 2000 },
    );
  });
});
