import { describe, expect, it } from 'vitest';
import { bylineKind, splitByline } from '../../../src/content/byline.ts';
import { NEWS_AGENCIES } from '../../../src/content/news-agencies.ts';

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
    // Every wire a credit names (NEWS_AGENCIES) is an agency in a byline too: Kyodo, Yonhap and RIA Novosti were people.
    ['Ana Novak, Kyodo', ['person:Ana Novak', 'organization:Kyodo']],
    ['Ana Novak in Yonhap', ['person:Ana Novak', 'organization:Yonhap']],
    ['RIA Novosti, Ukrinform', ['organization:RIA Novosti', 'organization:Ukrinform']],
    // MINA is Montenegro's agency as it writes itself; Mina is a woman's name.
    ['MINA', ['organization:MINA']],
    ['Mina', ['person:Mina']],
    ['Mina Kos', ['person:Mina Kos']],
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

  // A wire is added to NEWS_AGENCIES alone; a byline must know it as well as a credit does.
  it.each([...NEWS_AGENCIES])('takes the wire %s, as it writes itself, for an agency', (agency) => {
    expect(bylineKind(agency)).toBe('organization');
  });

  // Arabic, Hebrew and Chinese write no capitals, so a name in them never started a name: »Ana Novak in محمود عباس« was
  // one person of that whole line, linked to no one, and »Ana Novak & יוסי כהן« a firm.
  it.each([
    ['Ana Novak in محمود عباس', ['person:Ana Novak', 'person:محمود عباس']],
    ['Ana Novak ter יוסי כהן', ['person:Ana Novak', 'person:יוסי כהן']],
    ['Ana Novak & יוסי כהן', ['person:Ana Novak', 'person:יוסי כהן']],
    ['محمود عباس in Ana Novak', ['person:محمود عباس', 'person:Ana Novak']],
    ['Ana Novak / 习近平', ['person:Ana Novak', 'person:习近平']],
    // A paste from a right-to-left source puts a direction mark before the name.
    ['Ana Novak in \u200fمحمود عباس', ['person:Ana Novak', 'person:\u200fمحمود عباس']],
  ])('splits before a name in a script without capitals: %s', (byline, expected) => {
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

  it.each([
    // Agencies and authors joined by a slash, as Slovenian bylines often write them.
    ['STA/AFP', ['organization:STA', 'organization:AFP']],
    ['Reuters/AFP', ['organization:Reuters', 'organization:AFP']],
    ['Ana Novak/STA', ['person:Ana Novak', 'organization:STA']],
    ['Ana Novak / STA', ['person:Ana Novak', 'organization:STA']],
    ['M. K./STA', ['person:M. K.', 'organization:STA']],
    ['STA/dpa', ['organization:STA', 'organization:dpa']],
    ['Ana Novak, STA/AFP', ['person:Ana Novak', 'organization:STA', 'organization:AFP']],
  ])('splits at a slash between names: %s', (byline, expected) => {
    expect(names(byline)).toEqual(expected);
  });

  it.each([
    // A slash that does not stand between two names: a date, a web address, a path or »in/ali«.
    ['Ana Novak, 12/2025', ['person:Ana Novak', 'person:12/2025']],
    ['Ana Novak, 12 / 2025', ['person:Ana Novak', 'person:12 / 2025']],
    ['https://www.24ur.com/Novice', ['person:https://www.24ur.com/Novice']],
    ['www.24ur.com/Novice', ['person:www.24ur.com/Novice']],
    ['24ur.com/novice', ['person:24ur.com/novice']],
    ['Ana Novak in/ali Bor Kos', ['person:Ana Novak in/ali Bor Kos']],
  ])('keeps a slash inside a name: %s', (byline, expected) => {
    expect(names(byline)).toEqual(expected);
  });

  it('gives where each name at a slash stands, the slash and its spaces left out', () => {
    const byline = 'Ana Novak / STA/AFP';
    expect(splitByline(byline).map(({ start, end }) => byline.slice(start, end))).toEqual(['Ana Novak', 'STA', 'AFP']);
  });

  it.each([
    // A media house or agency of several words in capitals, as Slovenian outlets write their names.
    ['RTV SLO', ['organization:RTV SLO']],
    ['MMC RTV SLO', ['organization:MMC RTV SLO']],
    ['POP TV', ['organization:POP TV']],
    ['TV SLO', ['organization:TV SLO']],
    ['Ana Novak, MMC RTV SLO', ['person:Ana Novak', 'organization:MMC RTV SLO']],
    // A digit is never in a journalist's initials.
    ['N1', ['organization:N1']],
    // Initials stay a person, spaced, dotted or not.
    ['MK JK', ['person:MK JK']],
    ['M. K. in POP TV', ['person:M. K.', 'organization:POP TV']],
    ['2025', ['person:2025']],
  ])('reads a name of capitals words as an organisation: %s', (byline, expected) => {
    expect(names(byline)).toEqual(expected);
  });

  it.each([
    // Newsrooms join the last two authors with »&« as well as with »in«.
    ['Ana Novak & Janez Kovač', ['person:Ana Novak', 'person:Janez Kovač']],
    ['Ana Novak, Bor Kos & Cene Lipnik', ['person:Ana Novak', 'person:Bor Kos', 'person:Cene Lipnik']],
    ['STA & AFP', ['organization:STA', 'organization:AFP']],
    ['Ana Novak & dpa', ['person:Ana Novak', 'organization:dpa']],
    ['Ana Novak & uredništvo', ['person:Ana Novak', 'newsroom:uredništvo']],
    // A firm's name of two single words stays whole, and is no person.
    ['Procter & Gamble', ['organization:Procter & Gamble']],
    ['Ernst & Young, STA', ['organization:Ernst & Young', 'organization:STA']],
    ['Ana Novak in Simon & Schuster', ['person:Ana Novak', 'organization:Simon & Schuster']],
    ['Kovač & partnerji', ['organization:Kovač & partnerji']],
    ['STA, Procter & Gamble', ['organization:STA', 'organization:Procter & Gamble']],
    // Names written surname first (a warning, pipeline/byline-warnings.ts): the given name and the next
    // surname are two authors, not a firm »Janez & Novak«.
    ['Kovač, Janez & Novak, Ana', ['person:Kovač', 'person:Janez', 'person:Novak', 'person:Ana']],
    ['Novak, A. & Kos, B.', ['person:Novak', 'person:A.', 'person:Kos', 'person:B.']],
    // Without spaces »&« is inside a name.
    ['AT&T', ['organization:AT&T']],
  ])('splits at » & « between authors: %s', (byline, expected) => {
    expect(names(byline)).toEqual(expected);
  });

  it('gives where each name stands, so the rest of the line can be shown as written', () => {
    const byline = 'Ana Novak, Bor Kos in Cene Lipnik';
    const parts = splitByline(byline);
    expect(parts.map(({ start, end }) => byline.slice(start, end))).toEqual(['Ana Novak', 'Bor Kos', 'Cene Lipnik']);
    expect(parts.map(({ start }) => start)).toEqual([0, 11, 22]);
  });
});
