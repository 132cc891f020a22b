import { describe, expect, it } from 'vitest';
import { bylineName } from '../../../src/content/byline.ts';
import { addressBeforeMark, blocksToMarkdown, blockToMarkdown, listToMarkdown, escapeLineStart, firstSentence, isCrosshead, readsBack, splitPlainText, titleText, withoutDateline } from '../../../src/markdown/plain-text.ts';
import { findShapeProblem } from '../../../src/content/markdown-shape.ts';
import { UnrepresentableText } from '../../../src/markdown/plain-text.ts';

describe('isCrosshead', () => {
  it.each([
    ['Rusija v pogovorih z ZDA glede Ukrajine vidi počasen napredek', true],
    ['Kaj sledi', true],
    ['Po besedah Witkoffa so govorili predvsem o časovnih okvirjih.', false],
    ['"Mislim, da večina ponudb ne bo delovala," je pojasnil.', false],
    ['Rekel je: "Gremo naprej."', false],
    ['Kaj zdaj?', false],
    ['Zares!', false],
    ['Nato je sledilo naštevanje:', false],
    ['x'.repeat(161), false],
    // Credits, signatures and contacts a wire or a Word file leaves on lines of their own are no headings.
    ['Foto: Bobo/STA', false],
    ['FOTO: Reuters', false],
    ['Vir: STA', false],
    ['Piše: Bor Kos', false],
    ['(STA)', false],
    ['(ana/bk)', false],
    ['ana.novak@sta.si', false],
    ['https://www.sta.si/novice', false],
    ['[VIDEO] Poplave na Koroškem', true],
    ['Golob: ne bomo odstopili', true],
    // A list's line is text, alone too: it stood as `## • zvišanje plač` or `## 1) prijava škode,`.
    ['• zvišanje plač', false],
    ['– nižji davki', false],
    ['1) prijava škode na občini,', false],
    ['zvišanje plač in pokojnin,', false],
  ])('%s → %s', (line, expected) => {
    expect(isCrosshead(line)).toBe(expected);
  });
});

describe('bylineName', () => {
  it.each([
    ['Piše: Ana Novak', 'Ana Novak'],
    ['PIŠE: Ana Novak', 'Ana Novak'],
    ['Pišeta:\u00a0Ana Novak in Bor Kos', 'Ana Novak in Bor Kos'],
    ['Avtorica: M. K.', 'M. K.'],
    ['Avtor : STA', 'STA'],
    ['Besedilo: Ana Novak, STA', 'Ana Novak, STA'],
    // A sentence that starts with such a word is text.
    ['Avtorica tega prispevka je dejala: to je dober proračun.', undefined],
    ['Piše: to je dober proračun, je dejal minister in odšel?', undefined],
    ['Piše:', undefined],
    ['Piše: ' + 'Ana '.repeat(40), undefined],
    ['Golob: ne bomo odstopili', undefined],
    // Without the colon, as many papers print it: only names may follow, or it is a sentence that starts so.
    ['Piše Ana Novak', 'Ana Novak'],
    ['Pišeta Ana Novak in Bor Zupan', 'Ana Novak in Bor Zupan'],
    ['Pišejo Ana Novak, Bor Zupan in Cene Lipnik', 'Ana Novak, Bor Zupan in Cene Lipnik'],
    ['PIŠE ANA NOVAK', 'ANA NOVAK'],
    ['Piše M. K.', 'M. K.'],
    ['Piše se leto 1991', undefined],
    ['Piše se leto 1991, ko se je vse začelo.', undefined],
    ['Piše Janez Janša v svoji knjigi', undefined],
    ['Piše', undefined],
    // Text and photos by one person.
    ['Besedilo in foto: Cene Lipnik', 'Cene Lipnik'],
    ['Besedilo in fotografije: Ana Novak', 'Ana Novak'],
    // A second credit on the same line is someone else's work, not an author.
    ['Besedilo: Ana Novak, foto: Bor Zupan', 'Ana Novak'],
    ['Piše: Ana Novak in Bor Kos; Video: Cene Lipnik', 'Ana Novak in Bor Kos'],
    ['Piše: Ana Novak | ilustracija: Bor Zupan', 'Ana Novak'],
    ['Avtorica: Ana Novak Fotografije: Bor Zupan', 'Ana Novak'],
    ['Piše: Ana Novak, Foto: Ana Novak', 'Ana Novak'],
    ['Piše: foto: Bor Zupan', undefined],
    // A word that only starts like a label is a name.
    ['Piše: Ana Videc', 'Ana Videc'],
  ])('%s', (line, expected) => {
    expect(bylineName(line)).toBe(expected);
  });
});

