import { unified } from 'unified';
import remarkHtml from 'remark-html';
import { defaultSchema, type Schema } from 'hast-util-sanitize';
import type { Properties } from 'hast';
import type { Definition, Heading, Image, ImageReference, Nodes, Paragraph, Parent, Root, RootContent, Table } from 'mdast';
import { HEADING_ID, headingIds } from './heading-ids.ts';
import { parseMarkdown } from './parse.ts';
import { defaultSummary } from '../text/shorten.ts';
import { countWords } from '../text/words.ts';
import { foldWhitespace } from '../text/whitespace.ts';
import { EMBEDDED_TAGS } from './embedded-tags.ts';
import { TABLE_LABEL, TABLE_SCROLL, tableLabel } from './table-scroll.ts';
import { IMAGE_PROTOCOLS, LINK_PROTOCOLS } from './url-schemes.ts';

/**
 * Markdown → safe HTML plus the plain text other stages read (summary, people detection, search).
 * remark-html sanitises with hast-util-sanitize's default (GitHub) schema: raw HTML is dropped and
 * only http(s) and relative URLs survive in images, and those, mailto, tel, irc(s) and xmpp in links
 * (LINK_PROTOCOLS), so javascript:, vbscript: and data: URLs never reach a page.
 */
export interface RenderedMarkdown {
  html: string;
  /**
   * Block texts joined by blank lines; inline Markdown removed, soft line breaks folded to spaces, a full stop
   * after a heading or a paragraph of images alone and a semicolon after a list item or table cell that has no
   * closing punctuation (see collectBlockTexts).
   */
  text: string;
  /**
   * The first paragraph with text of its own (not only images), as plain text, cut short when long (text/shorten.ts
   * defaultSummary): the summary of an article without `summary:`.
   */
  defaultSummary: string;
  wordCount: number;
  /** Lines (counted from the body's first) of images published with empty alt text; absent when there are none. */
  imagesWithoutAlt?: number[];
  /** Images whose alt text is a file name (see ImageNamedByFile), in order; absent when there are none. */
  imagesNamedByFile?: ImageNamedByFile[];
  /**
   * The first image published with the body, its URL as written (relative ones resolve against the article's
   * page) and its alt text: the body has a picture (no empty-body warning), and JSON-LD names it.
   */
  firstImage?: BodyImage;
  /** The first of those in a format link cards show (no SVG, AVIF …): the picture a shared link shows (Open Graph). */
  sharedImage?: BodyImage;
  /**
   * Every picture published with the body, in order: its URL as written (a reference picture's from its definition)
   * and its line, counted from the body's first. The build gives each one's width and height from its file in
   * public/ (site/pictures.ts). Absent when there are none.
   */
  pictures?: BodyPicture[];
  /** Links whose text says nothing out of context ("tukaj", "preberi več") or is empty, in order; absent when there are none. */
  vagueLinks?: VagueLink[];
  /** Images and links whose address the sanitiser drops, in order; absent when there are none. */
  droppedUrls?: DroppedUrl[];
  /** Raw HTML the page leaves out that readers would miss (see DroppedHtml), in order; absent when there is none. */
  droppedHtml?: DroppedHtml[];
  /** Images and links left as text because their address has a space (see SpacedAddress), in order; absent when there are none. */
  spacedAddresses?: SpacedAddress[];
  /** Headings written more than one level below the heading they belong to (see SkippedHeading), in order; absent when there are none. */
  skippedHeadings?: SkippedHeading[];
  /** Lines of cells separated by tabs, a table pasted from Excel or Word (see PastedTable), in order; absent when there are none. */
  pastedTables?: PastedTable[];
}

/**
 * An image whose alt text is a file name (`![IMG_4521.JPG](…)`), as a camera names a photo and editors that
 * take a dropped picture write it: a screen reader reads the name out in place of what the picture shows.
 */
export interface ImageNamedByFile {
  /** Counted from the body's first line. */
  line: number;
  /** The alt text, trimmed. */
  alt: string;
}

/**
 * What a rendered body says besides its HTML and text. Workers send it, .cache/ keeps it beside the body's
 * bytes (pipeline/markdown.ts) and records read it, each as a whole: a fact added here travels everywhere.
 */
export type MarkdownFacts = Omit<RenderedMarkdown, 'html' | 'text'>;

export interface BodyPicture {
  url: string;
  line: number;
}

export interface BodyImage {
  url: string;
  alt: string;
}

/** A link whose visible text is one of VAGUE_LINK_TEXTS, or empty. */
export interface VagueLink {
  /** Counted from the body's first line, where the link starts. */
  line: number;
  /** The text as the reader sees it, white space folded ("Preberi več »"); empty for a link with no text. */
  text: string;
}

/**
 * An image or link published without its address, because the sanitiser keeps only http(s) (and, for links,
 * mailto and a few more) and paths: a picture pasted into the text (`data:image/png;base64,…`, as Word and
 * Google Docs paste one), a file on the editor's computer (`file:///C:/…`, `C:\Users\…`), `ftp:`. The image
 * becomes its alt text and the link its text, so the reader sees no picture and no link, and nothing else
 * would tell the editor.
 */
export interface DroppedUrl {
  /** Counted from the body's first line, where the image or link starts. */
  line: number;
  kind: 'image' | 'link';
  /** The address as written, cut to DROPPED_URL_SHOWN characters (a pasted picture's is megabytes long). */
  url: string;
  /** The image's alt text or the link's text, white space folded: what the reader sees in its place. */
  text: string;
}

const DROPPED_URL_SHOWN = 60;

/**
 * Raw HTML is never published (remark-html drops it), which keeps content from running scripts, but an editor
 * who pastes an embed code (a YouTube `<iframe>`, a post's `<blockquote>` and `<script>`) or a fragment of a
 * CMS export (`<div>…</div>`) would see it vanish without a word. Listed: every HTML block, since all of it
 * is left out, its text too; and inline, the tags whose element readers would miss (EMBEDDED_TAGS, `<img>`,
 * `<a>`), and a comment block never closed, which hides the text after it. Comments closed with `-->` (an
 * editor's notes) and inline formatting (`<b>`, `<br>`, whose text stays) are not.
 */
