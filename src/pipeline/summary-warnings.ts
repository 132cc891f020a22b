import { ArhivarError } from '../errors.ts';
import { htmlTagPattern } from '../text/html-tag.ts';
import { codePointCount, LONG_SUMMARY } from '../text/shorten.ts';
import { MONTHS_GENITIVE } from '../text/sl.ts';

/**
 * Warnings about a `summary:` written in the front matter. The summary is published as plain text wherever
 * it lands (a listing's teaser, the feeds' <summary>, the meta description, JSON-LD), so it is never
 * rendered and any Markdown in it reaches readers as written. Made from the front matter alone, so the
 * record of one article costs nothing more to make.
 */
export function summaryWarnings(summary: string | undefined, file: string, line: number | undefined): ArhivarError[] {
  if (summary === undefined) return [];
  const warnings: ArhivarError[] = [];
  const markdown = findSummaryMarkdown(summary);
  if (markdown) {
    warnings.push(
      new ArhivarError({
        code: 'article/summary-markdown',
        message: `the summary is published as plain text, so its Markdown (${markdown.written}) shows as written, marks and all, in listings, feeds and the description search engines show`,
        file,
        line,
        hint: `write the summary as plain text: ${markdown.plain ? `${markdown.plain} instead of ${markdown.written}` : `leave out ${markdown.written}`}${SUMMARY_HAS_NO[markdown.kind]}`,
      }),
    );
  }
  const html = findPlainTextHtml(summary);
  if (html !== undefined) warnings.push(plainTextHtmlWarning('summary', html, 'listings, feeds and the description search engines show', file, line));
  const length = summary.length > LONG_SUMMARY ? codePointCount(summary) : 0;
  if (length > LONG_SUMMARY) {
    warnings.push(
      new ArhivarError({
        code: 'article/long-summary',
        message: `the summary is ${length} characters long: listings show it whole under the title, while search engines show only its first 160 or so`,
        file,
        line,
        hint: `write a teaser of one to three sentences (at most ${LONG_SUMMARY} characters), and leave the rest to the text`,
      }),
    );
  }
  return warnings;
}

/**
 * A warning when an article without `summary:` opens with a note to readers: a correction (»Popravek (8. 12. 2026):
 * …«), an editor's note or an update put on top, as newsrooms put a grave one. The first paragraph is the default
 * summary, so the note took the article's place in every listing, the feeds and the meta description. A label
 * and its colon mark the note (Popravek zakona so sprejeli … is news), the colon within a short date or time.
 */
export function openingNoteWarning(summary: string | undefined, defaultSummary: string, file: string, line: number | undefined): ArhivarError[] {
  if (summary !== undefined) return [];
  const note = OPENING_NOTE.exec(defaultSummary);
  if (!note) return [];
  return [
    new ArhivarError({
      code: 'article/note-as-summary',
      message: `the text opens with a note to readers, »${note[0].trim()} …«, and its first paragraph is the article's summary when summary: does not give one, so listings, feeds and the description search engines show it in place of a summary of the article`,
      file,
      line,
      hint: "add a summary: line with the article's own summary, or move the note to the end of the text",
    }),
  ];
}

const OPENING_NOTE = new RegExp(
  String.raw`^(?:popravek|pojasnilo|opomba(?: uredništva| urednika| urednice)?|dopolnitev|dopolnjeno|posodobitev|posodobljeno)` +
    // A date or time before the colon: (8. 12. 2026), 8. 12. 2026, dne 8. decembra, ob 10.30.
    String.raw`(?:\s*\([^()]{0,40}\)|,?(?:\s+(?:ob|dne|\d[\d.:]*h?|${MONTHS_GENITIVE.join('|')}))*)\s*:`,
  'iu',
);

const SUMMARY_HAS_NO: Record<SummaryMarkdown['kind'], string> = {
  emphasis: '',
  link: '; a summary has no links, so put the link in the text',
  image: '; a summary has no pictures, so put the picture in the text',
};

