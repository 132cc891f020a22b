import { describe, expect, it } from 'vitest';
import { personFromName } from '../../../src/content/person.ts';
import { bylineAuthors, distinctBylineAuthors } from '../../../src/render/byline.ts';
import { testPerson } from '../../helpers/person.ts';

const people = new Map(
  [testPerson('Ana Novak', { aliases: ['Ana Novak Kranjc'] }), testPerson('Tomaž Šušteršič'), personFromName('Bor Kos')].map((person) => [person.id, person]),
);
const linked = (byline: string) => bylineAuthors(byline, people).map((author) => [author.name, author.person?.id]);

describe('bylineAuthors', () => {
  it('finds a registry person by full name or alias, in any case and without diacritics', () => {
    expect(linked('ana novak, Ana Novak Kranjc in Tomaz Sustersic')).toEqual([
      ['ana novak', 'ana-novak'],
      ['Ana Novak Kranjc', 'ana-novak'],
      ['Tomaz Sustersic', 'tomaz-sustersic'],
    ]);
  });

  it('never matches a part of a name, nor a person known only from a people: list', () => {
    expect(linked('Novak in Ana')).toEqual([
      ['Novak', undefined],
      ['Ana', undefined],
    ]);
    expect(linked('Bor Kos')).toEqual([['Bor Kos', undefined]]);
  });

  it('finds a registry person whose name is written in capitals, which alone would read as an agency', () => {
    expect(linked('ANA NOVAK, STA')).toEqual([
      ['ANA NOVAK', 'ana-novak'],
      ['STA', undefined],
    ]);
  });

  it('gives structured data and feeds each author once, however often the byline names them', () => {
    const distinct = (byline: string) => distinctBylineAuthors(byline, people).map((author) => [author.name, author.person?.id]);
    expect(distinct('Ana Novak, ana novak in Ana Novak Kranjc')).toEqual([['Ana Novak', 'ana-novak']]);
    expect(distinct('Uredništvo, STA in uredništvo, sta')).toEqual([
      ['Uredništvo', undefined],
      ['STA', undefined],
    ]);
    expect(distinct('Bor Kos in Bor Kos')).toEqual([['Bor Kos', undefined]]);
  });
});