describe('withoutDateline', () => {
  it.each([
    ['LJUBLJANA, 6. decembra (STA) - Vlada je sprejela proračun.', 'Vlada je sprejela proračun.'],
    ['Bruselj, 6. decembra (STA) – Evropska komisija je predlagala nov paket.', 'Evropska komisija je predlagala nov paket.'],
    ['MOSKVA (Reuters) — Kremelj je zavrnil predlog.', 'Kremelj je zavrnil predlog.'],
    ['NOVO MESTO, 5. 12. (STA) - Krka je poplavila.', 'Krka je poplavila.'],
    ['WASHINGTON, 6. dec. (AP) - Trump je podpisal ukaz.', 'Trump je podpisal ukaz.'],
    // A dash in the sentence itself is no dateline's.
    ['Vlada - kot je znano - ni odstopila.', 'Vlada - kot je znano - ni odstopila.'],
    ['Golob - premier od leta 2022 - je odstopil.', 'Golob - premier od leta 2022 - je odstopil.'],
    ['NATO - zavezništvo 32 držav - se je odzval.', 'NATO - zavezništvo 32 držav - se je odzval.'],
    ['Vlada je sprejela proračun.', 'Vlada je sprejela proračun.'],
    // A name or a party with its bracket before a dash is the sentence's subject: the sentence after a dateline starts
    // with a capital (or a digit or a quote), the rest of this one does not.
    ['Janez Janša (SDS) - je dejal, da vlada ne bo zdržala.', 'Janez Janša (SDS) - je dejal, da vlada ne bo zdržala.'],
    ['NLB (Nova Ljubljanska banka) – bo izplačala dividende.', 'NLB (Nova Ljubljanska banka) – bo izplačala dividende.'],
    ['Golob, 6. decembra - ko je vlada zasedala - je molčal.', 'Golob, 6. decembra - ko je vlada zasedala - je molčal.'],
    ['LJUBLJANA, 6. decembra (STA) - 36-letni voznik je umrl.', '36-letni voznik je umrl.'],
    ['LJUBLJANA, 6. decembra (STA) - »Proračun je sprejet,« je dejal minister.', '»Proračun je sprejet,« je dejal minister.'],
  ])('%s', (paragraph, expected) => {
    expect(withoutDateline(paragraph)).toBe(expected);
  });
});

describe('firstSentence', () => {
  it.each([
    ['Steve Witkoff se je sestal z Dmitrijevim. Po srečanju je objavil izjavo.', 'Steve Witkoff se je sestal z Dmitrijevim'],
    ['Minister dr. Janez Novak je odstopil. Nato je odšel.', 'Minister dr. Janez Novak je odstopil'],
    ['Podjetje J. Novak je propadlo. Delavci so brez dela.', 'Podjetje J. Novak je propadlo'],
    ['Ali bo vlada padla? Morda bo.', 'Ali bo vlada padla?'],
    ['Seja bo 12. decembra v Ljubljani. Prišli bodo vsi.', 'Seja bo 12. decembra v Ljubljani'],
    ['"Gremo naprej." Tako je dejal.', '"Gremo naprej."'],
    ['En sam stavek brez nadaljevanja.', 'En sam stavek brez nadaljevanja'],
    // Everyday words that end sentences, though spelled like an abbreviation (ur. urednik, red. redni, pol. polkovnik).
    ['Pogajanja so trajala več ur. Minister je nato odšel.', 'Pogajanja so trajala več ur'],
    ['Policija je na ulicah vzpostavila red. Protestniki so odšli.', 'Policija je na ulicah vzpostavila red'],
    ['Sestanek se je začel ob pol. Golob je zamudil.', 'Sestanek se je začel ob pol'],
    // »ga« is far more often the pronoun ending a sentence than »gospa« shortened.
    ['Ujeli so ga. Policija je sporočila, da gre za tatu.', 'Ujeli so ga'],
    // »itd.« ends a list, and nearly always the sentence with it: no name follows it in one sentence.
    ['Na mizi so bili kruh, sir, vino itd. Gostje so se posedli.', 'Na mizi so bili kruh, sir, vino itd.'],
  ])('%s', (paragraph, expected) => {
    expect(firstSentence(paragraph)).toBe(expected);
  });
});

