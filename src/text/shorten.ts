import { closesList, isAbbreviation } from './abbreviations.ts';
import { foldWhitespace, isWhitespace } from './whitespace.ts';

/**
 * Shortens text for a meta description. Search engines cut snippets at roughly 155–160 characters,
 * so a longer summary is cut at the last word boundary that fits and ends in an ellipsis, never in
 * the middle of a word or after a dangling comma.
 *
 * Slovenian typography spaces an ellipsis that stands for omitted words (»na Floridi …«) and writes it
 * close up only where it cuts a word short (»Nadzvočno…«), as the search snippets do (search/query.ts).
 * The space counts towards the limit.
 */
export const DESCRIPTION_LENGTH = 160;

/**
 * Above this a summary is no teaser. A Slovenian news lead (RTV SLO, Delo, STA) is one to three sentences,
 * about 150 to 300 characters, and a listing shows up to 20 teasers a page; search engines show about 160
 * (DESCRIPTION_LENGTH). 400 leaves room for a long lead and still catches a pasted paragraph or article. An article
 * without `summary:` has its first paragraph cut to this length for its teasers (defaultSummary below).
 */
export const LONG_SUMMARY = 400;

/**
 * The summary of an article without `summary:`: its first paragraph, cut at a word boundary to at most LONG_SUMMARY
 * characters. The summary is copied into every listing's teaser and every feed the article is on and into its
 * JSON-LD, so a body pasted with single line breaks, one paragraph of 700 KB, made each of its hundred tag pages
 * 700 KB. A written summary is the editor's and is not cut. Cut where the Markdown is rendered (markdown/render.ts),
 * so .cache/ keeps it cut and a rebuild does not cut every article's paragraph again.
 */
export function defaultSummary(firstParagraph: string): string {
  return shortenText(firstParagraph, LONG_SUMMARY);
}

export function shortenText(text: string, maxLength = DESCRIPTION_LENGTH): string {
  const folded = foldWhitespace(text);
  // No more UTF-16 units than the limit means no more code points either: most titles stop here.
  if (folded.length <= maxLength) return folded;
  // Count code points, so a surrogate pair is never split, without spreading the whole text into an array
  // (a summary may be a long paragraph, and every page has one).
  if (codePointOffset(folded, maxLength) >= folded.length) return folded;
  return cutAfterWord(folded, maxLength) ?? cutInWord(folded, maxLength);
}

/** The whole words that fit with room for » …«, or undefined when not even the first word does. */
function cutAfterWord(folded: string, maxLength: number): string | undefined {
  const roomEnd = codePointOffset(folded, maxLength - 2);
  const room = folded.slice(0, roomEnd);
  const lastSpace = room.lastIndexOf(' ');
  if (folded[roomEnd] !== ' ' && lastSpace < 0) return undefined;
  const cut = withoutSeparatorsAtEnd(folded[roomEnd] === ' ' ? room : room.slice(0, lastSpace));
  if (!cut) return undefined;
  return endsSentence(cut, folded) ? cut : `${cut} …`;
}

/**
 * A first word too long for the limit: a word here is what stands between spaces, so »Nadzvočno-letalsko«
 * cut at its hyphen is cut short (»Nadzvočno…«).
 */
function cutInWord(folded: string, maxLength: number): string {
  const roomEnd = codePointOffset(folded, maxLength - 1);
  const room = folded.slice(0, roomEnd);
  WORD_ENDS.lastIndex = roomEnd;
  if (!WORD_ENDS.test(folded)) return closeUp(wholeLettersBefore(folded, roomEnd), folded);
  // The whole word fits, but not with » …«. A comma or dash stripped from its end makes room for the space;
  // otherwise cut one letter more, so that a close-up ellipsis really cuts the word short.
  const cut = withoutSeparatorsAtEnd(room);
  if (endsSentence(cut, folded)) return cut;
  if (cut && cut !== room) return `${cut} …`;
  return closeUp(wholeLettersBefore(folded, codePointOffset(folded, maxLength - 2)), folded);
}

/**
 * The start of `folded` up to `offset`, in whole letters (graphemeStart). A letter longer than the whole room is cut
 * between its code points instead, its base and the marks that fit: kept whole, it left nothing of the word, and a
 * text with letters got a bare »…« for its description, summary or teaser. Only »zalgo« text has such letters (a Z
 * carrying sixty combining strokes, Z̶̵̶̵…); the longest letters of real scripts and emoji sequences are about ten code
 * points, and the shortest limit a page uses is about 140 (shortenListDescription).
 */
function wholeLettersBefore(folded: string, offset: number): string {
  const whole = folded.slice(0, graphemeStart(folded, offset));
  return NOT_PUNCTUATION_OR_SPACE.test(whole) ? whole : folded.slice(0, offset);
}

const GRAPHEMES = new Intl.Segmenter('sl', { granularity: 'grapheme' });

/**
 * The last start of a grapheme (a letter as readers see it) at or before `offset`, so that a word cut short keeps
 * whole letters: »é« written as e and a combining accent, a flag (two regional indicators, 🇸🇮) or an emoji
 * sequence joined by U+200D, each several code points, is not cut between them into a bare »e«, a wrong flag or
 * half a family. Whether `offset` is a boundary depends on the code point after it, so only that one more is
 * segmented, not the rest of a long word.
 */
function graphemeStart(text: string, offset: number): number {
  if (offset >= text.length) return offset;
  const window = text.slice(0, offset + (text.codePointAt(offset)! > 0xffff ? 2 : 1));
  let start = 0;
  for (const { index } of GRAPHEMES.segment(window)) {
    if (index > offset) break;
    start = index;
  }
  return start;
}

