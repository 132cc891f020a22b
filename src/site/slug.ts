import { memoize } from '../memo.ts';

/**
 * URL slugs: lowercase ASCII, one `-` between words. Slug libraries map đ→d; Slovenian transliteration
 * writes đ→dj, so we own this. ł ø ß æ œ do not decompose under NFD and are mapped as letters first.
 */
const LETTERS: Record<string, string> = { đ: 'dj', ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd', ı: 'i' };
const MAX_SLUG_LENGTH = 200;

// A build slugs the same few thousand names and tags tens of thousands of times (each article's people
// and tags); six regular expressions and NFD per call made that about 50 ms of every rebuild.
export const slugify: (text: string) => string = memoize(computeSlug, 100_000);

function computeSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[đłøßæœþðı]/g, (letter) => LETTERS[letter] ?? letter)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, '');
}

/** A slug an editor wrote by hand must already be one: safe in a path, never `..`, never empty. */
export function isValidSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && slug.length <= MAX_SLUG_LENGTH;
}