describe('splitPlainText', () => {
  it('takes the first byline line out of the text, wherever it stands', () => {
    expect(splitPlainText('Piše: Ana Novak\nVlada padla\n\nPoslanci so glasovali.\nPiše: Bor Kos\n', { headline: true })).toEqual({
      headline: 'Vlada padla',
      byline: 'Ana Novak',
      blocks: [
        { kind: 'paragraph', text: 'Poslanci so glasovali.', line: 4 },
        { kind: 'paragraph', text: 'Piše: Bor Kos', line: 5 },
      ],
    });
  });

  it('takes a byline without a colon out of the text, but not a sentence that starts with »Piše«', () => {
    expect(splitPlainText('Vlada padla\nPišeta Ana Novak in Bor Zupan\nPoslanci so glasovali.\n', { headline: true })).toEqual({
      headline: 'Vlada padla',
      byline: 'Ana Novak in Bor Zupan',
      blocks: [{ kind: 'paragraph', text: 'Poslanci so glasovali.', line: 3 }],
    });
    expect(splitPlainText('Piše se leto 1991\nPiše se leto 1991. Slovenija je razglasila neodvisnost.\n', { headline: true })).toEqual({
      headline: 'Piše se leto 1991',
      blocks: [{ kind: 'paragraph', text: 'Piše se leto 1991. Slovenija je razglasila neodvisnost.', line: 2 }],
    });
  });

  it('takes an agency credit at the end of the first paragraph and of the text as the source, out of the text', () => {
    const text = [
      'Vlada padla',
      'LJUBLJANA, 6. decembra - Poslanci so z 52 glasovi za izglasovali nezaupnico. (STA)',
      'Predsednik je dejal: »To je žalosten dan.« (STA)',
      'Minister je odgovarjal kratko. (STA, Reuters)',
    ].join('\n');
    expect(splitPlainText(text, { headline: true })).toEqual({
      headline: 'Vlada padla',
      source: 'STA, Reuters',
      blocks: [
        { kind: 'paragraph', text: 'LJUBLJANA, 6. decembra - Poslanci so z 52 glasovi za izglasovali nezaupnico.', line: 2 },
        // Inside the text it is kept as written, and a paragraph still, not a crosshead for want of a final stop.
        { kind: 'paragraph', text: 'Predsednik je dejal: »To je žalosten dan.« (STA)', line: 3 },
        { kind: 'paragraph', text: 'Minister je odgovarjal kratko.', line: 4 },
      ],
    });
  });

  it('takes a credit on the last line of its own, in brackets or between slashes', () => {
    expect(splitPlainText('V Žalcu so odprli knjižnico.\n/STA/\n', { headline: true })).toEqual({ headline: undefined, source: 'STA', blocks: [{ kind: 'paragraph', text: 'V Žalcu so odprli knjižnico.', line: 1 }] });
    expect(splitPlainText('V Žalcu so odprli knjižnico.\n\n(AFP, dpa)\n', { headline: true }).source).toBe('AFP, dpa');
    // As the agency writes itself, or in capitals; a name of two words whole.
    expect(splitPlainText('Skupščina je zasedala.\n(MINA, HINA)\n', { headline: true }).source).toBe('MINA, Hina');
    expect(splitPlainText('Duma je glasovala.\n(RIA Novosti)\n', { headline: true }).source).toBe('RIA Novosti');
    // One agency in two spellings is one source, named as it writes itself.
    expect(splitPlainText('Duma je glasovala. (REUTERS)\n\nSeja se nadaljuje jutri. (Reuters)\n', { headline: true }).source).toBe('Reuters');
  });

  it.each([
    ["an editor's initials", 'V Žalcu so odprli knjižnico.\n(ana/bk)\n'],
    ['a party after a name, with no sentence ended before it', 'Za je glasoval tudi Janez Janša (SDS)\n'],
    ['a credit that a contact line follows', 'V Žalcu so odprli knjižnico.\n(STA)\nana.novak@sta.si\n'],
    ['a bracket inside the sentence', 'Odločitev je sprejela vlada (STA je o tem poročala).\n'],
    ['a party after a sentence', 'Predlog je vložila opozicija. (SDS)\n'],
    ['an alliance and a country after a sentence', 'Vaja se je začela v ponedeljek. (NATO, ZDA)\n'],
    ['an agency beside a party', 'Predlog je vložila opozicija. (STA, SDS)\n'],
    ["a name that is an agency's in its spelling only", 'Pogovarjali smo se o Mini. (Mina)\n'],
    ["the second word of an agency's name", 'To so bile zadnje novice. (Novosti)\n'],
  ])('takes no source from %s', (_, text) => {
    const split = splitPlainText(text, { headline: false });
    expect(split.source).toBeUndefined();
    expect(split.blocks.map((block) => block.text)).toEqual(text.split('\n').filter((line) => line !== ''));
  });

  it.each([
    ['a party', 'Minister je odgovarjal kratko. (SDS)'],
    ['an alliance and a country', 'Vaja se je začela v ponedeljek. (NATO, ZDA)'],
    ['a media house that is no news agency', 'Oddaja bo na sporedu v nedeljo. (24UR)'],
    ["an editor's initials", 'V Žalcu so odprli knjižnico. (ana/bk)'],
  ])('a paragraph ended by %s in brackets after its sentence stays a paragraph, not a crosshead', (_, line) => {
    // Only a news agency is a credit (NEWS_AGENCIES); any other bracket after the last sentence stays in the text,
    // and the sentence before it still ends the paragraph: it was published as »## Minister je odgovarjal kratko. (SDS)«.
    const text = `Vlada padla\nPoslanci so izglasovali nezaupnico.\n${line}\nSeja se bo nadaljevala jutri.\n${line}\n`;
    const split = splitPlainText(text, { headline: true });
    expect(split.source).toBeUndefined();
    expect(split.blocks.map((block) => `${block.kind}: ${block.text}`)).toEqual([
      'paragraph: Poslanci so izglasovali nezaupnico.',
      `paragraph: ${line}`,
      'paragraph: Seja se bo nadaljevala jutri.',
      `paragraph: ${line}`,
    ]);
  });

  it("leaves a review's box of facts as text: its author is the book's, not the article's", () => {
    expect(splitPlainText('Jančar znova navdušuje\n\nNovi roman je izšel ta teden.\n\nAvtor: Drago Jančar\nZaložba: Beletrina\nCena: 29 evrov\n', { headline: true })).toEqual({
      headline: 'Jančar znova navdušuje',
      blocks: [
        { kind: 'paragraph', text: 'Novi roman je izšel ta teden.', line: 3 },
        { kind: 'paragraph', text: 'Avtor: Drago Jančar', line: 5 },
        { kind: 'paragraph', text: 'Založba: Beletrina', line: 6 },
        { kind: 'paragraph', text: 'Cena: 29 evrov', line: 7 },
      ],
    });
  });

  it('takes a byline above a photo credit: two credits are no box of facts', () => {
    expect(splitPlainText('Vlada padla\nPiše: Ana Novak\nFoto: Bobo/STA\n\nPoslanci so glasovali.\n', { headline: true })).toEqual({
      headline: 'Vlada padla',
      byline: 'Ana Novak',
      blocks: [
        { kind: 'paragraph', text: 'Foto: Bobo/STA', line: 3 },
        { kind: 'paragraph', text: 'Poslanci so glasovali.', line: 5 },
      ],
    });
  });

  it('takes the headline below a photo credit, which is text and no title', () => {
    expect(splitPlainText('Foto: Bobo/STA\nVlada padla\nPoslanci so glasovali.\n', { headline: true })).toEqual({
      headline: 'Vlada padla',
      blocks: [
        { kind: 'paragraph', text: 'Foto: Bobo/STA', line: 1 },
        { kind: 'paragraph', text: 'Poslanci so glasovali.', line: 3 },
      ],
    });
  });

  it('makes every non-empty line a block, trimmed, numbered by its source line', () => {
    const { headline, blocks } = splitPlainText('Prvi odstavek.\n\n  Drugi odstavek.  \nMednaslov\n\n\n', { headline: true });
    expect(headline).toBeUndefined();
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'Prvi odstavek.', line: 1 },
      { kind: 'paragraph', text: 'Drugi odstavek.', line: 3 },
      { kind: 'crosshead', text: 'Mednaslov', line: 4 },
    ]);
  });

  it('takes a first line without final punctuation as the headline, unless told not to', () => {
    expect(splitPlainText('Vlada padla\nVlada je padla.\n', { headline: true })).toEqual({
      headline: 'Vlada padla',
      blocks: [{ kind: 'paragraph', text: 'Vlada je padla.', line: 2 }],
    });
    expect(splitPlainText('Vlada padla\nVlada je padla.\n', { headline: false }).blocks[0]).toEqual({ kind: 'crosshead', text: 'Vlada padla', line: 1 });
  });
});