function closeUp(room: string, folded: string): string {
  const cut = withoutSeparatorsAtEnd(room);
  return endsSentence(cut, folded) ? cut : `${cut}…`;
}

/**
 * Whether `cut`, the start of `folded`, ends a sentence, so that it needs no ellipsis. A full stop does only
 * before a capital (after an opening quote or bracket, »2025. Nato«, »2025. »Mir«): before a lower-case word
 * or a figure it marks an ordinal or an abbreviation (»seji 22. decembra«, »22. 12. 2025«, »npr. ministri«),
 * after a single letter an initial (»J. Novak«), and after a title or another abbreviation it does not end one
 * before a capital either (»dr. Novak«, »sv. Jurij«, »npr. Nato«). Taken for the end, such a cut read as a whole
 * sentence ending in »seji 22.« or »je dejal dr.«, with nothing to show that the text goes on.
 */
function endsSentence(cut: string, folded: string): boolean {
  if (ENDS_SENTENCE.test(cut)) return true;
  if (!cut.endsWith('.')) return false;
  return SENTENCE_STARTS.test(folded.slice(cut.length)) && !endsInAbbreviation(cut);
}

/** Whether the full stop `text` ends in belongs to an initial or an abbreviation (»J.«, »d. d.«, »dr.«), not to a sentence. */
function endsInAbbreviation(text: string): boolean {
  const word = wordBeforeFullStop(text);
  return [...word].length === 1 || isAbbreviation(word);
}

/** Whether the last full stop of `text` is an abbreviation's, whether or not it ends the sentence too (»itd.«). */
function fullStopOfAbbreviation(text: string): boolean {
  return endsInAbbreviation(text) || closesList(wordBeforeFullStop(text));
}

/**
 * `text` without the spaces, commas, semicolons, colons and dashes at its end. Written as a loop, as
 * wordBeforeFullStop is: a regex ending in `$` is tried from every position of the text, and every article's first paragraph
 * is cut here (defaultSummary).
 */
function withoutSeparatorsAtEnd(text: string): string {
  let end = text.length;
  while (end > 0 && isSeparator(text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

function isSeparator(code: number): boolean {
  return isWhitespace(code) || code === 0x2c || code === 0x3b || code === 0x3a || code === 0x2013 || code === 0x2014 || code === 0x2d;
}

/**
 * The letters just before the full stop `text` ends in (»dr« of »je dejal dr.«), empty when it ends in none or
 * in no full stop. `(\p{L}*)\.$` found them in time quadratic in the length of a word: 37 µs for a 400-character cut.
 */
function wordBeforeFullStop(text: string): string {
  if (!text.endsWith('.')) return '';
  let start = text.length - 1;
  while (start > 0) {
    const unit = text.charCodeAt(start - 1);
    const width = unit >= 0xdc00 && unit <= 0xdfff && start > 1 ? 2 : 1;
    if (!LETTER.test(text.slice(start - width, start))) break;
    start -= width;
  }
  return text.slice(start, -1);
}

const LETTER = /^\p{L}$/u;
// A letter, figure, mark or symbol (an emoji): what a cut must keep besides quotes, dashes and spaces (» – Z̶̵…«).
const NOT_PUNCTUATION_OR_SPACE = /[^\p{P}\p{Z}]/u;
// Sticky: at most a comma or dash, then a space or the end, means the word ends at lastIndex.
const WORD_ENDS = /[,;:–—-]*(?: |$)/y;
const ENDS_SENTENCE = /(?:[!?…]|\.\.\.)$/u;
const SENTENCE_STARTS = /^ ["'„“«»‘(]?\p{Lu}/u;

/**
 * How many characters `text` has as the length checks count them (title:, summary:, author: and the warning over
 * LONG_SUMMARY): code points, so an emoji or a letter outside the BMP is one, as it is to an editor.
 */
export function codePointCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** The UTF-16 offset just after the first `count` code points of `text` (its length if it has fewer). */
function codePointOffset(text: string, count: number): number {
  let offset = 0;
  for (let n = 0; n < count && offset < text.length; n++) offset += text.codePointAt(offset)! > 0xffff ? 2 : 1;
  return offset;
}

/**
 * The meta description of page `page.number` of a list. Every page of a list would have the same one (»Članki z
 * oznako Ukrajina: 84 člankov.«), and search engines report pages that share a description as duplicates, so a
 * later page says which it is, in the words of its own pagination (»Stran 2 od 37«): »… 84 člankov – stran 2 od
 * 37.«. The description is shortened first, so that the page number is never what the limit cuts off.
 */
export function shortenListDescription(description: string, page: { number: number; total: number } | undefined): string {
  if (!page || page.number === 1) return shortenText(description);
  const which = `stran ${page.number} od ${page.total}`;
  // Room for » – « and a full stop moved after the page number.
  const shortened = shortenText(description, DESCRIPTION_LENGTH - which.length - 4);
  if (!shortened) return `S${which.slice(1)}`;
  // A sentence's full stop moves after the page number; an abbreviation's stays with its word (»… itd. – stran 2 od 3«).
  const fullStop = SINGLE_FULL_STOP_AT_END.test(shortened) && !fullStopOfAbbreviation(shortened);
  return `${fullStop ? shortened.slice(0, -1) : shortened} – ${which}${fullStop ? '.' : ''}`;
}

const SINGLE_FULL_STOP_AT_END = /(?<!\.)\.$/u;
