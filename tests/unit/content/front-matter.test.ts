import fc from 'fast-check';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter, parseYamlBlock } from '../../../src/content/front-matter.ts';
import { ArhivarError } from '../../../src/errors.ts';

function failure(text: string): ArhivarError {
  try {
    parseFrontMatter(text, 'a.md');
  } catch (error) {
    if (error instanceof ArhivarError) return error;
    throw error;
  }
  throw new Error('parsed without error');
}

describe('parseFrontMatter', () => {
  it('gives each key the line it has in the file and says where the body starts', () => {
    const result = parseFrontMatter('---\ntitle: Naslov\n\ndate: 2025-12-22\n---\nBesedilo\n', 'a.md');
    expect(Object.fromEntries(result.keyLines)).toEqual({ title: 2, date: 4 });
    expect(result.bodyLine).toBe(6);
    expect(result.body).toBe('Besedilo\n');
  });

  it('keeps timestamps as strings so dates.ts can read them as Ljubljana time', () => {
    const { data } = parseFrontMatter('---\ndate: 2025-12-22T23:30:00\nday: 2025-12-22\n---\n', 'a.md');
    expect(data).toEqual({ date: '2025-12-22T23:30:00', day: '2025-12-22' });
  });

  it.each([
    ['---\ntitle: x\nsummary: a: b\n---\n', 'front-matter/bad-yaml', 3],
    ['---\ntitle: a\ndate: 2025-01-01\ntitle: b\n---\n', 'front-matter/bad-yaml', 4],
    ['---\nfn: !!js/function "function () {}"\n---\n', 'front-matter/custom-tag', 2],
    ['---js\n{ title: process.exit(1) }\n---\n', 'front-matter/not-yaml', 1],
    ['---coffee\ntitle: 1\n---\n', 'front-matter/not-yaml', 1],
    ['---\ntitle: a\n', 'front-matter/unclosed', 1],
    // An unclosed quote or bracket is reported where it opens, not where yaml gave up looking for its end.
    ['---\ntitle: "Test\ndate: 2025-12-22\npeople: [a]\ntags: [b]\nauthor: x\n---\n', 'front-matter/bad-yaml', 2],
    ["---\ntitle: 'Test\ndate: 2025-12-22\nauthor: x\n---\n", 'front-matter/bad-yaml', 2],
    ['---\ntitle: T\ndate: 2025-12-22\ntags: [a, b\nauthor: x\n---\n', 'front-matter/bad-yaml', 4],
    ['---\ntitle: T\npeople: [a, "b\nauthor: x\n---\n', 'front-matter/bad-yaml', 3],
    ['---\ntitle: T\nx: [a, {b: c\nauthor: x\ndate: y\n---\n', 'front-matter/bad-yaml', 3],
    // A { typed for [ and never closed: a name without a value has no node, and looking for the { threw a
    // TypeError, so the build failed »unexpectedly« with a stack trace (exit code 3).
    ['---\ntitle: T\ndate: 2025-12-22\npeople: {Robert Golob\n---\n', 'front-matter/bad-yaml', 4],
    ['---\ntitle: T\ntags: {a, b\ndate: 2025-12-22\n---\n', 'front-matter/bad-yaml', 3],
    ['---\ntitle: T\npeople:\n  - "Ana\n  - Boris\n---\n', 'front-matter/bad-yaml', 4],
    ['---\ntitle: a\n\tdate: b\n---\n', 'front-matter/bad-yaml', 3],
    // Dashes where --- belongs, as a word processor types them: the line that holds them.
    ['–––\ntitle: a\ndate: 2025-12-22\n–––\n\nBesedilo.\n', 'front-matter/dashes', 1],
    ['—\ntitle: a\n---\n', 'front-matter/dashes', 1],
    ['---\ntitle: a\ndate: 2025-12-22\n–––\n\nBesedilo.\n', 'front-matter/dashes', 4],
    ['---\ntitle: a\ndate: 2025-12-22\n-—\n\nBesedilo.\n', 'front-matter/dashes', 4],
    // A line of hyphens alone is no dash line: never closed, the front matter is unclosed (the dash-line reader
    // found no dash in it and threw a TypeError when it was asked).
    ['---\ntitle: a\n--\nBesedilo.\n', 'front-matter/unclosed', 1],
    ['---\ntitle: a\n----\nBesedilo.\n', 'front-matter/unclosed', 1],
  ])('reports %j as %s on line %i', (text, code, line) => {
    const error = failure(text);
    expect(error.code).toBe(code);
    expect(error.line).toBe(line);
    expect(error.hint).toBeTruthy();
  });

  // A --- that an editor sees at the top of the file but that opens nothing: »the article has no front matter«, and
  // »start the file with ---« for a file that, to the eye, does.
  it.each([
    ['\n---\ntitle: a\ndate: 2025-12-22\n---\n\nBesedilo.\n', 2, 'line 2 is meant to open the front matter, but only a first line of exactly --- does: 1 empty line is above it', 'delete the empty line above line 2, so that the file starts with ---'],
    ['\n \n\n---\ntitle: a\n---\n', 4, 'line 4 is meant to open the front matter, but only a first line of exactly --- does: 3 empty lines are above it', 'delete the empty lines above line 4, so that the file starts with ---'],
    ['  ---\ntitle: a\ndate: 2025-12-22\n---\n', 1, 'line 1 is meant to open the front matter, but only a first line of exactly --- does: spaces or tabs are before it', 'write line 1 as --- at the start of the line, so that the file starts with ---'],
    ['\t---\ntitle: a\n---\n', 1, 'spaces or tabs are before it', 'write line 1 as --- at the start of the line'],
    ['--\ntitle: a\ndate: 2025-12-22\n--\n\nBesedilo.\n', 1, 'line 1 is meant to open the front matter, but only a first line of exactly --- does: it has 2 hyphens', 'write line 1 as --- (three hyphens), so that the file starts with ---; the line that ends the front matter is --- too'],
    ['----\ntitle: a\ndate: 2025-12-22\n----\n\nBesedilo.\n', 1, 'it has 4 hyphens', 'write line 1 as --- (three hyphens)'],
    ['\n  -----\ntitle: a\n---\n', 2, '1 empty line is above it, spaces or tabs are before it, and it has 5 hyphens', 'delete the empty line above line 2 and write line 2 as --- (three hyphens) at the start of the line, so that the file starts with ---'],
  ])('reports the opening line of %j as front-matter/opening', (text, line, message, hint) => {
    const error = failure(text);
    expect(error.code).toBe('front-matter/opening');
    expect(error.line).toBe(line);
    expect(error.message).toContain(message);
    expect(error.hint).toContain(hint);
  });

  it.each([
    // A file of text alone has no front matter, whatever lines of hyphens its text holds further down.
    ['Besedilo.\n\n---\n\nŠe besedilo.\n'],
    ['\nBesedilo.\n'],
    [''],
    // Spaces after the --- are no part of it (gray-matter reads the rest of the line as a language name, and the
    // trimmed name is empty).
    ['--- \ntitle: a\n---\n'],
  ])('leaves %j to the article and person checks', (text) => {
    expect(() => parseFrontMatter(text, 'a.md')).not.toThrow();
  });

  it.each([
    // A ": " in a text value, the commonest slip: the hint is the line to write.
    ['---\ntitle: Witkoff: pogovori so bili produktivni\ndate: 2025-12-22\n---\n', 2, 'write the line as title: "Witkoff: pogovori so bili produktivni"'],
    ['---\ntitle: Pogovori\nsummary: Putin:\n---\n', 3, 'write the line as summary: "Putin:"'],
    // Quotes inside the text: single quotes around it; a pair around all of it is the editor's own quoting.
    ['---\ntitle: "Trump: "Mir je blizu""\n---\n', 2, `write the line as title: 'Trump: "Mir je blizu"'`],
    ['---\ntitle: "Mir je blizu", je dejal Trump\n---\n', 2, `write the line as title: '"Mir je blizu", je dejal Trump'`],
    ['---\ntitle: Trump\'s "deal": x\n---\n', 2, 'write the line as title: "Trump\'s \\"deal\\": x"'],
    ['---\ntitle: T\npeople:\n  - Steve Witkoff\n  - "Kiril" Dmitrijev\n---\n', 5, `write the line as - '"Kiril" Dmitrijev'`],
    // A text value that starts with a YAML indicator: a headline's [VIDEO], Markdown copied into a summary, a handle.
    ['---\ntitle: [VIDEO] Poplave v Savinjski\ndate: 2025-12-22\n---\n', 2, 'YAML reads a value that starts with [ as the start of a list, not as text: write the line as title: "[VIDEO] Poplave v Savinjski"'],
    ['---\ntitle: [VIDEO Poplave v Savinjski\ndate: 2025-12-22\n---\n', 2, 'write the line as title: "[VIDEO Poplave v Savinjski"'],
    ['---\ntitle: T\nsummary: **V živo** Poplave v Savinjski\n---\n', 3, 'YAML reads a value that starts with * as a reference to another value (an alias), not as text: write the line as summary: "**V živo** Poplave v Savinjski"'],
    ['---\ntitle: T\nauthor: @novinar\n---\n', 3, 'YAML reads a value that starts with @ as a reserved character, not as text: write the line as author: "@novinar"'],
    ['---\ntitle: "Test\ndate: 2025-12-22\n---\n', 2, 'the " that opens this value is never closed: end the text with "'],
    // A list whose ] was forgotten: YAML's »Flow sequence in block collection must be sufficiently indented« said nothing of it.
    ['---\ntitle: T\ntags: [politika, proračun\npeople: [Robert Golob]\n---\n', 3, 'the [ that opens this list is never closed: write the line as tags: [politika, proračun]'],
    ['---\ntitle: T\ndate: 2025-12-22\npeople: [Robert Golob, Tanja Fajon\n---\n', 4, 'the [ that opens this list is never closed: write the line as people: [Robert Golob, Tanja Fajon]'],
    ['---\ntitle: T\ntags: [politika,\n  proračun\ndate: 2025-12-22\n---\n', 3, 'the [ that opens this list is never closed: end the list with ]'],
    // A { typed for the [: no key holds keys and values, so the line to write is the list.
    ['---\ntitle: T\ndate: 2025-12-22\npeople: {Robert Golob\n---\n', 4, 'the { that opens this value is never closed, and a list is written in [ ]: write the line as people: [Robert Golob]'],
    // A { inside a quoted item is text and stays as typed (the first { of the line was turned into a [).
    ['---\ntitle: T\ntags: ["{VIDEO} Poplave", proračun\ndate: 2025-12-22\n---\n', 3, 'the [ that opens this list is never closed: write the line as tags: ["{VIDEO} Poplave", proračun]'],
    // A bracket left open inside the list as well: closing the list alone (»end the list with ]«) left it open.
    ['---\ntitle: T\ntags: [politika, {proračun\ndate: 2025-12-22\n---\n', 3, 'the [ that opens this list is never closed, nor the { inside it (a list holds plain text, not lists or values in brackets): write the line as tags: [politika, proračun]'],
    ['---\ntitle: T\ntags: [politika, [proračun\ndate: 2025-12-22\n---\n', 3, 'nor the [ inside it (a list holds plain text, not lists or values in brackets): write the line as tags: [politika, proračun]'],
    ['---\ntitle: T\ntags: [politika, {proračun,\n  vlada\ndate: 2025-12-22\n---\n', 3, 'nor the { inside it (a list holds plain text, not lists or values in brackets): delete the { and end the list with ]'],
    // A key after a tab is indented, which front matter never is: indented with spaces, as the hint said, it was
    // »this key is indented … start it at the beginning of the line« in the next build.
    ['---\ntitle: a\n\tdate: 2025-12-22\n---\n', 3, 'this line starts with a tab, and a key is never indented: delete the tab and start the key at the beginning of the line, date: 2025-12-22'],
    ['---\ntitle: a\n\t summary: Kratko\n---\n', 3, 'delete the tab and start the key at the beginning of the line, summary: Kratko'],
    // Spaces before the tab: YAML reports the line above, as for spaces alone, and so was the line the hint was for.
    ['---\ntitle: a\n \t summary: Kratko\n---\n', 3, 'this key is indented, so YAML reads it as part of the line above it: start it at the beginning of the line, summary: Kratko'],
    ['---\ntitle: a\n\tsummary: [VIDEO] Poplave\n---\n', 3, 'start the key at the beginning of the line, summary: "[VIDEO] Poplave"'],
    // A byline pasted with its label: in quotes, as the hint said, the label was published as part of the author.
    ['---\ntitle: a\nauthor: Piše: Ana Novak\n---\n', 3, '"Piše:" is the label of a byline line, not part of the byline: write the line as author: Ana Novak'],
    ['---\ntitle: a\nauthor: Avtorica: Ana: Marija Kos\n---\n', 3, 'write the line as author: "Ana: Marija Kos"'],
    ['---\ntitle: a\nauthor: Besedilo: Ana Novak, foto: Bor Zupan\n---\n', 3, '"Besedilo:" is the label of a byline line, not part of the byline: write the line as author: Ana Novak'],
    // A list's item is indented: there the tab is to become spaces.
    ['---\ntitle: a\ntags:\n\t- Rusija\n---\n', 4, 'this line starts with a tab, which YAML does not read as indentation: indent it with spaces instead'],
    // A no-break space after the colon, pasted from Word or a web page, where it looks like any space.
    ['---\ntitle: a\ndate:\u00a02025-12-22\n---\n', 3, 'after the colon is a no-break space (as Word or a web page pastes it), which YAML does not read as a space: write the line with an ordinary space, date: 2025-12-22'],
    ['---\ntitle:\u00a0Witkoff na Floridi\ndate: 2025-12-22\n---\n', 2, 'write the line with an ordinary space, title: Witkoff na Floridi'],
    ['---\ntitle: a\ntags:\u00a0 [Ukrajina]\ndate: 2025-12-22\n---\n', 3, 'write the line with an ordinary space, tags: [Ukrajina]'],
    // No space after the colon at all.
    ['---\ntitle: a\ndate:2025-12-22\n---\n', 3, 'YAML needs a space after the colon between a key and its value: write the line as date: 2025-12-22'],
    ['---\ntitle:Witkoff na Floridi\ndate: 2025-12-22\n---\n', 2, 'write the line as title: Witkoff na Floridi'],
    ['---\ntitle: a\ntags:[Ukrajina, diplomacija]\ndate: 2025-12-22\n---\n', 3, 'write the line as tags: [Ukrajina, diplomacija]'],
    // The line with its space would still be misread: it is given in quotes, as for a line that had the space.
    ['---\ntitle:[VIDEO] Poplave\ndate: 2025-12-22\n---\n', 2, 'YAML needs a space after the colon between a key and its value: write the line as title: "[VIDEO] Poplave"'],
    ['---\ntitle:"Mir je blizu", je dejal\ndate: 2025-12-22\n---\n', 2, `YAML needs a space after the colon between a key and its value: write the line as title: '"Mir je blizu", je dejal'`],
    ['---\ntitle:\u00a0[VIDEO] Poplave\ndate: 2025-12-22\n---\n', 2, 'write the line with an ordinary space, title: "[VIDEO] Poplave"'],
    ['---\ntitle: a\ndraft:true\ndate: 2025-12-22\n---\n', 3, 'YAML needs a space after the colon between a key and its value: write the line as draft: true'],
    // Indented as well (YAML reports the indentation), the line to write starts at the margin, as every key's does.
    ['---\ntitle: Test\ntags:\n  - a\n  date:2025-12-22\n---\n', 5, 'YAML needs a space after the colon between a key and its value: write the line as date: 2025-12-22'],
    // A key indented under the line above (YAML reported the line above it), told at its own line.
    ['---\ntitle: Test\n  tags: [Ukrajina]\ndate: 2025-12-22\n---\n', 3, 'this key is indented, so YAML reads it as part of the line above it: start it at the beginning of the line, tags: [Ukrajina]'],
    ['---\ntitle: Test\ndate: 2025-12-22\n   summary: Kratko\n---\n', 4, 'start it at the beginning of the line, summary: Kratko'],
    ['---\ntitle: Test\npeople:\n  - Ana Novak\n  tags: [a]\n---\n', 5, 'start it at the beginning of the line, tags: [a]'],
    // A key without its colon.
    ['---\ntitle: Test\ntags [Ukrajina]\ndate: 2025-12-22\n---\n', 3, 'a key is followed by a colon and a space: write the line as tags: [Ukrajina]'],
    ['---\ntitle: Test\ndate 2025-12-22\n---\n', 3, 'write the line as date: 2025-12-22'],
    ['---\ntitle: Test\ndate 2025-12-22T18:30\n---\n', 3, 'write the line as date: 2025-12-22T18:30'],
    // The line to write with the key fixed is one YAML reads as meant, in quotes where its text would be misread too.
    ['---\ntitle [VIDEO] Poplave\ndate: 2025-12-22\n---\n', 2, 'write the line as title: "[VIDEO] Poplave"'],
    ['---\ntitle "Mir je blizu", je dejal\ndate: 2025-12-22\n---\n', 2, `write the line as title: '"Mir je blizu", je dejal'`],
    ['---\ntitle: Test\n  summary: Mir: zdaj\ndate: 2025-12-22\n---\n', 3, 'start it at the beginning of the line, summary: "Mir: zdaj"'],
    // A » #« the fixed line would leave unquoted is a comment to YAML, which cuts the text (and the build refuses it).
    ['---\nsummary Gibanje se širi #MeToo\ndate: 2025-12-22\n---\n', 2, 'write the line as summary: "Gibanje se širi #MeToo"'],
    ['---\ntitle:Zmaga #1 v Evropi\ndate: 2025-12-22\n---\n', 2, 'write the line as title: "Zmaga #1 v Evropi"'],
  ])('says what to write for %j', (text, line, hint) => {
    const error = failure(text);
    expect(error.code).toBe('front-matter/bad-yaml');
    expect(error.line).toBe(line);
    expect(error.hint).toContain(hint);
  });

  it.each([
    // A "- " indented deeper than the entry above it: YAML reads the line as more of that entry (a plain value runs
    // on over lines), so two tags became one, "Politika - Gospodarstvo", with a page of its own.
    ['---\ntitle: a\ntags:\n- Politika\n  - Gospodarstvo\n---\n', 5, 'the entry "Politika" of line 4 runs on into line 5, which is indented deeper than its "- ", so YAML reads the two lines as one entry of tags: "Politika - Gospodarstvo"', 'start the - of each entry under the one of line 4, or write tags: [Politika, Gospodarstvo]'],
    ['---\ntitle: a\npeople:\n  - Steve Witkoff\n   - Jared Kushner\n   - Kiril Dmitrijev\ndate: 2025-12-22\n---\n', 5, 'the entry "Steve Witkoff" of line 4 runs on into line 5, which is indented deeper than its "- ", so YAML reads the 3 lines as one entry of people: "Steve Witkoff - Jared Kushner - Kiril Dmitrijev"', 'start the - of each entry under the one of line 4, or write people: [Steve Witkoff, Jared Kushner, Kiril Dmitrijev]'],
    // The hint's list keeps the entries around the one that runs on.
    ['---\ntitle: a\ntags:\n  - Ukrajina\n  - Politika\n    - Gospodarstvo\n  - Rusija\n---\n', 6, 'the entry "Politika" of line 5 runs on into line 6, which is indented deeper than its "- ", so YAML reads the two lines as one entry of tags: "Politika - Gospodarstvo"', 'or write tags: [Ukrajina, Politika, Gospodarstvo, Rusija]'],
    // A line without its "- ", indented under the entry above.
    ['---\ntitle: a\npeople:\n  - Steve Witkoff\n    Jared Kushner\n---\n', 5, 'the entry "Steve Witkoff" of line 4 runs on into line 5, which is indented deeper than its "- ", so YAML reads the two lines as one entry of people: "Steve Witkoff Jared Kushner"', 'if line 5 is an entry of its own, start it with - under the one of line 4, or write people: [Steve Witkoff, Jared Kushner]; if it is the rest of the entry, write the entry on line 4 alone'],
  ])('refuses a list entry that runs on into the line below it: %j', (text, line, message, hint) => {
    const error = failure(text);
    expect([error.code, error.line]).toEqual(['front-matter/bad-yaml', line]);
    expect(error.message).toBe(message);
    expect(error.hint).toContain(hint);
  });

  it('reads a list entry written in quotes over two lines, and entries one under another, as written', () => {
    expect(parseFrontMatter('---\ntags:\n  - "Politika\n    in gospodarstvo"\n  - Rusija\n---\n', 'a.md').data).toEqual({ tags: ['Politika in gospodarstvo', 'Rusija'] });
    expect(parseFrontMatter('---\ntags:\n- Politika\n- Gospodarstvo\n# preveri\n---\n', 'a.md').data).toEqual({ tags: ['Politika', 'Gospodarstvo'] });
  });

  it('gives the hint for a line with 200,000 spaces inside it (a broken export) in time that grows with its length, not its square', () => {
    // The hint's pattern once tried the rest of the line at every character: 4 s for 64,000 spaces, about
    // 40 s for this line, where it now takes milliseconds.
    const started = performance.now();
    const error = failure(`---\ntitle: Witkoff: pogovori${' '.repeat(200_000)}so bili produktivni\ndate: 2025-12-22\n---\n`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(error.line).toBe(2);
    expect(error.hint).toContain(`write the line as title: "Witkoff: pogovori${' '.repeat(200_000)}so bili produktivni"`);
  });

  it('says which dash a --- line is made of, and to write hyphens', () => {
    const error = failure('---\ntitle: a\n–––\n');
    expect([error.message, error.hint]).toEqual([
      'line 3 is "–––", made of dashes (–, U+2013), not of hyphens, so it does not close the front matter',
      'write the line as --- (three hyphens, the - key); a word processor turns -- and --- into dashes, so edit the file in a plain-text editor',
    ]);
    expect(failure('———\ntitle: a\n---\n').message).toBe('line 1 is "———", made of dashes (—, U+2014), not of hyphens, so it does not open the front matter');
  });

  it('reads a front matter closed with --- whatever dashes its body holds', () => {
    expect(parseFrontMatter('---\ntitle: a\n---\n\n–––\n', 'a.md').body).toBe('\n–––\n');
  });

  it('gives the general hint where the line is not a text value that quotes would mend', () => {
    expect(failure('---\ntitle: T\n- a\n---\n').hint).toMatch(/^check the indentation and quoting/);
  });

  it('names a key written twice and both its lines, in the editor\'s words rather than YAML\'s', () => {
    // A corrected title typed below the first one, which was not deleted.
    const error = failure('---\ntitle: Prvi naslov\ndate: 2025-12-01\ntitle: Popravljen naslov\n---\n\nBesedilo.\n');
    expect([error.code, error.line, error.message, error.hint]).toEqual([
      'front-matter/bad-yaml',
      4,
      'front matter has the key title twice, at lines 2 and 4, and a key may be written once',
      'keep the title: line that says what you mean and delete the other one',
    ]);
  });

  it.each([
    // Quoted once and once not: one key to YAML, which a scan of the lines' text did not see.
    ['quoted the second time', '---\ntitle: T\n"title": U\n---\n', 'title', 2, 3],
    // Repeated inside a mapping below a list of mappings whose entries share a key (which is no repeat): the scan took
    // the list's »- a« for the key written twice.
    ['inside a mapping, below a list of mappings', '---\ntitle: T\ntags:\n- a: 1\n- a: 2\nx:\n  y: 1\n  y: 2\n---\n', 'y', 7, 8],
  ])('names the key written twice and its lines when it is %s', (_, text, key, first, repeated) => {
    const error = failure(text);
    expect([error.line, error.message]).toEqual([repeated, `front matter has the key ${key} twice, at lines ${first} and ${repeated}, and a key may be written once`]);
  });

  it('tells where the closing --- goes when the front matter is not closed', () => {
    const error = failure('---\ntitle: Brez zaprtja\ndate: 2026-12-06\n\nPremier je danes dejal, da vlada ne bo odstopila.\n');
    expect([error.code, error.line, error.message, error.hint]).toEqual([
      'front-matter/unclosed',
      1,
      'front matter is not closed',
      'add a line holding only --- below line 3, the last line of the front matter, so that the text from line 5 on is the article\'s',
    ]);
  });

  it('tells a front matter left open, whose text holds a --- line, as not closed, not as the text taken for a key', () => {
    // The --- of a horizontal rule in the text closed the block, and the first paragraph was read as an unknown key.
    const error = failure('---\ntitle: Brez zaprtja\ndate: 2026-12-06\ntags: [a]\n\nPremier je danes dejal, da vlada ne bo odstopila: to je jasno.\n\n---\n\nVeč besedila.\n');
    expect([error.code, error.line, error.message, error.hint]).toEqual([
      'front-matter/unclosed',
      1,
      'front matter is not closed above the text: line 6 is a line of text, and the --- at line 8 was taken for the end of the front matter',
      'add a line holding only --- below line 4, the last line of the front matter, so that the text from line 6 on is the article\'s',
    ]);
  });

  it('reads keys after a blank line in the front matter as keys', () => {
    expect(parseFrontMatter('---\ntitle: T\n\ndate: 2026-12-06\n# opomba urednika\n\ntags:\n  - a\n---\n\nBesedilo.\n', 'a.md').data).toEqual({ title: 'T', date: '2026-12-06', tags: ['a'] });
  });

  it('reads a quoted key after a blank line as a key, not as the text of a front matter left open', () => {
    // YAML allows a key in quotes; a front matter exported from JSON or another tool writes its keys so.
    const text = '---\ntitle: T\n\n"summary": Vlada je danes sprejela proračun za leto 2027\n\n\'author\': Ana Novak in Janez Kos iz Ljubljane\n---\n\nBesedilo.\n\n---\n\nŠe besedilo.\n';
    expect(parseFrontMatter(text, 'a.md').data).toEqual({ title: 'T', summary: 'Vlada je danes sprejela proračun za leto 2027', author: 'Ana Novak in Janez Kos iz Ljubljane' });
  });

  it('stops an alias bomb instead of expanding it', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`l${i}: &l${i} [${Array(9).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    const error = failure(`---\n${levels.join('\n')}\n---\n`);
    expect(error.code).toBe('front-matter/alias-bomb');
  });

  it('gives the body, data and key lines gray-matter gives for the whole file, although gray-matter is given the block alone', () => {
    // Lines a file may open, close or fill its front matter with, in any order: the cut must fall where
    // gray-matter's own end of the block is (the first "\n---", even "----" or "---x"), whatever follows.
    // parseFrontMatter hands gray-matter the block alone; here gray-matter is given the whole file.
    const opening = fc.constantFrom('---', '--- ', '---  ', '---yaml', '--- yml ', '---YAML', '---\t');
    const line = fc.constantFrom('---', '--- ', '----', '---x', '---yaml', '--', 'title: A', 'a: [1, 2]', '# opomba', '  # zamaknjena opomba', '', ' ', 'Besedilo z č.', '\t---', 'a: 1 # opomba');
    fc.assert(
      fc.property(opening, fc.array(line, { minLength: 2, maxLength: 12 }), fc.boolean(), (first, lines, finalNewline) => {
        const text = [first, ...lines].join('\n') + (finalNewline ? '\n' : '');
        let parsed: ReturnType<typeof parseFrontMatter>;
        try {
          parsed = parseFrontMatter(text, 'a.md');
        } catch {
          return; // refused (not closed, or YAML that does not parse)
        }
        let keyLines: ReadonlyMap<string, number> = new Map();
        const read = (source: string) => {
          const block = parseYamlBlock(source, 'a.md', 1);
          keyLines = block.keyLines;
          return block.data;
        };
        const whole = matter(text, { language: 'yaml', engines: { yaml: read } } as unknown as Parameters<typeof matter>[1]);
        expect(parsed.body).toBe(whole.content);
        expect(parsed.data).toEqual(whole.data);
        expect(parsed.keyLines).toEqual(keyLines);
      }),
      { numRuns: 3000 },
    );
  });
});