describe('splitPlainText: lists', () => {
  /** Each block as kind, its list's number or bullet, and text. */
  const shapes = (text: string) =>
    splitPlainText(text, { headline: false }).blocks.map((block) => (block.kind === 'item' ? `${block.list?.number ?? '•'} ${block.text}` : `${block.kind}: ${block.text}`));

  it.each([
    ['Word bullets and a tab', '•\tenkratna pomoč,\n•\toprostitev prispevkov\n', ['• enkratna pomoč,', '• oprostitev prispevkov']],
    ['Word levels below (◦ ▪) and a web page (·)', '◦ prvi\n▪ drugi\n·tretji\n', ['• prvi', '• drugi', '• tretji']],
    ['hyphens, as an agency writes dashes', '- zvišanje plač,\n- nižji davki.\n', ['• zvišanje plač,', '• nižji davki.']],
    ['en dashes that are no dialogue', '– Ljubljana – Maribor: 2 uri,\n– Maribor – Celje: 1 ura.\n', ['• Ljubljana – Maribor: 2 uri,', '• Maribor – Celje: 1 ura.']],
    ['en dashes before small letters, as a law lists', '– da je državljan Republike Slovenije,\n– da je polnoleten.\n', ['• da je državljan Republike Slovenije,', '• da je polnoleten.']],
    ['hyphens before sentences, as an agency lists points', '- Vlada bo zvišala plače.\n- Davki bodo nižji.\n', ['• Vlada bo zvišala plače.', '• Davki bodo nižji.']],
    ['stars', '* točka ena\n* točka dve\n', ['• točka ena', '• točka dve']],
    // A list pasted from a web page or an e-mail often has a blank line between its items.
    ['items a blank line parts', '• prvi,\n\n• drugi.\n', ['• prvi,', '• drugi.']],
    ['hyphen items blank lines part, below the line that introduces them', 'Ministrstvo je naštelo spremembe:\n- krajši roki,\n\n- višje globe,\n\n\n- nov register.\nMinister je bil zadovoljen.\n', ['paragraph: Ministrstvo je naštelo spremembe:', '• krajši roki,', '• višje globe,', '• nov register.', 'paragraph: Minister je bil zadovoljen.']],
    ['numbered items blank lines part', '1. prijava škode,\n\n2. ogled cenilca,\n\n3. izplačilo.\n', ['1 prijava škode,', '2 ogled cenilca,', '3 izplačilo.']],
    // Nesting is not read: Word's levels and an indent give one flat list, each item's text whole.
    ['items indented below others, flat', '•\tprvi\n\t◦\tpod prvim\n•\tdrugi\n', ['• prvi', '• pod prvim', '• drugi']],
    ['numbers with a bracket, kept', '1) prijava,\n2) ogled,\n3) izplačilo.\n', ['1 prijava,', '2 ogled,', '3 izplačilo.']],
    ['numbers with a full stop, from 4', '4. Janez Novak 2:03:11\n5. Bor Kos 2:04:40\n', ['4 Janez Novak 2:03:11', '5 Bor Kos 2:04:40']],
  ])('makes a list of two or more lines one under another: %s', (_, text, expected) => {
    expect(shapes(text)).toEqual(expected);
  });

  it.each([
    ['one dash line, a quote', 'Minister je odgovoril.\n– Ne bomo odstopili.\n', ['paragraph: Minister je odgovoril.', 'paragraph: – Ne bomo odstopili.']],
    ['dialogue with the speaker after a dash', '– Kje si bil? – je vprašala.\n– Doma, – je rekel.\n', ['paragraph: – Kje si bil? – je vprašala.', 'paragraph: – Doma, – je rekel.']],
    ['dialogue in hyphens', '- Kje si bil? - je vprašala.\n- Doma.\n', ['paragraph: - Kje si bil? - je vprašala.', 'paragraph: - Doma.']],
    ['dialogue without the speakers, in en dashes', '– Kje si bil?\n– Doma.\n– Res?\n– Res.\n', ['paragraph: – Kje si bil?', 'paragraph: – Doma.', 'paragraph: – Res?', 'paragraph: – Res.']],
    ['dialogue without the speakers or a question', '– Doma.\n– Saj vem.\n', ['paragraph: – Doma.', 'paragraph: – Saj vem.']],
    ['dialogue in em dashes', '— Pridi takoj!\n— Že grem …\n', ['paragraph: — Pridi takoj!', 'paragraph: — Že grem …']],
    ['an exchange of questions', '– Ste zadovoljni?\n– Zakaj bi bil?\n', ['paragraph: – Ste zadovoljni?', 'paragraph: – Zakaj bi bil?']],
    ['years', '2026. leto je bilo težko.\n2027. leto bo boljše.\n', ['paragraph: 2026. leto je bilo težko.', 'paragraph: 2027. leto bo boljše.']],
    ['a chronology of days', '22. decembra je vlada sprejela zakon.\n23. decembra ga je podpisal predsednik.\n', ['paragraph: 22. decembra je vlada sprejela zakon.', 'paragraph: 23. decembra ga je podpisal predsednik.']],
    ['dates', '1. 1. 2026 je začel veljati zakon.\n2. 1. 2026 so se začele vloge.\n', ['paragraph: 1. 1. 2026 je začel veljati zakon.', 'paragraph: 2. 1. 2026 so se začele vloge.']],
    ['articles of a law', '1. člen\n2. člen\n', ['crosshead: 1. člen', 'crosshead: 2. člen']],
    ['an article of a law with its title', '1. člen\n(vsebina zakona)\n2. člen\n(pristojnost)\n', ['crosshead: 1. člen', 'paragraph: (vsebina zakona)', 'crosshead: 2. člen', 'paragraph: (pristojnost)']],
    ['articles of a law in sentences', '1. člen določa namen zakona.\n2. člen določa pristojnosti ministrstva.\n', ['paragraph: 1. člen določa namen zakona.', 'paragraph: 2. člen določa pristojnosti ministrstva.']],
    ["a series' parts", '1. del\n2. del\n3. del\n', ['crosshead: 1. del', 'crosshead: 2. del', 'crosshead: 3. del']],
    ['rounds and halves', '1. krog: Olimpija – Maribor 2:1.\n2. krog: Celje – Koper 0:0.\n', ['paragraph: 1. krog: Olimpija – Maribor 2:1.', 'paragraph: 2. krog: Celje – Koper 0:0.']],
    ['a date before a numbered line', '1. 5. 2024 je začel veljati zakon.\n2. točka določa roke.\n', ['paragraph: 1. 5. 2024 je začel veljati zakon.', 'paragraph: 2. točka določa roke.']],
    ['numbers out of order', '1) prvič,\n3) tretjič.\n', ['paragraph: 1) prvič,', 'paragraph: 3) tretjič.']],
    ['numbers with different stops', '1) prvič,\n2. drugič.\n', ['paragraph: 1) prvič,', 'paragraph: 2. drugič.']],
    ['a dash line alone between paragraphs', 'Minister je odgovoril.\n\n– Ne bomo odstopili.\n\nNato je odšel.\n', ['paragraph: Minister je odgovoril.', 'paragraph: – Ne bomo odstopili.', 'paragraph: Nato je odšel.']],
    ['dialogue that blank lines part', '– Kje si bil?\n\n– Doma.\n', ['paragraph: – Kje si bil?', 'paragraph: – Doma.']],
    ['a hyphen before a number', '-5 stopinj v Ljubljani.\n-7 stopinj v Ratečah.\n', ['paragraph: -5 stopinj v Ljubljani.', 'paragraph: -7 stopinj v Ratečah.']],
  ])('leaves lines as paragraphs: %s', (_, text, expected) => {
    expect(shapes(text)).toEqual(expected);
  });

  it('takes a list for neither the headline nor a crosshead, and numbers the items by their lines', () => {
    expect(splitPlainText('• zvišanje plač\n• nižji davki\nVlada je sprejela ukrepe.\n', { headline: true })).toEqual({
      headline: undefined,
      blocks: [
        { kind: 'item', text: 'zvišanje plač', line: 1, list: { first: 1 } },
        { kind: 'item', text: 'nižji davki', line: 2, list: { first: 1 } },
        { kind: 'paragraph', text: 'Vlada je sprejela ukrepe.', line: 3 },
      ],
    });
  });
});

