import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { BlockReader, type BlockLine } from '../../../src/content/markdown-blocks.ts';
import { parseMarkdown } from '../../../src/markdown/parse.ts';

function readLines(markdown: string): BlockLine[] {
  const reader = new BlockReader();
  return markdown.split('\n').map((line) => reader.read(line));
}

/**
 * For each line with text, the quotes and list items in remark's tree around its last character: the
 * leaf it ends in, or the marker of a quote or item it opens empty. Lines of only `>` are left out: in a
 * list inside the quote they are blank lines, which the list goes on over but its item's position does not.
 */
function remarkDepths(markdown: string): Map<number, number> {
  const lastColumns = new Map<number, number>();
  markdown.split('\n').forEach((text, index) => {
    const last = text.search(/[^ \t][ \t]*$/);
    if (last !== -1 && !/^[ \t>]*$/.test(text)) lastColumns.set(index + 1, last + 1);
  });
  const depths = new Map<number, number>();
  const walk = (node: Nodes, around: number): void => {
    const depth = node.type === 'blockquote' || node.type === 'listItem' ? around + 1 : around;
    const { start, end } = node.position!;
    for (const [line, column] of lastColumns) {
      const fromStart = line > start.line || (line === start.line && column >= start.column);
      const beforeEnd = line < end.line || (line === end.line && column < end.column);
      if (fromStart && beforeEnd) depths.set(line, Math.max(depths.get(line) ?? 0, depth));
    }
    if ('children' in node) for (const child of node.children) walk(child, depth);
  };
  walk(parseMarkdown(markdown), 0);
  return depths;
}

/** Each line on which remark's tree opens quotes or list items, with the depth of the innermost one. */
function remarkOpenings(markdown: string): Map<number, number> {
  const depths = new Map<number, number>();
  const walk = (node: Nodes, around: number): void => {
    let depth = around;
    if (node.type === 'blockquote' || node.type === 'listItem') {
      depth++;
      const line = node.position!.start.line;
      depths.set(line, Math.max(depths.get(line) ?? 0, depth));
    }
    if ('children' in node) for (const child of node.children) walk(child, depth);
  };
  walk(parseMarkdown(markdown), 0);
  return depths;
}