export interface DroppedHtml {
  /** Counted from the body's first line, where the HTML starts. */
  line: number;
  /** The first tag's name in small letters ("iframe"); `!--` for a comment never closed (see hiddenTo). */
  tag: string;
  /** An HTML block (left out whole, text and all), not a tag inside a paragraph. */
  block: boolean;
  /**
   * For a comment never closed with `-->`: the last line it hides, counted as `line` is. CommonMark ends such a
   * comment block only at the end of its container (the text, or the quote or list item it opens in), so an
   * editor's note left open takes every paragraph after it off the page without a word. Set only when it hides
   * text of its own beyond its first line.
   */
  hiddenTo?: number;
}

/**
 * An image or link whose address has a space (`![Golob na seji](/slike/golob na seji.jpg)`, a file named as a
 * camera or Windows names it): CommonMark ends an address at a space, so the whole of it stays text and the
 * page shows the brackets and the path where the picture or link belongs, and the default summary and meta
 * description do too. Nothing else would tell the editor.
 */
export interface SpacedAddress {
  /** Counted from the body's first line, where the image or link starts. */
  line: number;
  kind: 'image' | 'link';
  /** The address as written, white space folded. */
  url: string;
  /**
   * The title written after the address in quotes (`"Golob na seji"`), white space folded; absent when there
   * is none. Kept apart, so that the hint's address with %20 is not the title's words joined to the address.
   */
  title?: string;
  /** The alt text or the link text as written between the brackets. */
  text: string;
}

/**
 * A heading that skips a level (`####` right under a `##`, or before the text's first `##`): the page cannot
 * skip it (nestHeadings), so it shows the heading a level or more higher, and larger, than the editor wrote it,
 * who used `####` for a small bold line, or whose file and page now tell two outlines. Nothing else would say so.
 */
export interface SkippedHeading {
  /** Counted from the body's first line. */
  line: number;
  /** The number of `#` written. */
  written: number;
  /** The number of `#` that writes the level the page shows it at: one below the level the heading it belongs to is written at, or told to be (the text's highest level for none). What to write. */
  expected: number;
  /** The level the page shows it at: 2 for h2. */
  published: number;
  /** The heading it belongs to, the nearest before it written higher: its line and number of `#`; absent for none. */
  under?: { line: number; written: number };
  /**
   * What is written before its #s on its line (a quote's `> `, a list item's `- `, indentation): the line to write
   * keeps it, or the heading would move out of its quote or list.
   */
  before: string;
  /** Its text as written (links, emphasis, escapes), in full; a Setext heading's lines joined by a space; empty for none. */
  source: string;
  /** Its text is all bold already (`#### **Opomba**`), so the line to write in bold is the text as written. */
  bold: boolean;
}

/**
 * Lines of a paragraph whose cells are separated by tabs, the same number on each line (`Olimpija⇥Maribor⇥2⇥1`),
 * as a table copied from Excel or Word pastes into a text: Markdown has no such table, so the page shows the
 * lines as one paragraph, the cells run together with a space between them, and nothing else would say so.
 */
export interface PastedTable {
  /** Counted from the body's first line: the table's first line. */
  line: number;
  /** The first PASTED_TABLE_SHOWN rows' cells, white space trimmed: what the hint builds the table from. */
  rows: string[][];
  /** How many rows the table has in all. */
  rowCount: number;
  /** For each column, whether its cells under the first row are figures (`2`, `31,2 %`, `1.234 €`) or empty: a column to right-align. */
  figures: boolean[];
}

const PASTED_TABLE_SHOWN = 3;
const FIGURE_CELL = /^[-−+]?\d[\d.,]*(?:\s?[%‰€$£])?$/;

/** `[text](address)` with white space inside the address and no `(` `)` `[` `]` `<` in it, as it stays in text. */
const SPACED_ADDRESS = /(!?)\[([^\[\]]*)\]\(([^\s()<>[\]]+(?:\s+[^\s()<>[\]]+)+)\s*\)/g;

/** A title in quotes at the end of a folded address (`/slike/golob na seji.jpg "Golob na seji"`); CommonMark allows one after a space. */
const TRAILING_TITLE = / ("[^"]*"|'[^']*')$/;

/** The class of a link whose text is its own address; print adds no address after it (site.css). */
export const ADDRESS_LINK = 'address-link';

const INLINE_DROPPED_TAGS = new Set([...EMBEDDED_TAGS, 'img', 'a']);

/**
 * GitHub's schema, except for ids. GitHub keeps an `id` on any element and prefixes it with `user-content-`
 * (its `clobber` list), so that ids from content cannot take the names of the page's own. Here the one
 * source of ids is headingIds, which keeps clear of the page's ids itself, so the prefix is left off; and
 * an id passes only on a heading, only in a slug's shape. Raw HTML never reaches the sanitiser: remark-html
 * drops it unless `sanitize` is false.
 */
const defaultAttributes = defaultSchema.attributes ?? {};
const headingId: [string, RegExp] = ['id', HEADING_ID];
export const BODY_SCHEMA: Schema = {
  ...defaultSchema,
  // A picture with its caption (captionPictures); raw HTML never reaches the sanitiser, so only that makes them.
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption'],
  // The one list of schemes (url-schemes.ts), which the warnings about dropped addresses name too.
  protocols: { ...defaultSchema.protocols, href: [...LINK_PROTOCOLS], src: [...IMAGE_PROTOCOLS] },
  clobber: (defaultSchema.clobber ?? []).filter((name) => name !== 'id'),
  attributes: {
    ...defaultAttributes,
    '*': (defaultAttributes['*'] ?? []).filter((definition) => definition !== 'id'),
    h2: [...(defaultAttributes.h2 ?? []), headingId],
    h3: [headingId],
    h4: [headingId],
    h5: [headingId],
    h6: [headingId],
    // The alignment of a table column (withoutCellAlignment), and nothing else.
    td: [...(defaultAttributes.td ?? []), ['className', 'align-right', 'align-center']],
    th: [...(defaultAttributes.th ?? []), ['className', 'align-right', 'align-center']],
    // A table's scrolling wrapper (wrapTables), and nothing else: raw HTML never reaches the sanitiser, so no
    // other div does. tabIndex passes on any element in GitHub's schema.
    div: [...(defaultAttributes.div ?? []), ['className', TABLE_SCROLL], ['role', 'region'], ['ariaLabel', TABLE_LABEL]],
    // A link whose text is its address (markAddressLinks), and GitHub's footnote class.
    a: [...(defaultAttributes.a ?? []).filter((definition) => !(Array.isArray(definition) && definition[0] === 'className')), ['className', 'data-footnote-backref', ADDRESS_LINK]],
    // How a picture loads (loadPicturesLater), with the values it sets and no others.
    img: [...(defaultAttributes.img ?? []), ['loading', 'lazy'], ['decoding', 'async']],
  },
};

