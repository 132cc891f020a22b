import { execFileSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterEach, describe, expect, it } from 'vitest';
import { earlierShortenedSlug, importPlainText } from '../../../src/commands/import.ts';
import { ArhivarError, UsageError } from '../../../src/errors.ts';
import { validateArticle } from '../../../src/content/article.ts';
import { parseContentDate } from '../../../src/content/dates.ts';
import { inlineText, renderMarkdown } from '../../../src/markdown/render.ts';
import { loadSite } from '../../../src/build.ts';
import { makeTempDir, PROJECT_ROOT, removeDir } from '../../helpers.ts';

/** The plain text of the first real article, the report on the Witkoff–Dmitriev meeting, as the newsroom gave it. */
const SEED = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'import', 'witkoff-dmitrijev.txt');

const roots: string[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await removeDir(root);
});

/** A project with the real people registry and no articles. */
async function emptyProject(): Promise<string> {
  const root = await makeTempDir();
  roots.push(root);
  await cp(path.join(PROJECT_ROOT, 'content', 'people'), path.join(root, 'content', 'people'), { recursive: true });
  await writeFile(path.join(root, 'content', 'site.yaml'), 'title: Preizkus\n');
  return root;
}

/** The text of every block as remark reads it from the written file. */
async function blockTexts(root: string, file: string): Promise<{ kinds: string[]; texts: string[]; title: string; date: unknown; people: string[] }> {
  const text = await readFile(path.join(root, file), 'utf8');
  const { article, errors } = validateArticle({ file, text, mtimeMs: 0 });
  expect(errors).toEqual([]);
  const tree = unified().use(remarkParse).parse(article!.body) as Root;
  return {
    kinds: tree.children.map((node) => (node.type === 'heading' ? `h${node.depth}` : node.type)),
    texts: tree.children.map((node) => inlineText(node)),
    title: article!.title,
    date: article!.frontMatter.date,
    people: article!.frontMatter.people,
  };
}

/** What an editor sees in the plain text: every non-empty line, without surrounding whitespace. */
function plainLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

