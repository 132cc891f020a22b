import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/markdown/parse.ts';
import { FIXTURES } from '../../helpers.ts';

/** The parser with the table extension always on: parseMarkdown must give its tree for every body. */
const withTables = unified()
  .use(remarkParse)
  .use(function () {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(gfmTable());
    (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
  });

function bodies(directory: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.md')) found.push(readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
  }
  return found;
}

describe('parseMarkdown', () => {
  it('gives the tree of the table-aware parser, for every fixture file and for tricky shapes', () => {
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
    ];
    expect(samples.length).toBeGreaterThan(50);
    for (const sample of samples) expect(parseMarkdown(sample), sample.slice(0, 80)).toEqual(withTables.parse(sample));
  });
});