/** Lines that hold text remark's inline parser reads. */
function remarkTextLines(markdown: string): Set<number> {
  const lines = new Set<number>();
  const walk = (node: Nodes): void => {
    if (node.type === 'text' || node.type === 'inlineCode') {
      for (let line = node.position!.start.line; line <= node.position!.end.line; line++) lines.add(line);
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(parseMarkdown(markdown));
  return lines;
}

/** The reader's depth against remark's on each line with text. */
function depthsSideBySide(markdown: string): { reader: Record<number, number>; remark: Record<number, number> } {
  const lines = readLines(markdown);
  const remark = remarkDepths(markdown);
  return {
    reader: Object.fromEntries([...remark.keys()].map((line) => [line, lines[line - 1]!.depth])),
    remark: Object.fromEntries(remark),
  };
}

function nested(levels: number, indent: string, marker: string): string {
  return Array.from({ length: levels }, (_, level) => indent.repeat(level) + marker + 'x').join('\n');
}

describe('BlockReader counts the quotes and list items remark nests', () => {
  const shapes: Array<[string, string]> = [
    ['bullets, each two spaces deeper', nested(40, '  ', '- ')],
    ['numbered items, each three spaces deeper', nested(40, '   ', '1. ')],
    ['numbered items, each four spaces deeper', nested(40, '    ', '1. ')],
    // "10." needs four columns, so the next "10." is in the item, but it may not interrupt the item's paragraph.
    ['items numbered 10, each four spaces deeper', nested(40, '    ', '10. ')],
    ['bullets, each a tab deeper', nested(40, '\t', '- ')],
    ['bullets, each five spaces deeper', nested(5, '     ', '- ')],
    ['five spaces after a marker: the item starts with indented code', '-     code\n  - x'],
    ['a thematic break, not three list items', '- - -\n* * *\n  - x'],
    ['quotes and lists on one line', Array.from({ length: 20 }, (_, level) => '> - '.repeat(level) + 'x').join('\n')],
    ['a list in a quote, continued by indentation', '> - a\n>   - b\n>     - c\n>       > d'],
    ['lazy lines and what they keep open', '> > - a\nb\n>   - c\n> > d\n    e'],
    ['an item that starts with a blank line', '-\n  - a\n-\n\n  - b'],
    ['numbered items interrupting a paragraph', 'a\n2. b\n1. c\n   2. d\n\n2. e'],
    ['after a paragraph, no empty item and no list inside a new quote', 'a\n-\nb\n> 2. c\n> - d'],
    ['after indented code, no empty item', '    code\n\n-\n\n- a'],
    ['indented code begun on a lazy line', '> # h\n    code\n\n2. x'],
    ['a fence in a quote ends with the quote', '> ```\n> > > >\nx\n> > > y'],
    ['a fence in a list item ends with the item', '- ```\n  - - -\n- > > z'],
    ['an HTML block keeps its lines', '<div>\n> > x\n\n> > y'],
    ['a tag alone on a lazy line stays in the list item', '- a\n<x-y>\n  - b\n\n- c'],
  ];
  it.each(shapes)('%s', (_name, markdown) => {
    const { reader, remark } = depthsSideBySide(markdown);
    expect(reader).toEqual(remark);
  });
});

/** A table, then a numbered item holding the next table: remark nests one list a level. */
function tablesAndLists(levels: number): string {
  return Array.from({ length: levels }, (_, level) => ['| a |', '| - |', '2. x'].map((line) => '   '.repeat(level) + line).join('\n')).join('\n');
}

describe('BlockReader after a table or under link definitions', () => {
  // After a table row a numbered item may start a list, which after a paragraph it may not; a setext
  // underline under definitions alone is a paragraph's text. The reader then counts at least every marker
  // and half the indentation of each line that opens a quote or an item: no line is deeper than those.
  const shapes: Array<[string, string]> = [
    ['lists after table rows, each in the one before', tablesAndLists(5)],
    ['a list under definitions and a lazy line', '- [a]: /u\n  ===\nx\n  - y'],
  ];
  it.each(shapes)('%s', (_name, markdown) => {
    const lines = readLines(markdown);
    for (const [line, depth] of remarkOpenings(markdown)) expect(lines[line - 1]!.depth, `line ${line}`).toBeGreaterThanOrEqual(depth);
  });
});

const PREFIXES = ['', ' ', '  ', '   ', '    ', '\t', ' \t', '> ', '>', '>\t', '- ', '* ', '+ ', '1. ', '2. ', '1) ', '10. ', '-', '-\t', '-     ', '1.\t'];
const BLOCKS = [
  '', 'x', 'a b', '*a* _b_', '`c`', '```', '```js', '````', '``` `', '~~~', '    code', '\tcode', '# h', '#x', '***', '---', '- - -', '_ _ _',
  '===', '-', '1.', '2)', '<div>', '</div>', '<pre>', '</pre>', '<!-- c', '-->', '<?p', '?>', '<!D', '<![CDATA[', ']]>', '<x-y a="1">', '<a b=c>',
];
/** Tables and definitions: the reader then falls back to its upper bound. */
const UNSURE_BLOCKS = ['| a | b |', '|---|---|', ':-', '[a]: /u', '[x](y)'];

/** A last line of text: a tag alone on a lazy line is left out of its list item only at the end of the body. */
const CONTAINER_MARKERS = /^(?:[ \t>]|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))*/;
const THEMATIC_BREAK = /^([*_-])(?:[ \t]*\1){2,}[ \t]*$/;

function bodies(blocks: readonly string[]): fc.Arbitrary<string> {
  const line = fc.tuple(fc.array(fc.constantFrom(...PREFIXES), { maxLength: 4 }), fc.constantFrom(...blocks)).map(([prefixes, block]) => prefixes.join('') + block);
  return fc.array(line, { minLength: 1, maxLength: 12 }).map((lines) => [...lines, 'Konec.'].join('\n'));
}

describe('BlockReader against remark on generated bodies', () => {
  it('counts exactly the nesting remark builds, without tables or definitions', () => {
    fc.assert(
      fc.property(bodies(BLOCKS), (markdown) => {
        const { reader, remark } = depthsSideBySide(markdown);
        expect(reader).toEqual(remark);
      }),
      { numRuns: 500 },
    );
  });

  it('never counts less nesting than remark builds, nor holds back text remark reads', () => {
    fc.assert(
      fc.property(bodies([...BLOCKS, ...UNSURE_BLOCKS]), (markdown) => {
        const lines = readLines(markdown);
        for (const [line, depth] of remarkOpenings(markdown)) expect(lines[line - 1]!.depth, `line ${line}`).toBeGreaterThanOrEqual(depth);
        const text = markdown.split('\n');
        for (const line of remarkTextLines(markdown)) {
          // After a table the reader may take a line's `*`, `-` or `2.` for a list item where remark reads
          // text; with space or the line's end on both sides such a marker opens no emphasis. So may it take
          // the rest of such a line for a thematic break (`10. _ _ _`), whose markers open none either.
          const rest = text[line - 1]!.replace(CONTAINER_MARKERS, '');
          if (rest === '' || THEMATIC_BREAK.test(rest)) continue;
          expect(lines[line - 1]!.inline, `line ${line}`).not.toBeUndefined();
        }
      }),
      { numRuns: 500 },
    );
  });
});
