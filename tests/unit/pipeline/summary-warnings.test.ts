import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/markdown/render.ts';
import { findPlainTextHtml, findSummaryMarkdown, openingNoteWarning, summaryWarnings } from '../../../src/pipeline/summary-warnings.ts';
import { LONG_SUMMARY } from '../../../src/text/shorten.ts';

describe('findSummaryMarkdown', () => {
  it('looks at the whole of a summary the build takes, also one whose 2,000 characters are 4,000 UTF-16 units', () => {
    const long = `${'😀'.repeat(1000)} Vlada je sprejela **sklep** in <strong>x</strong>.`;
    expect(findSummaryMarkdown(long)).toMatchObject({ plain: 'sklep' });
    expect(findPlainTextHtml(long)).toBe('<strong>');
  });

  it.each([
    ['Pogovori z **Witkoffom** so bili produktivni.', '**Witkoffom**', 'Witkoffom'],
    ['Pogovori z __Witkoffom__ so bili produktivni.', '__Witkoffom__', 'Witkoffom'],
    ['To je _ležeče_ napisano.', '_ležeče_', 'ležeče'],
    ['To je *ležeče*, ne krepko.', '*ležeče*', 'ležeče'],
    ['Več v [poročilu ministrstva](https://www.gov.si/novice/).', '[poročilu ministrstva](https://www.gov.si/novice/)', 'poročilu ministrstva'],
    ['Glej [poročilo](/2025/12/22/porocilo/ "Poročilo").', '[poročilo](/2025/12/22/porocilo/ "Poročilo")', 'poročilo'],
    ['Slika ![Županja Ana Novak](/slike/seja.jpg) na seji.', '![Županja Ana Novak](/slike/seja.jpg)', 'Županja Ana Novak'],
    ['**[Witkoff](https://example.si/)** je prišel.', '**[Witkoff](https://example.si/)**', 'Witkoff'],
    ['**_Nujno_**: seja sveta.', '**_Nujno_**', 'Nujno'],
    ['Besedilo [povezava](https://a.si/) in potem **krepko**.', '[povezava](https://a.si/)', 'povezava'],
  ])('finds the Markdown in %j', (summary, written, plain) => {
    expect(findSummaryMarkdown(summary)).toMatchObject({ written, plain });
  });

  it.each([
    'Rezultat je 5 * 3 * 2 = 30.',
    'Datoteka moj_dokument_v2.docx je priložena.',
    'Vabljeni vsi učenci*ke in starši*ce.',
    'Cena* velja do konca meseca.',
    'Pogovori v Moskvi [posodobljeno] se nadaljujejo (v petek).',
    'Zvezdice *** ločijo dele.',
    'Podčrtaj _ in zvezdica * sta znaka.',
    'Navadno besedilo brez oznak, z »narekovaji« in – pomišljaji.',
  ])('leaves plain text alone: %j', (summary) => {
    expect(findSummaryMarkdown(summary)).toBeUndefined();
  });

  it('looks in the start of a summary, so a hostile one of a million marks is read at once', () => {
    expect(findSummaryMarkdown(`Pogovori z **Witkoffom** ${'in '.repeat(500_000)}`)).toMatchObject({ plain: 'Witkoffom' });
    for (const hostile of ['_a'.repeat(500_000), '['.repeat(1_000_000), '**a '.repeat(250_000), '[a]('.repeat(250_000)]) {
      expect(findSummaryMarkdown(hostile)).toBeUndefined();
    }
  });
});

describe('findPlainTextHtml', () => {
  it.each([
    ['<strong>LJUBLJANA</strong> – Vlada je sprejela proračun.', '<strong>'],
    ['Peter Prevc je zmagal; <b>čestitali</b> so mu vsi.', '<b>'],
    ['Vlada je sprejela proračun.<br/>Opozicija je proti.', '<br/>'],
    ['Več na <a href="https://www.gov.si/">spletni strani</a>.', '<a href="https://www.gov.si/">'],
    ['Seja bo v torek,&nbsp;ob devetih.', '&nbsp;'],
    ['Cena je 5&#8211;6 evrov, <i>brez DDV</i>.', '&#8211;'],
  ])('finds the HTML in %j', (summary, written) => {
    expect(findPlainTextHtml(summary)).toBe(written);
  });

  it.each([
    'Navadno besedilo brez oznak, z »narekovaji« in – pomišljaji.',
    'Rezultat 5 < 6 > 3 je pravilen.',
    'Rekel je: <<Mir je blizu.>>',
    'Podjetje AT&T in Procter & Gamble sta poročala.',
  ])('leaves plain text alone: %j', (summary) => {
    expect(findPlainTextHtml(summary)).toBeUndefined();
  });
});

