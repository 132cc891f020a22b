import { ArhivarError } from '../errors.ts';
import { EMBEDDED_TAGS } from '../markdown/embedded-tags.ts';
import { IMAGE_PROTOCOLS, LINK_PROTOCOLS } from '../markdown/url-schemes.ts';
import type { DroppedHtml, DroppedUrl, MarkdownFacts, PastedTable, SkippedHeading, SpacedAddress } from '../markdown/render.ts';

/** What of a rendered Markdown text the warnings below are made from; .cache/ keeps it for bios (pipeline/people.ts). */
export type WarnedFacts = Pick<
  MarkdownFacts,
  'imagesWithoutAlt' | 'imagesNamedByFile' | 'vagueLinks' | 'droppedUrls' | 'droppedHtml' | 'spacedAddresses' | 'skippedHeadings' | 'pastedTables'
>;

/**
 * Warnings about what a rendered Markdown text publishes otherwise than its author meant: images with no
 * alt text and links whose text says nothing out of context (for readers with a screen reader), images
 * and links published without their address, raw HTML left out, images and links published as text
 * because their address has a space, headings that skip a level, and tables pasted with tabs between their
 * cells. Articles' bodies and people's bios get the same ones, under their own code prefix; `firstLine` is the line of the file the Markdown starts on.
 */
export function bodyWarnings(facts: WarnedFacts, owner: 'article' | 'person', file: string, firstLine: number): ArhivarError[] {
  const warnings: ArhivarError[] = [];
  for (const line of facts.imagesWithoutAlt ?? []) {
    warnings.push(
      new ArhivarError({
        code: `${owner}/image-without-alt`,
        message: 'an image has no alt text, so it is published with alt="" and screen readers skip it as decoration',
        file,
        line: firstLine + line - 1,
        hint: 'describe what the image shows between the brackets: ![Županja Ana Novak na seji sveta](/slike/seja.jpg)',
      }),
    );
  }
  for (const image of facts.imagesNamedByFile ?? []) {
    warnings.push(
      new ArhivarError({
        code: `${owner}/image-alt-file-name`,
        message: `the alt text of this image is a file name, "${image.alt}": a screen reader reads it out in place of what the picture shows`,
        file,
        line: firstLine + image.line - 1,
        hint: 'describe what the image shows between the brackets: ![Županja Ana Novak na seji sveta](/slike/seja.jpg)',
      }),
    );
  }
  for (const link of facts.vagueLinks ?? []) {
    warnings.push(
      new ArhivarError({
        code: `${owner}/vague-link-text`,
        message: link.text
          ? `the link text "${link.text}" says nothing out of context: screen-reader users who go through a page by its list of links hear only "${link.text}"`
          : 'this link has no text: it is published as a link nobody can see, and a screen reader names it by its address or not at all',
        file,
        line: firstLine + link.line - 1,
        hint: `write what the link leads to as its text ("poročilo ministrstva o …")${link.text ? ` instead of "${link.text}"` : ' between the brackets'}`,
      }),
    );
  }
  for (const dropped of facts.droppedUrls ?? []) warnings.push(droppedUrlWarning(dropped, owner, file, firstLine));
  for (const dropped of facts.droppedHtml ?? []) warnings.push(droppedHtmlWarning(dropped, owner, file, firstLine));
  for (const spaced of facts.spacedAddresses ?? []) warnings.push(spacedAddressWarning(spaced, owner, file, firstLine));
  for (const skipped of facts.skippedHeadings ?? []) warnings.push(skippedHeadingWarning(skipped, owner, file, firstLine));
  for (const table of facts.pastedTables ?? []) warnings.push(pastedTableWarning(table, owner, file, firstLine));
  return warnings;
}

/**
 * A table pasted with tabs between its cells (render.ts, PastedTable), which the page runs together into one
 * paragraph. The hint is the GitHub table (the body's one kind, see README's »The body«) made of its cells, a
 * line in quotes for each of its first rows, since a hint is one line; a " in a cell is written \", which
 * Markdown shows as ", so that a row ends only at its closing quote.
 */
