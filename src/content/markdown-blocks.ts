/**
 * The block structure of a Markdown body, line by line, as remark's parser (micromark) builds it: how many
 * quotes and list items each line is inside, and which lines reach the inline parser. It follows CommonMark
 * 0.31 ("Container blocks", "Leaf blocks", and "Appendix: A parsing strategy"), and micromark where it
 * reads differently (micromark/lib/initialize/document.js, micromark-core-commonmark/lib/list.js):
 *
 * - a list item that interrupts a paragraph (no empty item, an ordered one only from 1) is held to that for
 *   every container opened on the same line, so after a paragraph `> 2. x` is a quote holding the text `2. x`;
 * - an indented code block, while it waits to see whether the next line goes on, counts as a paragraph
 *   for that rule, and so does a blank line after it;
 * - a tag of its own on a line (an HTML block of the 7th kind) may interrupt a paragraph on a lazy line.
 *
 * Two things are not followed line for line: GitHub's tables (a table row takes no lazy line, and after one
 * a list may start where after a paragraph it may not) and a setext underline under link reference
 * definitions alone (micromark reads it as a paragraph). After a line that may be either, the reader stops
 * trusting its own reading: each line counts at least `nestingBound`, and code and raw HTML are passed on
 * to the inline checks like text. So it never counts less nesting than remark builds, and counts exactly
 * otherwise (tests/unit/content/markdown-blocks.test.ts holds it to remark's trees).
 */

export interface BlockLine {
  /** Quotes and list items the line is inside, those it opens included. */
  depth: number;
  /** The text remark reads for emphasis, links and code spans; undefined for blank lines, code, raw HTML and breaks. */
  inline: string | undefined;
}

interface Quote {
  kind: 'quote';
}

/**
 * A list item. A line that starts the next item ends this one, and the new item takes its place at the
 * same depth: micromark keeps one entry for the whole list, which counts the same.
 */
interface List {
  kind: 'list';
  /** Columns a line must be indented by to go on in the item. */
  size: number;
  /** The item began with a blank line; a second blank line then ends it (spec 5.2, rule 3). */
  initialBlank: boolean;
  furtherBlank: boolean;
}

type Container = Quote | List;

const QUOTE: Quote = { kind: 'quote' };
const LIST_MARKERS = '*+-0123456789';

/** The leaf block in the innermost container when the next line comes, if it may go on there. */
type Flow = 'none' | 'paragraph' | 'indented' | 'fence' | 'html';

/** One line, with a position that counts columns: a tab goes to the next multiple of 4 and may be taken in part. */
class Cursor {
  text = '';
  index = 0;
  column = 0;
  /** isThematicBreak's memory: from any start before `breakEnd`, a run of `breakMarker` is no break. */
  breakMarker = '';
  breakEnd = -1;

  start(text: string): this {
    this.text = text;
    this.index = 0;
    this.column = 0;
    this.breakEnd = -1;
    return this;
  }
}

function whitespaceWidth(line: Cursor): number {
  const char = line.text.charCodeAt(line.index);
  if (char === 32) return 1;
  if (char === 9) return 4 - (line.column % 4);
  return 0;
}

/** Takes up to `max` columns of spaces and tabs and says how many it took. */
function skipWhitespace(line: Cursor, max: number): number {
  let taken = 0;
  while (taken < max) {
    const width = whitespaceWidth(line);
    if (width === 0) break;
    if (taken + width <= max) {
      line.index++;
      line.column += width;
      taken += width;
    } else {
      line.column += max - taken;
      taken = max;
    }
  }
  return taken;
}

function indentAhead(line: Cursor): number {
  const { index, column } = line;
  const width = skipWhitespace(line, Infinity);
  line.index = index;
  line.column = column;
  return width;
}

function restIsBlank(line: Cursor): boolean {
  const { text } = line;
  for (let i = line.index; i < text.length; i++) {
    if (text[i] !== ' ' && text[i] !== '\t') return false;
  }
  return true;
}

