import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, copyFixture, hrefs, makeTempDir, removeDir, type BuiltSite } from '../helpers.ts';
import { main } from '../../src/cli.ts';
import { urls } from '../../src/site/urls.ts';

/** Issue 3: the controls (detectPeople, notPeople, explicit people), the person page and the people command. */
const ARTICLE_URL = /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/;
const EXTRA = `---
title: "Kongres stranke"
date: 2025-12-30
people: [Tomaž Sever]
notPeople: [Janez Novak, Janez Nowak]
---

Predsednik stranke Marko Golob je na kongresu govoril o davkih. Minister Janez Novak je Golobu
obljubil podporo, Golob pa se mu je zahvalil.
`;

let root: string;
let site: BuiltSite;

beforeAll(async () => {
  root = await copyFixture('people-labelled');
  await writeFile(path.join(root, 'content/articles/2025/kongres.md'), EXTRA);
  // One-word names: Adele without gender: is declined as a man's name; Madonna (-a) and a man's role are guessed right.
  await writeFile(path.join(root, 'content/people/adele.md'), '---\nrole: britanska glasbena zvezda\nname: Adele\n---\n');
  await writeFile(path.join(root, 'content/people/madonna.md'), '---\nname: Madonna\n---\n');
  await writeFile(path.join(root, 'content/people/pele.md'), '---\nname: Pelé\nrole: brazilski nogometaš\n---\n');
  // A surname of two words in an alias, and no surname: line.
  await writeFile(path.join(root, 'content/people/natasa-pirc-musar.md'), '---\nname: Nataša Pirc Musar\naliases: [Pirc Musar]\n---\n');
  site = await buildSite(root);
});
afterAll(async () => {
  await removeDir(root);
  await removeDir(path.dirname(site.outDir));
});

function articleLinks(html: string): string[] {
  return [...new Set(hrefs(html).filter((href) => ARTICLE_URL.test(href)))];
}

describe('article people (issue 3)', () => {
  it('lists explicit people first, then detected ones in order of appearance, minus notPeople, with counts', () => {
    const article = site.result.model.archive.articles.find((a) => a.file === 'content/articles/2025/kongres.md')!;
    expect(article.people).toEqual(['tomaz-sever', 'marko-golob']);
    expect(Object.fromEntries(article.mentionCounts)).toEqual({ 'tomaz-sever': 0, 'marko-golob': 3 });
  });

  it('warns about a notPeople name that matches nobody, with the file and line', () => {
    const warning = site.result.model.warnings.find((w) => w.code === 'article/unknown-not-person');
    expect(warning).toMatchObject({ file: 'content/articles/2025/kongres.md', line: 5 });
    expect(warning!.message).toContain('"Janez Nowak"');
  });

  it('warns about a one-word person file with no gender: that is declined as a man\'s name, at its name: line', () => {
    const warnings = site.result.model.warnings.filter((w) => w.code === 'person/guessed-gender');
    expect(warnings.map((w) => [w.file, w.line])).toEqual([['content/people/adele.md', 3]]);
    expect(warnings[0]!.message).toContain('Adeleja');
    expect(warnings[0]!.hint).toContain('gender: f');
  });

  it('warns about a person file whose alias is a surname of two words and that has no surname:, at its aliases: line', () => {
    const warnings = site.result.model.warnings.filter((w) => w.code === 'person/missing-surname');
    expect(warnings.map((w) => [w.file, w.line, w.hint])).toEqual([
      ['content/people/natasa-pirc-musar.md', 3, 'add the line surname: Pirc Musar (the alias Pirc Musar may stay: it is then read as the surname); if Pirc is a given name, surname: Musar says so'],
    ]);
  });

  it('shows per-article mention counts on the person page', async () => {
    const golob = await site.read(urls.person('marko-golob'));
    expect(golob).toMatch(/Kongres stranke<\/a><\/h3><p class="teaser-meta"><time[^>]*>[^<]*<\/time>\u00a0· <span class="mention-count">3\u00a0omembe<\/span>/);
    const sever = await site.read(urls.person('tomaz-sever'));
    expect(sever).toMatch(/Kongres stranke<\/a><\/h3><p class="teaser-meta"><time[^>]*>[^<]*<\/time>\u00a0· <span class="mention-count">na seznamu oseb<\/span>/);
    const novak = await site.read(urls.person('janez-novak'));
    expect(novak).not.toContain('Kongres stranke');
  });

  it('builds no detected tags with detectPeople: false', async () => {
    const copy = await copyFixture('people-labelled');
    const config = path.join(copy, 'content/site.yaml');
    await writeFile(config, `${await readFile(config, 'utf8')}detectPeople: false\n`);
    const plain = await buildSite(copy);
    try {
      // Named by no article, they get no page at all.
      const files = await plain.files();
      for (const id of ['marko-golob', 'janez-novak', 'steve-witkoff']) expect(files).not.toContain(`osebe/${id}/index.html`);
    } finally {
      await removeDir(copy);
      await removeDir(path.dirname(plain.outDir));
    }
  });
});

