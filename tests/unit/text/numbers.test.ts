import { describe, expect, it } from 'vitest';
import { isNumberWord, isRomanNumeral, isRomanNumeralForm } from '../../../src/text/numbers.ts';

describe('isNumberWord', () => {
  it.each([
    ['2025', true],
    ['1500', true],
    // A number with its separators folded away, as search/text.ts foldWord leaves 1.500.
    ['2500000', true],
    // Digits of other scripts are numbers too (\p{N}).
    ['٣٤', true],
    ['2025a', false],
    ['a2025', false],
    ['1.500', false],
    // A decimal number, folded (3,5; 1.500,50 → 1500,50): matched whole and never taken for a typo, as any number.
    ['3,5', true],
    ['1500,50', true],
    ['3,', false],
    [',5', false],
    ['', false],
  ])('%j → %j', (word, expected) => {
    expect(isNumberWord(word)).toBe(expected);
  });
});

describe('isRomanNumeral', () => {
  it.each([
    ['xvi', true],
    ['xvii', true],
    ['xviii', true],
    ['mmxxv', true],
    ['xlix', true],
    // Not in a numeral's order, or words: civil, mimi, dim; div, mix and Liv are numerals of three letters but words too.
    ['civil', false],
    ['mimi', false],
    ['dim', false],
    ['div', false],
    ['mix', false],
    ['liv', false],
    ['vi', false],
    ['xvia', false],
    ['', false],
  ])('%j → %j', (word, expected) => {
    expect(isRomanNumeral(word)).toBe(expected);
  });
});

describe('isRomanNumeralForm', () => {
  it.each([
    // Any length: a title's II. and V. are numerals, which search leaves to the words vi and mi.
    ['i', true],
    ['v', true],
    ['ii', true],
    ['xxxix', true],
    ['mmxxv', true],
    ['div', true],
    ['iiii', false],
    ['ivx', false],
    ['vx', false],
    ['xxxx', false],
    ['', false],
  ])('%j → %j', (word, expected) => {
    expect(isRomanNumeralForm(word)).toBe(expected);
  });
});
