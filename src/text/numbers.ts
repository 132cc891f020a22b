/**
 * A number written with Slovenian thousands separators (1.500, 2.500.000; NumberFormat('sl') writes them so) or a
 * decimal comma (3,5; 1.500,50), which search takes as one word: split at its dots, »1.500« was searched as 500 and
 * found in every article with a 500 in it, and split at its comma »3,5« was 3 and 5, both too short to search.
 * Only groups of three digits after the first, so dates and times (3.12.2025, 13.30) stay apart, and nothing
 * dotted or with a comma before or after it (192.168.100.1; a list written 1,2,3). Used by the index (words.ts
 * forEachWord) and the query (search/text.ts tokenize), which must split a text alike.
 */
export const SEPARATED_NUMBER = /(?<![0-9][.,])(?:[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]+,[0-9]+)(?![\p{L}\p{N}]|[.,][0-9])/u;

/**
 * A word of digits only (2025, 1500, and 1.500 once folded without its dots), or with one decimal comma (3,5). Search matches such a word whole,
 * never stems it and never takes it for a typo: another number is another fact, not a misspelling. Used by the
 * query (search/query.ts parseQuery), stemming (search/text.ts) and »Ste mislili« (search/suggestion.ts).
 */
export function isNumberWord(word: string): boolean {
  return /^\p{N}+(?:,\p{N}+)?$/u.test(word);
}

/**
 * A Roman numeral, folded (xvi, xvii, mmxxv): the ordinals of popes, kings, centuries and congresses (Benedikt XVI.,
 * XVII. stoletje). Search matches it whole, as a number: stemmed, XVII lost its last I as the ending -i and met XVI,
 * and as the word being typed XVI found XVII and XVIII by their beginning. No Slovenian word of four letters or more
 * is written only with i, v, x, l, c, d and m in a numeral's order (civil and mimi are not numerals); of three letters
 * only those of i, v and x are taken (xvi, xiv, xix), as div, mix, Liv and Dix are words and names that a reader who
 * types them may be on the way to divji, Livorno or Dixon. Two letters (vi, mi, cm) are words and units.
 */
export function isRomanNumeral(folded: string): boolean {
  return (folded.length >= 4 || (folded.length === 3 && /^[ivx]+$/.test(folded))) && isRomanNumeralForm(folded);
}

/** Thousands, hundreds, tens and ones in this order, each as a numeral writes it (xiv, not ivx or xiiii). */
const ROMAN_NUMERAL = /^m{0,4}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/;

/**
 * Whether `lower`, in small letters, is written as a Roman numeral up to 4999 (i, xiv, xxxix, mmxxv), whatever
 * its length: the one grammar that search (isRomanNumeral), a title's sentence case (pipeline/title-warnings.ts) and
 * a ruler's number after a name (content/person-name.ts) read, each with its own rule of which words may be numerals.
 */
export function isRomanNumeralForm(lower: string): boolean {
  return lower !== '' && ROMAN_NUMERAL.test(lower);
}
