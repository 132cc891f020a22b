import { ArhivarError } from '../errors.ts';
import { BlockReader } from './markdown-blocks.ts';

/**
 * A cheap, linear pre-scan of a Markdown body before remark sees it. micromark and mdast-util-to-hast
 * recurse once per nesting level and resolve emphasis and brackets in time that grows faster than
 * linearly, so hostile shapes either overflow the stack (10,000 nested `>` or `- - - …`:
 * "RangeError: Maximum call stack size exceeded") or run for minutes (50,000 nested `[`, long runs of
 * `*a *a *a`). No article needs more than a few levels, so deep nesting is refused with the line where
 * it happens. markdown-it draws the same line with its `maxNesting` option. Which lines are quoted, listed
 * or code is read as remark reads it (markdown-blocks.ts), so code is skipped only where remark skips it.
 */
export const MARKDOWN_LIMITS = {
  /** Quotes and list items a line is inside, as remark nests them. */
  maxBlockNesting: 32,
  /** Open `[`/`![` or emphasis openers (`*`, `_`) at one point of a paragraph. */
  maxInlineNesting: 32,
  /** `*`, `_`, `[` and `]` in one paragraph: emphasis resolution is quadratic in their number. */
  maxInlineMarkers: 1000,
  /** The same markers in the whole body: remark spends about 0.1–0.5 ms on each (5,000 links ≈ 20,000). */
  maxMarkersPerBody: 20_000,
  /** Nesting levels summed over all lines (1,000 lines quoted 10 deep = 10,000). */
  maxBlockWeight: 10_000,
} as const;

export interface ShapeProblem {
  code: 'markdown/too-deep' | 'markdown/too-complex';
  /** 1-based line within the body. */
  line: number;
  message: string;
}

/** Returns the first shape problem of a Markdown body, or undefined when it is safe to render. */
export function findShapeProblem(markdown: string): ShapeProblem | undefined {
  const blocks = new BlockReader(MARKDOWN_LIMITS.maxBlockNesting);
  let paragraph: string[] = [];
  let paragraphLine = 1;
  let blockWeight = 0;
  const budget = { markers: 0 };
  // content/read.ts has made every line end in \n, the lone \r that micromark also ends a line at included.
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const lineNumber = index + 1;
    const { depth, inline } = blocks.read(lines[index]!);
    if (depth > MARKDOWN_LIMITS.maxBlockNesting) {
      return {
        code: 'markdown/too-deep',
        line: lineNumber,
        message: `quotes and lists are nested ${depth} levels deep on this line; arhivar renders at most ${MARKDOWN_LIMITS.maxBlockNesting}`,
      };
    }
    blockWeight += depth;
    if (blockWeight > MARKDOWN_LIMITS.maxBlockWeight) {
      return {
        code: 'markdown/too-complex',
        line: lineNumber,
        message: `the text holds more nested quotes and lists than arhivar renders in one article (${MARKDOWN_LIMITS.maxBlockWeight} levels counted over all lines)`,
      };
    }
    if (inline !== undefined) {
      if (paragraph.length === 0) paragraphLine = lineNumber;
      paragraph.push(inline);
      continue;
    }
    if (paragraph.length === 0) continue;
    const problem = inlineProblem(paragraph, paragraphLine, budget);
    if (problem) return problem;
    paragraph = [];
  }
  return paragraph.length > 0 ? inlineProblem(paragraph, paragraphLine, budget) : undefined;
}

/** The characters inlineProblem looks at; everything else is skipped. */
const MARKER = /[\\`[\]*_]/g;
const WHITESPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;

function inlineProblem(lines: readonly string[], firstLine: number, budget: { markers: number }): ShapeProblem | undefined {
  let brackets = 0;
  let emphasis = 0;
  let markers = 0;
  let line = firstLine;
  for (let l = 0; l < lines.length; l++, line = firstLine + l) {
    const text = lines[l]!;
    // Run lengths already known to have no closing run later on this line: each is searched for once.
    let unmatched: Set<number> | undefined;
    // From one marker to the next by a regular expression: a loop over every character of every article
    // took a third of a second of the main thread at 10,000 articles.
    MARKER.lastIndex = 0;
    for (let found = MARKER.exec(text); found; found = MARKER.exec(text)) {
      const i = found.index;
      const char = found[0];
      if (char === '\\') {
        MARKER.lastIndex = i + 2;
        continue;
      }
      if (char === '`') {
        let end = i;
        while (text[end] === '`') end++;
        const run = text.slice(i, end);
        const close = run.length > 16 || unmatched?.has(run.length) ? -1 : text.indexOf(run, end);
        if (close === -1) (unmatched ??= new Set()).add(run.length);
        // A code span holds its text literally; an unmatched run is literal too.
        MARKER.lastIndex = close === -1 ? end : close + run.length;
        continue;
      }
      if (char === '[' || char === ']') {
        markers++;
        brackets = char === '[' ? brackets + 1 : Math.max(0, brackets - 1);
      } else if (char === '*' || char === '_') {
        let end = i;
        while (text[end] === char) end++;
        const length = end - i;
        markers += length;
        const before = i === 0 ? ' ' : text[i - 1]!;
        const after = end >= text.length ? ' ' : text[end]!;
        const opens = isFlanking(after, before);
        const closes = isFlanking(before, after);
        if (opens && !closes) emphasis += length;
        else if (closes && !opens) emphasis = Math.max(0, emphasis - length);
        MARKER.lastIndex = end;
      }
      if (brackets > MARKDOWN_LIMITS.maxInlineNesting || emphasis > MARKDOWN_LIMITS.maxInlineNesting) {
        return {
          code: 'markdown/too-deep',
          line,
          message: `${brackets > MARKDOWN_LIMITS.maxInlineNesting ? 'brackets [ ]' : 'emphasis markers * _'} are nested more than ${MARKDOWN_LIMITS.maxInlineNesting} levels deep`,
        };
      }
      if (budget.markers + markers > MARKDOWN_LIMITS.maxMarkersPerBody) {
        return {
          code: 'markdown/too-complex',
          line,
          message: `the text holds more than ${MARKDOWN_LIMITS.maxMarkersPerBody} of the markers * _ [ ], more than arhivar renders in one article`,
        };
      }
      if (markers > MARKDOWN_LIMITS.maxInlineMarkers) {
        return {
          code: 'markdown/too-complex',
          line,
          message: `the paragraph starting on line ${firstLine} holds more than ${MARKDOWN_LIMITS.maxInlineMarkers} of the markers * _ [ ]`,
        };
      }
    }
  }
  budget.markers += markers;
  return undefined;
}

/** CommonMark's flanking rule seen from one side: `next` must not be space, and punctuation only after space/punctuation. */
function isFlanking(next: string, previous: string): boolean {
  if (WHITESPACE.test(next)) return false;
  if (!PUNCTUATION.test(next)) return true;
  return WHITESPACE.test(previous) || PUNCTUATION.test(previous);
}

/** The shape check as an ArhivarError; `bodyLine` is the file line on which the body starts. */
export function checkMarkdownShape(markdown: string, file: string, bodyLine: number): ArhivarError | undefined {
  const problem = findShapeProblem(markdown);
  if (!problem) return undefined;
  return new ArhivarError({
    code: problem.code,
    message: problem.message,
    file,
    line: bodyLine + problem.line - 1,
    hint:
      problem.code === 'markdown/too-deep'
        ? 'this is usually a broken export or pasted data: remove the extra > - * [ characters, or escape them with \\'
        : 'split the paragraph, or escape literal * _ [ ] characters with \\',
  });
}
