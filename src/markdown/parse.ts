import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { CompileContext, Extension } from 'mdast-util-from-markdown';
import type { Link, Parent, Root, Text } from 'mdast';

declare module 'mdast' {
  interface TextData {
    /**
     * Where in the value the characters written escaped are (`\[` is `[`, at that index), in order: what the
     * author wrote as text on purpose (render.ts, collectSpacedAddresses). Absent when there are none.
     */
    escaped?: number[];
  }
}

/**
 * Markdown → syntax tree, the one parser of article bodies and bios (rendering, import's read-back check,
 * the people command's line numbers), so all three read a body alike: CommonMark plus two of GitHub's
 * extensions. Tables, because election results, budgets and scores are tables; and web and e-mail addresses
 * written out in the text (»Vir: https://www.gov.si/…«, »www.example.si«, »urednistvo@example.si«), which
 * become links, because editors paste their sources so.
 *
 * Each extension costs parsing time on every body it is given: tables a fifth more (0.75 → 0.93 ms for a 3 KB
 * article), because micromark tries them at the start of every paragraph; addresses about twice the time
 * (0.73 → 1.53 ms), because every h, w and @ may start one. So a body is given an extension only when it
 * holds what the extension looks for; the tree is the same, and almost every news article takes the plain
 * path.
 */
function tables(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

function addresses(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmAutolinkLiteral());
  (data.fromMarkdownExtensions ??= []).push(gfmAutolinkLiteralFromMarkdown());
}

/**
 * The tree keeps no trace of an escape: `\[x\](a b)` and a failed link `[x](a b)` are the same text node.
 * mdast-util-from-markdown has just added the escaped character to the end of the parent's last text node
 * when the escape's token ends, and has no handler of its own for that end, so this one only takes note.
 */
const escapes: Extension = {
  exit: {
    characterEscape(this: CompileContext) {
      const parent = this.stack[this.stack.length - 1];
      const text = parent && 'children' in parent ? parent.children[parent.children.length - 1] : undefined;
      if (text?.type === 'text') ((text.data ??= {}).escaped ??= []).push(text.value.length - 1);
    },
  },
};

function escapedCharacters(this: Processor): void {
  (this.data().fromMarkdownExtensions ??= []).push(escapes);
}

const parsers = {
  plain: unified().use(remarkParse).use(escapedCharacters),
  tables: unified().use(remarkParse).use(escapedCharacters).use(tables),
  addresses: unified().use(remarkParse).use(escapedCharacters).use(addresses),
  both: unified().use(remarkParse).use(escapedCharacters).use(tables).use(addresses),
};

/**
 * A line that may be a table's delimiter row: only pipes, colons, hyphens and blanks, with a hyphen and a
 * pipe or a colon, after any blockquote or list markers (`> | --- |`, `- | :-: |`). A one-column table's
 * row needs no pipe when it has a colon (`:-:` under `| Kandidat |`, or `a` over `:-`); a row of hyphens
 * alone is a heading's underline or a break. A superset of GFM's rule: a line it takes that is no delimiter
 * row only costs the slower parse.
 */
const DELIMITER_ROW = /^(?=[^\n]*[|:])(?=[^\n]*-)[ \t>*+.)0-9:|-]+$/m;

/**
 * An address the text may show as it is: http://, https:// or www. anywhere but right after »](« (a link's
 * own address, `[besedilo](https://…)`, which is most links in news text) or »<« (`<https://…>`, a link
 * already), or an e-mail address. The one text it misses is an address after a literal »](« in the text
 * (`\](https://…)`), which then stays text.
 */
const WEB_ADDRESS = /(?<!\]\(|<)(?:https?:\/\/|www\.)/i;
/**
 * The address extension reads a run of the punctuation an address may not end in (.,:;!?~_*) in time by the
 * square of its length (8,000 dots in one address: 0.6 s; 32,000: 13 s), and a bio or `arhivar check` has no
 * time limit. A body with a run of a thousand is no news text: its addresses stay text.
 */