function pastedTableWarning({ line, rows, rowCount, figures }: PastedTable, owner: 'article' | 'person', file: string, firstLine: number): ArhivarError {
  const cell = (text: string) => {
    const shown = text.length > PASTED_CELL_SHOWN ? `${text.slice(0, PASTED_CELL_SHOWN).replace(/[\uD800-\uDBFF]$/, '')}…` : text;
    // Escaped as Markdown does, which shows each as written: | would end the cell, and " the row's quotes in the
    // hint; a backslash before punctuation would escape it, so it is escaped first.
    return shown.replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\').replace(/["|]/g, '\\$&');
  };
  const row = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const delimiter = `|${figures.map((figure) => (figure ? '--:' : '---')).join('|')}|`;
  const table = [row(rows[0]!), delimiter, ...rows.slice(1).map(row)].map((text) => `"${text}"`).join(', ');
  const more = rowCount - rows.length;
  return new ArhivarError({
    code: `${owner}/pasted-table`,
    message: `these ${rowCount} lines have cells separated by tabs, as a table copied from Excel or Word pastes them: Markdown has no such table, so the page runs them together into one paragraph`,
    file,
    line: firstLine + line - 1,
    hint: `write it as a table, each row on a line of its own with | around the cells, the first row its header and a delimiter row under it (--: right-aligns a column of figures): ${table}${more > 0 ? `, and so on for ${more} more ${more === 1 ? 'row' : 'rows'}` : ''}; if the first row is data, put a row of column names above it`,
  });
}

const PASTED_CELL_SHOWN = 60;

/**
 * A heading written more than one level below the heading it belongs to (render.ts, SkippedHeading). The page
 * shows it at the level it can have, so the hint is the line that writes that level, as written but for its #s;
 * an editor who wanted a small bold line rather than a section is told how to write one.
 */
function skippedHeadingWarning({ line, written, expected, published, under, before, source, bold: allBold }: SkippedHeading, owner: 'article' | 'person', file: string, firstLine: number): ArhivarError {
  const marks = (count: number) => '#'.repeat(count);
  const where = under
    ? `under the ${marks(under.written)} heading at line ${firstLine + under.line - 1}`
    : `before the ${owner === 'article' ? "body's" : "bio's"} first ${marks(expected)} heading, under the page's title`;
  const text = source || '…';
  const bold = `${before}${allBold ? text : `**${text}**`}`;
  return new ArhivarError({
    code: `${owner}/skipped-heading`,
    message: `this heading is written ${marks(written)} ${where}, which skips a level: screen readers announce a heading's level and take a skipped one for a missing section, so the page shows it as h${published}, larger than written`,
    file,
    line: firstLine + line - 1,
    hint: `write ${before}${marks(expected)} ${text}, the level the page shows; for a line that should only stand out, write it in bold without #: ${bold}`,
  });
}

/**
 * An image or link the page shows as its Markdown (render.ts, SpacedAddress). A file in public/ keeps its name
 * there, so both ways out work: a name without spaces, or each space written as %20.
 */
function spacedAddressWarning({ line, kind, url, title, text }: SpacedAddress, owner: 'article' | 'person', file: string, firstLine: number): ArhivarError {
  const open = kind === 'image' ? '![' : '[';
  // The title stays as written after the address: its spaces are no part of the address.
  const after = title === undefined ? '' : ` ${title}`;
  const written = `${open}${text}](${url}${after})`;
  const escaped = `${open}${text}](${url.replace(/ /g, '%20')}${after})`;
  const local = url.startsWith('/') && !url.startsWith('//');
  const renamed = url.replace(/ /g, '-');
  return new ArhivarError({
    code: `${owner}/space-in-address`,
    message: `this ${kind}'s address "${url}" has a space in it, where Markdown ends an address, so the page shows "${written}" as text instead of the ${kind === 'image' ? 'picture' : 'link'}`,
    file,
    line: firstLine + line - 1,
    hint: local
      ? `rename the file without spaces (public${renamed}) and write ${open}${text}](${renamed}${after}), or keep its name and write each space as %20: ${escaped}`
      : /^tel:/i.test(url)
        ? // A number is written with spaces (080 12 34), but a tel: address needs none (RFC 3966 has no space in it).
          `write the number without spaces (the link text may keep them): ${open}${text}](${url.replace(/ /g, '')}${after})`
        : `write each space in the address as %20: ${escaped}`,
  });
}

/**
 * An image or link the page shows without its address (render.ts, DroppedUrl). The two common causes get
 * their own words: a picture pasted into the text, and a file on the editor's own computer.
 */
