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