function rest(line: Cursor): string {
  return line.text.slice(line.index);
}

function backTo(line: Cursor, index: number, column: number): undefined {
  line.index = index;
  line.column = column;
  return undefined;
}

/** `>` after at most three columns of indentation, and one column of the space after it (spec 5.1). */
function takeQuoteMarker(line: Cursor): boolean {
  const { index, column } = line;
  skipWhitespace(line, 3);
  if (line.text[line.index] !== '>') {
    line.index = index;
    line.column = column;
    return false;
  }
  line.index++;
  line.column++;
  skipWhitespace(line, 1);
  return true;
}

/** A letter, or any character past ASCII, where Markdown's block markers are all ASCII. */
function startsWithLetter(text: string): boolean {
  const char = text.charCodeAt(0);
  return char > 0x7f || (char >= 0x61 && char <= 0x7a) || (char >= 0x41 && char <= 0x5a);
}

/** The character after at most three columns of indentation: a container opens only with `>`, `*`, `+`, `-` or a digit. */
function markerAhead(line: Cursor): string | undefined {
  const { text } = line;
  let i = line.index;
  while (i - line.index < 3 && (text[i] === ' ' || text[i] === '\t')) i++;
  return text[i];
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

/**
 * A list item's marker (spec 5.2). When the item would interrupt a paragraph it may not be empty, and a
 * numbered one must start at 1.
 */
function takeListMarker(line: Cursor, interrupt: boolean): List | undefined {
  const { index, column, text } = line;
  const indent = skipWhitespace(line, 3);
  const at = line.index;
  const char = text[at];
  let width: number;
  if (char === '*' || char === '+' || char === '-') {
    // "When both a thematic break and a list item are possible interpretations of a line, the thematic break takes precedence."
    if (char !== '+' && isThematicBreak(line, at)) return backTo(line, index, column);
    width = 1;
  } else if (isDigit(char)) {
    if (interrupt && char !== '1') return backTo(line, index, column);
    let end = at + 1;
    while (end - at < 9 && isDigit(text[end])) end++;
    if ((text[end] !== '.' && text[end] !== ')') || (interrupt && end - at > 1)) return backTo(line, index, column);
    width = end - at + 1;
  } else {
    return backTo(line, index, column);
  }
  line.index = at + width;
  line.column += width;
  let size: number;
  const initialBlank = restIsBlank(line);
  if (initialBlank) {
    if (interrupt) return backTo(line, index, column);
    size = indent + width + 1;
  } else {
    // One to four columns of space after the marker belong to it; after five or more the item holds indented code.
    const spaces = indentAhead(line);
    if (spaces === 0) return backTo(line, index, column);
    const taken = spaces <= 4 ? spaces : 1;
    skipWhitespace(line, taken);
    size = indent + width + taken;
  }
  return { kind: 'list', size, initialBlank, furtherBlank: false };
}

/** Whether a line goes on in the list item: blank, or indented by the item's content column. */
function continueList(line: Cursor, list: List): boolean {
  if (restIsBlank(line)) {
    list.furtherBlank ||= list.initialBlank;
    skipWhitespace(line, list.size);
    return true;
  }
  const further = list.furtherBlank;
  list.furtherBlank = false;
  list.initialBlank = false;
  if (further || whitespaceWidth(line) === 0) return false;
  const { index, column } = line;
  if (skipWhitespace(line, list.size) === list.size) return true;
  backTo(line, index, column);
  return false;
}

/** Three or more of one of `* - _` from `at`, with only spaces and tabs around them to the end of the line (spec 4.1). */
function isThematicBreak(line: Cursor, at: number): boolean {
  const { text } = line;
  const marker = text[at]!;
  // Nested list markers ask again from each marker of one line; the answer from an earlier one still holds.
  if (line.breakMarker === marker && at < line.breakEnd) return false;
  let count = 0;
  for (let i = at; i < text.length; i++) {
    const char = text[i];
    if (char === marker) count++;
    else if (char !== ' ' && char !== '\t') {
      line.breakMarker = marker;
      line.breakEnd = i;
      return false;
    }
  }
  if (count >= 3) return true;
  line.breakMarker = marker;
  line.breakEnd = text.length;
  return false;
}

function isAtxHeading(text: string, at: number): boolean {
  let end = at;
  while (end - at < 7 && text[end] === '#') end++;
  const after = text[end];
  return end - at <= 6 && (after === undefined || after === ' ' || after === '\t');
}

/** `=` or `-` alone on a line, spaces and tabs after them allowed (spec 4.3). */
function isSetextUnderline(text: string, at: number): boolean {
  const marker = text[at];
  if (marker !== '=' && marker !== '-') return false;
  let i = at;
  while (text[i] === marker) i++;
  for (; i < text.length; i++) {
    if (text[i] !== ' ' && text[i] !== '\t') return false;
  }
  return true;
}

/** The length of an opening code fence at `at`, or 0: a backtick fence's info string may hold no backtick (spec 4.5). */
function fenceOpening(text: string, at: number): number {
  const marker = text[at];
  if (marker !== '`' && marker !== '~') return 0;
  let end = at;
  while (text[end] === marker) end++;
  if (end - at < 3 || (marker === '`' && text.includes('`', end))) return 0;
  return end - at;
}

function isClosingFence(line: Cursor, marker: string, size: number): boolean {
  if (indentAhead(line) > 3) return false;
  const { text } = line;
  let i = line.index;
  while (text[i] === ' ' || text[i] === '\t') i++;
  const start = i;
  while (text[i] === marker) i++;
  if (i - start < size) return false;
  for (; i < text.length; i++) {
    if (text[i] !== ' ' && text[i] !== '\t') return false;
  }
  return true;
}

/** A line that may be a table's delimiter row (`| --- | :-: |`): GitHub's tables start there. */
function mayBeDelimiterRow(text: string, at: number): boolean {
  const first = text[at];
  if ((first !== '|' && first !== ':' && first !== '-') || !text.includes('-', at) || !(text.includes('|', at) || text.includes(':', at))) return false;
  for (let i = at; i < text.length; i++) {
    const char = text[i];
    if (char !== '-' && char !== '|' && char !== ':' && char !== ' ' && char !== '\t') return false;
  }
  return true;
}

/** micromark-util-html-tag-name: the tags that start an HTML block of the 1st and 6th kinds. */
const HTML_RAW_NAMES = new Set(['pre', 'script', 'style', 'textarea']);
const HTML_BLOCK_NAMES = new Set(
  'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul'.split(' '),
);

function isAsciiAlpha(char: string | undefined): boolean {
  return char !== undefined && ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z'));
}

function isAsciiAlphanumeric(char: string | undefined): boolean {
  return isAsciiAlpha(char) || isDigit(char);
}

/**
 * The kind (1–7) of HTML block that starts at `at` (spec 4.6), or 0. When it would interrupt a paragraph,
 * only kinds 1–6 may, and kind 7 on a lazy line too (micromark-core-commonmark/lib/html-flow.js).
 */
function htmlStart(text: string, at: number, interrupt: boolean, lazy: boolean): number {
  let i = at + 1;
  if (text[i] === '!') {
    const next = text[i + 1];
    if (next === '-') return text[i + 2] === '-' ? 2 : 0;
    if (next === '[') return text.startsWith('CDATA[', i + 2) ? 5 : 0;
    return isAsciiAlpha(next) ? 4 : 0;
  }
  if (text[i] === '?') return 3;
  const closing = text[i] === '/';
  if (closing) i++;
  if (!isAsciiAlpha(text[i])) return 0;
  let end = i + 1;
  while (isAsciiAlphanumeric(text[end]) || text[end] === '-') end++;
  const after = text[end];
  if (after !== undefined && after !== '/' && after !== '>' && after !== ' ' && after !== '\t') return 0;
  const name = text.slice(i, end).toLowerCase();
  if (after !== '/' && !closing && HTML_RAW_NAMES.has(name)) return 1;
  if (HTML_BLOCK_NAMES.has(name)) return after !== '/' || text[end + 1] === '>' ? 6 : 0;
  if (interrupt && !lazy) return 0;
  return isCompleteTag(text, end, closing) ? 7 : 0;
}

/**
 * The rest of a complete open or closing tag from after its name, then only spaces and tabs to the end of the
 * line, as micromark's state machine reads it (it takes `<a b=c=d>` and an empty unquoted value, `<a b=/>`).
 */
function isCompleteTag(text: string, from: number, closing: boolean): boolean {
  let i = from;
  let afterName = false;
  while (!closing) {
    const char = text[i];
    if (char === ' ' || char === '\t') {
      i++;
    } else if (afterName && char === '=') {
      i++;
      while (text[i] === ' ' || text[i] === '\t') i++;
      const value = text[i];
      if (value === undefined || value === '<' || value === '=' || value === '>' || value === '`') return false;
      if (value === '"' || value === "'") {
        const close = text.indexOf(value, i + 1);
        if (close === -1) return false;
        i = close + 1;
        if (!/^[/> \t]/.test(text[i] ?? '')) return false;
        afterName = false;
      } else {
        while (i < text.length && !/[ \t"'/<=>`]/.test(text[i]!)) i++;
      }
    } else if (!afterName && (char === ':' || char === '_' || isAsciiAlpha(char))) {
      i++;
      while (/[-.:\w]/.test(text[i] ?? '')) i++;
      afterName = true;
    } else if (!afterName && char === '/') {
      i++;
      break;
    } else if (afterName) {
      afterName = false;
    } else {
      break;
    }
  }
  while (closing && (text[i] === ' ' || text[i] === '\t')) i++;
  if (text[i] !== '>') return false;
  for (i++; i < text.length; i++) {
    if (text[i] !== ' ' && text[i] !== '\t') return false;
  }
  return true;
}

/** Whether an HTML block of kind 1–5 ends on this line, read from `from` (micromark's end conditions). */
function htmlEnds(type: number, text: string, from: number): boolean {
  switch (type) {
    case 1:
      RAW_END.lastIndex = from;
      return RAW_END.test(text);
    case 2:
      return text.includes('-->', from);
    case 3:
      return text.includes('?>', from);
    case 4:
      return text.includes('>', from);
    case 5: {
      // micromark looks for `]]>` one `]` at a time: `]]]>` does not end the block, `]]]]>` does.
      let state = 0;
      for (let i = from; i < text.length; i++) {
        const char = text[i];
        if (state === 2 && char === '>') return true;
        if (state === 1 && char === ']') state = 2;
        else state = char === ']' ? 1 : 0;
      }
      return false;
    }
    default:
      return false;
  }
}

const RAW_END = /<\/(?:pre|script|style|textarea)>/gi;

/**
 * An upper bound on a line's nesting however its blocks are read: each quote takes a `>` and each new list
 * item its marker on the line, and each list item the line goes on in takes at least two columns of its
 * indentation. A line that opens nothing is no deeper than the line that opened its innermost container.
 */
function nestingBound(text: string): number {
  let depth = 0;
  let columns = 0;
  let column = 0;
  let i = 0;
  for (;;) {
    const char = text[i];
    if (char === ' ' || char === '\t') {
      const width = char === ' ' ? 1 : 4 - (column % 4);
      columns += width;
      column += width;
      i++;
      continue;
    }
    let end = i;
    if (char === '>' || char === '*' || char === '+' || char === '-') end = i + 1;
    else if (isDigit(char)) {
      end = i + 1;
      while (end - i < 9 && isDigit(text[end])) end++;
      end = text[end] === '.' || text[end] === ')' ? end + 1 : i;
    }
    if (end === i || (char !== '>' && text[end] !== undefined && text[end] !== ' ' && text[end] !== '\t')) break;
    depth++;
    column += end - i;
    i = end;
  }
  return depth + (columns >> 1);
}

/**
 * Reads a body one line at a time, in order; `read` answers for each line. Past `limit` levels it counts
 * the containers a line opens without keeping them (a line of a million `- ` would hold a million lists),
 * so after a line deeper than `limit` it no longer follows the body.
 */
export class BlockReader {
  private readonly stack: Container[] = [];
  private readonly cursor = new Cursor();
  private flow: Flow = 'none';
  private fenceMarker = '';
  private fenceSize = 0;
  private htmlType = 0;
  /** The paragraph's first line starts with `[`: it may be link reference definitions only. */
  private paragraphBracket = false;
  /** A line was read that micromark may read otherwise (see the top of this file). */
  private unsure = false;
  /** Containers the line opened past `limit`, counted but not kept. */
  private beyondLimit = 0;

  constructor(private readonly limit = Infinity) {}

  read(text: string): BlockLine {
    if (this.stack.length === 0 && (this.flow === 'none' || this.flow === 'paragraph')) {
      // Most lines of an article, which the rules below read the same: empty, or a paragraph's line.
      if (text === '') {
        this.flow = 'none';
        return { depth: 0, inline: undefined };
      }
      if (startsWithLetter(text)) {
        if (this.flow === 'none') this.paragraphBracket = false;
        this.flow = 'paragraph';
        return { depth: 0, inline: text };
      }
    }
    this.beyondLimit = 0;
    const read = this.readLine(this.cursor.start(text));
    const depth = this.stack.length + this.beyondLimit;
    if (!this.unsure) return { depth, inline: read.literal ? undefined : read.inline };
    return { depth: Math.max(depth, nestingBound(text)), inline: read.inline };
  }

  private readLine(line: Cursor): { inline: string | undefined; literal: boolean } {
    const { stack } = this;
    let continued = 0;
    while (continued < stack.length) {
      const container = stack[continued]!;
      if (!(container.kind === 'quote' ? takeQuoteMarker(line) : continueList(line, container))) break;
      continued++;
    }
    let interrupt = false;
    if (continued === stack.length) {
      // A fenced code or HTML block takes the line whole while every container goes on (spec 4.5, 4.6).
      if (this.flow === 'fence' || this.flow === 'html') return this.literalLine(line);
      interrupt = this.flow === 'paragraph' || this.flow === 'indented';
    }
    let opened = false;
    for (;;) {
      const marker = markerAhead(line);
      let container: Container | undefined;
      if (marker === '>') container = takeQuoteMarker(line) ? QUOTE : undefined;
      else if (marker !== undefined && LIST_MARKERS.includes(marker)) container = takeListMarker(line, interrupt);
      if (!container) break;
      if (!opened) this.closeFlow(continued);
      opened = true;
      if (stack.length < this.limit + 1) stack.push(container);
      else this.beyondLimit++;
    }
    if (opened) return this.startBlock(line, false);
    return this.continueBlock(line, continued < stack.length, continued);
  }

  private closeFlow(continued: number): void {
    this.flow = 'none';
    if (this.stack.length !== continued) this.stack.length = continued;
  }

  private literalLine(line: Cursor): { inline: string | undefined; literal: boolean } {
    if (this.flow === 'fence') {
      if (isClosingFence(line, this.fenceMarker, this.fenceSize)) this.flow = 'none';
      return { inline: rest(line), literal: true };
    }
    if (this.htmlType >= 6 && restIsBlank(line)) {
      this.flow = 'none';
      return { inline: undefined, literal: false };
    }
    if (htmlEnds(this.htmlType, line.text, line.index)) this.flow = 'none';
    return { inline: rest(line), literal: true };
  }

  /**
   * A line that opens no container goes on with the leaf block before it. When it misses some of the
   * containers (`lazy`), only a paragraph keeps them open (spec 5.1, "paragraph continuation text").
   */
  private continueBlock(line: Cursor, lazy: boolean, continued: number): { inline: string | undefined; literal: boolean } {
    if (this.flow === 'paragraph') {
      if (restIsBlank(line)) return this.leaveBlock(line, lazy, continued);
      if (indentAhead(line) < 4) {
        const { index, column } = line;
        skipWhitespace(line, 3);
        if (!lazy && isSetextUnderline(line.text, line.index)) {
          if (this.paragraphBracket) this.unsure = true;
          this.flow = 'none';
          return { inline: rest(line), literal: true };
        }
        const interrupted = this.interruptsParagraph(line, lazy);
        if (interrupted && lazy && htmlStart(line.text, line.index, true, true) === 7) {
          // micromark knows a tag alone on a line ends the paragraph only at the next line (an HTML block of the
          // 7th kind ends at a blank one), so this lazy line keeps the containers, and the HTML block is in them.
          // On the body's last line it does not; the reader, not knowing that, counts them there too.
          this.flow = 'html';
          this.htmlType = 7;
          return { inline: rest(line), literal: true };
        }
        line.index = index;
        line.column = column;
        if (interrupted) return this.leaveBlock(line, lazy, continued);
      }
      skipWhitespace(line, Infinity);
      if (mayBeDelimiterRow(line.text, line.index)) this.unsure = true;
      return { inline: rest(line), literal: false };
    }
    if (this.flow === 'indented' && !lazy) {
      if (restIsBlank(line)) return { inline: undefined, literal: false };
      if (indentAhead(line) >= 4) return { inline: rest(line), literal: true };
    }
    return this.leaveBlock(line, lazy, continued);
  }

  /** The leaf block ends before this line; on a lazy line, so do the containers it missed. */
  private leaveBlock(line: Cursor, lazy: boolean, continued: number): { inline: string | undefined; literal: boolean } {
    this.closeFlow(continued);
    return this.startBlock(line, lazy);
  }

  private interruptsParagraph(line: Cursor, lazy: boolean): boolean {
    const { text, index } = line;
    switch (text[index]) {
      case '#':
        return isAtxHeading(text, index);
      case '*':
      case '-':
      case '_':
        return isThematicBreak(line, index);
      case '`':
      case '~':
        return fenceOpening(text, index) > 0;
      case '<':
        return htmlStart(text, index, true, lazy) > 0;
      default:
        return false;
    }
  }

  /** The first line of a leaf block; the flow is empty here. */
  private startBlock(line: Cursor, lazy: boolean): { inline: string | undefined; literal: boolean } {
    if (restIsBlank(line)) return { inline: undefined, literal: false };
    if (indentAhead(line) >= 4) {
      // micromark ends indented code begun on a lazy line with that line.
      if (!lazy) this.flow = 'indented';
      return { inline: rest(line), literal: true };
    }
    skipWhitespace(line, 3);
    const { text, index } = line;
    const char = text[index];
    if (char === '#' && isAtxHeading(text, index)) return { inline: rest(line), literal: false };
    if ((char === '*' || char === '-' || char === '_') && isThematicBreak(line, index)) return { inline: undefined, literal: false };
    const fence = fenceOpening(text, index);
    if (fence > 0) {
      this.flow = 'fence';
      this.fenceMarker = char!;
      this.fenceSize = fence;
      return { inline: rest(line), literal: true };
    }
    const html = char === '<' ? htmlStart(text, index, false, lazy) : 0;
    if (html > 0) {
      this.flow = htmlEnds(html, text, index) ? 'none' : 'html';
      this.htmlType = html;
      return { inline: rest(line), literal: true };
    }
    this.flow = 'paragraph';
    this.paragraphBracket = char === '[';
    if (mayBeDelimiterRow(text, index)) this.unsure = true;
    return { inline: rest(line), literal: false };
  }
}