function droppedUrlWarning(dropped: DroppedUrl, owner: 'article' | 'person', file: string, firstLine: number): ArhivarError {
  const what = dropped.kind === 'image' ? 'image' : 'link';
  const shown =
    dropped.kind === 'image'
      ? dropped.text
        ? `readers see only its alt text "${dropped.text}"`
        : 'readers see nothing in its place'
      : `readers see "${dropped.text}" as plain text`;
  const pasted = dropped.kind === 'image' && /^data:/i.test(dropped.url);
  const local = /^file:/i.test(dropped.url) || /^[a-z]:[\\/]/i.test(dropped.url);
  const cause = !dropped.url
    ? 'is empty'
    : pasted
      ? `is a picture pasted into the text (${dropped.url.split(',')[0]},…)`
      : local
        ? `is a file on a computer (${dropped.url}), which readers cannot open`
        : `"${dropped.url}" is not one a page may carry (only a path or an ${namedSchemes(dropped.kind === 'image' ? IMAGE_PROTOCOLS : LINK_PROTOCOLS)} address)`;
  const example = dropped.text || 'Opis slike';
  return new ArhivarError({
    code: `${owner}/dropped-url`,
    message: `this ${what}'s address ${cause}, so it is published without it: ${shown}`,
    file,
    line: firstLine + dropped.line - 1,
    hint:
      dropped.kind === 'image' && (pasted || local)
        ? `save the picture as a file in public/ (public/slike/foto.jpg) and write ![${example}](/slike/foto.jpg)`
        : `write a web address (https://…) or a path on this site (/slike/…)${dropped.kind === 'link' ? ', or a mailto: address or tel: number' : ''}, or remove the ${what}`,
  });
}

/** The schemes the page keeps, named from the list the renderer keeps them by, so the two cannot differ: http, https or tel. */
function namedSchemes(schemes: readonly string[]): string {
  return schemes.length > 1 ? `${schemes.slice(0, -1).join(', ')} or ${schemes[schemes.length - 1]}` : schemes.join('');
}

/** Raw HTML the page leaves out (render.ts, DroppedHtml), with the Markdown that publishes what it meant. */
function droppedHtmlWarning({ line, tag, block, hiddenTo }: DroppedHtml, owner: 'article' | 'person', file: string, firstLine: number): ArhivarError {
  if (hiddenTo !== undefined) return unclosedCommentWarning(firstLine + line - 1, firstLine + hiddenTo - 1, owner, file);
  const embedded = EMBEDDED_TAGS.has(tag);
  const shown = tag === 'a' && !block ? 'readers see its text without the link' : block && !embedded && tag !== 'img' ? 'this block is left out of the page, text and all' : 'readers see nothing in its place';
  const hint = embedded
    ? 'a page cannot carry embedded content (a video, a map, a post); link it instead, with a text that says what it is: [Posnetek izjave na YouTubu](https://www.youtube.com/watch?v=…)'
    : tag === 'img'
      ? 'write the picture in Markdown, with the file in public/: ![Županja Ana Novak na seji sveta](/slike/seja.jpg)'
      : tag === 'a'
        ? 'write the link in Markdown: [poročilo ministrstva](https://www.gov.si/…)'
        : 'write it in Markdown: paragraphs as plain text, **krepko**, _ležeče_, a table with | between the columns';
  return new ArhivarError({
    code: `${owner}/dropped-html`,
    message: `raw HTML (<${tag}>) is never published, so nothing from content can run on a page: ${shown}`,
    file,
    line: firstLine + line - 1,
    hint,
  });
}

/**
 * A comment (`<!-- opomba`) never closed with `-->`: everything after it to the end of the text, or of the quote or
 * list item it opens in, is part of the comment, so it is left out of the page. `from` and `to` are lines of the file.
 */
function unclosedCommentWarning(from: number, to: number, owner: 'article' | 'person', file: string): ArhivarError {
  const hidden = to === from + 1 ? `line ${to} is` : `lines ${from + 1}–${to} are`;
  return new ArhivarError({
    code: `${owner}/unclosed-comment`,
    message: `this comment (<!--) is never closed with -->, so it hides everything after it: ${hidden} left out of the page`,
    file,
    line: from,
    hint: 'end the comment with --> where the note ends (<!-- opomba urednika -->), or delete the <!--',
  });
}