describe('person page (issue 3)', () => {
  it('has first and last mention, a total, and an accessible inline SVG chart with its counts in a table, drawn without script', async () => {
    const html = await site.read(urls.person('janez-novak'));
    expect(html).toContain('<dt>Prva omemba</dt><dd><a href="/2023/02/14/');
    expect(html).toContain('14.\u00a0februarja 2023');
    expect(html).toContain('<dt>Zadnja omemba</dt><dd><a href="/2025/11/04/');
    expect(html).toMatch(/<dt>Omembe v besedilih<\/dt><dd>\d+\u00a0omemb/);
    const figure = /<figure class="mention-chart"><figcaption>([^<]*)<\/figcaption>(.*?)<\/figure>/s.exec(html);
    expect(figure).not.toBeNull();
    const [, caption, chart = ''] = figure!;
    expect(caption).toBe('Janez Novak: članki po mesecih');
    // Named and described apart from the caption, so a screen reader does not read the caption again.
    const svg = /<svg role="img" aria-labelledby="([^" ]+)" aria-describedby="([^" ]+)"[^>]*>(.*?)<\/svg>/s.exec(chart);
    expect(svg).not.toBeNull();
    const [, titleId, descId, inner = ''] = svg!;
    expect(inner).toContain(`<title id="${titleId}">Stolpčni diagram, od februarja 2023 do novembra 2025</title>`);
    expect(inner).toMatch(new RegExp(`<desc id="${descId}">Največ: 1\\u00a0članek`));
    // February 2023 to November 2025 is 34 months: one bar each, the empty ones included.
    expect(inner.match(/<rect /g)).toHaveLength(34);
    expect(inner).toContain('<title>april 2023: 1\u00a0članek</title>');
    expect(inner).toContain('<title>januar 2024: 0\u00a0člankov</title>');
    // The same counts as a table every reader can open.
    const rows = [...chart.matchAll(/<tr><th scope="row">([^<]*)<\/th><td>(\d+)<\/td><\/tr>/g)].map((row) => `${row[1]}: ${row[2]}`);
    expect(rows).toHaveLength(34);
    expect(rows).toContain('april 2023: 1');
    expect(rows).toContain('januar 2024: 0');
    expect(chart).toContain('<summary>Število člankov po mesecih</summary>');
    // The table scrolls in a box of its own where it is wider than the column, which the HTML makes a tab stop.
    expect(chart).toContain('<div class="table-scroll" tabindex="0" role="region" aria-label="Število člankov po mesecih"><table>');
    // Nothing draws the chart in the browser. Besides structured data, the one script is the one that takes the tab
    // stop off the table's box while the table fits (src/client/tables.ts); without it, the box is always one.
    const scripts = [...html.matchAll(/<script(?![^>]*application\/ld\+json)[^>]*>/g)].map((tag) => tag[0]);
    expect(scripts).toEqual([expect.stringMatching(/^<script type="module" src="\/assets\/tables-[\w-]+\.js">$/)]);
  });

  it('lists the people named together with this person, counted and linked', async () => {
    const html = await site.read(urls.person('janez-novak'));
    // Not »Največkrat skupaj z«: »z« is »s« before Steve or Peter, and the names after it stay in the nominative.
    expect(html).toContain('<h2>Največkrat v\u00a0istih člankih</h2>');
    const section = html.slice(html.indexOf('Največkrat v\u00a0istih člankih'), html.indexOf('<h2>Članki</h2>'));
    expect(section).toContain('<li><a href="/osebe/ana-novak/">Ana Novak</a> <span class="co-count">2\u00a0članka</span></li>');
    expect(section.indexOf('ana-novak')).toBeLessThan(section.indexOf('andrej-kos'));
  });
});

