import { memoize } from '../memo.ts';
import { withoutDirectionFormatting } from '../text/direction.ts';

/**
 * URL slugs: lowercase ASCII, one `-` between words. Slug libraries map đ→d; Slovenian transliteration
 * writes đ→dj, so we own this. ł ø ß æ œ do not decompose under NFD and are mapped as letters first.
 * Cyrillic is written in Latin letters, and letters in a compatibility form (ﬁ) are taken apart (NFKD).
 */
const LETTERS: Record<string, string> = { đ: 'dj', ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd', ı: 'i' };
export const MAX_SLUG_LENGTH = 200;

/**
 * Cyrillic letters as Slovenian writes them in Latin (Putin, Jurij Ušakov, Ukrajina, Harkiv, Đorđe, Ljubljana),
 * without the carons a slug drops anyway: ж ч ш щ are ž č š šč, so z c s sc here. ъ and ь are not written.
 */
const CYRILLIC_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'jo', ж: 'z', з: 'z', и: 'i', й: 'j', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'c', ш: 's',
  щ: 'sc', ъ: '', ы: 'i', ь: '', э: 'e', ю: 'ju', я: 'ja',
  // Ukrainian and Belarusian
  ґ: 'g', є: 'je', і: 'i', ї: 'ji', ў: 'u',
  // Serbian and Macedonian
  ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ѓ: 'gj', ќ: 'kj', ѕ: 'dz',
};
/** Letters only Ukrainian (and Belarusian) writes: there г is h (Харків → Harkiv) and е is always e. */
const UKRAINIAN = /[ґєії]/;
/** Letters only Serbian and Macedonian write: there е is always e, as in their Latin spelling. */
const SOUTH_SLAVIC = /[ђјљњћџѓќѕ]/;
/** Russian е is je at the start of a word and after a vowel, ъ or ь (Ельцин → Jelcin, Дмитриев → Dmitrijev). */
const RUSSIAN_JE = /(?<=^|[^\p{L}]|[аеёиоуыэюяъь])е/gu;
/** Russian ё is o after ж ч ш щ (Горбачёв → Gorbačov), jo elsewhere (Фёдор → Fjodor). */
const RUSSIAN_O = /(?<=[жчшщ])ё/g;
const CYRILLIC = /[\u0400-\u04ff]/;
const CYRILLIC_LETTERS = /[\u0400-\u04ff]/g;

/**
 * Letters and digits written in a compatibility form (the ligature ﬁ, fullwidth Ａ, ſ): NFKD gives their
 * letters. Only letters and digits: ² ½ ™ are dropped as before, so no slug made of Latin text changes.
 */
const COMPATIBILITY = /(?![\p{ASCII}])[\p{Lu}\p{Ll}\p{Lt}\p{Nd}]/gu;

// A build slugs the same few thousand names and tags tens of thousands of times (each article's people
// and tags); six regular expressions and NFD per call made that about 50 ms of every rebuild.
export const slugify: (text: string) => string = memoize(computeSlug, 100_000);

/**
 * slugify without the memo, for text that seldom comes twice (a body's headings): kept there, tens of
 * thousands of them would only take the room of the names and tags that do.
 */
export function slugifyOnce(text: string): string {
  return computeSlug(text);
}

function computeSlug(text: string): string {
  let lower = text.normalize('NFC').toLowerCase();
  if (CYRILLIC.test(lower)) lower = transliterateCyrillic(lower);
  return latinSlug(lower.replace(COMPATIBILITY, (character) => character.normalize('NFKD').toLowerCase()));
}

/** Lowercase text as a slug: the letters above mapped, diacritics dropped, every run of anything else one `-`. */
function latinSlug(lower: string): string {
  return lower
    .replace(/[đłøßæœþðı]/g, (letter) => LETTERS[letter] ?? letter)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, '');
}

/** Lowercase Cyrillic (and Serbian and Macedonian) letters in Latin letters; other characters stay. */
function transliterateCyrillic(lower: string): string {
  let text = lower;
  if (UKRAINIAN.test(text)) text = text.replace(/г/g, 'h');
  else if (!SOUTH_SLAVIC.test(text)) text = text.replace(RUSSIAN_JE, 'je').replace(RUSSIAN_O, 'o');
  // A letter with an accent of its own (Macedonian ѝ, ѐ) is written as its base letter.
  return text.replace(CYRILLIC_LETTERS, (letter) => CYRILLIC_LATIN[letter] ?? CYRILLIC_LATIN[letter.normalize('NFD')[0]!] ?? letter);
}

/** Letters the two rules can write otherwise: Cyrillic and compatibility letters (ĳ, ŀ, ſ, ǆ, ﬁ, Ａ …), and æ with an accent (ǣ, ǽ), which the earlier rules dropped. */
const BEYOND_EARLIER_LETTERS = /[\u0132\u0133\u013f\u0140\u0149\u017f\u01c4-\u01cc\u01e2\u01e3\u01f1-\u01f3\u01fc-\u01ff\u0250-\uffff]/;

/**
 * The slug arhivar made of `text` before it wrote Cyrillic in Latin letters and took compatibility letters
 * apart (ﬁ), when that differs from today's: an article published then without a `slug:` line is at that
 * address ("Intervju: Путин o Ukrajini" was intervju-o-ukrajini, "Naﬁ" na). Undefined for every other text.
 */