/** Parsing is parseMarkdown's (parse.ts); this turns the tree into sanitised HTML. */
const processor = unified().use(remarkHtml, { sanitize: BODY_SCHEMA });

export function renderMarkdown(markdown: string): RenderedMarkdown {
  const tree = parseMarkdown(markdown);
  // A paragraph holding only images (a photo at the top) is no summary: its alt text describes the photo.
  // Found before replaceDroppedImages turns some images into text.
  const firstParagraphNode = tree.children.find((node) => node.type === 'paragraph' && hasOwnText(node));
  const summary = firstParagraphNode ? defaultSummary(inlineText(firstParagraphNode)) : '';
  // Only a text with a tab in it can hold one; most have none.
  const pastedTables: PastedTable[] = [];
  if (markdown.includes('\t')) collectPastedTables(tree, pastedTables);
  const skippedHeadings = nestHeadings(tree, markdown);
  identifyHeadings(tree);
  lowerCaseSchemes(tree);
  const definitions = definitionsOf(tree);
  const droppedUrls: DroppedUrl[] = [];
  collectDroppedUrls(tree, definitions, droppedUrls);
  const droppedHtml: DroppedHtml[] = [];
  collectDroppedHtml(tree, droppedHtml);
  const spacedAddresses: SpacedAddress[] = [];
  collectSpacedAddresses(tree, spacedAddresses);
  replaceDroppedImages(tree, definitions);
  withoutCellAlignment(tree);
  const withoutAlt: number[] = [];
  collectImagesWithoutAlt(tree, withoutAlt);
  const namedByFile: ImageNamedByFile[] = [];
  collectImagesNamedByFile(tree, namedByFile);
  const vagueLinks: VagueLink[] = [];
  collectVagueLinks(tree, definitions, vagueLinks);
  markAddressLinks(tree, definitions);
  const blocks: string[] = [];
  collectBlockTexts(tree.children, blocks);
  const text = blocks.join('\n\n');
  const firstImage = firstImageOf(tree, definitions, () => true);
  const sharedImage = firstImage && !cardsShow(firstImage.url) ? firstImageOf(tree, definitions, cardsShow) : firstImage;
  // Last: the steps above know no wrapper node, which is not mdast. It also joins the cells' figures to their units,
  // after the text for search and people detection is taken, which keeps its plain spaces.
  wrapTables(tree);
  captionPictures(tree, definitions);
  // After captionPictures, which makes new image nodes of reference pictures.
  const pictures = loadPicturesLater(tree, definitions);
  const html = String(processor.stringify(processor.runSync(tree) as Root));
  const rendered: RenderedMarkdown = { html, text, defaultSummary: summary, wordCount: countWords(text) };
  if (withoutAlt.length > 0) rendered.imagesWithoutAlt = withoutAlt;
  if (namedByFile.length > 0) rendered.imagesNamedByFile = namedByFile;
  if (vagueLinks.length > 0) rendered.vagueLinks = vagueLinks;
  if (droppedUrls.length > 0) rendered.droppedUrls = droppedUrls;
  if (droppedHtml.length > 0) rendered.droppedHtml = droppedHtml;
  if (spacedAddresses.length > 0) rendered.spacedAddresses = spacedAddresses;
  if (skippedHeadings.length > 0) rendered.skippedHeadings = skippedHeadings;
  if (pastedTables.length > 0) rendered.pastedTables = pastedTables;
  if (firstImage) rendered.firstImage = firstImage;
  if (sharedImage) rendered.sharedImage = sharedImage;
  if (pictures.length > 0) rendered.pictures = pictures;
  return rendered;
}

/**
 * A paragraph's text with a line for each of the file's: inlineText gives a hard break (a line ending in \ or two
 * spaces, as in `Lestvica:\` above the rows) a space, which ran that line and the next into one row and moved
 * every later row up a line.
 */
function writtenText(node: RootContent): string {
  if (node.type === 'break') return '\n';
  if ('children' in node) return (node.children as RootContent[]).map(writtenText).join('');
  return inlineText(node);
}

/**
 * Tables pasted with tabs between their cells (see PastedTable): runs of two or more lines of a paragraph that
 * each have the same number of cells, two or more, between tabs. A paragraph's text keeps a line for each of
 * the file's, so a line's place in it is its line in the file, counted from the paragraph's first.
 */
function collectPastedTables(node: Nodes, out: PastedTable[]): void {
  if (node.type === 'paragraph') {
    if (!node.position) return;
    const rows = writtenText(node)
      .split('\n')
      .map((line) => (line.includes('\t') ? line.trim().split(/ *\t */) : []));
    let start = 0;
    while (start < rows.length) {
      const width = rows[start]!.length;
      let end = start + 1;
      while (end < rows.length && width >= 2 && rows[end]!.length === width) end += 1;
      if (width >= 2 && end - start >= 2) {
        const run = rows.slice(start, end);
        const cells = (column: number) => run.slice(1).map((row) => row[column]!).filter((cell) => cell !== '');
        const figures = run[0]!.map((_cell, column) => cells(column).length > 0 && cells(column).every((cell) => FIGURE_CELL.test(cell)));
        out.push({ line: node.position.start.line + start, rows: run.slice(0, PASTED_TABLE_SHOWN), rowCount: run.length, figures });
      }
      start = end;
    }
  } else if ('children' in node) {
    for (const child of node.children) collectPastedTables(child, out);
  }
}