describe('person page of someone detection does not look for', () => {
  // Detection skips a file with detect: false and a name with no file, and with detectPeople: false everyone, so
  // their articles' counts are 0 whatever the text says: »nobene (le na seznamu oseb)« told the reader that
  // »Jana Golob odstopila« never names Jana Golob.
  const ARTICLE = `---
title: "Jana Golob odstopila"
date: 2025-06-02
people: [Jana Golob, Jure Brezovnik]
---

Jana Golob je danes odstopila. Ana Novak in Jure Brezovnik sta ji zaželela srečo.
`;
  const facts = (html: string) => /<dl class="person-facts">(.*?)<\/dl>/s.exec(html)![1]!;
  const teaser = (html: string) => /<p class="teaser-meta">(.*?)<\/p>/s.exec(html)![1]!;

  async function buildWith(siteYaml: string): Promise<BuiltSite> {
    const copy = await makeTempDir();
    await mkdir(path.join(copy, 'content/people'), { recursive: true });
    await mkdir(path.join(copy, 'content/articles'), { recursive: true });
    await writeFile(path.join(copy, 'content/site.yaml'), `title: Preizkus\nbaseUrl: https://arhiv.testni-dnevnik.si/\n${siteYaml}`);
    await writeFile(path.join(copy, 'content/people/jana-golob.md'), '---\nname: Jana Golob\ngender: f\ndetect: false\n---\n');
    await writeFile(path.join(copy, 'content/people/ana-novak.md'), '---\nname: Ana Novak\ngender: f\n---\n');
    await writeFile(path.join(copy, 'content/articles/odstop.md'), ARTICLE);
    return buildSite(copy);
  }

  it('does not say that the texts never name a person with detect: false or with no file', async () => {
    const built = await buildWith('');
    try {
      for (const id of ['jana-golob', 'jure-brezovnik']) {
        const html = await built.read(urls.person(id));
        expect(facts(html), id).not.toContain('Omembe v besedilih');
        expect(teaser(html), id).not.toContain('na seznamu oseb');
        expect(teaser(html), id).not.toContain('omemb');
      }
      // Someone detection looks for keeps the count.
      const novak = await built.read(urls.person('ana-novak'));
      expect(facts(novak)).toContain('<dt>Omembe v besedilih</dt><dd>1\u00a0omemba</dd>');
      expect(teaser(novak)).toContain('<span class="mention-count">1\u00a0omemba</span>');
    } finally {
      await removeDir(built.root);
      await removeDir(path.dirname(built.outDir));
    }
  });

  it('gives a person with detect: false the first and last article that lists them, called articles, not mentions', async () => {
    // Their pages hold the articles whose people: lists name them, and no other: a later text that names Jana Golob
    // without listing her is not searched for her, so »Zadnja omemba« on the listed one would be untrue.
    const built = await buildWith('');
    try {
      const later = (date: string, slug: string, people: string) =>
        `---\ntitle: "${slug}"\ndate: ${date}\n${people}---\n\nJana Golob in Ana Novak sta spet na seji.\n`;
      await writeFile(path.join(built.root, 'content/articles/vrnitev.md'), later('2025-09-15', 'Vrnitev', 'people: [Jana Golob]\n'));
      await writeFile(path.join(built.root, 'content/articles/seja.md'), later('2025-11-20', 'Seja', ''));
      const rebuilt = await buildSite(built.root, { outDir: built.outDir });
      const html = await rebuilt.read(urls.person('jana-golob'));
      expect(facts(html)).toBe(
        '<dt>Prvi članek</dt><dd><a href="/2025/06/02/jana-golob-odstopila/"><time datetime="2025-06-02">2.\u00a0junija 2025</time></a></dd>' +
          '<dt>Zadnji članek</dt><dd><a href="/2025/09/15/vrnitev/"><time datetime="2025-09-15">15.\u00a0septembra 2025</time></a></dd>',
      );
      expect(html).not.toContain('/2025/11/20/seja/');
      // Someone detection looks for keeps »omemba«: every text was searched, the unlisted one too.
      const novak = await rebuilt.read(urls.person('ana-novak'));
      expect(facts(novak)).toContain('<dt>Prva omemba</dt><dd><a href="/2025/06/02/jana-golob-odstopila/">');
      expect(facts(novak)).toContain('<dt>Zadnja omemba</dt><dd><a href="/2025/11/20/seja/">');
    } finally {
      await removeDir(built.root);
      await removeDir(path.dirname(built.outDir));
    }
  });

  it('heads the articles listing a writer not searched for as articles about them, not as their mentions', async () => {
    // »Omembe v člankih« and the overview's »Pregled omemb« said the texts were searched for Jana Golob (detect: false):
    // the articles there are only those whose people: lists name her. (A byline name with no file has no authored list.)
    const built = await buildWith('');
    try {
      const column = (slug: string, author: string) => `---\ntitle: "${slug}"\ndate: 2025-07-01\nauthor: ${author}\n---\n\nBesedilo.\n`;
      await writeFile(path.join(built.root, 'content/articles/golob.md'), column('Kolumna Golob', 'Jana Golob'));
      await writeFile(path.join(built.root, 'content/articles/kos.md'), column('Kolumna Kos', 'Saša Kos'));
      await writeFile(path.join(built.root, 'content/articles/novak.md'), column('Kolumna Novak', 'Ana Novak'));
      await writeFile(path.join(built.root, 'content/people/sasa-kos.md'), '---\nname: Saša Kos\ndetect: false\n---\n');
      await writeFile(path.join(built.root, 'content/articles/seja.md'), '---\ntitle: Seja\ndate: 2025-08-01\npeople: [Saša Kos]\n---\n\nBesedilo.\n');
      const rebuilt = await buildSite(built.root, { outDir: built.outDir });
      const golob = await rebuilt.read(urls.person('jana-golob'));
      expect(golob).toContain('<h2>Članki o njej</h2>');
      expect(golob).toContain('<section class="person-overview" aria-label="Pregled člankov">');
      expect(golob).not.toContain('omemb');
      // A file with no gender: the heading names neither »njej« nor »njem«.
      const kos = await rebuilt.read(urls.person('sasa-kos'));
      expect(kos).toContain('<h2>Članki o osebi</h2>');
      expect(kos).toContain('aria-label="Pregled člankov"');
      expect(kos).not.toContain('omemb');
      // Someone detection looks for keeps the wording about mentions.
      const novak = await rebuilt.read(urls.person('ana-novak'));
      expect(novak).toContain('<h2>Omembe v člankih</h2>');
      expect(novak).toContain('aria-label="Pregled omemb"');
    } finally {
      await removeDir(built.root);
      await removeDir(path.dirname(built.outDir));
    }
  });

  it('labels the overview of a person with detectPeople: false as of articles', async () => {
    const built = await buildWith('detectPeople: false\n');
    try {
      const html = await built.read(urls.person('jana-golob'));
      expect(html).toContain('aria-label="Pregled člankov"');
      expect(html).not.toContain('Pregled omemb');
    } finally {
      await removeDir(built.root);
      await removeDir(path.dirname(built.outDir));
    }
  });

  it('counts nobody\'s mentions with detectPeople: false', async () => {
    const built = await buildWith('detectPeople: false\n');
    try {
      const html = await built.read(urls.person('jana-golob'));
      expect(facts(html)).not.toContain('Omembe v besedilih');
      expect(teaser(html)).not.toContain('na seznamu oseb');
    } finally {
      await removeDir(built.root);
      await removeDir(path.dirname(built.outDir));
    }
  });
});