describe('arhivar import', () => {
  it('keeps the text of every paragraph of the seed byte for byte (issue 5)', async () => {
    const source = SEED;
    const bytes = await readFile(source);
    const root = await emptyProject();
    const report = await importPlainText({ root, source, date: '2025-12-22' });
    expect(report.problems).toEqual([]);
    expect(report.imported).toHaveLength(1);
    const [imported] = report.imported;
    expect(imported!.file).toMatch(/^content\/articles\/2025\/steve-witkoff-se-je-skupaj-s-trumpovim-zetom-[a-z-]+\.md$/);

    const expected = plainLines(bytes.toString('utf8'));
    const written = await blockTexts(root, imported!.file);
    expect(written.texts).toEqual(expected);
    expect(Buffer.from(written.texts.join('\n'))).toEqual(Buffer.from(expected.join('\n')));
    expect(written.kinds).toEqual(expected.map((line) => (line === 'Rusija v pogovorih z ZDA glede Ukrajine vidi počasen napredek' ? 'h2' : 'paragraph')));
    // The build's own plain text (what search and people detection read) agrees too; it ends the crosshead with a full stop.
    const body = (await readFile(path.join(root, imported!.file), 'utf8')).split('\n---\n')[1]!;
    expect(renderMarkdown(body).text).toBe(expected.map((line, n) => (written.kinds[n] === 'h2' ? `${line}.` : line)).join('\n\n'));
    expect(written.title).toBe(
      'Steve Witkoff se je skupaj s Trumpovim zetom Jaredom Kushnerjem na jugu Floride sestal s Putinovim posebnim odposlancem in vodjo ruskega državnega premoženjskega sklada Kirilom Dmitrijevim',
    );
    expect(imported).toMatchObject({ paragraphs: 9, crossheads: 1, date: '2025-12-22' });
    // Registry people named in full in any case, in order of appearance: the article's subject, Kiril Dmitrijev, is
    // named only as »Kirilom Dmitrijevim«, Jared Kushner as »Jaredom Kushnerjem«, Sergej Rjabkov as »Sergeja Rjabkova«,
    // and the importer listed the nominative names alone. Trump and Putin, named only by possessives, are not listed.
    expect(written.people).toEqual(['Steve Witkoff', 'Jared Kushner', 'Kiril Dmitrijev', 'Sergej Rjabkov', 'Jurij Ušakov', 'Rustem Umerov']);
    // The imported article builds.
    const model = await loadSite({ root, now: new Date('2026-01-01T00:00:00Z') });
    expect(model.archive.articles.map((article) => article.file)).toEqual([imported!.file]);
  });

  describe('people: lists the registry people named in full, in any case', () => {
    /** Imports one paragraph into a project with the real registry and these person files; the people: it wrote. */
    async function peopleOf(text: string, personFiles: Record<string, string> = {}): Promise<string[]> {
      const root = await emptyProject();
      for (const [name, frontMatter] of Object.entries(personFiles)) await writeFile(path.join(root, 'content', 'people', name), `---\n${frontMatter}\n---\n`);
      const source = path.join(root, 'clanek.txt');
      await writeFile(source, text);
      const report = await importPlainText({ root, source, date: '2025-12-22' });
      expect(report.problems).toEqual([]);
      return (await blockTexts(root, report.imported[0]!.file)).people;
    }

    it('finds the inflected full names of the seed\'s first sentence, and not the people of its possessives', async () => {
      const sentence =
        'Steve Witkoff se je skupaj s Trumpovim zetom Jaredom Kushnerjem na jugu Floride sestal s Putinovim posebnim odposlancem in vodjo ruskega državnega premoženjskega sklada Kirilom Dmitrijevim.';
      expect(await peopleOf(`${sentence}\n`)).toEqual(['Steve Witkoff', 'Jared Kushner', 'Kiril Dmitrijev']);
    });

    it('finds a woman by her declined first name before a surname that does not decline', async () => {
      const files = { 'natasa-pirc-musar.md': 'name: Nataša Pirc Musar\nsurname: Pirc Musar\ngender: f' };
      expect(await peopleOf('Premier se je v Bruslju sestal z Natašo Pirc Musar.\n', files)).toEqual(['Nataša Pirc Musar']);
    });

    it('leaves people named by a bare surname or a possessive alone to the build\'s detection', async () => {
      const files = { 'natasa-pirc-musar.md': 'name: Nataša Pirc Musar\nsurname: Pirc Musar\ngender: f' };
      // »J. Kushner« too: an initial is not his first name.
      const text = 'Pogovore z Dmitrijevim je Witkoff označil za produktivne. Pirc Musar je dejala, da Trumpovim in Putinovim načrtom ne verjame, J. Kushner pa je molčal.\n';
      expect(await peopleOf(text, files)).toEqual([]);
    });

    it('tells namesakes apart by the first name and its case, in order of first mention', async () => {
      const files = { 'janez-novak.md': 'name: Janez Novak', 'ana-novak.md': 'name: Ana Novak\ngender: f' };
      expect(await peopleOf('Minister se je sestal z Ano Novak, nato pa še z Janezom Novakom.\n', files)).toEqual(['Ana Novak', 'Janez Novak']);
      expect(await peopleOf('Po besedah Janeza Novaka je bila seja mirna.\n', files)).toEqual(['Janez Novak']);
      // Another first name is another person, and »Novaka« alone names nobody in full.
      expect(await peopleOf('Z Ivanom Novakom se nista srečala. Novaka tam ni bilo.\n', files)).toEqual([]);
    });

    it('finds an alias written in full in another case', async () => {
      const files = { 'kiril-dmitrijev.md': 'name: Kiril Dmitrijev\naliases: [Kirill Dmitriev]\ngender: m' };
      expect(await peopleOf('Witkoff se je sestal s Kirillom Dmitrievom.\n', files)).toEqual(['Kiril Dmitrijev']);
      // The alias's surname alone is a bare surname.
      expect(await peopleOf('Witkoff se je sestal z Dmitrievom.\n', files)).toEqual([]);
    });

    it('still lists a person whom detection leaves out (detect: false) named in the nominative as written', async () => {
      const files = { 'janez-novak.md': 'name: Janez Novak\ndetect: false' };
      expect(await peopleOf('Janez Novak in Kirilom Dmitrijevim sta se srečala.\n', files)).toEqual(['Janez Novak', 'Kiril Dmitrijev']);
    });
  });

  it('reads Windows line endings, a BOM, trailing blank lines and Markdown-looking lines without losing a character', async () => {
    const root = await emptyProject();
    const lines = [
      'Vlada je sprejela proračun za leto 2026.',
      '1. maj ostaja dela prost dan.',
      '# ključnik ni naslov.',
      '- minus na začetku vrstice.',
      '*Zvezdice* in _podčrtaji_ ter `krativec` ostanejo.',
      '<b>Oznake</b> in &amp; ter \\ poševnica ostanejo.',
      '    Zamik se ne šteje.',
      'Jezik C #',
      '[1]: http://example.com',
      'Konec.',
    ];
    const source = path.join(root, 'vhod.txt');
    await writeFile(source, `\uFEFF${lines.join('\r\n')}\r\n\r\n\r\n  \r\n`);
    const report = await importPlainText({ root, source, date: '2025-05-01T08:00' });
    expect(report.problems).toEqual([]);
    const written = await blockTexts(root, report.imported[0]!.file);
    expect(written.texts).toEqual(plainLines(lines.join('\n')));
    expect(written.kinds).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'h2', 'h2', 'paragraph']);
    expect(written.title).toBe('Vlada je sprejela proračun za leto 2026');
  });

  it('drops the control characters of the text file (a terminal\'s ESC sequences, BEL, DEL, C1), as the build drops them from a body', async () => {
    const root = await emptyProject();
    const source = path.join(root, 'vhod.txt');
    await writeFile(
      source,
      'Vlada\u0007 sprejela proračun\n\nLJUBLJANA - Vlada je danes\u001b[31m sprejela\u0001 proračun za leto\u000b 2026.\u001b]0;x\u0007 Več o tem\u007f jutri.\n\nDrugi odstavek\u0085\ufffe besedila.\n',
    );
    const report = await importPlainText({ root, source, date: '2025-12-22' });
    expect(report.problems).toEqual([]);
    const text = await readFile(path.join(root, report.imported[0]!.file), 'utf8');
    // The characters stripBodyControlCharacters (content/schema.ts) drops: every C0 but tab and the line ends, DEL, C1, noncharacters.
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe]/);
    const written = await blockTexts(root, report.imported[0]!.file);
    expect(written.title).toBe('Vlada sprejela proračun');
    expect(written.texts).toEqual(['LJUBLJANA - Vlada je danes[31m sprejela proračun za leto 2026.]0;x Več o tem jutri.', 'Drugi odstavek besedila.']);
  });

  it('tells a web address that runs into a mark Markdown would read as its own, with a hint that names them', async () => {
    // GFM reads the \\ that keeps the * after an address plain as part of the address (www.gov.si\\), so no form of the
    // line reads back unchanged. The hint said to remove control characters, which import drops itself.
    const root = await emptyProject();
    const source = path.join(root, 'vhod.txt');
    await writeFile(source, 'Vlada sprejela proračun\n\nVlada je danes *sprejela* proračun, več na *www.gov.si* in jutri.\n');
    const report = await importPlainText({ root, source, date: '2025-12-22' });
    expect(report.imported).toEqual([]);
    expect(report.problems).toHaveLength(1);
    const problem = report.problems[0]!;
    expect(problem.code).toBe('import/unrepresentable');
    // The line of the text file, third (after the headline and a blank line).
    expect(problem.line).toBe(3);
    expect(problem.hint).toBe('in that line the web address www.gov.si runs straight into the * after it, and Markdown would read the \\ that keeps the * a plain character as part of the address: put a space between them in the text file, or delete the *, and import again');
  });

  it('writes a byline line (»Piše: Ana Novak«) as author:, not as a crosshead of the text', async () => {
    const root = await emptyProject();
    const source = path.join(root, 'agencija.txt');
    const lines = [
      'Vlada sprejela proračun',
      'Piše: Ana Novak',
      'LJUBLJANA, 6. decembra (STA) - Vlada je na današnji seji sprejela predlog proračuna.',
      'Avtorica tega prispevka je dejala: to je dober proračun.',
    ];
    await writeFile(source, `${lines.join('\r\n')}\r\n`);
    const report = await importPlainText({ root, source, date: '2026-12-06T10:00' });
    expect(report.problems).toEqual([]);
    const imported = report.imported[0]!;
    expect(imported).toMatchObject({ title: 'Vlada sprejela proračun', author: 'Ana Novak', paragraphs: 2, crossheads: 0 });
    const text = await readFile(path.join(root, imported.file), 'utf8');
    const { article } = validateArticle({ file: imported.file, text, mtimeMs: 0 });
    expect(article!.frontMatter.author).toBe('Ana Novak');
    expect((await blockTexts(root, imported.file)).texts).toEqual([lines[2], lines[3]]);
  });

  it('writes a byline without a colon (»Pišeta Ana Novak in Bor Zupan«) as author:, and keeps a sentence that starts with »Piše« as text', async () => {
    const root = await emptyProject();
    const source = path.join(root, 'dvojica.txt');
    const lines = ['Odprli so novo knjižnico', 'Pišeta Ana Novak in Bor Zupan', 'V Žalcu so včeraj odprli novo knjižnico.', 'Piše se leto 2026 in knjižnica je prva v dolini.'];
    await writeFile(source, `${lines.join('\n')}\n`);
    const report = await importPlainText({ root, source, date: '2026-12-06T10:00' });
    expect(report.problems).toEqual([]);
    const imported = report.imported[0]!;
    expect(imported).toMatchObject({ title: 'Odprli so novo knjižnico', author: 'Ana Novak in Bor Zupan', paragraphs: 2, crossheads: 0 });
    const written = await blockTexts(root, imported.file);
    expect(written.texts).toEqual([lines[2], lines[3]]);
  });

  it('writes the agency credit that ends the first paragraph or the text (»(STA)«, »/STA/«) as source:, not as a crosshead', async () => {
    const root = await emptyProject();
    const source = path.join(root, 'nezaupnica.txt');
    const lines = [
      'LJUBLJANA, 6. decembra - Poslanci so z 52 glasovi za izglasovali nezaupnico vladi. (STA)',
      'Minister je odgovarjal kratko. (STA, Reuters)',
      '/STA/',
    ];
    await writeFile(source, `${lines.join('\n')}\n`);
    const report = await importPlainText({ root, source, date: '2026-12-06T10:00' });
    expect(report.problems).toEqual([]);
    const imported = report.imported[0]!;
    expect(imported).toMatchObject({ title: 'Poslanci so z 52 glasovi za izglasovali nezaupnico vladi', source: 'STA', paragraphs: 2, crossheads: 0 });
    const text = await readFile(path.join(root, imported.file), 'utf8');
    expect(validateArticle({ file: imported.file, text, mtimeMs: 0 }).article!.frontMatter.source).toBe('STA');
    const written = await blockTexts(root, imported.file);
    expect(written.texts).toEqual(['LJUBLJANA, 6. decembra - Poslanci so z 52 glasovi za izglasovali nezaupnico vladi.', 'Minister je odgovarjal kratko. (STA, Reuters)']);
    expect(written.kinds).toEqual(['paragraph', 'paragraph']);
  });

  it('imports a wire\'s photo credit, signature and contact lines as text, not as crossheads or the title', async () => {
    const root = await emptyProject();
    const source = path.join(root, 'sta.txt');
    const lines = [
      'Foto: Bobo/STA',
      'LJUBLJANA, 6. decembra (STA) - Vlada je na današnji seji sprejela predlog proračuna.',
      'Glasovanje je bilo soglasno.',
      '(STA)',
      'ana.novak@sta.si',
    ];
    await writeFile(source, `${lines.join('\n')}\n`);
    const report = await importPlainText({ root, source, date: '2026-12-06T10:00' });
    expect(report.problems).toEqual([]);
    const imported = report.imported[0]!;
    // The dateline is the paragraph's, not the title's: the title and the address begin with the news.
    expect(imported).toMatchObject({ title: 'Vlada je na današnji seji sprejela predlog proračuna', file: 'content/articles/2026/vlada-je-na-danasnji-seji-sprejela-predlog-proracuna.md', crossheads: 0 });
    const written = await blockTexts(root, imported.file);
    expect(written.texts).toEqual(lines);
    expect(written.kinds).toEqual(lines.map(() => 'paragraph'));
  });

  it('writes the bulleted and numbered lists of a Word file as Markdown lists, and dialogue and a year as text', async () => {
    const root = await emptyProject();
    const source = path.join(root, 'poplave.txt');
    // As Word saves a list as plain text (a bullet and a tab), and as an agency gives a numbered one and an exchange.
    const lines = [
      'Vlada sprejela interventni zakon po poplavah',
      'LJUBLJANA, 6. decembra (STA) - Vlada je na današnji seji sprejela interventni zakon. Prizadetim prinaša:',
      '•\tenkratno solidarnostno pomoč do 5000 evrov,',
      '•\toprostitev plačila prispevkov za tri mesece,',
      '•\tbrezobrestna posojila za obnovo',
      'Vloge bodo obravnavali v treh korakih:',
      '1) prijava škode na občini,',
      '2) ogled cenilca,',
      '3) izplačilo pomoči.',
      '2027. leto bo po oceni ministrstva leto obnove.',
      'Na novinarski konferenci je bilo živahno.',
      '– Kdaj bodo ljudje dobili denar? – je vprašala novinarka.',
      '– Prva izplačila pričakujemo do konca meseca, – je odgovoril minister.',
      '– Kot rečeno: pomagali bomo vsem.',
    ];
    await writeFile(source, `${lines.join('\n')}\n`);
    const report = await importPlainText({ root, source, date: '2026-12-06T10:00' });
    expect(report.problems).toEqual([]);
    const imported = report.imported[0]!;
    expect(imported).toMatchObject({ title: 'Vlada sprejela interventni zakon po poplavah', paragraphs: 7, crossheads: 0, listItems: 6 });
    const text = await readFile(path.join(root, imported.file), 'utf8');
    const { article, errors } = validateArticle({ file: imported.file, text, mtimeMs: 0 });
    expect(errors).toEqual([]);
    const tree = unified().use(remarkParse).parse(article!.body) as Root;
    expect(
      tree.children.map((node) =>
        node.type === 'list' ? { ordered: node.ordered, start: node.start, spread: node.spread, items: node.children.map((item) => inlineText(item)) } : [node.type, inlineText(node)],
      ),
    ).toEqual([
      ['paragraph', lines[1]],
      { ordered: false, start: null, spread: false, items: ['enkratno solidarnostno pomoč do 5000 evrov,', 'oprostitev plačila prispevkov za tri mesece,', 'brezobrestna posojila za obnovo'] },
      ['paragraph', lines[5]],
      { ordered: true, start: 1, spread: false, items: ['prijava škode na občini,', 'ogled cenilca,', 'izplačilo pomoči.'] },
      ...lines.slice(9).map((line) => ['paragraph', line]),
    ]);
    // What the reader gets: a list of the items, and the numbers as they stood.
    expect(renderMarkdown(article!.body).html).toContain('<ul>\n<li>enkratno solidarnostno pomoč do 5000 evrov,</li>');
    expect(renderMarkdown(article!.body).html).toContain('<ol>\n<li>prijava škode na občini,</li>');
  });

  it('imports a report on a law as an editor reads it: byline, credits, articles of the law, a pasted list and dialogue', async () => {
    const root = await emptyProject();
    const source = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'import', 'novela-zakona.txt');
    const report = await importPlainText({ root, source, date: '2026-12-06T10:00' });
    expect(report.problems).toEqual([]);
    const imported = report.imported[0]!;
    expect(imported).toMatchObject({ title: 'Državni zbor sprejel novelo zakona o varstvu okolja', author: 'Ana Novak in Bor Zupan', source: 'STA, Reuters', crossheads: 2, listItems: 3 });
    const text = await readFile(path.join(root, imported.file), 'utf8');
    const { article, errors } = validateArticle({ file: imported.file, text, mtimeMs: 0 });
    expect(errors).toEqual([]);
    const tree = unified().use(remarkParse).parse(article!.body) as Root;
    expect(
      tree.children.map((node) => (node.type === 'list' ? { ordered: node.ordered, items: node.children.map((item) => inlineText(item)) } : `${node.type === 'heading' ? 'h2' : node.type}: ${inlineText(node)}`)),
    ).toEqual([
      'paragraph: LJUBLJANA, 6. decembra - Poslanci so z 52 glasovi za in 20 proti sprejeli novelo zakona o varstvu okolja.',
      'paragraph: Novela med drugim spreminja dva člena.',
      'h2: 1. člen',
      'paragraph: Ta zakon določa pogoje za izdajo okoljevarstvenih dovoljenj.',
      'h2: 2. člen',
      'paragraph: Dovoljenje izda ministrstvo v 60 dneh.',
      'paragraph: 1. 5. 2024 je začel veljati prejšnji zakon.',
      'paragraph: Ministrstvo je naštelo glavne spremembe:',
      { ordered: false, items: ['krajši roki za izdajo dovoljenj,', 'višje globe za onesnaževalce,', 'nov register zavezancev.'] },
      'paragraph: Na novinarski konferenci je bilo živahno.',
      'paragraph: – Kdaj?',
      'paragraph: – Doma.',
      'paragraph: – Res?',
      'paragraph: Minister je odgovarjal kratko.',
    ]);
  });

  it('refuses a headline with a photo credit and no text as a headline alone', async () => {
    const root = await emptyProject();
    const source = path.join(root, 'foto.txt');
    await writeFile(source, 'Vlada padla\nFoto: Bobo/STA\n');
    const report = await importPlainText({ root, source, date: '2026-12-06T10:00' });
    expect(report.imported).toEqual([]);
    expect(report.problems.map((problem) => [problem.code, problem.message])).toEqual([
      ['import/headline-only', 'the file holds only a headline ("Vlada padla") and no text below it, so the article would be published with its title alone; it was not written'],
    ]);
  });

  it('uses a headline line as the title, --title over everything, and the file time when no --date is given', async () => {
    const root = await emptyProject();
    const source = path.join(root, 'naslov.txt');
    await writeFile(source, 'Vlada padla po dolgi seji\n\nPoslanci so izglasovali nezaupnico.\n');
    // 2025-07-01 22:30 UTC is 2 July 00:30 in Ljubljana (summer time).
    const instant = new Date('2025-07-01T22:30:00Z');
    await utimes(source, instant, instant);
    const report = await importPlainText({ root, source });
    const imported = report.imported[0]!;
    expect(imported).toMatchObject({ title: 'Vlada padla po dolgi seji', date: '2025-07-02T00:30', file: 'content/articles/2025/vlada-padla-po-dolgi-seji.md' });
    expect((await blockTexts(root, imported.file)).texts).toEqual(['Poslanci so izglasovali nezaupnico.']);

    const titled = await importPlainText({ root, source, title: 'Nezaupnica: vlada je padla', date: '2025-07-02' });
    expect(titled.imported[0]).toMatchObject({ title: 'Nezaupnica: vlada je padla', file: 'content/articles/2025/nezaupnica-vlada-je-padla.md' });
    expect((await blockTexts(root, titled.imported[0]!.file)).texts).toEqual(['Vlada padla po dolgi seji', 'Poslanci so izglasovali nezaupnico.']);
  });

  it('cuts the slug of a long first sentence at a word, without a preposition or conjunction left at its end', async () => {
    const root = await emptyProject();
    const source = path.join(root, 'sestanek.txt');
    await writeFile(source, 'Ministrica za zunanje zadeve se je v torek v Bruslju na sestanku sestala z zunanjimi ministri. Govorili so o Ukrajini.\n');
    const report = await importPlainText({ root, source, date: '2025-12-22' });
    const imported = report.imported[0]!;
    // Cut at 80 characters, the slug ended in »…-sestala-z«.
    expect(imported.file).toBe('content/articles/2025/ministrica-za-zunanje-zadeve-se-je-v-torek-v-bruslju-na-sestanku-sestala.md');
    const text = await readFile(path.join(root, imported.file), 'utf8');
    expect(text).toContain('\nslug: "ministrica-za-zunanje-zadeve-se-je-v-torek-v-bruslju-na-sestanku-sestala"\n');
  });

  describe('a file imported again, by a version that cut its slug with »-z« at the end', () => {
    const SESTANEK = 'Ministrica za zunanje zadeve se je v torek v Bruslju na sestanku sestala z zunanjimi ministri. Govorili so o Ukrajini.\n';
    const EARLIER = 'ministrica-za-zunanje-zadeve-se-je-v-torek-v-bruslju-na-sestanku-sestala-z';

    /** The project after the earlier import of sestanek.txt dated 22 December, with its frontMatter, as that import wrote it. */
    async function importedBefore(frontMatter = `slug: "${EARLIER}"\ndate: 2025-12-22`): Promise<{ root: string; source: string }> {
      const root = await emptyProject();
      const source = path.join(root, 'sestanek.txt');
      await writeFile(source, SESTANEK);
      await mkdir(path.join(root, 'content/articles/2025'), { recursive: true });
      const title = 'Ministrica za zunanje zadeve se je v torek v Bruslju na sestanku sestala z zunanjimi ministri';
      await writeFile(path.join(root, `content/articles/2025/${EARLIER}.md`), `---\ntitle: "${title}"\n${frontMatter}\npeople: []\ntags: []\n---\n\nGovorili so o Ukrajini.\n`);
      return { root, source };
    }

    it('is recognised by the address that import gave it, and not written a second time', async () => {
      const { root, source } = await importedBefore();
      const report = await importPlainText({ root, source, date: '2025-12-22' });
      expect(report.imported).toEqual([]);
      expect(report.problems.map((problem) => [problem.code, problem.file])).toEqual([['import/imported-before', source]]);
      expect(report.problems[0]!.message).toContain(`content/articles/2025/${EARLIER}.md is at /2025/12/22/${EARLIER}/`);
      expect(report.problems[0]!.hint).toContain(`if it is the same story, leave this file out and edit content/articles/2025/${EARLIER}.md`);
      await expect(readdir(path.join(root, 'content/articles/2025'))).resolves.toEqual([`${EARLIER}.md`]);
    });

    it('is recognised when the article has moved on and redirects from that address', async () => {
      const { root, source } = await importedBefore(`slug: "sestanek-v-bruslju"\nredirectFrom: [/2025/12/22/${EARLIER}/]\ndate: 2025-12-22`);
      const report = await importPlainText({ root, source, date: '2025-12-22' });
      expect(report.problems.map((problem) => problem.code)).toEqual(['import/imported-before']);
      expect(report.problems[0]!.message).toContain(`redirects from /2025/12/22/${EARLIER}/`);
    });

    it.each([
      [`${EARLIER}-zunanjimi-ministri`, EARLIER],
      [`${EARLIER.replace(/-z$/, '-in-z')}-zunanjimi`, EARLIER.replace(/-z$/, '-in-z')],
      // Cut where no preposition or conjunction was left, or short enough to be whole, the slug is as it was.
      ['ministrica-za-zunanje-zadeve-se-je-v-torek-v-bruslju-na-sestanku-sestala-zunanjim-ministrom', undefined],
      ['seja-vlade', undefined],
    ])('earlierShortenedSlug: %s was cut as %s', (slug, earlier) => {
      expect(earlierShortenedSlug(slug)).toBe(earlier);
    });

    it.each([
      ['dated another day', { date: '2025-12-23' }],
      ['given a --slug of its own', { date: '2025-12-22', slug: 'sestanek-ministrov' }],
    ])('is imported when %s', async (_, options) => {
      const { root, source } = await importedBefore();
      const report = await importPlainText({ root, source, ...options });
      expect(report.problems).toEqual([]);
      expect(report.imported).toHaveLength(1);
    });
  });

  it('dates a file changed in the hour the clocks go back, which comes twice, with its offset', async () => {
    const root = await emptyProject();
    const dates: string[] = [];
    // 00:30 and 01:30 UTC on 26 October 2025 are both 02:30 in Ljubljana, in summer and then in winter time.
    for (const [name, utc] of [['prva.txt', '2025-10-26T00:30:00Z'], ['druga.txt', '2025-10-26T01:30:00Z'], ['tretja.txt', '2025-10-26T02:30:00Z']] as const) {
      const source = path.join(root, name);
      await writeFile(source, `Seja ${name.slice(0, -4)}. Vlada je zasedala.\n`);
      await utimes(source, new Date(utc), new Date(utc));
      const imported = (await importPlainText({ root, source })).imported[0]!;
      dates.push(imported.date);
      const read = parseContentDate(imported.date);
      expect(read.ok && read.value.instant.toISOString()).toBe(new Date(utc).toISOString());
    }
    expect(dates).toEqual(['2025-10-26T02:30+02:00', '2025-10-26T02:30+01:00', '2025-10-26T03:30']);
  });

  it('refuses a Markdown article saved as .txt, whose front matter would become its title and text, and imports the rest', async () => {
    const root = await emptyProject();
    const folder = path.join(root, 'dopisniki');
    await mkdir(folder);
    await writeFile(path.join(folder, 'clanek.md.txt'), '\uFEFF---\r\ntitle: Seja vlade\r\ndate: 2025-03-03\r\n---\r\n\r\nVlada je zasedala.\r\n');
    await writeFile(path.join(folder, 'porocilo.txt'), 'Vlada je zasedala. Sprejela je sklep.\n');
    const report = await importPlainText({ root, source: folder, date: '2025-03-03' });
    expect(report.imported.map((article) => article.file)).toEqual(['content/articles/2025/vlada-je-zasedala.md']);
    expect(report.problems.map((problem) => [problem.code, problem.line, problem.hint])).toEqual([
      ['import/has-front-matter', 1, 'rename it to end in .md and put it under content/articles/ (an editor that adds .txt on saving makes clanek.md.txt of clanek.md)'],
    ]);
    expect(await readdir(path.join(root, 'content', 'articles', '2025'))).toEqual(['vlada-je-zasedala.md']);
  });

  it('refuses a file of a headline alone, which was written as an article with no text, and imports the rest', async () => {
    const root = await emptyProject();
    const folder = path.join(root, 'prejeto');
    await mkdir(folder);
    // A paste cut after its first line: the headline, and blank lines where the text should be.
    await writeFile(path.join(folder, 'seja.txt'), 'Vlada &amp; sindikati podpisali dogovor\r\n\r\n\r\n');
    await writeFile(path.join(folder, 'porocilo.txt'), 'Vlada je zasedala. Sprejela je sklep.\n');
    const report = await importPlainText({ root, source: folder, date: '2025-03-03' });
    expect(report.imported.map((article) => article.file)).toEqual(['content/articles/2025/vlada-je-zasedala.md']);
    expect(report.problems.map((problem) => [problem.code, problem.file, problem.message, problem.hint])).toEqual([
      [
        'import/headline-only',
        path.join(folder, 'seja.txt'),
        'the file holds only a headline ("Vlada & sindikati podpisali dogovor") and no text below it, so the article would be published with its title alone; it was not written',
        'check that it is the right file and that its text was not cut off when it was pasted or saved, then import it again',
      ],
    ]);
    expect(await readdir(path.join(root, 'content', 'articles', '2025'))).toEqual(['vlada-je-zasedala.md']);
  });

  it('refuses a headline alone given with --title as headline-only, not as a file that holds no text', async () => {
    // With --title the one line was taken for a crosshead, and the file was told »holds no text«, which is untrue.
    const root = await emptyProject();
    const source = path.join(root, 'seja.txt');
    await writeFile(source, 'Vlada in sindikati podpisali dogovor\n\n');
    const report = await importPlainText({ root, source, title: 'Dogovor podpisan', date: '2025-03-03' });
    expect(report.imported).toEqual([]);
    expect(report.problems.map((problem) => [problem.code, problem.message])).toEqual([
      ['import/headline-only', 'the file holds only a headline ("Vlada in sindikati podpisali dogovor") and no text below it, so the article would be published with its title alone; it was not written'],
    ]);
  });

  it.each([
    ['a headline', {}],
    ['--title', { title: 'Dogovor podpisan' }],
  ])('refuses a headline followed by crossheads alone (%s), which was written as an article of headings with no text', async (_, options) => {
    // Lines without final punctuation: a paste cut off, or text whose sentences lost their full stops.
    const root = await emptyProject();
    const source = path.join(root, 'seja.txt');
    await writeFile(source, 'Vlada in sindikati podpisali dogovor\n\nPlače javnih uslužbencev\n\nOdziv opozicije\n');
    const report = await importPlainText({ root, source, date: '2025-03-03', ...options });
    expect(report.imported).toEqual([]);
    expect(report.problems.map((problem) => [problem.code, problem.message])).toEqual([
      [
        'import/headline-only',
        'the file holds only a headline ("Vlada in sindikati podpisali dogovor") and 2 more lines without final punctuation, which import makes crossheads, and no paragraph of text, so the article would be published with headings alone; it was not written',
      ],
    ]);
    expect(report.problems[0]!.hint).toMatch(/one without \(of up to 160 characters\) is taken for a crosshead/);
  });

  describe('a title longer than the build allows', () => {
    // 689 characters, without a full stop: too long to be taken for a headline (160), so it is the first paragraph.
    const long = Array(5).fill('Vlada je na današnji seji obravnavala predlog proračuna in se dogovorila o nadaljnjih korakih pri pogajanjih s sindikati javnega sektorja').join(' ');

    async function problemOf(text: string, options: { title?: string } = {}): Promise<[string, number | undefined, string | undefined]> {
      const root = await emptyProject();
      const source = path.join(root, 'seja.txt');
      await writeFile(source, text);
      const report = await importPlainText({ root, source, date: '2025-03-03', ...options });
      expect(report.imported).toEqual([]);
      expect(report.problems).toHaveLength(1);
      const [problem] = report.problems;
      expect(problem!.message).toMatch(/^the article made from this file would not build \(article\/bad-title: title is \d+ characters long; at most 500 are allowed\)/);
      return [problem!.code, problem!.line, problem!.hint];
    }

    it.each([
      ['without', `\n${long}\n\nPrvi odstavek besedila.\n`],
      ['with', `\n${long}.\n\nPrvi odstavek besedila.\n`],
    ])('already on a line of its own (%s a full stop) is to be shortened there, not written on a line of its own', async (_, text) => {
      expect(await problemOf(text)).toEqual([
        'import/invalid',
        2,
        'the title is this line, which stands on its own but is too long for a headline: shorten it to a headline of at most 160 characters, with no . ! ? : or ; at its end (then it is not repeated as the first paragraph), or give one with --title "…", then import it again',
      ]);
    });

    it('as the first sentence of a paragraph is to be written on a line of its own', async () => {
      expect(await problemOf(`${long}. Drugi stavek.\n`)).toEqual([
        'import/invalid',
        1,
        'the title is the first sentence of the text: write a headline of at most 160 characters, with no . ! ? : or ; at its end, on a line of its own above the text, or give one with --title "…", then import it again',
      ]);
    });

    it('given with --title is to be given shorter, not given with --title', async () => {
      expect(await problemOf('Vlada sprejela proračun\n\nPrvi odstavek besedila.\n', { title: long })).toEqual([
        'import/invalid',
        undefined,
        'the --title given is too long for a headline: give a shorter one, a line or two such as --title "Vlada sprejela proračun", then import it again',
      ]);
    });
  });

  it('still imports a headline, crossheads and one paragraph', async () => {
    const root = await emptyProject();
    const source = path.join(root, 'seja.txt');
    await writeFile(source, 'Vlada in sindikati podpisali dogovor\n\nPlače javnih uslužbencev\n\nPlače se zvišajo marca.\n');
    const report = await importPlainText({ root, source, date: '2025-03-03' });
    expect([report.problems, report.imported.map((article) => [article.paragraphs, article.crossheads])]).toEqual([[], [[1, 1]]]);
  });

  it('tells a Markdown article given by its .md name to move it, not to rename it to the .md it has', async () => {
    const root = await emptyProject();
    const source = path.join(root, 'clanek.md');
    await writeFile(source, '---\ntitle: Seja vlade\ndate: 2025-03-03\n---\n\nVlada je zasedala.\n');
    const report = await importPlainText({ root, source, date: '2025-03-03' });
    expect(report.problems.map((problem) => [problem.code, problem.line, problem.hint])).toEqual([
      ['import/has-front-matter', 1, 'it needs no import: move it under content/articles/ (by convention into the folder of its year, content/articles/2025/), where the build reads it'],
    ]);
  });

  it('tells an article already under content/articles/ that the build reads it there, not to move it where it is', async () => {
    // An editor who wrote the article with npm run new (or by hand) and took import for the step that publishes it.
    const root = await emptyProject();
    await mkdir(path.join(root, 'content', 'articles', '2025'), { recursive: true });
    const source = path.join(root, 'content', 'articles', '2025', 'seja-vlade.md');
    await writeFile(source, '---\ntitle: Seja vlade\ndate: 2025-03-03\n---\n\nVlada je zasedala.\n');
    const report = await importPlainText({ root, source });
    expect(report.problems.map((problem) => [problem.code, problem.hint])).toEqual([
      ['import/has-front-matter', 'it needs no import: it is under content/articles/ already, where the build reads it'],
    ]);
  });

  it('never overwrites: a second import of the same text is reported and the file stays as it was', async () => {
    const root = await emptyProject();
    const source = path.join(root, 'clanek.txt');
    await writeFile(source, 'Prvi stavek članka. Drugi stavek.\n');
    const first = await importPlainText({ root, source, date: '2025-03-03' });
    const file = path.join(root, first.imported[0]!.file);
    await writeFile(file, `${await readFile(file, 'utf8')}\nUrednikov dodatek.\n`);
    const edited = await readFile(file, 'utf8');
    const second = await importPlainText({ root, source, date: '2025-03-03' });
    expect(second.imported).toEqual([]);
    expect(second.problems.map((problem) => problem.code)).toEqual(['import/exists']);
    expect(second.problems[0]!.hint).toContain('--title');
    expect(await readFile(file, 'utf8')).toBe(edited);
  });

  it('imports every .txt file of a folder and reports each', async () => {
    const root = await emptyProject();
    const folder = path.join(root, 'prejeto');
    await mkdir(path.join(folder, 'pod'), { recursive: true });
    await writeFile(path.join(folder, 'a.txt'), 'Prvi članek je tu.\n');
    await writeFile(path.join(folder, 'pod', 'b.txt'), 'Drugi članek je tu.\n');
    await writeFile(path.join(folder, 'opomba.md'), 'ni besedilo za uvoz\n');
    const report = await importPlainText({ root, source: folder, date: '2025-04-04' });
    expect(report.imported.map((article) => article.file)).toEqual(['content/articles/2025/prvi-clanek-je-tu.md', 'content/articles/2025/drugi-clanek-je-tu.md']);
  });

  // A folder of what a newsroom receives holds Word and PDF files beside the .txt ones: they were left out without a
  // word (»1 imported, 0 not imported«), and a folder of them alone was »holds no .txt files«.
  it('reports each document of a folder (.docx, .doc, .odt, .rtf, .pdf) as not plain text, and imports the .txt files', async () => {
    const root = await emptyProject();
    const folder = path.join(root, 'prejeto');
    await mkdir(folder);
    await writeFile(path.join(folder, 'a.txt'), 'Prvi članek je tu.\n');
    await writeFile(path.join(folder, 'b.docx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xec, 0x9a]));
    await writeFile(path.join(folder, 'c.PDF'), Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
    await writeFile(path.join(folder, 'd.rtf'), '{\\rtf1\\ansi Župan je predstavil proračun.}');
    await writeFile(path.join(folder, 'slika.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    const report = await importPlainText({ root, source: folder, date: '2025-04-04' });
    expect(report.imported.map((article) => article.file)).toEqual(['content/articles/2025/prvi-clanek-je-tu.md']);
    expect(report.problems.map((problem) => [problem.code, path.basename(problem.file!)])).toEqual([
      ['content/not-text', 'b.docx'],
      ['content/not-text', 'c.PDF'],
      ['content/not-text', 'd.rtf'],
    ]);
  });

  it('reports a folder of documents alone file by file, not as a folder with nothing to import', async () => {
    const root = await emptyProject();
    const folder = path.join(root, 'prejeto');
    await mkdir(folder);
    await writeFile(path.join(folder, 'b.docx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xec, 0x9a]));
    const report = await importPlainText({ root, source: folder, date: '2025-04-04' });
    expect(report.problems.map((problem) => problem.code)).toEqual(['content/not-text']);
  });

  it('takes --title for a folder of one .txt file beside documents, which are reported', async () => {
    const root = await emptyProject();
    const folder = path.join(root, 'prejeto');
    await mkdir(folder);
    await writeFile(path.join(folder, 'a.txt'), 'Prvi članek je tu.\n');
    await writeFile(path.join(folder, 'b.docx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xec, 0x9a]));
    const report = await importPlainText({ root, source: folder, date: '2025-04-04', title: 'Naslov po meri' });
    expect(report.imported.map((article) => article.file)).toEqual(['content/articles/2025/naslov-po-meri.md']);
    expect(report.problems.map((problem) => problem.code)).toEqual(['content/not-text']);
  });

  it('imports a .txt link of a folder, and reports a link to nothing by name while the other files are imported', async () => {
    const root = await emptyProject();
    const folder = path.join(root, 'prejeto');
    await mkdir(path.join(root, 'drugje'));
    await mkdir(folder);
    await writeFile(path.join(root, 'drugje', 'b.txt'), 'Povezani članek je tu.\n');
    await writeFile(path.join(folder, 'a.txt'), 'Prvi članek je tu.\n');
    await symlink(path.join(root, 'drugje', 'b.txt'), path.join(folder, 'b.txt'));
    await symlink(path.join(root, 'izbrisano.txt'), path.join(folder, 'c.txt'));
    await writeFile(path.join(folder, 'd.txt'), 'Zadnji članek je tu.\n');
    const report = await importPlainText({ root, source: folder, date: '2025-04-04' });
    expect(report.imported.map((article) => article.file)).toEqual([
      'content/articles/2025/prvi-clanek-je-tu.md',
      'content/articles/2025/povezani-clanek-je-tu.md',
      'content/articles/2025/zadnji-clanek-je-tu.md',
    ]);
    expect(report.problems.map((problem) => [problem.code, problem.file])).toEqual([['import/unreadable', path.join(folder, 'c.txt')]]);
    expect(report.problems[0]!.message).toContain('ENOENT');
  });

  it('imports the .txt files of a linked folder once each, and does not go round a link back to a folder above', async () => {
    // A link to a folder was left out without a word, as links to files were before.
    const root = await emptyProject();
    const folder = path.join(root, 'prejeto');
    await mkdir(path.join(root, 'agencija'));
    await mkdir(folder);
    await writeFile(path.join(root, 'agencija', 'b.txt'), 'Agencijski članek je tu.\n');
    await writeFile(path.join(folder, 'a.txt'), 'Prvi članek je tu.\n');
    await symlink(path.join(root, 'agencija'), path.join(folder, 'agencija'));
    await symlink(folder, path.join(folder, 'krog'));
    const report = await importPlainText({ root, source: folder, date: '2025-04-04' });
    expect(report.problems).toEqual([]);
    expect(report.imported.map((article) => article.file)).toEqual(['content/articles/2025/prvi-clanek-je-tu.md', 'content/articles/2025/agencijski-clanek-je-tu.md']);
  });

  it('tells a .txt link that leads back to itself as a loop to replace, not as a permission to give', async () => {
    const root = await emptyProject();
    const folder = path.join(root, 'prejeto');
    await mkdir(folder);
    await symlink(path.join(folder, 'krog.txt'), path.join(folder, 'krog.txt'));
    await writeFile(path.join(folder, 'a.txt'), 'Prvi članek je tu.\n');
    const report = await importPlainText({ root, source: folder, date: '2025-04-04' });
    expect(report.imported.map((article) => article.file)).toEqual(['content/articles/2025/prvi-clanek-je-tu.md']);
    expect(report.problems.map((problem) => problem.code)).toEqual(['import/unreadable']);
    expect(report.problems[0]!.message).toContain('ELOOP');
    expect(report.problems[0]!.message).toContain('leads back to itself');
    expect(report.problems[0]!.hint).not.toContain('chmod');
    expect(report.problems[0]!.hint).toContain('delete the link');
  });

  it('answers a file of a folder whose article exists with the command that imports it alone under a title of its own', async () => {
    const root = await emptyProject();
    const folder = path.join(root, 'prejeto');
    await mkdir(folder);
    await writeFile(path.join(folder, 'a.txt'), 'Vlada je zasedala.\n');
    await importPlainText({ root, source: folder, date: '2025-04-04' });
    await writeFile(path.join(folder, 'b.txt'), 'Drugi članek je tu.\n');
    const second = await importPlainText({ root, source: folder, date: '2025-04-04' });
    expect(second.imported.map((article) => article.file)).toEqual(['content/articles/2025/drugi-clanek-je-tu.md']);
    const shown = path.join(folder, 'a.txt');
    // --title is refused with a folder, so "import it with --title" alone would be refused as written.
    expect(second.problems.map((problem) => [problem.code, problem.hint])).toEqual([
      [
        'import/exists',
        `if it is a different article, import this file on its own with a title of its own: npm run import -- "${shown}" --date 2025-04-04 --title "Drug naslov" --root "${root}"; or keep the title with a slug of its own: npm run import -- "${shown}" --date 2025-04-04 --slug vlada-je-zasedala-2 --root "${root}"`,
      ],
    ]);
    const retried = await importPlainText({ root, source: path.join(folder, 'a.txt'), date: '2025-04-04', title: 'Drug naslov' });
    expect(retried.imported.map((article) => article.file)).toEqual(['content/articles/2025/drug-naslov.md']);
    const kept = await importPlainText({ root, source: path.join(folder, 'a.txt'), date: '2025-04-04', slug: 'vlada-je-zasedala-2' });
    expect(kept.imported.map((article) => [article.file, article.title])).toEqual([['content/articles/2025/vlada-je-zasedala-2.md', 'Vlada je zasedala']]);
  });

  it('refuses an article whose address an existing article of another file name has or redirects from, naming both files, and imports the rest', async () => {
    const root = await makeTempDir();
    roots.push(root);
    await cp(path.join(PROJECT_ROOT, 'tests', 'fixtures', 'import-taken'), root, { recursive: true });
    const report = await importPlainText({ root, source: path.join(root, 'prejeto'), date: '2025-12-22' });
    const shown = (name: string) => path.join(root, 'prejeto', name);
    // A draft's slug is no address, as the build leaves drafts out.
    expect(report.imported.map((article) => article.file)).toEqual(['content/articles/2025/vreme.md']);
    expect(report.problems.map((problem) => [problem.code, problem.file])).toEqual([
      ['import/duplicate-url', shown('a-promet.txt')],
      ['import/redirect-taken', shown('b-seja.txt')],
      ['import/duplicate-url', shown('d-promet-zvecer.txt')],
    ]);
    expect(report.problems[0]!.message).toBe(
      'content/articles/2025/12/promet-zjutraj.md has the same date and slug (prometne-informacije), so this article would share its address /2025/12/22/prometne-informacije/, which the build refuses (article/duplicate-url); it was not written',
    );
    expect(report.problems[0]!.hint).toBe(
      `if it is the same story, leave this file out and edit content/articles/2025/12/promet-zjutraj.md; otherwise import this file on its own with a title of its own: npm run import -- "${shown('a-promet.txt')}" --date 2025-12-22 --title "Drug naslov" --root "${root}"; or keep the title with a slug of its own: npm run import -- "${shown('a-promet.txt')}" --date 2025-12-22 --slug prometne-informacije-2 --root "${root}"`,
    );
    expect(report.problems[1]!.message).toContain('content/articles/2025/12/vlada-sklepi.md redirects from /2025/12/22/seja-vlade/');
    expect(await readdir(path.join(root, 'content', 'articles', '2025'))).toEqual(['12', 'osnutek.md', 'vreme.md']);
    // Written, either of them stopped the next build (article/duplicate-url, article/redirect-taken).
    const model = await loadSite({ root, now: new Date('2026-01-01T00:00:00Z') });
    expect(model.archive.articles.map((article) => article.file).sort()).toEqual([
      'content/articles/2025/12/promet-zjutraj.md',
      'content/articles/2025/12/vlada-sklepi.md',
      'content/articles/2025/vreme.md',
    ]);
    // The command the hint gives imports it under its own title, and the site still builds.
    const kept = await importPlainText({ root, source: path.join(root, 'prejeto', 'a-promet.txt'), date: '2025-12-22', slug: 'prometne-informacije-2' });
    expect(kept.problems).toEqual([]);
    expect((await blockTexts(root, 'content/articles/2025/prometne-informacije-2.md')).title).toBe('Prometne informacije');
    const rebuilt = await loadSite({ root, now: new Date('2026-01-01T00:00:00Z') });
    expect(rebuilt.archive.articles.map((article) => article.url)).toContain('/2025/12/22/prometne-informacije-2/');
  });

  it('writes a --slug that YAML would read as another value (null, a number) in quotes, so the article gets that address', async () => {
    // slug: null read as no slug (the address came from the title) and slug: 2025 as a number, which the build refuses.
    for (const slug of ['null', '2025', 'true']) {
      const root = await emptyProject();
      await writeFile(path.join(root, 'a.txt'), 'Vlada je zasedala.\n\nBesedilo.\n');
      expect((await importPlainText({ root, source: path.join(root, 'a.txt'), date: '2025-04-04', slug })).problems, slug).toEqual([]);
      const site = await loadSite({ root, now: new Date('2026-01-01T00:00:00Z') });
      expect(site.archive.articles.map((article) => article.url), slug).toEqual([`/2025/04/04/${slug}/`]);
      site.close();
    }
  });

  it('takes --slug for one file only, and only a slug', async () => {
    const root = await emptyProject();
    const folder = path.join(root, 'prejeto');
    await mkdir(folder);
    await writeFile(path.join(folder, 'a.txt'), 'Prvi članek je tu.\n');
    await writeFile(path.join(folder, 'b.txt'), 'Drugi članek je tu.\n');
    await expect(importPlainText({ root, source: folder, slug: 'clanek' })).rejects.toThrow(new UsageError('--slug names one article; import a single file to use it'));
    await expect(importPlainText({ root, source: path.join(folder, 'a.txt'), slug: 'Prvi Članek' })).rejects.toThrow(
      new UsageError('--slug "Prvi Članek" may hold only lowercase letters a–z, digits and single hyphens; write --slug prvi-clanek'),
    );
    expect((await readdir(path.join(root, 'content'))).sort()).toEqual(['people', 'site.yaml']);
  });

  it('imports an article whose slug an existing article has on another day', async () => {
    const root = await makeTempDir();
    roots.push(root);
    await cp(path.join(PROJECT_ROOT, 'tests', 'fixtures', 'import-taken'), root, { recursive: true });
    const report = await importPlainText({ root, source: path.join(root, 'prejeto', 'a-promet.txt'), date: '2025-12-23' });
    expect(report.problems).toEqual([]);
    expect(report.imported.map((article) => article.file)).toEqual(['content/articles/2025/prometne-informacije.md']);
  });

  it('finds the taken addresses of every day of a folder dated by its files\' times', async () => {
    const root = await makeTempDir();
    roots.push(root);
    await cp(path.join(PROJECT_ROOT, 'tests', 'fixtures', 'import-taken', 'content'), path.join(root, 'content'), { recursive: true });
    const folder = path.join(root, 'prejeto');
    await mkdir(folder);
    await writeFile(path.join(folder, 'a.txt'), 'Prometne informacije\n\nPopoldne je bil promet gost.\n');
    await writeFile(path.join(folder, 'b.txt'), 'Seja vlade: sklepi\n\nVlada je sprejela tri sklepe.\n');
    await utimes(path.join(folder, 'a.txt'), new Date('2025-12-22T15:00:00Z'), new Date('2025-12-22T15:00:00Z'));
    await utimes(path.join(folder, 'b.txt'), new Date('2025-12-23T15:00:00Z'), new Date('2025-12-23T15:00:00Z'));
    const report = await importPlainText({ root, source: folder });
    expect(report.imported).toEqual([]);
    expect(report.problems.map((problem) => [problem.code, problem.message.split(' ')[0]])).toEqual([
      ['import/duplicate-url', 'content/articles/2025/12/promet-zjutraj.md'],
      ['import/duplicate-url', 'content/articles/2025/12/vlada-sklepi.md'],
    ]);
  });

  it('names the file of the same import that took the article file first', async () => {
    const root = await emptyProject();
    const folder = path.join(root, 'prejeto');
    await mkdir(folder);
    await writeFile(path.join(folder, 'a.txt'), 'Prometne informacije\n\nZjutraj je bil promet gost.\n');
    await writeFile(path.join(folder, 'b.txt'), 'Prometne informacije\n\nZvečer je bil promet redek.\n');
    const report = await importPlainText({ root, source: folder, date: '2025-12-22' });
    expect(report.imported.map((article) => article.from)).toEqual([path.join(folder, 'a.txt')]);
    expect(report.problems.map((problem) => [problem.code, problem.message])).toEqual([
      [
        'import/exists',
        `content/articles/2025/prometne-informacije.md already exists, imported a moment ago from ${path.join(folder, 'a.txt')}; it was left as it is and this file was not imported`,
      ],
    ]);
  });

  it('quotes a --date with a time written after a space in the command it gives, so that the shell keeps it one argument', async () => {
    const root = await emptyProject();
    const folder = path.join(root, 'prejeto');
    await mkdir(folder);
    await writeFile(path.join(folder, 'a.txt'), 'Vlada je zasedala.\n');
    await importPlainText({ root, source: folder, date: '2025-04-04 18:30' });
    const second = await importPlainText({ root, source: folder, date: '2025-04-04 18:30' });
    const shown = path.join(folder, 'a.txt');
    // Unquoted, `--date 2025-04-04 18:30` gave the command a second file to import, 18:30, and the date without its time.
    expect(second.problems.map((problem) => problem.hint)).toEqual([
      `if it is a different article, import this file on its own with a title of its own: npm run import -- "${shown}" --date "2025-04-04 18:30" --title "Drug naslov" --root "${root}"; or keep the title with a slug of its own: npm run import -- "${shown}" --date "2025-04-04 18:30" --slug vlada-je-zasedala-2 --root "${root}"`,
    ]);
  });

  it('quotes a file name and --root with a space, quotes and $ in the commands it gives, so that the shell passes each as typed', async () => {
    // Put in bare "…", the name's own " ended the quoting, and $x was read as a variable.
    const root = path.join(await makeTempDir(), 'arhiv "Delo" $x');
    roots.push(path.dirname(root));
    await mkdir(path.join(root, 'content'), { recursive: true });
    const folder = path.join(root, 'prejeto');
    await mkdir(folder);
    await writeFile(path.join(folder, 'Vlada "danes".txt'), 'Vlada je zasedala.\n');
    await importPlainText({ root, source: folder, date: '2025-04-04' });
    const second = await importPlainText({ root, source: folder, date: '2025-04-04' });
    const shown = path.join(folder, 'Vlada "danes".txt');
    const commands = [...second.problems[0]!.hint!.matchAll(/(npm run import -- .*?)(?:;|$)/g)].map((match) => match[1]!);
    const words = commands.map((command) => execFileSync('sh', ['-c', `printf '%s\\n' ${command}`], { encoding: 'utf8' }).split('\n').slice(0, -1));
    const rest = ['--root', root];
    expect(words).toEqual([
      ['npm', 'run', 'import', '--', shown, '--date', '2025-04-04', '--title', 'Drug naslov', ...rest],
      ['npm', 'run', 'import', '--', shown, '--date', '2025-04-04', '--slug', 'vlada-je-zasedala-2', ...rest],
    ]);
  });

  it('imports a line of 600 literal [1] as text the build renders, and the files after it', async () => {
    const root = await emptyProject();
    const folder = path.join(root, 'prejeto');
    await mkdir(folder);
    await writeFile(path.join(folder, 'a.txt'), 'Prvi članek je tu.\n');
    await writeFile(path.join(folder, 'b.txt'), `Drugi članek je tu.\n\n${'[1] '.repeat(600)}\n`);
    await writeFile(path.join(folder, 'c.txt'), 'Tretji članek je tu.\n');
    const report = await importPlainText({ root, source: folder, date: '2025-12-20' });
    expect(report.problems).toEqual([]);
    expect(report.imported.map((article) => article.file)).toEqual([
      'content/articles/2025/prvi-clanek-je-tu.md',
      'content/articles/2025/drugi-clanek-je-tu.md',
      'content/articles/2025/tretji-clanek-je-tu.md',
    ]);
    expect((await blockTexts(root, report.imported[1]!.file)).texts).toEqual(['Drugi članek je tu.', '[1] '.repeat(600).trim()]);
    const model = await loadSite({ root, now: new Date('2026-01-01T00:00:00Z') });
    expect(model.archive.articles).toHaveLength(3);
  });

  it('titles an article from a CMS export by the text a browser shows, without its tags and character references', async () => {
    const root = await emptyProject();
    const folder = path.join(root, 'izvoz');
    await mkdir(folder);
    await writeFile(path.join(folder, 'a.txt'), '<h1>Vlada &amp; sindikati&nbsp;podpisali dogovor</h1>\n\nPogajanja so trajala dolgo.\n');
    await writeFile(path.join(folder, 'b.txt'), 'Seja &#8211; <strong>drugi</strong> del &#x2013; je bila &raquo;burna&laquo;. Poslanci so odšli.\n');
    const report = await importPlainText({ root, source: folder, date: '2025-03-03' });
    expect(report.problems).toEqual([]);
    expect(report.imported.map((article) => [article.title, article.file])).toEqual([
      ['Vlada & sindikati podpisali dogovor', 'content/articles/2025/vlada-sindikati-podpisali-dogovor.md'],
      ['Seja – drugi del – je bila »burna«', 'content/articles/2025/seja-drugi-del-je-bila-burna.md'],
    ]);
    expect((await blockTexts(root, report.imported[0]!.file)).title).toBe('Vlada & sindikati podpisali dogovor');
  });

  it('keeps a title whose < and & are no tag and no character reference as written', async () => {
    const root = await emptyProject();
    const source = path.join(root, 'clanek.txt');
    await writeFile(source, 'Rast <3 % in AT&T &ampersand; ostanejo\n\nBesedilo.\n');
    const report = await importPlainText({ root, source, date: '2025-03-03' });
    expect(report.imported.map((article) => article.title)).toEqual(['Rast <3 % in AT&T &ampersand; ostanejo']);
  });

  it('reports a file that is not UTF-8 instead of importing mojibake', async () => {
    const root = await emptyProject();
    const source = path.join(root, 'cp1250.txt');
    await writeFile(source, Buffer.from([0x50, 0x6f, 0x9a, 0x74, 0x61, 0x2e, 0x0a])); // "Pošta." in Windows-1250
    const report = await importPlainText({ root, source, date: '2025-04-04' });
    expect(report.imported).toEqual([]);
    expect(report.problems.map((problem) => [problem.code, problem.line])).toEqual([['content/not-utf8', 1]]);
  });

  // A Word document is what a freelancer sends. It was told it »looks like Windows-1250« with an iconv command
  // whose mv would have written the converted bytes over the document; an RTF file was imported as its code.
  it.each([
    ['clanek.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xec, 0x9a]), 'a Word (.docx), LibreOffice (.odt) or other ZIP-packed document'],
    ['clanek.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x9a]), 'an older Word document (.doc)'],
    ['izjava.pdf', Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'), 'a PDF document'],
    ['clanek.txt', Buffer.from('{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} \\f0 Župan je predstavil proračun.}'), 'an RTF document'],
  ])('refuses %s, a document and not plain text, and asks for it as plain text', async (name, bytes, kind) => {
    const root = await emptyProject();
    const source = path.join(root, name);
    await writeFile(source, bytes);
    const report = await importPlainText({ root, source, date: '2025-04-04' });
    expect(report.imported).toEqual([]);
    expect(report.problems.map((problem) => [problem.code, problem.line, problem.message])).toEqual([['content/not-text', 1, `file is ${kind}, not plain text`]]);
    expect(report.problems[0]!.hint).toMatch(/^open it where it was made and save it as plain text in UTF-8 \(in Word: Save As, Plain Text \(\.txt\), encoding Unicode \(UTF-8\); in LibreOffice: Save As, Text \(\.txt\)\), or copy its text into a \.txt file saved as UTF-8, then import that file$/);
    expect(report.problems[0]!.hint).not.toContain('iconv');
    expect(await readFile(source)).toEqual(bytes);
  });

  it('refuses a named pipe as a command-line mistake instead of reading it as a folder', async () => {
    const root = await emptyProject();
    const pipe = path.join(root, 'cev.txt');
    execFileSync('mkfifo', [pipe]);
    const refused = importPlainText({ root, source: pipe, date: '2025-12-22' });
    await expect(refused).rejects.toBeInstanceOf(UsageError);
    await expect(refused).rejects.toThrow(`${pipe} is not a file or a folder (a pipe, socket or device)`);
    expect(await readdir(path.join(root, 'content'))).toEqual(['people', 'site.yaml']);
  });

  it('words a --date problem for the command line, not for front matter', async () => {
    const root = await emptyProject();
    const source = path.join(root, 'clanek.txt');
    await writeFile(source, 'Vlada je zasedala.\n');
    for (const empty of ['', '  ']) {
      const refused = importPlainText({ root, source, date: empty });
      await expect(refused).rejects.toBeInstanceOf(UsageError);
      await expect(refused).rejects.toThrow(
        '--date is empty; give the date after it, such as --date 2025-12-22 or --date 2025-12-22T18:30 (Europe/Ljubljana is assumed), or leave --date out to date the article by the file\'s modification time',
      );
    }
    await expect(importPlainText({ root, source, date: '22. 12. 2025' })).rejects.toThrow(
      '--date "22. 12. 2025" is not a date; write 2025-12-22: the same date, year first (Europe/Ljubljana is assumed)',
    );
    expect(await readdir(path.join(root, 'content'))).toEqual(['people', 'site.yaml']);
  });

  for (const folder of ['content', 'content/articles']) {
    it(`names ${folder} when a file stands in its place, instead of failing »unexpectedly« with ENOTDIR`, async () => {
      const root = await makeTempDir();
      roots.push(root);
      await mkdir(path.dirname(path.join(root, folder)), { recursive: true });
      await writeFile(path.join(root, folder), 'stray');
      const source = path.join(root, 'clanek.txt');
      await writeFile(source, 'Vlada je zasedala.\n');
      const error = await importPlainText({ root, source, date: '2025-03-03' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ArhivarError);
      expect(error).toMatchObject({ code: 'import/not-a-folder', file: folder, hint: expect.stringContaining(`rename ${folder}`) });
      await expect(readFile(path.join(root, folder), 'utf8')).resolves.toBe('stray');
    });
  }

  for (const folder of ['content', 'content/articles', 'content/articles/2025']) {
    it(`writes nothing through ${folder} when it is a link out of the project's content/, which the build refuses`, async () => {
      const root = await makeTempDir();
      const outside = await makeTempDir();
      roots.push(root, outside);
      await mkdir(path.dirname(path.join(root, folder)), { recursive: true });
      // content/ itself may be a link (the build reads where it leads); a folder in it may not lead out of it.
      if (folder === 'content') await mkdir(path.join(outside, 'articles', '2025'), { recursive: true });
      await symlink(outside, path.join(root, folder));
      const source = path.join(root, 'clanek.txt');
      await writeFile(source, 'Vlada je zasedala.\n');
      const written = async () => (await readdir(outside, { recursive: true })).filter((name) => name.endsWith('.md'));
      const outcome = await importPlainText({ root, source, date: '2025-03-03' }).catch((e: unknown) => e);
      if (folder === 'content') {
        expect(await written()).toEqual([path.join('articles', '2025', 'vlada-je-zasedala.md')]);
        return;
      }
      const problems = outcome instanceof ArhivarError ? [outcome] : (outcome as Awaited<ReturnType<typeof importPlainText>>).problems;
      expect(problems.map((problem) => [problem.code, problem.file])).toEqual([['content/symlink-outside', folder]]);
      expect(await written()).toEqual([]);
    });
  }

  it('imports the files of other years when a file stands in the place of one year\'s folder', async () => {
    const root = await emptyProject();
    await mkdir(path.join(root, 'content', 'articles'));
    await writeFile(path.join(root, 'content', 'articles', '2024'), 'stray');
    const folder = path.join(root, 'prejeto');
    await mkdir(folder);
    const [old, fresh] = [path.join(folder, 'a.txt'), path.join(folder, 'b.txt')];
    await writeFile(old, 'Lanski članek je tu.\n');
    await writeFile(fresh, 'Letošnji članek je tu.\n');
    await utimes(old, new Date('2024-05-05T10:00:00Z'), new Date('2024-05-05T10:00:00Z'));
    await utimes(fresh, new Date('2025-05-05T10:00:00Z'), new Date('2025-05-05T10:00:00Z'));
    const report = await importPlainText({ root, source: folder });
    expect(report.imported.map((article) => article.file)).toEqual(['content/articles/2025/letosnji-clanek-je-tu.md']);
    expect(report.problems.map((problem) => [problem.code, problem.file])).toEqual([['import/not-a-folder', 'content/articles/2024']]);
  });

  it('refuses a project folder that does not exist instead of making one', async () => {
    const outer = await makeTempDir();
    roots.push(outer);
    const root = path.join(outer, 'tipkarska-napaka');
    const source = path.join(PROJECT_ROOT, 'tests/fixtures/import/witkoff-dmitrijev.txt');
    await expect(importPlainText({ root, source, date: '2025-12-22' })).rejects.toMatchObject({ code: 'project/missing' });
    expect(await readdir(outer)).toEqual([]);
  });
});

