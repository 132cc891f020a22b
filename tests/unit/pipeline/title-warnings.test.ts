import { describe, expect, it } from 'vitest';
import { titleWarnings } from '../../../src/pipeline/title-warnings.ts';

describe('titleWarnings', () => {
  it('warns at the title line about the first tag or character reference', () => {
    const [warning, ...rest] = titleWarnings('Seja&nbsp;vlade in <b>rebalans</b>', undefined, 'content/articles/a.md', 2);
    expect(rest).toEqual([]);
    expect([warning!.code, warning!.file, warning!.line, warning!.hint]).toEqual([
      'article/title-html',
      'content/articles/a.md',
      2,
      'write the title as plain text: the character itself instead of &nbsp;',
    ]);
  });

  it.each([
    ['Naslov </title><script>alert(1)</script>', '</title>'],
    ['Vreme <script src="x.js"></script>', '<script src="x.js">'],
    ['Pasted <iframe src="https://example.com/v"></iframe> video', '<iframe src="https://example.com/v">'],
  ])('warns about a pasted page head or embed in %j', (title, html) => {
    expect(titleWarnings(title, 'slug', 'a.md', 2)[0]?.message).toContain(`(${html})`);
  });

  it.each(['Vlada sprejela proračun', 'AT&T in Procter & Gamble', 'Rezultat 5 < 6', 'Rekel je: <<Mir je blizu>>'])('leaves %j alone', (title) => {
    expect(titleWarnings(title, 'slug', 'a.md', 2)).toEqual([]);
  });

  it('warns about a headline between English typographic quotes, as Word types the straight ones, with the lines to write', () => {
    for (const [title, bare, quoted] of [
      ['“Vlada sprejela proračun”', 'title: Vlada sprejela proračun', 'title: »Vlada sprejela proračun«'],
      ['‘Mir: zdaj’', 'title: "Mir: zdaj"', 'title: "»Mir: zdaj«"'],
    ]) {
      const [warning, ...rest] = titleWarnings(title!, 'slug', 'content/articles/a.md', 2);
      expect(rest).toEqual([]);
      expect([warning!.code, warning!.line]).toEqual(['article/title-quotes', 2]);
      expect(warning!.message).toBe(`the title is between the typographic quotes ${title!.at(0)} ${title!.at(-1)}, which YAML does not read as quotes, so the headline, listings, feeds and search results show them`);
      expect(warning!.hint).toBe(`if they were meant as YAML's quotes, write ${bare}; if the headline is a quotation, write it with Slovenian quotes, ${quoted}; the address stays the same`);
    }
  });

  it.each(['»Ne bomo popustili«', '„Ne bomo popustili“', '“Mir je blizu”, pravi Witkoff', 'Witkoff: “Mir je blizu”'])('leaves the quotes of %j alone', (title) => {
    expect(titleWarnings(title, 'slug', 'a.md', 2)).toEqual([]);
  });

  it('warns about a headline in capitals, as an agency or a CMS sends it, with the line in sentence case to start from', () => {
    const [warning, ...rest] = titleWarnings('VLADA SPREJELA PRORAČUN ZA LETO 2027', 'vlada-sprejela-proracun-za-leto-2027', 'content/articles/a.md', 2);
    expect(rest).toEqual([]);
    expect([warning!.code, warning!.file, warning!.line, warning!.message, warning!.hint]).toEqual([
      'article/title-capitals',
      'content/articles/a.md',
      2,
      'the title is written in capitals, so the headline, listings, feeds and search results show it so, which readers take for shouting',
      'write it as a sentence: title: "Vlada sprejela proračun za leto 2027", then give names and abbreviations their capitals back; the address stays the same, as it is made of small letters',
    ]);
  });

  it.each([
    // Slovenian headlines often open with a quote: its first letter is the capital, not the quote mark.
    ['»MIR JE BLIZU«, PRAVI TRUMP', '»Mir je blizu«, pravi trump'],
    ['„MIR JE BLIZU“, PRAVI TRUMP', '„Mir je blizu“, pravi trump'],
    ['(VIDEO) VLADA SPREJELA PRORAČUN', '(Video) vlada sprejela proračun'],
    ['5 NOVIH OKUŽB V DOMU STAREJŠIH', '5 novih okužb v domu starejših'],
    // A Roman ordinal is written in capitals in a sentence too; the preposition v has no full stop after it.
    ['II. SVETOVNA VOJNA SE JE KONČALA', 'II. svetovna vojna se je končala'],
    ['SDS PRED XXI. KONGRESOM V CELJU', 'Sds pred XXI. kongresom v celju'],
    ['XIV. IN XXXIX. KONGRES STRANKE V CELJU', 'XIV. in XXXIX. kongres stranke v celju'],
    // Not numerals in a numeral's order (IIII, VX), past 39 (XL), or abbreviations (d. o. o., l. 2025): small letters.
    ['IIII. IN VX. KONGRES STRANKE V CELJU', 'Iiii. in vx. kongres stranke v celju'],
    ['XL. KONGRES STRANKE LETA 2025', 'Xl. kongres stranke leta 2025'],
    ['PODJETJE ELEKTRO D. O. O. ZAPRLO VRATA', 'Podjetje elektro d. o. o. zaprlo vrata'],
    // A letter of a numeral in an abbreviation of single letters (v. d., vršilec dolžnosti; t. i., tako imenovani).
    ['VLADA IMENOVALA V. D. DIREKTORJA AGENCIJE', 'Vlada imenovala v. d. direktorja agencije'],
    ['SPREJELI SO T. I. INTERVENTNI ZAKON', 'Sprejeli so t. i. interventni zakon'],
    ['V. D. DIREKTORJA BO IMENOVAN JUTRI', 'V. d. direktorja bo imenovan jutri'],
  ])('gives %j in sentence case as %j', (title, sentence) => {
    const warning = titleWarnings(title, 'slug', 'a.md', 2).find((w) => w.code === 'article/title-capitals');
    expect(warning?.hint).toContain(`title: ${JSON.stringify(sentence)},`);
  });

  it.each([
    'NATO in EU',
    'ZDA: DA',
    'Vlada sprejela proračun',
    'BREAKING: Vlada je padla',
    '2027',
    'RTV SLO',
    // Abbreviations side by side: a sports result, a list of institutions. Lower case would not be the better headline.
    'NK MB – NK OL 2:1',
    'NATO IN EU',
    'EU, ZDA IN NATO',
    'NLB, NKBM IN SID',
  ])('does not take %j for a headline in capitals', (title) => {
    expect(titleWarnings(title, 'slug', 'a.md', 2)).toEqual([]);
  });
});