describe('arhivar people (issue 3)', () => {
  async function run(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['people', ...args, '--root', root], { out: (line) => out.push(line), err: (line) => err.push(line) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('explains each person with the matched words, their lines and why', async () => {
    const { code, out } = await run([path.join(root, 'content/articles/2025/oznake-markdown.md')]);
    expect(code).toBe(0);
    expect(out).toContain('Janez Novak (janez-novak): detected, 2 mentions');
    expect(out).toContain('line 6    "Janez Novak"  full name');
    expect(out).toContain('line 7    "Ana Novak"  full name');
    expect(out).toContain('line 9    "Golob"  surname');
  });

  it('counts a name\'s lines only in text the article shows: not in comments, raw HTML, link and image addresses or titles', async () => {
    const file = path.join(root, 'content/articles/2025/seja-vlade.md');
    await writeFile(
      file,
      [
        '---',
        'title: "Seja vlade"',
        'date: 2025-12-31',
        '---',
        '',
        '<!-- TODO: preveri, ali je Marko Golob res to rekel -->',
        '',
        'Ministri so razpravljali o [proračunu](https://example.si/Marko_Golob "Marko Golob") in <span title="Marko Golob">davkih</span>.',
        '',
        'Predsednik vlade Marko Golob je sejo sklenil.',
        '',
        '![Golob na seji](https://example.si/Golob.jpg "Golob")',
        '',
        '[vir]: https://example.si/Golob "Golob"',
        '',
        'Golob je dejal, da bo vlada ukrepala.',
        '',
      ].join('\n'),
    );
    try {
      const { code, out } = await run([file]);
      expect(code).toBe(0);
      expect([...out.matchAll(/line (\d+) +"([^"]+)"/g)].map(([, line, words]) => `${line} ${words}`)).toEqual(['10 Marko Golob', '12 Golob', '16 Golob']);
    } finally {
      await rm(file);
    }
  });

  it('marks explicit people and people dropped by notPeople', async () => {
    const { out } = await run([path.join(root, 'content/articles/2025/kongres.md')]);
    expect(out).toContain('Tomaž Sever (tomaz-sever): listed in people:, 0 mentions');
    expect(out).toContain('Janez Novak (janez-novak): detected, 1 mention, DROPPED by notPeople:');
    expect(out).toMatch(/line 8 +"Marko Golob" {2}full name/);
    expect(out).toMatch(/line 9 +"Golob" {2}surname; the article names Marko Golob in full/);
  });

  it('shows a name listed in people: with no person file as written, with the registry person it probably means', async () => {
    const file = path.join(root, 'content/articles/2025/brez-datoteke.md');
    await writeFile(file, '---\ntitle: Kongres\ndate: 2025-03-01\npeople: [Tomaža Severja, Marija Neznana]\n---\n\nBesedilo.\n');
    try {
      const { code, out } = await run([file]);
      expect(code).toBe(0);
      expect(out).toContain('Tomaža Severja (tomaza-severja): listed in people:, no file in content/people/ (probably Tomaž Sever, content/people/tomaz-sever.md), 0 mentions');
      expect(out).toContain('Marija Neznana (marija-neznana): listed in people:, no file in content/people/, 0 mentions');
    } finally {
      await rm(file);
    }
  });

  it('--suggest groups unknown names by base form and counts them', async () => {
    const { code, out } = await run(['--suggest']);
    expect(code).toBe(0);
    expect(out).toMatch(/^ +2 {2}Ivan Novak {2}\(1 article: Ivan Novak ×1, Ivanom Novakom ×1\)$/m);
    expect(out).toMatch(/^ +2 {2}Jože Kovač /m);
    // detect: false people are in the registry, so they are not suggested.
    expect(out).not.toContain('Marija Zupan');
  });

  it('finds an article named relative to the project folder when run from elsewhere', async () => {
    // The tests run in arhivar's own folder, where this path names no file.
    expect(existsSync(path.resolve('content/articles/2025/oznake-markdown.md'))).toBe(false);
    const { code, out } = await run(['content/articles/2025/oznake-markdown.md']);
    expect(code).toBe(0);
    expect(out).toContain('Janez Novak (janez-novak): detected, 2 mentions');
  });

  it('reports a missing article file as a problem, not a crash', async () => {
    const { code, err } = await run([path.join(root, 'content/articles/2025/ni-ga.md')]);
    expect(code).toBe(1);
    expect(err).toContain('people/no-article');
  });

  // The count ended in »nothing was written«, as a build's does, from a command that never writes.
  it.each([[['content/articles/2025/ni-ga.md']], [['--suggest']]])('ends the problems of %j with what it did not do', async (args) => {
    const person = path.join(root, 'content/people/brez-imena.md');
    // A person file the registry refuses stops --suggest too.
    if (args[0] === '--suggest') await writeFile(person, '---\nrole: novinarka\n---\n');
    try {
      const { code, err } = await run(args);
      expect(code).toBe(1);
      expect(err.trimEnd().split('\n').at(-1)).toBe('1 problem found; nothing was listed.');
    } finally {
      await rm(person, { force: true });
    }
  });

  // The hint named content/articles/2025/witkoff-dmitrijev-florida.md, the repository's example, which another
  // site does not have, for a file named without its folders or an article's address pasted from the browser.
  it.each([
    ['oznake-markdown.md'],
    ['oznake-markdown'],
    ['http://127.0.0.1:5173/2025/10/21/srecanje-strank-pred-volitvami/'],
    ['/2025/10/21/srecanje-strank-pred-volitvami/'],
  ])('gives %j the path of the article it names', async (given) => {
    const { code, err } = await run([given]);
    expect(code).toBe(1);
    expect(err).toContain(`there is no article file ${given}`);
    expect(err).toContain('hint: write content/articles/2025/oznake-markdown.md, the path of that article from the project folder');
  });

  // Two articles of one slug (a weekly »seja-vlade«): the day of the address tells them apart; the date was
  // compared as a string, which a ContentDate is not, so no address of a shared slug was ever given its path.
  it('gives the address of one of two articles with the same slug the path of that day\'s article', async () => {
    // npm run new names the file by the slug: a year's folder holds one seja-vlade.md, the next year's another.
    const files = ['2025/seja-vlade-1.md', '2025/seja-vlade-2.md', '2024/seja-vlade.md', '2026/seja-vlade.md'].map((name) => path.join(root, 'content/articles', name));
    await mkdir(path.join(root, 'content/articles/2026'), { recursive: true });
    await mkdir(path.join(root, 'content/articles/2024'), { recursive: true });
    await writeFile(files[0]!, '---\ntitle: Seja vlade\ndate: 2025-12-15T23:30\nslug: seja-vlade\n---\n\nVlada je zasedala.\n');
    await writeFile(files[1]!, '---\ntitle: Seja vlade\ndate: 2025-12-22T10:00\nslug: seja-vlade\n---\n\nVlada je spet zasedala.\n');
    await writeFile(files[2]!, '---\ntitle: Seja vlade\ndate: 2024-12-19T10:00\n---\n\nVlada je zasedala lani.\n');
    await writeFile(files[3]!, '---\ntitle: Seja vlade\ndate: 2026-01-08T10:00\n---\n\nVlada je zasedala letos.\n');
    try {
      for (const [given, file] of [
        ['/2025/12/15/seja-vlade/', '2025/seja-vlade-1.md'],
        ['http://127.0.0.1:5173/2025/12/22/seja-vlade/', '2025/seja-vlade-2.md'],
        ['http://127.0.0.1:5173/2026/01/08/seja-vlade/', '2026/seja-vlade.md'],
      ] as const) {
        const { code, err } = await run([given]);
        expect(code).toBe(1);
        expect(err).toContain(`hint: write content/articles/${file}, the path of that article from the project folder`);
      }
    } finally {
      await Promise.all(files.map((file) => rm(file)));
    }
  });

  it('gives a missing article an example from the site, not from arhivar\'s own content', async () => {
    const { code, err } = await run(['ni-ga.md']);
    expect(code).toBe(1);
    expect(err).toContain('hint: give the path of an article from the project folder, such as content/articles/2023/dva-novaka-seja.md');
  });

  // A person file was read as an article: »title is required«, and »"name" is "date", which the file needs«.
  it.each([
    ['content/people/tomaz-sever.md', 'Tomaž Sever', 'content/articles/2025/kongres.md, which lists Tomaž Sever'],
    ['tomaz-sever', 'Tomaž Sever', 'content/articles/2025/kongres.md, which lists Tomaž Sever'],
    ['content/people/marko-golob.md', 'Marko Golob', 'content/articles/2023/dva-novaka-seja.md'],
  ])('tells %j, which names a person, that the command takes an article', async (given, name, example) => {
    const { code, err } = await run([given]);
    expect(code).toBe(1);
    expect(err).not.toContain('article/');
    const id = path.basename(given, '.md');
    expect(err).toContain(`content/people/${id}.md  people/not-an-article`);
    expect(err).toContain(`this is the person file of ${name}, not an article`);
    expect(err).toContain(`hint: give the path of an article from the project folder, such as ${example}; the articles that name ${name} are listed on the person's page of the built site, /osebe/${id}/`);
  });

  it('rejects a file together with --suggest', async () => {
    const { code, err } = await run(['--suggest', 'x.md']);
    expect(code).toBe(2);
    expect(err).toContain('--suggest reads every article');
  });
});