/**
 * Lines of the images that will be published with alt="" (`![](foto.png)`), which screen readers skip as
 * decoration. Run after replaceDroppedImages: an image whose URL is dropped is no image any more.
 */
function collectImagesWithoutAlt(node: Nodes, out: number[]): void {
  if (node.type === 'image' || node.type === 'imageReference') {
    if (!node.alt?.trim() && node.position) out.push(node.position.start.line);
  } else if ('children' in node) {
    for (const child of node.children) collectImagesWithoutAlt(child, out);
  }
}

/** Images and links whose URL the sanitiser drops (see DroppedUrl). Run before replaceDroppedImages, which turns such images into text. */
/** A picture file's extension at the end of a whole alt text: a description ends in words, not in `.jpg`. */
const PICTURE_FILE_NAME = /\.(?:jpe?g|png|gif|webp|avif|svg|heic|heif|tiff?|bmp)$/i;

/** Run after replaceDroppedImages, as collectImagesWithoutAlt. */
function collectImagesNamedByFile(node: Nodes, out: ImageNamedByFile[]): void {
  if (node.type === 'image' || node.type === 'imageReference') {
    const alt = node.alt?.trim() ?? '';
    if (PICTURE_FILE_NAME.test(alt) && node.position) out.push({ line: node.position.start.line, alt });
  } else if ('children' in node) {
    for (const child of node.children) collectImagesNamedByFile(child, out);
  }
}

function collectDroppedUrls(node: Nodes, definitions: ReadonlyMap<string, Definition>, out: DroppedUrl[]): void {
  const isImage = node.type === 'image' || node.type === 'imageReference';
  if (isImage || node.type === 'link' || node.type === 'linkReference') {
    const url = node.type === 'image' || node.type === 'link' ? node.url : definitions.get(node.identifier)?.url;
    const dropped = url !== undefined && (isImage ? !keepsImageUrl(url) : !keepsUrl(url, LINK_PROTOCOLS));
    if (dropped && node.position) {
      const shown = url.length > DROPPED_URL_SHOWN ? `${url.slice(0, DROPPED_URL_SHOWN).replace(/[\uD800-\uDBFF]$/, '')}…` : url;
      out.push({ line: node.position.start.line, kind: isImage ? 'image' : 'link', url: shown, text: foldWhitespace(isImage ? (node.alt ?? '') : inlineText(node)) });
    }
  }
  if ('children' in node) for (const child of node.children) collectDroppedUrls(child, definitions, out);
}

/** Raw HTML readers would miss (see DroppedHtml). A block is an html node among blocks: the root's, a quote's or a list item's children. */
function collectDroppedHtml(node: Nodes, out: DroppedHtml[]): void {
  if (!('children' in node)) return;
  const amongBlocks = node.type === 'root' || node.type === 'blockquote' || node.type === 'listItem';
  for (const child of node.children) {
    if (child.type === 'html' && child.position) {
      // A closing tag opens no element inside a paragraph; an HTML block may start with one all the same, and
      // after the up to three spaces of indentation CommonMark allows, which its value keeps.
      const tag = (amongBlocks ? /^ {0,3}<\/?([a-z][a-z0-9-]*)/i : /^<([a-z][a-z0-9-]*)/i).exec(child.value)?.[1]?.toLowerCase();
      if (tag !== undefined && (amongBlocks || INLINE_DROPPED_TAGS.has(tag))) out.push({ line: child.position.start.line, tag, block: amongBlocks });
      else if (amongBlocks && isUnclosedComment(child.value)) {
        // The value has a line for each of the file's (a quote's > taken off); blank ones at its end hide nothing.
        const hiddenTo = child.position.start.line + child.value.trimEnd().split('\n').length - 1;
        out.push({ line: child.position.start.line, tag: '!--', block: true, hiddenTo });
      }
    } else {
      collectDroppedHtml(child, out);
    }
  }
}

/**
 * An HTML comment block with no `-->` that hides text beyond its first line (see DroppedHtml.hiddenTo). One
 * that hides only blank lines, or a note on a last line left open, loses nothing. The block's value keeps the
 * up to three spaces CommonMark allows before the `<!--` (four make it code), and such a note hides as much.
 */
function isUnclosedComment(value: string): boolean {
  return /^ {0,3}<!--/.test(value) && !value.includes('-->') && /\n[^\n]*\S/.test(value);
}

/**
 * Images and links that stayed text because of a space in the address (see SpacedAddress). A run of a parent's
 * text is read whole, with the addresses the GFM extension linked by themselves (`https://…` written out, which
 * the text around them split off) read as the text they are; code and other inline nodes end a run.
 */
function collectSpacedAddresses(node: Nodes, out: SpacedAddress[]): void {
  if (!('children' in node)) return;
  let run = '';
  let starts: { offset: number; line: number }[] = [];
  // Where in the run the author escaped a character (parse.ts): a bracket written `\[` is text on purpose.
  let escaped = new Set<number>();
  const flush = () => {
    // Matches come in order, so the piece a match starts in is followed along the run, and its line is counted
    // from the run's newlines found once: looking both up from the start for each match took a paragraph of
    // 20,000 such links 4 s more.
    const newlines: number[] = [];
    for (let at = run.indexOf('\n'); at !== -1; at = run.indexOf('\n', at + 1)) newlines.push(at);
    let pieceIndex = -1;
    for (const match of run.matchAll(SPACED_ADDRESS)) {
      while (pieceIndex + 1 < starts.length && starts[pieceIndex + 1]!.offset <= match.index) pieceIndex++;
      const piece = starts[pieceIndex];
      if (!piece) continue;
      const written = foldWhitespace(match[3]!);
      const title = TRAILING_TITLE.exec(written);
      const url = title ? written.slice(0, title.index) : written;
      // Only the space before a title: valid Markdown, so text because the editor escaped it (`\[vir\](…)`).
      if (!url.includes(' ')) continue;
      if (hasEscapedBracket(match, escaped)) continue;
      const line = piece.line + newlinesBefore(newlines, match.index) - newlinesBefore(newlines, piece.offset);
      const spaced: SpacedAddress = { line, kind: match[1] ? 'image' : 'link', url, text: foldWhitespace(match[2]!) };
      if (title) spaced.title = title[1]!;
      out.push(spaced);
    }
    run = '';
    starts = [];
    escaped = new Set();
  };
  for (const child of node.children as RootContent[]) {
    const value = child.type === 'text' ? child.value : literalAutolink(child);
    if (value !== undefined && child.position) {
      starts.push({ offset: run.length, line: child.position.start.line });
      if (child.type === 'text') for (const index of child.data?.escaped ?? []) escaped.add(run.length + index);
      run += value;
    } else {
      flush();
      collectSpacedAddresses(child, out);
    }
  }
  flush();
}