describe('listToMarkdown', () => {
  it('escapes what would change an item and keeps its numbers', () => {
    const items = ['*zvezdica* in [1] ostaneta,', '1. točka ni podseznam,', '# ni naslov.'].map((text, k) => ({ text, list: { first: 1, number: 7 + k } }));
    expect(listToMarkdown(items)).toBe('7. \\*zvezdica\\* in \\[1\\] ostaneta,\n8. 1\\. točka ni podseznam,\n9. \\# ni naslov.');
  });

  it('writes a list right below another of its kind with the other marker, which CommonMark does not join to it', () => {
    const { blocks } = splitPlainText('• a,\n• b.\n\n• c,\n• d.\n\n• e,\n• f.\n\n1) g,\n2) h.\n\n1) i,\n2) j.\n', { headline: false });
    expect(blocksToMarkdown(blocks)).toBe('- a,\n- b.\n\n* c,\n* d.\n\n- e,\n- f.\n\n1. g,\n2. h.\n\n1) i,\n2) j.\n');
  });
});

describe('blockToMarkdown', () => {
  it.each([
    ['Navaden stavek, "v narekovajih", s podpičjem; in vprašajem?', 'Navaden stavek, "v narekovajih", s podpičjem; in vprašajem?'],
    ['1. maj je praznik dela.', '1\\. maj je praznik dela.'],
    ['2) druga točka ni seznam.', '2\\) druga točka ni seznam.'],
    ['# ni naslov.', '\\# ni naslov.'],
    ['- ni alineja.', '\\- ni alineja.'],
    ['+ tudi ne.', '\\+ tudi ne.'],
    ['> ni citat.', '\\> ni citat.'],
    ['```koda``` ni blok.', '\\```koda``` ni blok.'],
    ['1999. leta je bilo drugače.', '1999\\. leta je bilo drugače.'],
    ['Leta 1999. je bilo drugače.', 'Leta 1999. je bilo drugače.'],
  ])('%s', (text, expected) => {
    const markdown = blockToMarkdown({ kind: 'paragraph', text });
    expect(markdown).toBe(expected);
    expect(readsBack(markdown, 'paragraph', text)).toBe(true);
  });

  it.each([
    '*poudarek* in _podčrtaj_ ter `koda`.',
    '<b>krepko</b> in &amp; ter \\ poševnica.',
    '[1]: http://example.com',
    '![slika](x.png) ni slika.',
    '[povezava](http://example.com) ni povezava.',
    '* * *',
    '---',
    '___',
    'a_b_c in 2*3*4 = 24.',
    '<!-- komentar --> ostane.',
    'Cena je 5 € & 3 $ in AT&T; ter &#65;.',
  ])('escapes only what would change the text: %s', (text) => {
    const markdown = blockToMarkdown({ kind: 'paragraph', text });
    expect(readsBack(markdown, 'paragraph', text)).toBe(true);
    expect(readsBack(text, 'paragraph', text)).toBe(false);
  });

  it.each(['Rusija vidi napredek', 'Jezik C #', 'Številka #1', '*Poudarjen* mednaslov', '###'])('writes the crosshead %s as ## and reads it back', (text) => {
    const markdown = blockToMarkdown({ kind: 'crosshead', text });
    expect(markdown.startsWith('## ')).toBe(true);
    expect(readsBack(markdown, 'crosshead', text)).toBe(true);
  });

  it('escapes a line of hundreds of literal [1] that reads back as it is, since the build refuses over 1,000 markers in a paragraph', () => {
    const text = `${'[1] '.repeat(600)}konec.`;
    expect(readsBack(text, 'paragraph', text)).toBe(true);
    expect(findShapeProblem(text)?.code).toBe('markdown/too-complex');
    const markdown = blockToMarkdown({ kind: 'paragraph', text });
    expect(markdown.startsWith('\\[1\\] \\[1\\]')).toBe(true);
    expect(readsBack(markdown, 'paragraph', text)).toBe(true);
    expect(findShapeProblem(markdown)).toBeUndefined();
  });

  it('escapes every block when the markers of a body add up past the build limit for one body', () => {
    // 30 paragraphs of 800 markers: each is within the paragraph limit, together over 20,000.
    const blocks = Array.from({ length: 30 }, (_, index) => ({ kind: 'paragraph' as const, text: `${'[a] '.repeat(400)}${index}.`, line: index + 1 }));
    expect(findShapeProblem(blocks.map((block) => block.text).join('\n\n'))?.code).toBe('markdown/too-complex');
    const body = blocksToMarkdown(blocks);
    expect(findShapeProblem(body)).toBeUndefined();
    expect(body.split('\n\n').map((paragraph, index) => readsBack(paragraph.trimEnd(), 'paragraph', blocks[index]!.text))).toEqual(blocks.map(() => true));
  });

  it('leaves a line alone when nothing in it is Markdown', () => {
    expect(escapeLineStart('Steve Witkoff se je sestal z Dmitrijevim.')).toBe('Steve Witkoff se je sestal z Dmitrijevim.');
  });
});