describe('summaryWarnings', () => {
  it('warns about HTML at the summary line, which readers would see as written', () => {
    const [warning, ...rest] = summaryWarnings('Peter Prevc je zmagal; <b>čestitali</b> so mu vsi.', 'content/articles/a.md', 5);
    expect(rest).toEqual([]);
    expect([warning!.code, warning!.file, warning!.line]).toEqual(['article/summary-html', 'content/articles/a.md', 5]);
    expect(warning!.message).toBe(
      'the summary is published as plain text, so its HTML (<b>) shows as written, tags and all, in listings, feeds and the description search engines show',
    );
    expect(warning!.hint).toBe('write the summary as plain text: leave out <b> and any other tag');
    const [reference] = summaryWarnings('Seja bo v torek,&nbsp;ob devetih.', 'a.md', 3);
    expect(reference!.hint).toBe('write the summary as plain text: the character itself instead of &nbsp;');
  });


  it('warns about Markdown at the summary line, with the plain text to write', () => {
    const [warning, ...rest] = summaryWarnings('Pogovori z **Witkoffom** so bili produktivni.', 'content/articles/a.md', 5);
    expect(rest).toEqual([]);
    expect([warning!.code, warning!.file, warning!.line]).toEqual(['article/summary-markdown', 'content/articles/a.md', 5]);
    expect(warning!.message).toBe(
      'the summary is published as plain text, so its Markdown (**Witkoffom**) shows as written, marks and all, in listings, feeds and the description search engines show',
    );
    expect(warning!.hint).toBe('write the summary as plain text: Witkoffom instead of **Witkoffom**');
  });

  it('tells that a link in the summary belongs in the text', () => {
    const [warning] = summaryWarnings('Več v [poročilu](https://www.gov.si/).', 'a.md', 3);
    expect(warning!.hint).toBe('write the summary as plain text: poročilu instead of [poročilu](https://www.gov.si/); a summary has no links, so put the link in the text');
  });

  it('tells that a picture in the summary belongs in the text', () => {
    const [warning] = summaryWarnings('![Seja sveta](/slike/seja.jpg) Svet je zasedal.', 'a.md', 3);
    expect(warning!.hint).toBe('write the summary as plain text: Seja sveta instead of ![Seja sveta](/slike/seja.jpg); a summary has no pictures, so put the picture in the text');
  });

  it(`warns about a summary over ${LONG_SUMMARY} characters, counted in letters, not UTF-16 units`, () => {
    const sentence = 'Vlada je sprejela predlog proračuna za prihodnje leto. ';
    const long = sentence.repeat(66).trim();
    const [warning, ...rest] = summaryWarnings(long, 'content/articles/a.md', 6);
    expect(rest).toEqual([]);
    expect([warning!.code, warning!.line]).toEqual(['article/long-summary', 6]);
    expect(warning!.message).toBe(`the summary is ${long.length} characters long: listings show it whole under the title, while search engines show only its first 160 or so`);
    expect(warning!.hint).toContain('one to three sentences (at most 400 characters)');
    expect(summaryWarnings('č'.repeat(LONG_SUMMARY), 'a.md', 1)).toEqual([]);
    expect(summaryWarnings('😀'.repeat(LONG_SUMMARY), 'a.md', 1)).toEqual([]);
    expect(summaryWarnings('č'.repeat(LONG_SUMMARY + 1), 'a.md', 1).map((w) => w.code)).toEqual(['article/long-summary']);
  });

  it('gives no warning without a summary, or for a plain teaser', () => {
    expect(summaryWarnings(undefined, 'a.md', undefined)).toEqual([]);
    expect(summaryWarnings('Ameriški odposlanec Steve Witkoff se je v Moskvi sestal z ruskim predsednikom.', 'a.md', 4)).toEqual([]);
  });
});

describe('openingNoteWarning', () => {
  it.each([
    '**Popravek (8. 12. 2026):** v prvi različici smo napačno zapisali ime.',
    'POPRAVEK: napačno smo navedli znesek.',
    '*Opomba uredništva: članek smo dopolnili z odzivom ministrstva.*',
    'Posodobljeno ob 10.30: dodali smo izjavo premierja.',
    'Popravek, 8. decembra 2026: napačno smo navedli znesek.',
  ])('warns when the text opens with a note to readers, %j, which would be the teaser, feed summary and description', (note) => {
    const rendered = renderMarkdown(`${note}\n\nKirill Dmitriev je napovedal nove pogovore z ameriško stranjo.\n`);
    const [warning, ...rest] = openingNoteWarning(undefined, rendered.defaultSummary, 'content/articles/a.md', 6);
    expect(rest).toEqual([]);
    expect([warning!.code, warning!.file, warning!.line]).toEqual(['article/note-as-summary', 'content/articles/a.md', 6]);
    expect(warning!.message).toContain('so listings, feeds and the description search engines show it in place of a summary of the article');
    expect(warning!.hint).toBe("add a summary: line with the article's own summary, or move the note to the end of the text");
  });

  it('says nothing with a summary: line, nor for a text that opens otherwise', () => {
    const note = renderMarkdown('Popravek: napačno smo navedli znesek.\n\nBesedilo.\n').defaultSummary;
    expect(openingNoteWarning('Vlada je sprejela proračun.', note, 'a.md', 6)).toEqual([]);
    for (const text of ['Posodobljeno omrežje bo odprto jeseni.', 'Popravek zakona so poslanci sprejeli včeraj.', 'Vlada je sprejela popravek: rebalans.', 'Posodobljeno omrežje bo zagotovilo: hitrejši prenos.']) {
      expect(openingNoteWarning(undefined, renderMarkdown(`${text}\n`).defaultSummary, 'a.md', 6)).toEqual([]);
    }
  });
});
