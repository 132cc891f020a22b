import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYamlDocument } from '../../../src/content/front-matter.ts';
import { parseSimpleYaml } from '../../../src/content/simple-yaml.ts';

/** What the YAML parser makes of a block: its data and key lines, or undefined when it refuses the block. */
function byYamlParser(source: string, firstLine: number) {
  try {
    const { data, keyLines } = parseYamlDocument(source, 'content/articles/x.md', firstLine);
    return { data, keyLines: [...keyLines] };
  } catch {
    return undefined;
  }
}

function bySimpleReader(source: string, firstLine: number) {
  const block = parseSimpleYaml(source, firstLine);
  return block && { data: block.data, keyLines: [...block.keyLines] };
}

describe('parseSimpleYaml', () => {
  it('reads the front matter articles and people have, as the YAML parser does', () => {
    const blocks = [
      // As gray-matter hands it over: from the newline that ends the opening ---.
      '\ntitle: "Witkoff in Kushner na Floridi s Putinovim odposlancem Dmitrijevim"\ndate: 2025-12-22\ntags: [Ukrajina, Rusija, ZDA, mirovna pogajanja, diplomacija]\npeople:\n  - Steve Witkoff\n  - Jurij Ušakov\nsummary: Rusija vidi »počasen napredek«.',
      '\ntitle: "Naložba odbor kmetje 656"\ndate: 2021-06-13 23:34\ntags: ["Kmetijstvo", "Delo"]\npeople:\n- Luka Vidmar\n- Žiga Krajnc\nauthor: "Jure Černe"\ndraft: false',
      "\nname: 'Kiril Dmitrijev'\naliases: [Kirill Dmitriev, 'K. Dmitrijev']\nrole: vodja ruskega državnega investicijskega sklada\ngender: m\n# a comment line\ndetect: true",
      '\ntitle: "Citat: \\"mir\\" \\u017eelimo \\\\ zdaj"\ndate: 2025-12-22T18:30\nnotPeople: []',
    ];
    for (const block of blocks) {
      const simple = bySimpleReader(block, 1);
      expect(simple).toBeDefined();
      expect(simple).toEqual(byYamlParser(block, 1));
    }
    expect(bySimpleReader(blocks[0]!, 1)!.keyLines).toEqual([
      ['title', 2],
      ['date', 3],
      ['tags', 4],
      ['people', 5],
      ['summary', 8],
    ]);
  });

  it("reads a key's whole number as the YAML parser does, so a site.yaml with pageSize: 20 loads no YAML parser (issue 6)", () => {
    for (const block of ['\npageSize: 20', '\ntitle: 2025\ndraft: true', '\nx: 0', '\nx: 999999999999999']) {
      expect(bySimpleReader(block, 1), block).toEqual(byYamlParser(block, 1));
    }
  });

  it('leaves to the YAML parser what it does not read exactly: null, other numbers, nesting, comments after values, repeats', () => {
    for (const block of [
      '\ntitle: null',
      '\ntitle: 007',
      '\ntitle: -3',
      '\ntitle: 1234567890123456',
      '\ntags: [2025]',
      '\ntitle: 1e3',
      '\ntitle:',
      '\ntags: [a, [b]]',
      '\ntitle: Naslov # opomba',
      '\ntitle: Prvi\ntitle: Drugi',
      '\ntitle: dolga\n  vrstica',
      '\ntitle: &a x\nsummary: *a',
      '\ntitle: !!str x',
      '\ntitle: |\n  besedilo',
      '\ntitle: "a\\x41"',
      '\ntitle:\tx',
      '\n- title',
    ]) {
      expect(parseSimpleYaml(block, 1), block).toBeUndefined();
    }
  });

  // Words that are plain scalars, and some that look like one but are not, or not strings.
  const word = fc.constantFrom('Witkoff', 'Ušakov', 'mir', 'a', 'Ž', 'C#', 'a:b', '»mir«', '3–4', 'it\'s', 'say"hi"', 'x\u00a0y', 'end\u00a0', '-a', '2025', '20', '0', '007', '-3', '+4', '1234567890123456', '1.5', '0x1F', '0o7', '.inf', 'true', 'False', 'null', '~', 'yes');
  const plain = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
  const escape = fc.constantFrom('\\"', '\\\\', '\\/', '\\n', '\\t', '\\u017e', '\\ud83d', '\\ud83d\\ude00', '\\x41', '\\e', "'", '#', ': ');
  const quotedBody = fc.array(fc.oneof(word, escape), { maxLength: 4 }).map((parts) => parts.join(' '));
  const scalar = fc.oneof(plain, quotedBody.map((body) => `"${body}"`), quotedBody.map((body) => `'${body.replaceAll("'", "''")}'`));
  const flowList = fc.tuple(fc.array(scalar, { maxLength: 4 }), fc.constantFrom(', ', ',', ' , ')).map(([items, comma]) => `[${items.join(comma)}]`);
  const key = fc.constantFrom('title', 'date', 'tags', 'people', 'summary', 'draft', 'x-y', 'notPeople');
  const valueLine = fc.tuple(key, fc.constantFrom(': ', ':  '), fc.oneof(scalar, flowList), fc.constantFrom('', ' ', '  ')).map(([k, colon, v, after]) => `${k}${colon}${v}${after}`);
  // Now and then one item is indented a space further than the others.
  const listLines = fc
    .tuple(key, fc.constantFrom('', '  ', '    '), fc.array(scalar, { minLength: 1, maxLength: 3 }), fc.nat(9))
    .map(([k, indent, items, ragged]) => [`${k}:`, ...items.map((item, n) => `${indent}${n === ragged ? ' ' : ''}- ${item}`)].join('\n'));
  const blankOrComment = fc.constantFrom('', '   ', '# opomba', '  # opomba');

  it('gives what the YAML parser gives for front matter of key lines, or leaves the block to it', () => {
    let read = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof({ arbitrary: valueLine, weight: 4 }, { arbitrary: listLines, weight: 2 }, { arbitrary: blankOrComment, weight: 1 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 3 }), (lines, firstLine) => {
        const source = `\n${lines.join('\n')}`;
        const simple = bySimpleReader(source, firstLine);
        if (simple === undefined) return;
        read++;
        expect(simple).toEqual(byYamlParser(source, firstLine));
      }),
      { numRuns: 5000 },
    );
    // The blocks above are mostly what the reader takes: the comparison is not made on a handful.
    expect(read).toBeGreaterThan(1000);
  });

  it('leaves to the YAML parser any block it cannot read exactly, with tabs, control characters and stray indicators in it', () => {
    const noise = fc.constantFrom('\t', '\u0001', '\u007f', '\u2028', '\ufeff', ' #', '#', ':', ': ', '[', ']', '{', '}', '"', "'", '\\', '- ', '?', '!', '&', '*', '|', '>', '%', '@', '`', '---', '...');
    const noisyLine = fc.tuple(fc.oneof(valueLine, listLines, blankOrComment), fc.nat(), noise).map(([line, at, inserted]) => {
      const position = at % (line.length + 1);
      return `${line.slice(0, position)}${inserted}${line.slice(position)}`;
    });
    fc.assert(
      fc.property(fc.array(fc.oneof(valueLine, noisyLine), { minLength: 1, maxLength: 5 }), (lines) => {
        const source = `\n${lines.join('\n')}`;
        const simple = bySimpleReader(source, 1);
        if (simple !== undefined) expect(simple).toEqual(byYamlParser(source, 1));
      }),
      { numRuns: 5000 },
    );
  });
});
