import { describe, expect, it } from 'vitest';
import { bylineWarnings } from '../../../src/pipeline/byline-warnings.ts';
import { parsePerson, personFromName } from '../../../src/content/person.ts';
import { buildRegistry } from '../../../src/people/registry.ts';

describe('bylineWarnings', () => {
  it('warns at the author line about a name written surname first, with the line to write', () => {
    const [warning, ...rest] = bylineWarnings('Novak, Ana', 'content/articles/a.md', 4);
    expect(rest).toEqual([]);
    expect([warning!.code, warning!.file, warning!.line, warning!.message, warning!.hint]).toEqual([
      'article/byline-surname-first',
      'content/articles/a.md',
      4,
      'a comma separates authors, so the byline reads "Novak, Ana" as two people, "Novak" and "Ana"; it looks like one name written surname first',
      'write the given name first: author: Ana Novak; if they are different people, write in instead of the comma: author: Novak in Ana',
    ]);
  });

  it.each([
    ['Kovač, Janez in Novak, Ana', 'author: Janez Kovač in Ana Novak;'],
    ['Kovač, Janez & Novak, Ana', 'author: Janez Kovač & Ana Novak;'],
    ['Novak, Ana, STA', 'author: Ana Novak, STA;'],
    ['Bor Kos in Novak, Ana', 'author: Bor Kos in Ana Novak;'],
    ['Pirc-Musar, Nataša', 'author: Nataša Pirc-Musar;'],
    // An initial after the surname, as a CMS export abbreviates the given name.
    ['Novak, A.', 'author: A. Novak;'],
  ])('gives the whole line given names first for %j', (byline, fixed) => {
    const warnings = bylineWarnings(byline, 'a.md', 2);
    expect(warnings.map((warning) => warning.code)).toEqual(['article/byline-surname-first']);
    expect(warnings[0]!.hint).toContain(fixed);
  });

  it.each([
    'Ana Novak',
    'Ana Novak, Bor Kos',
    'Ana Novak, STA',
    'STA, Ana',
    // Two given names, or a surname the list does not know as a given name after the comma: no guess.
    'Jan, Ana',
    'Novak, Kos',
    'Novak in Ana',
    'M. K., STA',
    'Uredništvo, Ana',
  ])('leaves %j alone', (byline) => {
    expect(bylineWarnings(byline, 'a.md', 2)).toEqual([]);
  });

  it('gives nothing without a byline', () => {
    expect(bylineWarnings(undefined, 'a.md', undefined)).toEqual([]);
  });
});

describe('bylineWarnings: a label before the names', () => {
  // Pasted from the article's byline line (»Piše: Ana Novak«), the label was part of the author: structured data and
  // the feeds named a Person "Piše: Ana Novak", and the byline found no person file of Ana Novak.
  it.each([
    ['Piše: Ana Novak', 'Piše:', 'author: Ana Novak'],
    ['Pišeta: Ana Novak in Bor Kos', 'Pišeta:', 'author: Ana Novak in Bor Kos'],
    ['Avtorica: M. K.', 'Avtorica:', 'author: M. K.'],
    ['PIŠE Ana Novak', 'PIŠE', 'author: Ana Novak'],
    ['Besedilo in foto: Bor Kos', 'Besedilo in foto:', 'author: Bor Kos'],
    // A second credit label goes too: the photographer is no author.
    ['Besedilo: Ana Novak, foto: Bor Zupan', 'Besedilo:', 'author: Ana Novak'],
    ['Piše: Ana Novak, foto: Ana Novak', 'Piše:', 'author: Ana Novak'],
  ])('warns about %j at the author line, with the line without the label', (byline, label, fixed) => {
    const warnings = bylineWarnings(byline, 'content/articles/a.md', 4);
    expect(warnings.map((warning) => [warning.code, warning.line, warning.message, warning.hint])).toEqual([
      [
        'article/byline-label',
        4,
        `the byline starts with "${label}", a label that is not a name: the page shows it as written, but structured data and the feeds would give it as part of an author's name`,
        `write ${fixed}`,
      ],
    ]);
  });

  it.each(['Ana Novak', 'Piše se leto 1991', 'STA', 'Uredništvo'])('leaves %j alone', (byline) => {
    expect(bylineWarnings(byline, 'a.md', 4)).toEqual([]);
  });
});

describe('bylineWarnings: given names the person files know', () => {
  const person = (file: string, text: string) => parsePerson({ file, text, mtimeMs: 0 }).person!;
  const { registry } = buildRegistry([
    person('content/people/bor-kos.md', '---\nname: Bor Kos\nrole: novinar\n---\n'),
    person('content/people/lan-pirc-musar.md', '---\nname: Lan Pirc Musar\nsurname: Pirc Musar\n---\n'),
    // Known only from an article's people: list, no file: not a journalist the newsroom has a file on.
    personFromName('Lev Zajc'),
  ]);
  const hints = (byline: string) => bylineWarnings(byline, 'a.md', 2, registry.people).map((warning) => warning.hint?.split(';')[0]);

  it.each([
    ['Kos, Bor', 'write the given name first: author: Bor Kos'],
    ['Zupan, Bor', 'write the given name first: author: Bor Zupan'],
    ['Novak, Lan', 'write the given name first: author: Lan Novak'],
    ['Musar, Lan Pirc', 'write the given name first: author: Lan Pirc Musar'],
  ])('warns about %j', (byline, hint) => {
    expect(hints(byline)).toEqual([hint]);
  });

  it.each([
    // The name turned round is no one's, and the second word no given name: two surnames, or Bor Kos's own order.
    'Bor, Kos',
    'Novak, Zupan',
    'Zupan, Lev',
    'Kos, Pirc',
    'Bor Kos, Ana Novak',
  ])('leaves %j alone', (byline) => {
    expect(hints(byline)).toEqual([]);
  });
});
