import { describe, expect, it } from 'vitest';
import { splitByline } from '../../../src/content/byline.ts';

const names = (byline: string) => splitByline(byline).map(({ name, kind }) => `${kind}:${name}`);

describe('splitByline', () => {
  it.each([
    ['Ana Novak', ['person:Ana Novak']],
    ['Ana Novak in Bor Kos', ['person:Ana Novak', 'person:Bor Kos']],
    ['Ana Novak, Bor Kos in Cene Lipnik', ['person:Ana Novak', 'person:Bor Kos', 'person:Cene Lipnik']],
    ['Ana Novak ter Bor Kos', ['person:Ana Novak', 'person:Bor Kos']],
    ['Ana Novak in Bor Kos, STA', ['person:Ana Novak', 'person:Bor Kos', 'organization:STA']],
    ['STA', ['organization:STA']],
    ['STA, Reuters', ['organization:STA', 'organization:Reuters']],
    ['Ana Novak, STA', ['person:Ana Novak', 'organization:STA']],
    ['STA, AFP in dpa', ['organization:STA', 'organization:AFP', 'organization:dpa']],
    ['Ana Novak in AP', ['person:Ana Novak', 'organization:AP']],
    ['ČTK, Hina', ['organization:ČTK', 'organization:Hina']],
    ['M. K.', ['person:M. K.']],
    ['M. K., STA', ['person:M. K.', 'organization:STA']],
    // Two capitals are read as initials, not as an agency.
    ['MK', ['person:MK']],
    ['Uredništvo', ['newsroom:Uredništvo']],
    ['uredništvo', ['newsroom:uredništvo']],
    ['Ana Novak in uredništvo', ['person:Ana Novak', 'newsroom:uredništvo']],
    ['Zavod za kulturo in uredništvo revije', ['person:Zavod za kulturo in uredništvo revije']],
    ['Ana Novak,Bor Kos', ['person:Ana Novak', 'person:Bor Kos']],
    ['Ana Novak,', ['person:Ana Novak']],
    [',', []],
  ])('%s', (byline, expected) => {
    expect(names(byline)).toEqual(expected);
  });

  it.each([
    // »in« before a word that does not start a name belongs to the name.
    ['Sophie in \'t Veld', ["person:Sophie in 't Veld"]],
    ['Zavod za kulturo in šport', ['person:Zavod za kulturo in šport']],
    ['Sophie in \'t Veld in Ana Novak', ["person:Sophie in 't Veld", 'person:Ana Novak']],
    // »in« inside a word is no separator.
    ['Marin Inkret in Tina Kos', ['person:Marin Inkret', 'person:Tina Kos']],
  ])('keeps a name whole: %s', (byline, expected) => {
    expect(names(byline)).toEqual(expected);
  });

  it('gives where each name stands, so the rest of the line can be shown as written', () => {
    const byline = 'Ana Novak, Bor Kos in Cene Lipnik';
    const parts = splitByline(byline);
    expect(parts.map(({ start, end }) => byline.slice(start, end))).toEqual(['Ana Novak', 'Bor Kos', 'Cene Lipnik']);
    expect(parts.map(({ start }) => start)).toEqual([0, 11, 22]);
  });
});
