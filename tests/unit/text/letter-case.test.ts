import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCapitalised, isLower } from '../../../src/text/letter-case.ts';

/** The definitions the character scans implement, by the copies toUpperCase() and toLowerCase() make. */
const capitalisedByCopies = (word: string) => {
  const first = word[0]!;
  return first !== first.toLowerCase() && (word.length === 1 || word !== word.toUpperCase());
};
const lowerByCopies = (word: string) => word === word.toLowerCase();

/** Words of ASCII and Slovenian letters in both cases, letters whose case mapping is no pair (ß, İ, ǅ), digits, marks and lone surrogates. */
const anyWord = fc
  .array(fc.oneof(fc.constantFrom('a', 'z', 'A', 'Z', 'č', 'Č', 'š', 'Š', 'ž', 'Ž', 'ć', 'Đ', 'ß', 'İ', 'ǅ', 'й', 'Ж', '7', '.', "'", '\u0301', '\uD835', '𝐀'), fc.string({ unit: 'binary', maxLength: 2 })), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''))
  .filter((word) => word.length > 0);

describe('isCapitalised', () => {
  it.each([
    ['Novak', true],
    ['Ž', true],
    ['Dž', true],
    ['Žiga', true],
    ['McDonald', true],
    ['ZDA', false],
    ['NATO', false],
    ['DŽ', false],
    ['ŠKODA', false],
    ['novak', false],
    ['žiga', false],
    ['STRAßE', true],
  ])('%s: %s', (word, expected) => {
    expect(isCapitalised(word)).toBe(expected);
  });

  it('agrees with its definition by upper- and lower-case copies on any word', () => {
    fc.assert(fc.property(anyWord, (word) => isCapitalised(word) === capitalisedByCopies(word)), { numRuns: 5000 });
  });
});

describe('isLower', () => {
  it.each([
    ['novak', true],
    ['ščuka', true],
    ['3.', true],
    ['Novak', false],
    ['Žiga', false],
    ['ŠČUKA', false],
    ['čŠ', false],
  ])('%s: %s', (word, expected) => {
    expect(isLower(word)).toBe(expected);
  });

  it('agrees with its definition by a lower-case copy on any word', () => {
    fc.assert(fc.property(anyWord, (word) => isLower(word) === lowerByCopies(word)), { numRuns: 5000 });
  });
});
