/**
 * Characters that show nothing inside a word: the soft hyphen, which print layouts, Word and some CMSs put into long
 * words (Ljub\u00adljana, Wit\u00adkoffom), the zero-width space, the word joiner and a byte-order mark. A reader sees
 * one word, but split there it was two (»ljub«, »ljan«): search did not find it and people detection missed the name.
 * Search (search/text.ts) and people detection (people/detect.ts) read words the same way through these, and so
 * does a person file's name (content/person-name.ts nameWords), whose forms are looked up in those words.
 * (content/schema.ts's test for a value that shows nothing counts the zero-width joiners too, which do join letters
 * in some scripts and so are not dropped from words.)
 */
const INVISIBLE_IN_WORDS = /[\u00ad\u200b\u2060\ufeff]/g;

/** Whether the UTF-16 code unit is one of INVISIBLE_IN_WORDS. */
export function isInvisibleInWord(code: number): boolean {
  return code === 0xad || code === 0x200b || code === 0x2060 || code === 0xfeff;
}

/** `text` as a reader sees it: without the invisible characters that would split its words. */
export function withoutInvisibles(text: string): string {
  return text.replace(INVISIBLE_IN_WORDS, '');
}
