import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { inlineText } from './render.ts';
import { parseMarkdown } from './parse.ts';
import { findShapeProblem } from '../content/markdown-shape.ts';
import { closesList, isAbbreviation } from '../text/abbreviations.ts';
import { htmlTagPattern } from '../text/html-tag.ts';
import { MONTHS_GENITIVE, MONTHS_NOMINATIVE } from '../text/sl.ts';
import { BYLINE_LABELS, BYLINE_WITHOUT_COLON, bylineName, CREDIT_LABELS, splitByline } from '../content/byline.ts';
import { NEWS_AGENCIES } from '../content/news-agencies.ts';

/**
 * Plain text as it reaches a newsroom → Markdown: every non-empty line is a paragraph, a short line
 * without final punctuation is a crosshead (`## `), and two or more lines one under another that start
 * with a bullet or with numbers in order are a list (`- `, `1. `). The Markdown is written so that remark reads back
 * each block's text exactly: a line is escaped only when, unescaped, it would read differently, and
 * every block is checked by parsing it again.
 */
export type BlockKind = 'paragraph' | 'crosshead' | 'item';

export interface TextBlock {
  kind: BlockKind;
  /** The line without surrounding whitespace: what the reader sees; for a list item, without its bullet or number. */
  text: string;
  /** 1-based line in the source file. */
  line: number;
  /** A list item's list, named by the line of its first item, and its number in a numbered list. */
  list?: { first: number; number?: number };
}

export interface PlainTextArticle {
  /** The first line when it reads as a headline (no final punctuation), else undefined. */
  headline: string | undefined;
  /** The name of the first byline line (»Piše: Ana Novak«), which is left out of the blocks. */
  byline?: string;
  /** The agencies credited at the end of the first paragraph or of the text (»(STA)«, »/STA/«), left out of the blocks. */
  source?: string;
  blocks: TextBlock[];
}