describe('addressBeforeMark', () => {
  // GFM starts a www. address after a space, ( * _ [ ] or ~ and an http(s):// one after anything but a letter
  // (micromark-extension-gfm-autolink-literal previousWww, previousProtocol); a word boundary missed the _ before
  // either, and import/unrepresentable gave such a line the hint of no address, to change its marks.
  it.each([
    ['Več na *www.gov.si* jutri.', 'www.gov.si', '*'],
    ['Več na _www.gov.si_ jutri.', 'www.gov.si', '_'],
    ['Več na _https://www.gov.si/vlada_ jutri.', 'https://www.gov.si/vlada', '_'],
    ['Več na *HTTP://gov.si/a&b* jutri.', 'HTTP://gov.si/a', '&'],
  ])('names the address in a line that cannot be written: %s', (text, address, mark) => {
    expect(() => blockToMarkdown({ kind: 'paragraph', text })).toThrow(UnrepresentableText);
    expect(addressBeforeMark(text)).toEqual({ address, mark });
  });
});

describe('titleText', () => {
  it.each([
    // Quotes typed as << >> where the keyboard has no » « are no tag: <Mir> was dropped, leaving <>.
    ['Premiera filma <<Mir>> navdušila', 'Premiera filma <<Mir>> navdušila'],
    ['<h1>Vlada &amp; <strong>sindikati</strong></h1>', 'Vlada & sindikati'],
    // A line break or a block ends a word, as the browser shows it; a tag within a word does not.
    ['<h1>Vlada sprejela<br/>proračun</h1><p>Seja</p>', 'Vlada sprejela proračun Seja'],
    ['<b>LJUB</b>LJANA', 'LJUBLJANA'],
    // A Windows CMS writes &#150; for – and &#138; &#154; for Š š (their windows-1252 bytes); browsers show those.
    ['Seja &#150; &#138;krlec in &#x9A;ola &#147;danes&#148;', 'Seja – Škrlec in šola “danes”'],
    // The five numbers windows-1252 leaves empty are control characters, kept as written as every other one.
    ['Seja &#129; &#0; &#x9D;', 'Seja &#129; &#0; &#x9D;'],
  ])('%s → %s', (line, title) => {
    expect(titleText(line)).toBe(title);
  });
});