export interface SummaryMarkdown {
  kind: 'emphasis' | 'link' | 'image';
  /** The Markdown as written in the summary. */
  written: string;
  /** What it means as plain text. */
  plain: string;
}

// Emphasis as CommonMark reads it, roughly: a run of * or _ that opens before a non-space and closes after
// one, around a letter or digit and not inside a word, so `5 * 3`, moj_dokument_v2 and the gender star
// (učenci*ke in starši*ce) are left alone. Links and images are [text](address).
const EMPHASIS = /(?<![\p{L}\p{N}*_\\])(\*\*|__|\*|_)(?!\s)(.{1,300}?)(?<![\s\\])\1(?![\p{L}\p{N}])/gu;
const LINK = /!?\[([^\]\n]{0,300})\]\(\s*<?[^)\s>]{0,2000}>?(?:\s+"[^"\n]{0,300}")?\s*\)/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Markdown is looked for in the first this many UTF-16 units. Each pattern's spans are bounded, so this bounds
 * the work: a hostile summary of a million [ or **a would take seconds in full. A summary: is at most 2,000
 * characters (content/article.ts MAX_SUMMARY_LENGTH), each one or two units, so every summary a build takes is
 * looked at whole: with 2,000 units, one of emoji had its end unread.
 */
const MARKDOWN_SCAN = 4000;

/** The first Markdown a summary holds, if any, with the plain text it stands for. */
export function findSummaryMarkdown(text: string): SummaryMarkdown | undefined {
  const summary = text.slice(0, MARKDOWN_SCAN);
  const emphasis = firstEmphasis(summary);
  const link = summary.matchAll(LINK).next().value;
  if (!emphasis && !link) return undefined;
  const first = !link || (emphasis && emphasis.index <= link.index) ? emphasis! : link;
  const kind = first !== link ? 'emphasis' : link[0].startsWith('!') ? 'image' : 'link';
  return { kind, written: first[0], plain: plainText(first[0]) };
}

function firstEmphasis(text: string): RegExpExecArray | undefined {
  for (const match of text.matchAll(EMPHASIS)) if (LETTER_OR_DIGIT.test(match[2]!)) return match;
  return undefined;
}

/** Markdown text without its marks: emphasis and links (nested too, as in **[Witkoff](…)**) give their text. */
function plainText(markdown: string): string {
  let text = markdown;
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(EMPHASIS, (whole, _marks: string, inner: string) => (LETTER_OR_DIGIT.test(inner) ? inner : whole)).replace(LINK, '$1');
  }
  return text.trim();
}

const HTML_TAG = htmlTagPattern('');
const CHARACTER_REFERENCE = /&(?:[a-z][a-z0-9]{1,31}|#\d{1,7}|#x[0-9a-f]{1,6});/iu;

/**
 * The warning about HTML (`html`, as found by findPlainTextHtml) in a front-matter field published as plain
 * text, `shownIn` saying where readers see it; `hintTail` is added to the hint.
 */
export function plainTextHtmlWarning(field: 'title' | 'summary', html: string, shownIn: string, file: string, line: number | undefined, hintTail = ''): ArhivarError {
  const reference = html.startsWith('&');
  return new ArhivarError({
    code: `article/${field}-html`,
    message: `the ${field} is published as plain text, so its HTML (${html}) shows as written, ${reference ? 'code and all' : 'tags and all'}, in ${shownIn}`,
    file,
    line,
    hint: `write the ${field} as plain text: ${reference ? `the character itself instead of ${html}` : `leave out ${html} and any other tag`}${hintTail}`,
  });
}

/** The first HTML tag or character reference (&nbsp;, &#8211;) a plain-text field (a summary, a title) holds, as written, if any. */
export function findPlainTextHtml(text: string): string | undefined {
  const summary = text.slice(0, MARKDOWN_SCAN);
  const tag = HTML_TAG.exec(summary);
  const reference = CHARACTER_REFERENCE.exec(summary);
  const first = !reference || (tag && tag.index <= reference.index) ? tag : reference;
  return first?.[0];
}
