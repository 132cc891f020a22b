import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, tidyWrittenOutAddresses } from '../../../src/markdown/parse.ts';
import { renderMarkdown } from '../../../src/markdown/render.ts';
import { FIXTURES } from '../../helpers.ts';

/** The parser with both extensions always on: parseMarkdown must give its tree for every body. */
const withEvery = unified()
  .use(remarkParse)
  .use(function () {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(gfmTable(), gfmAutolinkLiteral());
    (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmAutolinkLiteralFromMarkdown());
  });

function everyExtension(markdown: string): Root {
  const tree = withEvery.parse(markdown) as Root;
  tidyWrittenOutAddresses(tree, markdown);
  return tree;
}

function bodies(directory: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.md')) found.push(readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
  }
  return found;
}

describe('parseMarkdown', () => {
  it('gives the tree of the parser with every extension, for every fixture file and for tricky shapes', () => {
    const samples = [
      ...['archive-basic', 'base-path', 'design', 'nav', 'people-labelled', 'search'].flatMap((site) => bodies(path.join(FIXTURES, site))),
      '| a |\n| - |\n| 1 |',
      '> | a | b |\n> |:-|-:|\n> | 1 | 2 |',
      '1. | a | b |\n   | - | - |',
      'a | b\n--|--\n1 | 2',
      'Naslov\n---\n\nBesedilo | s cevjo.',
      '* * *\n\n| ni tabela |\n\n- - -',
      '\t| a | b |\n\t|---|---|',
      // One-column tables whose delimiter row has a colon and no pipe.
      'a\n:-',
      'a\n-:',
      'Rezultati:\n--:',
      '| Kandidat |\n:-:\n| Ana Novak |',
      'Naslov\n---\n\nČas: 10:30 - 11:00',
      // Addresses: written out, in a link, an image, a definition, an autolink, an e-mail, in quotes and capitals.
      'Vir: https://www.gov.si/novice/.',
      'Povezava [na vlado](https://www.gov.si/) in ![grb](https://www.gov.si/grb.png).',
      '[vir]: https://www.gov.si/\n\nBesedilo [vira][vir].',
      'Naslov <https://www.gov.si/> in <urednistvo@example.si>.',
      'Pišite na urednistvo@example.si ali @uredništvo na omrežju X.',
      'Glej »https://www.gov.si/« in „www.rtvslo.si“.',
      'HTTPS://WWW.GOV.SI in Www.Rtvslo.Si',
      '<https://x.si/a.> in [https://y.si/](https://y.si/) in https://z.si/.',
      '| Vir | Naslov |\n|---|---|\n| vlada | https://www.gov.si/ |',
    ];
    expect(samples.length).toBeGreaterThan(50);
    for (const sample of samples) expect(parseMarkdown(sample), sample.slice(0, 80)).toEqual(everyExtension(sample));
  });

  it('links addresses written out in the text, leaving Slovenian quotes and end punctuation outside the link', () => {
    const html = (markdown: string) => renderMarkdown(markdown).html.trim();
    expect(html('Vir: https://www.gov.si/novice/.')).toBe('<p>Vir: <a href="https://www.gov.si/novice/" class="address-link">https://www.gov.si/novice/</a>.</p>');
    expect(html('Glej »https://www.gov.si/« in „www.rtvslo.si“.')).toBe(
      '<p>Glej »<a href="https://www.gov.si/" class="address-link">https://www.gov.si/</a>« in „<a href="http://www.rtvslo.si" class="address-link">www.rtvslo.si</a>“.</p>',
    );
    expect(html('Pišite na urednistvo@example.si.')).toBe('<p>Pišite na <a href="mailto:urednistvo@example.si">urednistvo@example.si</a>.</p>');
    expect(html('HTTPS://WWW.GOV.SI')).toBe('<p><a href="https://WWW.GOV.SI" class="address-link">HTTPS://WWW.GOV.SI</a></p>');
    // A link's own address is not linked again, and a line number still points at the address.
    expect(html('[na vlado](https://www.gov.si/)')).toBe('<p><a href="https://www.gov.si/">na vlado</a></p>');
    // One the author wrote as a link keeps what they wrote, even beside a written-out one.
    expect(html('<https://x.si/a.> in https://y.si/.')).toBe('<p><a href="https://x.si/a." class="address-link">https://x.si/a.</a> in <a href="https://y.si/" class="address-link">https://y.si/</a>.</p>');
    // A run of a thousand dots is no news text: its addresses stay text, read at once.
    expect(html(`https://x.si/${'.'.repeat(40_000)}a`)).toBe(`<p>https://x.si/${'.'.repeat(40_000)}a</p>`);
    const tree = parseMarkdown('Prva vrstica.\n\nVir: »https://www.gov.si/«');
    const paragraph = tree.children[1] as import('mdast').Paragraph;
    expect(paragraph.children.map((node) => [node.type, node.position?.start.column, node.position?.end.column])).toEqual([
      ['text', 1, 7],
      ['link', 7, 26],
      ['text', 26, 27],
    ]);
  });

  // The end's quotes and punctuation were found by an expression tried from every letter of the address to its
  // end, so a long run of them inside one (400,000 » in a pasted export) took minutes, with bios rendered on
  // the build's own thread and no time limit; the address is now read back from its end once.
  it('finds the quotes at an address end in one pass, however many the address holds', () => {
    const run = '»'.repeat(400_000);
    const tree = parseMarkdown(`Vir: https://www.gov.si/${run}a«`);
    const link = (tree.children[0] as import('mdast').Paragraph).children[1] as import('mdast').Link;
    expect(link.url).toBe(`https://www.gov.si/${run}a`);
  });
});