export function earlierSlug(text: string): string | undefined {
  // Every title is asked on every build: most have no letter beyond Latin Extended-B, where neither rule
  // changed anything (the few compatibility letters below it are listed), and need no composing.
  if (!BEYOND_EARLIER_LETTERS.test(text)) return undefined;
  if (!CYRILLIC.test(text) && !/(?![\p{ASCII}])[\p{Lu}\p{Ll}\p{Lt}\p{Nd}]/u.test(text.normalize('NFD').replace(/\p{M}/gu, ''))) return undefined;
  const earlier = latinSlug(text.toLowerCase());
  return earlier !== '' && earlier !== slugify(text) ? earlier : undefined;
}

/**
 * Slovenian words that cannot end a cut-off headline, as they lead into the words cut away: the prepositions
 * (v, z, na, pri, …), conjunctions (in, ter, ali, da, ki, …) and the clitics that stand before the verb or
 * object (je, se, so, bo, ga, …), written as a slug writes them (č → c: ce, cez). A slug cut after one
 * (»…-sestala-z«, »…-in«) reads as a mistake.
 */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  // prepositions
  'h', 'k', 'o', 's', 'v', 'z', 'na', 'za', 'pri', 'od', 'do', 'po', 'ob', 'iz', 'med', 'nad', 'pod', 'pred', 'brez', 'cez', 'proti', 'skozi', 'zaradi', 'glede',
  // conjunctions and particles
  'a', 'i', 'in', 'ter', 'ali', 'pa', 'da', 'ki', 'ko', 'ker', 'ce', 'kot', 'toda', 'ampak', 'niti', 'oziroma', 'naj', 'ne', 'tudi', 'le',
  // clitics: auxiliaries and short pronouns
  'je', 'so', 'sta', 'bo', 'bi', 'ni', 'se', 'si', 'sem', 'smo', 'ga', 'jo', 'mu', 'ji', 'jih', 'jim', 'nam', 'me', 'te',
]);

/**
 * `slug` at most `limit` characters long, cut after its last whole word, without the function words the cut
 * left at its end (»…-sestala-z« → »…-sestala«); its first word always stays. When the whole words would fill
 * no more than a quarter of the limit (a very long word follows), it is cut inside that word instead.
 * new's and import's 80-character slugs (shortenSlug), the --slug offered for one too long and the -2, -3, … of a free slug (freeSlug)
 * are cut here. slugify's own cut at
 * MAX_SLUG_LENGTH is not: a title without `slug:` is published at that slug, and changing it would move articles.
 */
export function cutSlug(slug: string, limit: number): string {
  if (slug.length <= limit) return slug;
  const cut = slug.slice(0, limit + 1);
  const boundary = cut.lastIndexOf('-');
  if (boundary <= Math.floor(limit / 4)) return slug.slice(0, limit).replace(/-+$/, '');
  const words = cut.slice(0, boundary).replace(/-+$/, '').split('-');
  while (words.length > 1 && FUNCTION_WORDS.has(words.at(-1)!)) words.pop();
  return words.join('-');
}

/** The longest slug new and import make of a title without --slug, so file names and addresses stay readable. */
export const MAX_TITLE_SLUG = 80;

/** A title's slug over MAX_TITLE_SLUG cut at a word (cutSlug), as new and import write it in a slug: line. */
export function shortenSlug(slug: string): string {
  return cutSlug(slug, MAX_TITLE_SLUG);
}

/**
 * A slug whose only fault is its length: cut to MAX_SLUG_LENGTH (cutSlug) it is one, which is returned, so a
 * message can say »too long« instead of »wrong letters« and offer it; undefined otherwise.
 */
export function shortenedSlug(slug: string): string | undefined {
  if (slug.length <= MAX_SLUG_LENGTH) return undefined;
  const shortened = cutSlug(slug, MAX_SLUG_LENGTH);
  return isValidSlug(shortened) ? shortened : undefined;
}

/**
 * The slug of an article's address written where a slug belongs (`/2025/12/15/fajon-v-bruslju/`, or the whole
 * address from the browser): its last part. The slug of all of it, 2025-12-15-fajon-v-bruslju, would put the
 * date in the address twice. undefined for any other text.
 */
export function slugOfArticleAddress(written: string): string | undefined {
  const last = /(?:^|\/)\d{4}\/\d{2}\/\d{2}\/([^/?#]+)\/?(?:[?#].*)?$/.exec(written.trim())?.[1];
  return last === undefined ? undefined : slugify(last) || undefined;
}

/** A slug an editor wrote by hand must already be one: safe in a path, never `..`, never empty. */
export function isValidSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && slug.length <= MAX_SLUG_LENGTH;
}

/**
 * Why `name` gives no slug, for a message that says what to write: it has letters or digits, but none a slug
 * can be made from (Greek, Chinese), or it has none at all ("../").
 */
export function slugLetters(name: string): 'none' | 'other-script' {
  return /[\p{L}\p{N}]/u.test(name) ? 'other-script' : 'none';
}

/**
 * What a person's name is compared by, in a byline (site/byline-people.ts) and between person files
 * (people/registry.ts): the slug, so case and diacritics do not matter. A name in a script a slug does not write
 * (Arabic, Hebrew, Greek, Chinese) has none, yet a person file has its address from its file name and may give
 * only such a name (name: محمود عباس in mahmud-abbas.md): its letters are compared then, in one normal form and
 * letter case, with any run of spaces or signs between them one hyphen. Marks stay: in Indic scripts they are
 * the vowels. Such a key holds letters no slug holds, so it is never a slug.
 */
export function nameKey(name: string): string {
  return (
    slugify(name) ||
    withoutDirectionFormatting(name)
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
  );
}
