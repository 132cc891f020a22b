import { SEPARATED_NUMBER } from './numbers.ts';

/**
 * Words as arhivar counts and indexes them: runs of letters and digits of any script, what
 * /[\p{L}\p{N}]+/gu matches. Scanned character by character, because a build reads every article for words
 * twice (its word count on a Markdown worker, its search terms on the main thread) and the regular
 * expression makes a match object per word.
 */
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
/** What WORD_CHARACTER says of each character of the Basic Multilingual Plane, once asked: 1 yes, -1 no. */
const basicPlaneAnswers = new Int8Array(0x10000);

/** True for a letter or digit of any script (a code point, not a UTF-16 unit). */
export function isWordCodePoint(point: number): boolean {
  if (point < 0x80) return (point >= 0x30 && point <= 0x39) || ((point | 0x20) >= 0x61 && (point | 0x20) <= 0x7a);
  if (point > 0xffff) return WORD_CHARACTER.test(String.fromCodePoint(point));
  let known = basicPlaneAnswers[point]!;
  if (known === 0) basicPlaneAnswers[point] = known = WORD_CHARACTER.test(String.fromCharCode(point)) ? 1 : -1;
  return known === 1;
}

const SEPARATED_NUMBER_AT = new RegExp(SEPARATED_NUMBER.source, 'uy');

/**
 * Calls `visit` with every word of `text`, in order, as `text.match(/[\p{L}\p{N}]+/gu)` would list them; with
 * `separatedNumbers`, a number with thousands separators or a decimal comma (1.500, 3,5) is one word, as search/text.ts
 * tokenize has it.
 */
export function forEachWord(text: string, visit: (word: string) => void, { separatedNumbers = false } = {}): void {
  let start = -1;
  for (let i = 0; i < text.length; ) {
    const point = text.codePointAt(i)!;
    if (isWordCodePoint(point)) {
      if (start < 0) {
        if (separatedNumbers && point >= 0x30 && point <= 0x39) {
          SEPARATED_NUMBER_AT.lastIndex = i;
          if (SEPARATED_NUMBER_AT.test(text)) {
            visit(text.slice(i, SEPARATED_NUMBER_AT.lastIndex));
            i = SEPARATED_NUMBER_AT.lastIndex;
            continue;
          }
        }
        start = i;
      }
    } else if (start >= 0) {
      visit(text.slice(start, i));
      start = -1;
    }
    i += point > 0xffff ? 2 : 1;
  }
  if (start >= 0) visit(text.slice(start));
}

/** How many words `text` has, without making them. */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; ) {
    const point = text.codePointAt(i)!;
    const isWord = isWordCodePoint(point);
    if (isWord && !inWord) count++;
    inWord = isWord;
    i += point > 0xffff ? 2 : 1;
  }
  return count;
}