/**
 * Whether the author escaped one of a SPACED_ADDRESS match's brackets (`\[x\](a b)`, `[x]\(a b)`): Markdown
 * shows it as text then whatever the address, as the author meant. An escaped `!` alone leaves a failed link.
 */
function hasEscapedBracket(match: RegExpExecArray, escaped: ReadonlySet<number>): boolean {
  if (escaped.size === 0) return false;
  const open = match.index + match[1]!.length;
  const close = open + 1 + match[2]!.length;
  return escaped.has(open) || escaped.has(close) || escaped.has(close + 1) || escaped.has(match.index + match[0].length - 1);
}

/** How many of `newlines` (positions, in order) come before `offset`. */
function newlinesBefore(newlines: readonly number[], offset: number): number {
  let low = 0;
  let high = newlines.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (newlines[middle]! < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The address of a link the GFM extension made of an address written out in the text, as written; undefined for any other node. */
function literalAutolink(node: RootContent): string | undefined {
  if (node.type !== 'link' || node.children.length !== 1 || node.children[0]!.type !== 'text') return undefined;
  const text = node.children[0]!.value;
  return node.url === text || node.url === `http://${text}` || node.url === `mailto:${text}` ? text : undefined;
}

/**
 * In document order, the first image that keeps its URL and that `accept` takes. Run after
 * replaceDroppedImages, so an image whose URL the sanitiser drops is text by then; an empty or undefined
 * reference is no image either.
 */
function firstImageOf(node: Nodes, definitions: ReadonlyMap<string, Definition>, accept: (url: string) => boolean): BodyImage | undefined {
  if (node.type === 'image' || node.type === 'imageReference') {
    const url = node.type === 'image' ? node.url : definitions.get(node.identifier)?.url;
    return url && accept(url) ? { url, alt: foldWhitespace(node.alt ?? '') } : undefined;
  }
  if (!('children' in node)) return undefined;
  for (const child of node.children) {
    const image = firstImageOf(child, definitions, accept);
    if (image) return image;
  }
  return undefined;
}

/**
 * Image files whose name says a format that link cards do not show. X shows JPG, PNG, WEBP and GIF and says "SVG
 * is not supported" (developer.x.com, "Cards markup", twitter:image); Facebook names JPG, PNG and GIF, and neither
 * shows AVIF (nor does Mastodon, mastodon/mastodon#18762), HEIC from a phone, TIFF, BMP, ICO or JPEG XL. An
 * address without such an ending (an image CDN's `?id=5`) may be any format and is kept.
 */
const NOT_SHOWN_BY_CARDS = /\.(?:svgz?|avif|hei[cf]|tiff?|bmp|ico|jxl)$/i;

/**
 * Whether a shared link's card can show the image at `url`: an SVG map or chart, or an AVIF photo, at the top of
 * an article left its large card without a picture where a photo further down would have shown. Google's
 * Article image takes these formats, so JSON-LD keeps the first image of any kind.
 */
function cardsShow(url: string): boolean {
  return !NOT_SHOWN_BY_CARDS.test(url.replace(/[?#].*$/s, ''));
}

/**
 * Link texts that say nothing once taken out of their sentence, as a screen reader's list of a page's links
 * takes them (WCAG 2.4.4, Link Purpose): Slovenian and the common English ones. Only whole texts, and only
 * phrases that are never a title, so a warning is never a false alarm: "več o pogajanjih v Miamiju" and a bare
 * URL as the text are fine.
 */
const VAGUE_LINK_TEXTS = new Set([
  'tukaj',
  'tu',
  'klikni tukaj',
  'kliknite tukaj',
  'klik',
  'več',
  'preberi več',
  'preberite več',
  'več o tem',
  'povezava',
  'ta povezava',
  'link',
  'to',
  'here',
  'click here',
  'read more',
  'more',
]);

/**
 * Punctuation, quotes and arrows at either end of a link text, which do not make it say more: "Preberi več »",
 * "»Tukaj«", "Več …", "Read more →". The lookbehind lets the run at the end start only where a run starts:
 * started inside one, the expression read the rest of the run again from every position, and a bio (rendered
 * then on the main thread, with no time limit) with a link text of 200,000 hyphens took 41 s to build.
 */
const ENDS_OF_TEXT = /^[\s\p{P}\p{S}]+|(?<![\s\p{P}\p{S}])[\s\p{P}\p{S}]+$/gu;

/**
 * Links (inline, reference and autolinks) whose text is one of VAGUE_LINK_TEXTS or empty. The text is inlineText's,
 * what a screen reader names the link by: an image in it counts with its alt text. A link made only of an
 * image with no alt text has no name at all; collectImagesWithoutAlt warns about that image, so it is not
 * warned about twice. A link whose URL the sanitiser drops is published as an `<a>` without href, which is
 * no link to a screen reader either, so it is left out.
 */
function collectVagueLinks(node: Nodes, definitions: ReadonlyMap<string, Definition>, out: VagueLink[]): void {
  if (node.type === 'link' || node.type === 'linkReference') {
    const url = node.type === 'link' ? node.url : definitions.get(node.identifier)?.url;
    if (url === undefined || !keepsUrl(url, LINK_PROTOCOLS)) return;
    const text = foldWhitespace(inlineText(node));
    // An empty text (`[](https://…)`) is a link with no name at all, unless an image without alt text is all
    // it holds, which collectImagesWithoutAlt warns about.
    const nameless = text === '' && !holdsImage(node);
    if (node.position && (nameless || isVagueLinkText(text))) out.push({ line: node.position.start.line, text });
  } else if ('children' in node) {
    for (const child of node.children) collectVagueLinks(child, definitions, out);
  }
}

/**
 * Gives ADDRESS_LINK to each link whose text is its address (`https://www.gov.si/`, `www.gov.si`, `<https://…>`):
 * print writes an outside link's address after its text, which printed such an address twice.
 */
function markAddressLinks(node: Nodes, definitions: ReadonlyMap<string, Definition>): void {
  if (node.type === 'link' || node.type === 'linkReference') {
    const url = node.type === 'link' ? node.url : definitions.get(node.identifier)?.url;
    const text = node.children.length === 1 && node.children[0]!.type === 'text' ? node.children[0]!.value : undefined;
    if (url !== undefined && text !== undefined && bareAddress(text) === bareAddress(url)) {
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, className: [ADDRESS_LINK] } };
    }
  } else if ('children' in node) {
    for (const child of node.children) markAddressLinks(child, definitions);
  }
}

/** An address as a reader compares it: without http(s)://, a last slash and percent-encoding. */
function bareAddress(address: string): string {
  let decoded = address.trim();
  try {
    decoded = decodeURI(decoded);
  } catch {
    // A lone % (`…?popust=50%`) is no encoding: compare it as written.
  }
  return decoded.replace(/^https?:\/\//i, '').replace(/\/$/, '');
}

function holdsImage(node: Nodes): boolean {
  if (node.type === 'image' || node.type === 'imageReference') return true;
  return 'children' in node && node.children.some(holdsImage);
}

/** `text` has its white space folded already. */
function isVagueLinkText(text: string): boolean {
  return VAGUE_LINK_TEXTS.has(text.replace(ENDS_OF_TEXT, '').toLowerCase());
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'tableCell', 'code']);
/** Closing punctuation a block may end in already, before any closing quotes or brackets (»Kdo je kriv?«). */
const ENDS_SENTENCE = /[.!?…:;]["'»«“”‘’)\]]*$/u;
const HAS_WORD = /[\p{L}\p{N}]/u;

function collectBlockTexts(nodes: readonly RootContent[], out: string[], inListItem = false): void {
  for (const node of nodes) {
    if (node.type === 'html') continue;
    if (BLOCK_TYPES.has(node.type)) {
      const value = foldWhitespace(inlineText(node));
      // A search snippet shows this text with its blank lines folded to spaces, where a heading or a photo's alt
      // text ran into the next sentence (»Ozadje Vlada je …«) and list items and table cells into each other
      // (»Janez Novak Ana Kovač Naslednji odstavek«). Punctuation is no word, so word counts and search terms stay as they
      // were, and a blank line already ends a sentence for people detection.
      const mark = value && !ENDS_SENTENCE.test(value) && HAS_WORD.test(value) ? closingMark(node, inListItem) : '';
      if (value) out.push(`${value}${mark}`);
    } else if ('children' in node) {
      collectBlockTexts(node.children as RootContent[], out, node.type === 'listItem');
    }
  }
}

/**
 * A heading is a sentence of its own and ends with a full stop, and so does a paragraph of images alone, whose alt
 * text is a caption (»Ognjemet nad Ljubljano. Vlada je …«). List items and table cells are parts of one
 * enumeration, so they end with a semicolon, as a list run into a sentence would: a full stop would turn a
 * number into an ordinal (»2025.«) and a lower-case item into a sentence of its own.
 */
function closingMark(node: RootContent, inListItem: boolean): string {
  if (node.type === 'heading') return '.';
  if (node.type === 'tableCell' || (node.type === 'paragraph' && inListItem)) return ';';
  if (node.type === 'paragraph' && !hasOwnText(node)) return '.';
  return '';
}

/** Whether a node holds text other than images' alt text. */
function hasOwnText(node: RootContent): boolean {
  if (node.type === 'image' || node.type === 'imageReference' || node.type === 'html') return false;
  if ('value' in node && typeof node.value === 'string') return node.value.trim() !== '';
  if ('children' in node) return (node.children as RootContent[]).some(hasOwnText);
  return false;
}

/** Text of a node with its inline markup removed; images contribute their alt text. */
export function inlineText(node: RootContent | Root): string {
  if (node.type === 'html') return '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if (node.type === 'image') return node.alt ?? '';
  if (node.type === 'break') return ' ';
  if ('children' in node) {
    let result = '';
    for (const child of node.children as RootContent[]) result += inlineText(child);
    return result;
  }
  return '';
}

/**
 * The page around a body has the one h1 (the article's title, a person's name), so the body's outline starts
 * at h2 and never skips a level (WCAG 1.3.1, and the W3C checker warns on a skip): each heading becomes one
 * level below the heading it belongs to, the nearest before it written at a higher level (`#` is higher than
 * `##`), and a heading that belongs to none becomes h2. `#`, `###` becomes h2, h3; `##`, `####`, `###` becomes
 * h2, h3, h3. Headings written at one level under one heading stay at one level: `##`, `####`, `####` is h2,
 * h3, h3, where lifting each to one below the heading just before it made the second `####` an h4, as if it
 * belonged to the first.
 */
export function nestHeadings(tree: Root, markdown: string): SkippedHeading[] {
  const headings: Heading[] = [];
  collectHeadings(tree, headings);
  const skipped: SkippedHeading[] = [];
  // The text's own first level: a body written with # or ### alone skips nothing.
  // In a loop: Math.min(...depths) of a body of 150,000 headings threw a RangeError (append.ts), told as markdown/too-complex.
  let top = Infinity;
  for (const heading of headings) top = Math.min(top, heading.depth);
  // The headings the next one may belong to, each as written, as published and as the number of # that writes
  // the level published (less than written after a skip above it), and its line.
  const open: { written: number; depth: number; shown: number; line: number }[] = [];
  for (const heading of headings) {
    while (open.length > 0 && open[open.length - 1]!.written >= heading.depth) open.pop();
    const written = heading.depth;
    const parent = open[open.length - 1];
    heading.depth = Math.min((parent?.depth ?? 1) + 1, 6) as Heading['depth'];
    const line = heading.position?.start.line ?? 0;
    const expected = parent ? parent.shown + 1 : top;
    // Against the heading as written above it, so a heading under one that skipped is not told of that one's skip;
    // but one told skips after it (##, ####, ######) is told the level the page shows, one below that one's fixed
    // level: ####, not #####, which would skip again once the #### is written ###.
    if (written > (parent ? parent.written + 1 : top) && heading.position) {
      const entry: SkippedHeading = { line, written, expected, published: heading.depth, ...writtenHeading(heading, markdown) };
      if (parent) entry.under = { line: parent.line, written: parent.written };
      skipped.push(entry);
    }
    open.push({ written, depth: heading.depth, shown: expected, line });
  }
  return skipped;
}

/**
 * A heading as its line writes it, taken from the source so that the line to write differs from it only in its #s:
 * its text from its first child to its last (a closing `##` left out), and what stands before it on its line.
 */
function writtenHeading(heading: Heading, markdown: string): Pick<SkippedHeading, 'before' | 'source' | 'bold'> {
  const start = heading.position?.start.offset ?? 0;
  const before = markdown.slice(markdown.lastIndexOf('\n', start - 1) + 1, start);
  const first = heading.children[0]?.position?.start.offset;
  const last = heading.children[heading.children.length - 1]?.position?.end.offset;
  // A Setext heading's text may run over lines, each after its quote's > or its list item's indentation.
  const source = first === undefined || last === undefined ? '' : markdown.slice(first, last).replace(/[ \t]*\r?\n[ \t>]*/g, ' ');
  return { before, source, bold: heading.children.length === 1 && heading.children[0]!.type === 'strong' };
}

/** Gives every heading its id (heading-ids.ts), made from its text as a reader sees it (an image's alt text included). */
function identifyHeadings(tree: Root): void {
  const headings: Heading[] = [];
  collectHeadings(tree, headings);
  const ids = headingIds(headings.map((heading) => inlineText(heading)));
  headings.forEach((heading, index) => {
    heading.data = { ...heading.data, hProperties: { id: ids[index]! } };
  });
}

/** In document order, inside quotes and lists too (a paragraph holds none). */
function collectHeadings(node: Nodes, out: Heading[]): void {
  if (node.type === 'heading') out.push(node);
  else if (node.type !== 'paragraph' && 'children' in node) for (const child of node.children) collectHeadings(child, out);
}

/**
 * A table column's alignment (`|:-:|`) would become an align attribute on every cell, which HTML5 made
 * obsolete (the W3C checker reports it as an error): a right or centred column's cells get a class the
 * stylesheet aligns instead (an editor right-aligns figures, so that 98.112 sits under the 345 of 120.345).
 */
function withoutCellAlignment(node: Nodes): void {
  if (node.type === 'table') {
    const align = node.align ?? [];
    for (const row of node.children) {
      row.children.forEach((cell, index) => {
        const side = align[index];
        if (side === 'right' || side === 'center') cell.data = { ...cell.data, hProperties: { className: [`align-${side}`] } };
      });
    }
    node.align = null;
  } else if (node.type !== 'paragraph' && 'children' in node) for (const child of node.children) withoutCellAlignment(child);
}

/**
 * A figure and the unit after it (`1.234.567.890 €`, `31,2 %`, `-5 °C`) are one thing to read, and Slovenian
 * typesetting joins them with a no-break space. In a table cell it matters most: a left-aligned column of
 * figures shrinks to its longest word while the table scrolls, and the € or % went to a line of its own. Only
 * cells, only a plain space typed between a digit and the sign; code is no text node and stays as typed.
 */
const FIGURE_UNIT_SPACE = /(?<=\d) +(?=[€$£%‰°])/g;

function joinFiguresToUnits(node: Nodes, inCell = false): void {
  if (node.type === 'text') {
    if (inCell) node.value = node.value.replace(FIGURE_UNIT_SPACE, '\u00a0');
  } else if ('children' in node) {
    for (const child of node.children) joinFiguresToUnits(child, inCell || node.type === 'tableCell');
  }
}

/**
 * A table wider than the column (a budget's figures at 360 px) scrolls sideways inside a wrapper instead of
 * breaking its cells mid-figure (`1.234` over `.567.` over `890 €` reads as other numbers) or pushing the page
 * sideways: the exception WCAG 1.4.10 (Reflow) makes for data tables. The wrapper is focusable, so a keyboard
 * can scroll it (WCAG 2.1.1), and a named region, so a screen reader says what the tab stop is; GitHub's
 * tables have no caption to name it by, so it is »Tabela«, numbered when a body has several (landmarks of one
 * role need names of their own). mdast-util-to-hast turns a node type it has no handler for into a div with
 * the node's hProperties (its defaultUnknownHandler), so the wrapper is such a node.
 */
interface TableScroll {
  type: 'tableScroll';
  data: { hName: 'div'; hProperties: Properties };
  children: [Table];
}

function wrapTables(tree: Root): void {
  const places: { parent: Parent; index: number }[] = [];
  collectTablePlaces(tree, places);
  places.forEach(({ parent, index }, number) => {
    const table = parent.children[index] as Table;
    // Here, where the tables are found anyway, not in a walk of every article's whole tree.
    joinFiguresToUnits(table);
    const wrapper: TableScroll = {
      type: 'tableScroll',
      data: { hName: 'div', hProperties: { className: [TABLE_SCROLL], tabIndex: 0, role: 'region', ariaLabel: tableLabel(number, places.length) } },
      children: [table],
    };
    // The one place a node mdast does not define enters the tree, right before it becomes HTML.
    parent.children[index] = wrapper as unknown as RootContent;
  });
}

/**
 * Every picture is decoded off the main thread (`decoding="async"`), and every one but the first waits until the
 * reader scrolls near it (`loading="lazy"`): a long article's photos all loaded with the page, on a phone's data.
 * The first is left to load at once, since it is most often the photo at the top and the page's largest
 * contentful paint, which a lazy picture delays (web.dev, »Browser-level image lazy loading for the web«).
 */
function loadPicturesLater(tree: Root, definitions: ReadonlyMap<string, Definition>): BodyPicture[] {
  const pictures: BodyPicture[] = [];
  const visit = (node: Nodes): void => {
    // A reference to no definition is published as its text (mdast-util-to-hast), no picture.
    const url = node.type === 'image' ? node.url : node.type === 'imageReference' ? definitions.get(node.identifier)?.url : undefined;
    if (url !== undefined) {
      node.data = { ...node.data, hProperties: pictures.length === 0 ? { decoding: 'async' } : { loading: 'lazy', decoding: 'async' } };
      pictures.push({ url, line: node.position?.start.line ?? 1 });
    } else if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return pictures;
}

interface CaptionedPicture {
  type: 'captionedPicture';
  data: { hName: 'figure' };
  children: [Image, { type: 'pictureCaption'; data: { hName: 'figcaption' }; children: [{ type: 'text'; value: string }] }];
}

/**
 * A paragraph of one picture with a title (`![Poplavljena cesta](/slike/cesta.jpg "Foto: Janez Kranjc/STA")`, where
 * news puts the credit or a caption) becomes a figure with the title as its caption. As the img's title attribute
 * it showed only while a mouse rested on the picture: keyboard and touch readers never saw the credit. The title
 * leaves the img, or a screen reader reads it twice. A title beside text or other pictures, or in a link, stays
 * an attribute: a figure there would break the paragraph or the link in two.
 */
function captionPictures(node: Parent, definitions: ReadonlyMap<string, Definition>): void {
  node.children.forEach((child, index) => {
    if (child.type === 'paragraph') {
      const figure = captionedPicture(child, definitions);
      if (figure) node.children[index] = figure as unknown as RootContent;
    } else if (child.type === 'blockquote' || child.type === 'list' || child.type === 'listItem') {
      captionPictures(child, definitions);
    }
  });
}

function captionedPicture(paragraph: Paragraph, definitions: ReadonlyMap<string, Definition>): CaptionedPicture | undefined {
  if (paragraph.children.length !== 1) return undefined;
  const only = paragraph.children[0]!;
  const picture = only.type === 'image' ? only : only.type === 'imageReference' ? pictureOfReference(only, definitions) : undefined;
  const caption = picture?.title?.trim();
  if (!picture || !caption) return undefined;
  const image: Image = { ...picture, title: null };
  return {
    type: 'captionedPicture',
    data: { hName: 'figure' },
    children: [image, { type: 'pictureCaption', data: { hName: 'figcaption' }, children: [{ type: 'text', value: caption }] }],
  };
}

/** A reference picture as the picture its definition makes it (the same src and title mdast-util-to-hast gives it). */
function pictureOfReference(reference: ImageReference, definitions: ReadonlyMap<string, Definition>): Image | undefined {
  const definition = definitions.get(reference.identifier);
  if (!definition) return undefined;
  const image: Image = { type: 'image', url: definition.url, alt: reference.alt ?? null, title: definition.title ?? null };
  if (reference.position) image.position = reference.position;
  return image;
}

function collectTablePlaces(node: Nodes, out: { parent: Parent; index: number }[]): void {
  if (node.type === 'paragraph' || !('children' in node)) return;
  node.children.forEach((child, index) => {
    if (child.type === 'table') out.push({ parent: node, index });
    else collectTablePlaces(child, out);
  });
}

/** The definitions reference links and images take their URLs from, by identifier. */
function definitionsOf(tree: Root): Map<string, Definition> {
  const definitions = new Map<string, Definition>();
  collectDefinitions(tree, definitions);
  return definitions;
}

function collectDefinitions(node: Nodes, out: Map<string, Definition>): void {
  if (node.type === 'definition') {
    // The first definition of an identifier wins (CommonMark), as in mdast-util-to-hast.
    if (!out.has(node.identifier)) out.set(node.identifier, node);
  } else if (node.type !== 'paragraph' && 'children' in node) {
    for (const child of node.children) collectDefinitions(child, out);
  }
}

/**
 * The sanitiser drops an image URL it does not allow and keeps the element: `<img alt="x">` with no src,
 * which is invalid HTML and shows a broken image. Such an image (and one with an empty URL) becomes its
 * alt text instead.
 */
function replaceDroppedImages(node: Parent, definitions: ReadonlyMap<string, Definition>): void {
  const children = node.children as RootContent[];
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    const url = child.type === 'image' ? child.url : child.type === 'imageReference' ? definitions.get(child.identifier)?.url : undefined;
    if (url !== undefined && (child.type === 'image' || child.type === 'imageReference') && !keepsImageUrl(url)) {
      children[index] = { type: 'text', value: child.alt ?? '' };
    } else if ('children' in child) {
      replaceDroppedImages(child, definitions);
    }
  }
}


/**
 * A scheme the page keeps, written in capitals (HTTPS://, Mailto:), in small letters: schemes know no letter case
 * and browsers follow HTTPS:// links, but the sanitiser compares letter for letter and dropped them. Any other
 * scheme is left as written, to be dropped (JavaScript: stays dropped).
 */
function lowerCaseSchemes(node: Nodes): void {
  if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(node.url)?.[1];
    if (scheme !== undefined && scheme !== scheme.toLowerCase() && LINK_PROTOCOLS.includes(scheme.toLowerCase())) {
      node.url = scheme.toLowerCase() + node.url.slice(scheme.length);
    }
  }
  if ('children' in node) for (const child of node.children) lowerCaseSchemes(child);
}

export function keepsImageUrl(url: string): boolean {
  return url !== '' && keepsUrl(url, IMAGE_PROTOCOLS);
}

/** Whether the sanitiser keeps `url` where `protocols` are allowed (its safeProtocol). */
function keepsUrl(url: string, protocols: readonly string[]): boolean {
  const colon = url.indexOf(':');
  if (colon < 0) return true;
  // A colon after a / ? or # is not a scheme's: the URL is relative.
  for (const mark of ['/', '?', '#']) {
    const at = url.indexOf(mark);
    if (at > -1 && colon > at) return true;
  }
  return protocols.some((protocol) => colon === protocol.length && url.startsWith(protocol));
}