const PUNCTUATION_RUN = /[.,:;!?~_*]{1000}/;
const EMAIL_ADDRESS = /[\p{L}\p{N}._+-]@[\p{L}\p{N}-]+\./u;

export function parseMarkdown(markdown: string): Root {
  // includes() first: most bodies have neither a pipe nor a colon next to a hyphen, and for them it takes
  // about a microsecond against 9 µs for the expression.
  const mayHoldTable = (markdown.includes('|') || markdown.includes(':-') || markdown.includes('-:')) && DELIMITER_ROW.test(markdown);
  const mayHoldAddress = (WEB_ADDRESS.test(markdown) || (markdown.includes('@') && EMAIL_ADDRESS.test(markdown))) && !PUNCTUATION_RUN.test(markdown);
  const parser = mayHoldTable ? (mayHoldAddress ? parsers.both : parsers.tables) : mayHoldAddress ? parsers.addresses : parsers.plain;
  const tree = parser.parse(markdown) as Root;
  if (mayHoldAddress) tidyWrittenOutAddresses(tree, markdown);
  return tree;
}

/**
 * GitHub's rule ends an address written out in the text at a space, so Slovenian closing quotes stay on it:
 * »https://www.gov.si/« would link https://www.gov.si/« (and „www.rtvslo.si“ http://www.rtvslo.si“). Quotes
 * and the punctuation GitHub leaves out at an address's end (.,:;!?*_~) go back to the text after the link.
 * A scheme in capitals (HTTPS://EXAMPLE.SI) is written in small letters in the address, which the sanitiser
 * would drop otherwise.
 */
const TRAILING = new Set('»«“”„‘’‚›‹"\'.,:;!?*_~');

/** The run of TRAILING characters `text` ends in, read back from its end (an expression tried from every letter took time by the square of a long run). */
function trailingRun(text: string): string {
  let start = text.length;
  while (start > 0 && TRAILING.has(text[start - 1]!)) start--;
  return text.slice(start);
}

export function tidyWrittenOutAddresses(parent: Parent, markdown: string): void {
  for (let index = 0; index < parent.children.length; index++) {
    const child = parent.children[index]!;
    if (child.type === 'link' && isWrittenOut(child, markdown)) {
      const text = child.children[0] as Text;
      const trailing = trailingRun(text.value);
      if (trailing && trailing.length < text.value.length) {
        text.value = text.value.slice(0, -trailing.length);
        child.url = child.url.slice(0, -trailing.length);
        const after: Text = { type: 'text', value: trailing };
        const end = child.position?.end;
        if (end?.offset !== undefined) {
          const start = { line: end.line, column: end.column - trailing.length, offset: end.offset - trailing.length };
          after.position = { start, end: { ...end } };
          child.position!.end = { ...start };
          if (text.position) text.position.end = { ...start };
        }
        parent.children.splice(index + 1, 0, after as never);
      }
      child.url = child.url.replace(/^https?(?=:)/i, (scheme) => scheme.toLowerCase());
    } else if ('children' in child) {
      tidyWrittenOutAddresses(child, markdown);
    }
  }
}

/**
 * A link made of an address written out in the text: its text is its address (www. and e-mail ones get a
 * scheme), and it does not start with < or [ in the source, as one the author wrote as a link does
 * (`<https://x.si/a.>`, `[https://x.si](https://x.si)`), which is left as written.
 */
function isWrittenOut(link: Link, markdown: string): boolean {
  const only = link.children.length === 1 ? link.children[0] : undefined;
  if (only?.type !== 'text') return false;
  const first = link.position?.start.offset;
  if (first !== undefined && (markdown[first] === '<' || markdown[first] === '[')) return false;
  return link.url === only.value || link.url === `http://${only.value}` || link.url === `mailto:${only.value}`;
}