export const MAX_CROSSHEAD_LENGTH = 160;
// Closing quotes and brackets may follow the full stop: `… je dejal."` still ends a sentence. A comma ends no
// heading either: the line goes on as the next one, as a list's items do (»zvišanje plač,«).
const FINAL_PUNCTUATION = /[.!?…:;,][\s"'”“«»’)\]]*$/u;

/** A short line without final punctuation that is no credit and no bulleted line (BULLET, one alone too). */
export function isCrosshead(text: string): boolean {
  return text.length <= MAX_CROSSHEAD_LENGTH && !FINAL_PUNCTUATION.test(text) && !isCreditLine(text) && !BULLET.test(text);
}

// What a wire or a Word file leaves on lines of their own without final punctuation and no heading is: a credit
// (»Foto: Bobo/STA«, »Vir: STA«, a byline), a signature in brackets (»(STA)«, »(ana/bk)«), an e-mail or web address.
// The words a byline line opens with (content/byline.ts bylineName): a credit too.
const CREDIT_LABEL = new RegExp(`^(?:${CREDIT_LABELS}|${BYLINE_LABELS})\\s*:`, 'iu');
const BRACKETED = /^\([^()]*\)$/u;
const SLASHED = /^\/[^/\s][^/]*\/$/u;
const ADDRESS = /^(?:\S+@\S+\.\S+|(?:https?:\/\/|www\.)\S+)$/iu;

/** A credit, signature or contact line: text, never a crosshead nor the headline. */
export function isCreditLine(text: string): boolean {
  return CREDIT_LABEL.test(text) || BRACKETED.test(text) || SLASHED.test(text) || ADDRESS.test(text) || BYLINE_WITHOUT_COLON.test(text);
}

// An agency signs its text after the last sentence, in brackets or between slashes (»… je dejal. (STA)«, »/STA/«), and
// a paper that runs a wire signs its first paragraph so. A bracket after a word with no sentence ended before it is
// the sentence's (»Janez Janša (SDS)«). Both are read on the line's last characters only: a lookbehind over the whole
// line read a run of »)« back from every position in it, and 20,000 of them took 1.5 s.
const CREDIT_AT_END = /(?:\(([^()]{1,60})\)|\/([^/\s][^/]{0,59})\/)$/u;
const SENTENCE_END_BEFORE = /[.!?…]["'”“«»’)]*$/u;
const CREDIT_TAIL = 64;

/**
 * Each agency a credit may name (NEWS_AGENCIES) by its name in capitals (REUTERS → Reuters). Only news agencies, not
 * every name in capitals as a byline takes them (content/byline.ts): after a sentence, »(SDS)«, »(NATO)« or »(ZDA)«
 * is a party, an alliance or a country the sentence spoke of, and taking it out of the text for source: lost it.
 */
const AGENCY_BY_CAPITALS = new Map([...NEWS_AGENCIES].map((agency) => [agency.toLocaleUpperCase('sl'), agency]));

/**
 * The agency a credit's name is, as the agency writes itself; undefined for a name that is none. Written so or in
 * capitals: several are words too (»(Mina)«, »(Beta)« of a name the sentence spoke of), which only the agency's own
 * spelling tells apart. In its own spelling, so that »(REUTERS)« and »(Reuters)« are one source.
 */
function newsAgency(name: string): string | undefined {
  if (NEWS_AGENCIES.has(name)) return name;
  const capitals = name.toLocaleUpperCase('sl');
  return name === capitals ? AGENCY_BY_CAPITALS.get(capitals) : undefined;
}

/**
 * The agencies a line ends with, and the line without them ('' when it was the credit alone); undefined when it ends
 * with none. Every name in the credit must be a news agency (NEWS_AGENCIES): »(ana/bk)« is an editor's initials,
 * »(SDS)« a party.
 */
export function agencyCredit(line: string): { text: string; agencies: string[] } | undefined {
  const bracket = bracketAfterSentence(line);
  if (!bracket) return undefined;
  const names = splitByline(bracket.inside);
  const agencies = names.map((name) => newsAgency(name.name));
  if (agencies.length === 0 || agencies.includes(undefined)) return undefined;
  return { text: bracket.text, agencies: agencies as string[] };
}

/**
 * A bracket or slashes after the line's last sentence, whatever they hold (»… je dejal. (STA)«, »… opozicija. (SDS)«):
 * the line without them ('' when it was the bracket alone) and what they hold; undefined when the line ends otherwise.
 */
function bracketAfterSentence(line: string): { text: string; inside: string } | undefined {
  const match = CREDIT_AT_END.exec(line.slice(-CREDIT_TAIL));
  if (!match) return undefined;
  const before = line.slice(0, line.length - match[0].length);
  const text = before.trimEnd();
  if (text !== '' && (text === before || !SENTENCE_END_BEFORE.test(text.slice(-CREDIT_TAIL)))) return undefined;
  return { text, inside: match[1] ?? match[2]! };
}

// An agency's dateline: the place, then the date or the agency or both, then a dash (»LJUBLJANA, 6. decembra (STA) - «,
// »MOSKVA (Reuters) – «). A place alone before a dash is not taken: »NATO - zavezništvo 32 držav - …« is a sentence.
// The sentence after a dateline starts with a capital, a digit or a quote; one going on in small letters shows that
// what came before was its subject: »Janez Janša (SDS) - je dejal, …«.
const DATELINE = /^\p{Lu}[\p{L}.' -]{0,40}?(?:,\s*\d{1,2}\.\s*(?:\d{1,2}\.|\p{L}+\.?)(?:\s*\d{4})?(?:\s*\([^()]{1,30}\))?|\s*\([^()]{1,30}\))\s*[-–—]\s+(?=[^\s\p{Ll}])/u;

/** A paragraph without the agency's dateline it opens with, for a title made of its first sentence. */
export function withoutDateline(paragraph: string): string {
  return paragraph.replace(DATELINE, '');
}

// A line of a box of facts (»Založba: Beletrina«, »Cena: 29 evrov«): a label of a word or two, a colon, a value.
const LABELLED_LINE = /^\p{L}+(?: \p{L}+)?\s*:\s*\S/u;

/**
 * Which lines stand in a box of facts: two or more labelled lines one under another, not all of them credits
 * (»Piše: Ana Novak« above »Foto: Bobo/STA« is a byline and a credit). A review's box names the book's author
 * (»Avtor: Drago Jančar« above »Založba: Beletrina«), who is not the article's, and its lines are no crossheads.
 */
function factBoxLines(lines: readonly string[]): Set<number> {
  const inBox = new Set<number>();
  for (let start = 0; start < lines.length; ) {
    let end = start;
    while (end < lines.length && LABELLED_LINE.test(lines[end]!.trim())) end++;
    const run = lines.slice(start, end).map((line) => line.trim());
    if (run.length >= 2 && !run.every((line) => isCreditLine(line))) for (let k = start; k < end; k++) inBox.add(k);
    start = Math.max(end, start + 1);
  }
  return inBox;
}

// A list as Word saves it as plain text (•, then ◦ and ▪ for the levels below, and a tab) or as a web page's list
// is copied (·, –, —, -, *). A dash or a star needs a space after it: »-5 stopinj« and »*opomba« are text.
const BULLET = /^(?:[•◦▪·][ \t]*|[-–—*][ \t]+)(?=\S)/u;
const DASH_BULLET = /^[-–—]/u;
// »1)« or »1.« before the text; a number of four digits with a full stop is a year (»2027. leto«), never an item.
const NUMBERED = /^(\d{1,3})([.)])[ \t]+(?=\S)/u;
// A number and a full stop may be a date's day (»22. decembra«, »1. 1. 2026«): a chronology of days, one a line, is no list.
const DATE_AFTER_DAY = new RegExp(`^(?:\\d{1,2}\\.|(?:${[...MONTHS_GENITIVE, ...MONTHS_NOMINATIVE].join('|')})(?!\\p{L}))`, 'iu');
// Slovenian writes an ordinal as a number and a full stop: »1. člen« is the first article of a law, »2. del« a series'
// second part, »3. krog« a league's third round. Numbered by their nouns, such lines are headings or sentences, not
// a list's items; a list's item starts with what it lists (»1. prijava škode«).
const ORDINAL_NOUN = /^(?:člen|členi|odstavek|točka|alineja|poglavje|podpoglavje|del|oddelek|razdelek|knjiga|zvezek|sezona|epizoda|nadaljevanje|krog|kolo|etapa|faza|stopnja|polčas|tretjina|četrtina|set|razred|letnik|nadstropje|seja|obravnava|branje|mesto|dan|teden)(?!\p{L})/iu;
// Slovenian writes dialogue with a dash at the line's start, and the speaker after another dash, in small letters:
// »– Kje si bil? – je vprašala.«, »– Pridi, – je rekel.«. Dash lines of questions are an exchange without the speakers.
const SPEECH_TAG = /[,.!?…][ \t]*[-–—][ \t]+\p{Ll}/u;
const QUESTION_END = /\?[\s"'”“«»’)]*$/u;
// Lines of an en or em dash that are each a sentence, from its capital to its stop (»– Doma.«, »– Saj vem.«), are an
// exchange whose speakers the text leaves out: a list after such a dash lists in small letters (»– da je polnoleten,«).
// A hyphen is how an agency writes any bullet, so its sentences (»- Davki bodo nižji.«) are a list still.
const TYPESET_DASH = /^[–—]/u;
const SENTENCE_LINE = /^["'„“«»‘]?\p{Lu}.*[.!?…]["'”“«»’)]*$/u;

interface ListLine {
  text: string;
  /** undefined for a bullet. */
  number: number | undefined;
  /** The first line (0-based) of its list. */
  first: number;
}

/** A line's bullet or number, and the text after it; undefined for a line that starts neither. */
function listMarker(line: string): { text: string; number?: number; delimiter?: string; dash?: boolean; typeset?: boolean } | undefined {
  const bullet = BULLET.exec(line);
  if (bullet) return { text: line.slice(bullet[0].length), dash: DASH_BULLET.test(line), typeset: TYPESET_DASH.test(line) };
  const numbered = NUMBERED.exec(line);
  if (!numbered) return undefined;
  const text = line.slice(numbered[0].length);
  if (numbered[2] === '.' && (DATE_AFTER_DAY.test(text) || ORDINAL_NOUN.test(text))) return undefined;
  return { text, number: Number(numbered[1]), delimiter: numbered[2] };
}

/**
 * The lines that make lists: two or more lines that start with a bullet, or with numbers that go up by one and the
 * same `.` or `)` after them; not a dash's lines that read as dialogue. The items stand one under another, or each
 * on a line of its own with blank lines between, as a list pasted from a web page or an e-mail comes; lines one under
 * another that a blank line parts from more such lines are two lists (each is written so, see listToMarkdown).
 * One such line alone is a paragraph: a lone dash opens dialogue or a quote more often than a list.
 */
function listLines(lines: readonly string[]): Map<number, ListLine> {
  const found = new Map<number, ListLine>();
  const blank = (index: number) => (lines[index]?.trim() ?? '') === '';
  for (let start = 0; start < lines.length; ) {
    const first = listMarker(lines[start]!.trim());
    if (!first) {
      start++;
      continue;
    }
    // A blank line below the first item parts every item from the next.
    const parted = start + 1 < lines.length && blank(start + 1);
    const run = [{ ...first, index: start }];
    for (;;) {
      const last = run[run.length - 1]!.index;
      if (parted && !blank(last + 1)) break;
      let index = last + 1;
      if (parted) while (index < lines.length && blank(index)) index++;
      const next = index < lines.length ? listMarker(lines[index]!.trim()) : undefined;
      if (!next) break;
      const previous = run[run.length - 1]!;
      const continues = previous.number === undefined ? next.number === undefined : next.number === previous.number + 1 && next.delimiter === previous.delimiter;
      if (!continues) break;
      run.push({ ...next, index });
    }
    const dialogue =
      (run.some((item) => item.dash) && run.some((item) => SPEECH_TAG.test(item.text) || QUESTION_END.test(item.text))) ||
      run.every((item) => item.typeset && SENTENCE_LINE.test(item.text.trim()));
    if (run.length >= 2 && !dialogue) run.forEach((item) => found.set(item.index, { text: item.text.trim(), number: item.number, first: start }));
    start = run[run.length - 1]!.index + 1;
  }
  return found;
}

/** `text` must have \n line endings (see content/read.ts decodeText). */
export function splitPlainText(text: string, options: { headline: boolean }): PlainTextArticle {
  const blocks: TextBlock[] = [];
  let headline: string | undefined;
  let byline: string | undefined;
  const lines = text.split('\n');
  const factBox = factBoxLines(lines);
  const list = listLines(lines);
  for (let index = 0; index < lines.length; index++) {
    const value = lines[index]!.trim();
    if (value === '') continue;
    const item = list.get(index);
    if (item) {
      // An item ending in a comma, or in nothing, was taken for a crosshead: `## • zvišanje plač,`.
      blocks.push({ kind: 'item', text: item.text, line: index + 1, list: { first: item.first + 1, ...(item.number === undefined ? {} : { number: item.number }) } });
      continue;
    }
    if (factBox.has(index)) {
      blocks.push({ kind: 'paragraph', text: value, line: index + 1 });
      continue;
    }
    // Published as a crosshead of its own, the byline stood in the text as a heading and the article had no author:.
    if (byline === undefined && (byline = bylineName(value)) !== undefined) continue;
    // »… je dejal. (STA)« ends a sentence: the credit after it is no heading's, nor is a bracket of no agency's
    // (»… opozicija. (SDS)«), which stays in the text.
    const bracket = bracketAfterSentence(value);
    const crosshead = isCrosshead(bracket !== undefined && bracket.text !== '' ? bracket.text : value);
    // A photo credit may stand above the headline, as it stood above the picture.
    if (options.headline && headline === undefined && blocks.every((block) => isCreditLine(block.text)) && crosshead) {
      headline = value;
      continue;
    }
    blocks.push({ kind: crosshead ? 'crosshead' : 'paragraph', text: value, line: index + 1 });
  }
  const source = takeAgencyCredits(blocks);
  return { headline, ...(byline === undefined ? {} : { byline }), ...(source === undefined ? {} : { source }), blocks };
}

/**
 * Takes the agency credit off the end of the first paragraph and of the last block (a line of its own there is left
 * out), and gives the agencies, each once, for source:. A credit elsewhere stays in the text as written.
 */
function takeAgencyCredits(blocks: TextBlock[]): string | undefined {
  const agencies = new Set<string>();
  const first = blocks.findIndex((block) => block.kind === 'paragraph' && !isCreditLine(block.text));
  for (const index of new Set([first, blocks.length - 1]).values()) {
    const block = blocks[index];
    if (block?.kind !== 'paragraph') continue;
    const credit = agencyCredit(block.text);
    if (credit === undefined) continue;
    credit.agencies.forEach((agency) => agencies.add(agency));
    block.text = credit.text;
  }
  // Only the last block can be the credit alone: the first paragraph is none.
  if (blocks.at(-1)?.text === '') blocks.pop();
  return agencies.size === 0 ? undefined : [...agencies].join(', ');
}

// HTML's own element names only, as the build's warning finds them: quotes typed as <<Mir>> are no tag.
const HTML_TAG = htmlTagPattern('g');
// Text-level elements sit within a word (<b>LJUB</b>LJANA); any other tag, a <br> or a block such as </h1><p>,
// is where the browser breaks the line, so the words on either side stay apart.
const INLINE_TAG = /^<\/?(?:a|abbr|b|big|cite|code|del|em|font|i|ins|mark|q|s|small|span|strike|strong|sub|sup|u)[\s/>]/i;
const CHARACTER_REFERENCE = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/g;

/**
 * The title as a browser shows the line a CMS exported: its tags (`<h1>`, `<strong>`) left out and its
 * character references (`&amp;` `&nbsp;` `&#8211;`) decoded. A title is plain text, escaped on every page,
 * so as written they stood on the pages, in the feed and in the address (`h1-vlada-amp-sindikati-h1`).
 * A `<` or `&` that starts neither (`<3 %`, `AT&T`) is kept.
 */
export function titleText(line: string): string {
  return line
    .replace(HTML_TAG, (tag) => (INLINE_TAG.test(tag) ? '' : ' '))
    .replace(CHARACTER_REFERENCE, (reference, name: string) => decodeCharacterReference(name) ?? reference)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What HTML shows for the numbers 0x80–0x9F, which are C1 controls in Unicode: the character of that byte in
 * windows-1252 (https://html.spec.whatwg.org/multipage/parsing.html#numeric-character-reference-end-state).
 * A CMS that stored Windows text writes them, &#150; for – and &#138; &#154; for Š š. 0x81 0x8D 0x8F 0x90
 * 0x9D have none and stay control characters. Written out, since TextDecoder('windows-1252') of Node 20.20 gives
 * the C1 controls for these bytes, as Latin-1 would.
 */
const WINDOWS_1252_REFERENCES: ReadonlyMap<number, string> = new Map(
  [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'].map((character, index) => [0x80 + index, character]),
);

/** `amp`, `#8211` or `#x2013` → the character; undefined for no such name or a code point no text holds. */
function decodeCharacterReference(name: string): string | undefined {
  if (!name.startsWith('#')) return decodeNamedCharacterReference(name) || undefined;
  const number = /^#[xX]/.test(name) ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
  const code = WINDOWS_1252_REFERENCES.get(number)?.codePointAt(0) ?? number;
  // Control characters, surrogates and numbers past Unicode are kept as written (HTML would show U+FFFD).
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || /\p{Cc}/u.test(String.fromCodePoint(Math.min(code, 0x10ffff)))) return undefined;
  return String.fromCodePoint(code);
}

// A sentence's end starts where a run of stops does: started inside one, the regex read the rest of the run
// again at every position, and a paragraph of 200,000 »!« kept the importer busy for minutes.
const SENTENCE_END = /(?<![.!?…])[.!?…]+["'”“«»’)]*(?=\s+["'„“«»‘(]?[\p{Lu}\d])/gu;
// Sticky, with the letters in a lookbehind: read backwards from lastIndex, they cost the word's length. An
// unanchored /(\p{L}+)$/u tried every position of the text before it, at every full stop of »A. A. A. …«.
const WORD_BEFORE = /(?<=(\p{L}+))/uy;

/** The letters that end right at `end` in `text`, or '' when none do. */
function wordBefore(text: string, end: number): string {
  WORD_BEFORE.lastIndex = end;
  return WORD_BEFORE.exec(text)?.[1] ?? '';
}

/** The first sentence of a paragraph, without its final full stop: the title of an imported article. */
export function firstSentence(paragraph: string): string {
  for (const match of paragraph.matchAll(SENTENCE_END)) {
    const word = wordBefore(paragraph, match.index);
    if (match[0] === '.' && (isAbbreviation(word) || /^\p{Lu}$/u.test(word))) continue;
    return trimFullStop(paragraph.slice(0, match.index + match[0].length));
  }
  return trimFullStop(paragraph);
}

/** A sentence without its final full stop, unless the stop is a list's abbreviation's too (»… vino itd.«). */
function trimFullStop(sentence: string): string {
  const word = sentence.endsWith('.') ? wordBefore(sentence, sentence.length - 1) : '';
  if (word !== '' && closesList(word)) return sentence.trim();
  return sentence.replace(/(?<!\.)\.$/, '').trim();
}

/** true when `markdown` parses to one block of `kind` whose text is exactly `text`. */
export function readsBack(markdown: string, kind: BlockKind, text: string): boolean {
  const tree = parseMarkdown(markdown);
  if (tree.children.length !== 1) return false;
  const node = tree.children[0]!;
  const typeMatches = kind === 'crosshead' ? node.type === 'heading' && node.depth === 2 : node.type === 'paragraph';
  return typeMatches && inlineText(node) === text;
}

/** Markdown syntax that would turn a paragraph into something else when it starts the line. */
export function escapeLineStart(text: string): string {
  if (/^#{1,6}(?:[ \t]|$)/.test(text)) return `\\${text}`;
  if (/^[-+*](?:[ \t]|$)/.test(text)) return `\\${text}`;
  if (/^[-*_](?:[ \t]*[-*_]){2,}[ \t]*$/.test(text)) return `\\${text}`;
  if (/^(?:`{3,}|~{3,}|[<>])/.test(text)) return `\\${text}`;
  if (/^\[[^\]]*\]:/.test(text)) return `\\${text}`;
  const ordered = /^(\d{1,9})([.)])(?=[ \t]|$)/.exec(text);
  if (ordered) return `${ordered[1]}\\${text.slice(ordered[1]!.length)}`;
  return text;
}

/** Inline syntax (emphasis, code, links, HTML, entities, escapes) written as literal characters. */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>&]/g, '\\$&');
}

/** A heading's trailing `#` run is a closing sequence unless escaped. */
function escapeClosingHashes(text: string): string {
  return text.replace(/(^|[ \t])(#+[ \t]*)$/, '$1\\$2');
}

export class UnrepresentableText extends Error {
  constructor(
    message: string,
    /** The line (the list's first item, for a whole list) that could not be written. */
    readonly text: string,
  ) {
    super(message);
  }

  /** Its line in the text file, when the blocks it was written from know it (writeBlocks). */
  line: number | undefined;
}

/**
 * What keeps a line from being written as Markdown, the one cause found since import drops control characters
 * (60,000 texts of one to five random lines of Markdown's marks, white space and letters found no other): a web address (www.…,
 * http…) right before a character escapeInline escapes. GFM's autolink literal takes the escape's \ into the
 * address (`\*www.gov.si\*` is a link to www.gov.si\), and unescaped the line is emphasis. The address and the
 * mark, for the hint; undefined when the line has none.
 */
export function addressBeforeMark(text: string): { address: string; mark: string } | undefined {
  // Where GFM starts an address (micromark-extension-gfm-autolink-literal previousWww, previousProtocol): www. after
  // a space, ( * _ [ ] or ~, http(s):// after anything but a letter. A word boundary missed the _ in »_www.gov.si_«.
  const found = /(?:(?<=^|[\s(*_[\]~])www\.|(?<![a-z])https?:\/\/)[^\s\\`*_[\]<>&]*([\\`*_[\]<>&])/i.exec(text);
  return found ? { address: found[0].slice(0, -1), mark: found[1]! } : undefined;
}

/**
 * One block as Markdown that reads back to exactly its text, and that the build will render: a line of
 * hundreds of literal `[1]` reads back unescaped, but the build refuses a paragraph with over 1,000 such
 * markers (content/markdown-shape.ts), so then the escaped form, whose markers it does not count, is
 * written. `escapeAll` skips the unescaped forms, for a body whose markers add up past the build's limit.
 */
export function blockToMarkdown(block: Pick<TextBlock, 'kind' | 'text'>, options: { escapeAll?: boolean } = {}): string {
  if (block.kind === 'item') throw new Error('internal: a list item is written with its list (listToMarkdown)');
  const candidates =
    block.kind === 'crosshead'
      ? [block.text, escapeClosingHashes(block.text), escapeClosingHashes(escapeInline(block.text))].map((value) => `## ${value}`)
      : [escapeLineStart(block.text), escapeLineStart(escapeInline(block.text))];
  for (const candidate of options.escapeAll ? candidates.slice(-1) : candidates) {
    if (readsBack(candidate, block.kind, block.text) && !findShapeProblem(candidate)) return candidate;
  }
  throw new UnrepresentableText(`this line cannot be written as Markdown that reads back unchanged: ${JSON.stringify(block.text.slice(0, 80))}`, block.text);
}

/** true when `markdown` parses to one list, of numbers from `start` or of bullets, whose items are exactly `texts`, one line each. */
function readsBackAsList(markdown: string, start: number | undefined, texts: readonly string[]): boolean {
  const tree = parseMarkdown(markdown);
  if (tree.children.length !== 1) return false;
  const node = tree.children[0]!;
  if (node.type !== 'list' || node.ordered !== (start !== undefined) || (start !== undefined && node.start !== start) || node.spread) return false;
  return node.children.length === texts.length && node.children.every((item, k) => !item.spread && item.children.length === 1 && item.children[0]!.type === 'paragraph' && inlineText(item) === texts[k]);
}

/**
 * One list as Markdown: `- item`, or `1. item` with the numbers as they stood, each item escaped as a paragraph
 * is. `other` writes `*` and `1)` instead: CommonMark joins two lists of the same marker that only a blank line
 * parts into one (renumbered, and loose), so a list right below another of its kind takes the other marker.
 */
export function listToMarkdown(items: readonly Pick<TextBlock, 'text' | 'list'>[], options: { escapeAll?: boolean; other?: boolean } = {}): string {
  const start = items[0]?.list?.number;
  const lines = items.map((item) => {
    const marker = item.list?.number === undefined ? (options.other ? '*' : '-') : `${item.list.number}${options.other ? ')' : '.'}`;
    const candidates = [escapeLineStart(item.text), escapeLineStart(escapeInline(item.text))].map((value) => `${marker} ${value}`);
    const written = (options.escapeAll ? candidates.slice(-1) : candidates).find((candidate) => readsBackAsList(candidate, item.list?.number, [item.text]) && !findShapeProblem(candidate));
    if (written === undefined) throw new UnrepresentableText(`this list item cannot be written as Markdown that reads back unchanged: ${JSON.stringify(item.text.slice(0, 80))}`, item.text);
    return written;
  });
  const markdown = lines.join('\n');
  if (!readsBackAsList(markdown, start, items.map((item) => item.text))) {
    throw new UnrepresentableText(`this list cannot be written as Markdown that reads back unchanged: ${JSON.stringify(items[0]?.text.slice(0, 80))}`, items[0]?.text ?? '');
  }
  return markdown;
}

export function blocksToMarkdown(blocks: readonly TextBlock[]): string {
  const body = writeBlocks(blocks, {});
  // Each block is within the build's limits, but their markers may add up past its limit for a whole body.
  if (!findShapeProblem(body)) return body;
  return writeBlocks(blocks, { escapeAll: true });
}

function writeBlocks(blocks: readonly TextBlock[], options: { escapeAll?: boolean }): string {
  const written: string[] = [];
  // Whether the list just written took the other marker: a third list of a kind in a row takes the first again.
  let previousOther = false;
  for (let index = 0; index < blocks.length; ) {
    const block = blocks[index]!;
    let end = index + 1;
    if (block.kind === 'item') while (blocks[end]?.kind === 'item' && blocks[end]!.list?.first === block.list?.first) end++;
    try {
      if (block.kind !== 'item') {
        written.push(blockToMarkdown(block, options));
        index++;
        continue;
      }
      const previous = blocks[index - 1];
      const other: boolean = previous?.kind === 'item' && (previous.list?.number === undefined) === (block.list?.number === undefined) && !previousOther;
      previousOther = other;
      written.push(listToMarkdown(blocks.slice(index, end), { ...options, other }));
    } catch (error) {
      // The line is the text file's, so that import/unrepresentable names it: the item that failed, or the list's first.
      if (error instanceof UnrepresentableText) error.line ??= blocks.slice(index, end).find((written) => written.text === error.text)?.line ?? block.line;
      throw error;
    }
    index = end;
  }
  return written.join('\n\n') + '\n';
}
