import { describe, expect, it } from 'vitest';
import { MARKDOWN_LIMITS, checkMarkdownShape, findShapeProblem } from '../../../src/content/markdown-shape.ts';
import { renderMarkdown } from '../../../src/markdown/render.ts';

const deep = MARKDOWN_LIMITS.maxBlockNesting;

function nestedList(levels: number, indent: string): string {
  return Array.from({ length: levels }, (_, level) => indent.repeat(level) + '1. x').join('\n');
}

describe('findShapeProblem refuses shapes that overflow or stall remark', () => {
  const hostile: Array<[string, string, string, number]> = [
    ['10,000 nested blockquotes', 'Uvod.\n\n' + '> '.repeat(10_000) + 'x\n', 'markdown/too-deep', 3],
    ['10,000 nested blockquotes without spaces', '>'.repeat(10_000) + ' x', 'markdown/too-deep', 1],
    ['10,000 nested list items', '- '.repeat(10_000) + 'x', 'markdown/too-deep', 1],
    ['ordered lists nested on one line', '1. '.repeat(1000) + 'x', 'markdown/too-deep', 1],
    ['a list nested by indentation', Array.from({ length: 200 }, (_, i) => '  '.repeat(i) + '- x').join('\n'), 'markdown/too-deep', deep + 1],
    ['a numbered list nested by four spaces a level', nestedList(deep + 1, '    '), 'markdown/too-deep', deep + 1],
    // A code fence left open in a quote or a list item ends with it (CommonMark 4.5), so remark reads what follows.
    ['a code fence left open in a quote, then 10,000 nested quotes', '> ```\n\n' + '> '.repeat(10_000) + 'x', 'markdown/too-deep', 3],
    ['a code fence left open in a quote, then 50,000 nested brackets', 'Uvod.\n\n> ```\n' + '['.repeat(50_000) + 'x' + ']'.repeat(50_000), 'markdown/too-deep', 4],
    ['a code fence left open in a list item, then 10,000 nested quotes', '- ```\n\n' + '> '.repeat(10_000) + 'x', 'markdown/too-deep', 3],
    ['50,000 nested brackets', '['.repeat(50_000) + 'x' + ']'.repeat(50_000), 'markdown/too-deep', 1],
    ['50,000 open brackets', 'a\nb\n' + '['.repeat(50_000), 'markdown/too-deep', 3],
    ['5,000 nested images', '!['.repeat(5000) + 'x' + '](a)'.repeat(5000), 'markdown/too-deep', 1],
    ['a run of 50,000 asterisks around a word', '*'.repeat(50_000) + 'x' + '*'.repeat(50_000), 'markdown/too-deep', 1],
    ['5,000 nested emphasis openers', '*a '.repeat(5000) + 'x' + ' a*'.repeat(5000), 'markdown/too-deep', 1],
    ['underscores nested over lines', Array.from({ length: 100 }, () => '_a').join('\n'), 'markdown/too-deep', deep + 1],
    ['10,000 intraword asterisks in one paragraph', 'a*'.repeat(10_000), 'markdown/too-complex', 1],
    // 23 paragraphs of 900 links' brackets: the 23rd (line 45) passes the 20,000 markers of one body.
    ['too many markers in the whole body', ('[a]'.repeat(450) + '\n\n').repeat(30), 'markdown/too-complex', 45],
    // Lines nested 20 deep: the 501st passes the 10,000 levels of one body.
    ['too much nesting over all lines', ('> '.repeat(20) + 'x\n').repeat(600), 'markdown/too-complex', 501],
  ];
  it.each(hostile)('%s', (_name, markdown, code, line) => {
    const problem = findShapeProblem(markdown);
    expect(problem?.code).toBe(code);
    expect(problem?.line).toBe(line);
  });

  it('says how deep the line is nested, indentation not counted as nesting', () => {
    expect(findShapeProblem(nestedList(deep + 1, '    '))).toEqual({
      code: 'markdown/too-deep',
      line: deep + 1,
      message: `quotes and lists are nested ${deep + 1} levels deep on this line; arhivar renders at most ${deep}`,
    });
    expect(findShapeProblem('Uvod.\n\n' + '- '.repeat(10_000) + 'x')?.message).toMatch(/nested 10000 levels deep/);
  });

  it('reports the line of the file, not of the body', () => {
    const error = checkMarkdownShape('Prvi odstavek.\n\n' + '> '.repeat(5000) + 'x', 'content/articles/a.md', 6);
    expect(error?.code).toBe('markdown/too-deep');
    expect(error?.file).toBe('content/articles/a.md');
    expect(error?.line).toBe(8);
    expect(error?.hint).toMatch(/escape/);
  });
});

describe('findShapeProblem accepts ordinary and borderline Markdown, which then renders', () => {
  const fine: Array<[string, string]> = [
    ['an ordinary article', '## Naslov\n\nBesedilo z **krepkim**, *ležečim* in [povezavo](https://example.si).\n\n> Citat\n> > v citatu\n\n- ena\n  - dve\n    - tri\n'],
    ['arithmetic and snake_case', 'Račun 5 * 3 * 2 = 30 in ime_spremenljivke_dolgo in 2*3*4.'],
    ['thematic breaks', '***\n\n* * *\n\n- - -\n\n___'],
    ['many asterisks inside a code span', 'Koda: `' + '*'.repeat(5000) + '` konec.'],
    ['deep quotes inside a fenced code block', '```\n' + '> '.repeat(5000) + '\n```\n\nPo kodi.'],
    ['deep quotes inside a fenced code block in a quote', '> ```\n> ' + '> '.repeat(5000) + '\n> ```\n\nPo kodi.'],
    ['deep quotes in indented code inside a list item', '- Primer:\n\n      ' + '> '.repeat(100) + '\n\nPo kodi.'],
    ['deep quotes in raw HTML', '<div>\n' + '> '.repeat(100) + '\n</div>\n\nPo HTML.'],
    ['a numbered list nested 17 deep by four spaces a level', nestedList(17, '    ')],
    ['escaped brackets', '\\['.repeat(5000)],
    [`quotes nested ${deep} deep`, '> '.repeat(deep) + 'x'],
    [`brackets nested ${deep} deep`, '['.repeat(deep) + 'x' + ']'.repeat(deep)],
    ['a 1 MB line of text', 'beseda '.repeat(150_000)],
    ['many links in one paragraph', '[a](https://a.si) '.repeat(400)],
  ];
  it.each(fine)('%s', (_name, markdown) => {
    expect(findShapeProblem(markdown)).toBeUndefined();
    expect(renderMarkdown(markdown).html.length).toBeGreaterThan(0);
  });
});
