import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { buildFixture, buildSite, copyFixture, removeDir, type BuiltSite } from '../helpers.ts';
import { parseFeed } from '../helpers/parse-feed.ts';

/**
 * tests/fixtures/byline, published at https://example.si/arhiv/: bylines naming several people, agencies and the
 * newsroom. Ana Novak and Cene Lipnik have person files; Ana Novak is named by an article and writes six,
 * Cene Lipnik only co-writes one (no article names him). Bor Kos has no file.
 */
const BASE = 'https://example.si/arhiv/';

const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

function newsArticle(html: string): Record<string, unknown> {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => JSON.parse(match[1]!) as Record<string, unknown>);
  const article = blocks.find((block) => block['@type'] === 'NewsArticle');
  if (!article) throw new Error('no NewsArticle on the page');
  return article;
}

/** The byline's element on an article page, as HTML. */
function bylineHtml(html: string): string {
  const match = /<span class="article-author">([\s\S]*?)<\/span>/.exec(html);
  if (!match) throw new Error('no byline on the page');
  return match[1]!;
}

/** The article links of a list: the teaser titles in `html`, in order. */
function teaserLinks(html: string): string[] {
  return [...html.matchAll(/class="teaser-title"><a href="([^"]*)"/g)].map((match) => match[1]!);
}

const description = (html: string) => /<meta name="description" content="([^"]*)"/.exec(html)?.[1];

/** The part of a person page that lists what the person wrote. */
function authoredSection(html: string): string {
  const match = /<section class="authored"[\s\S]*?<\/section>/.exec(html);
  if (!match) throw new Error('no list of authored articles on the page');
  return match[0];
}

const A = '/arhiv/2025/';
// Ana Novak's articles, newest first: »ana novak« in small letters is hers too, »Ana Novak, STA« and »Ana Novak & Bor Kos« as well.
const ANA_WROTE = [
  `${A}11/20/obcinski-svet-sprejel-proracun/`,
  `${A}10/29/mestna-trznica-tudi-ob-nedeljah/`,
  `${A}10/22/cesta-cez-prelaz-zaprta/`,
  `${A}10/15/gasilci-dobili-novo-vozilo/`,
  `${A}10/08/prenova-sole-se-zamika/`,
  `${A}10/01/nova-kolesarska-steza-ob-reki/`,
];

describe('bylines with several authors', () => {
  let site: BuiltSite;

  beforeAll(async () => {
    site = await buildFixture('byline');
  });

  afterAll(async () => {
    await removeDir(path.dirname(site.outDir));
  });

  it('publishes each author of »Ana Novak, Bor Kos in Cene Lipnik« as a Person, a registry person with the URL of her page', async () => {
    const data = newsArticle(await site.read('/2025/11/20/obcinski-svet-sprejel-proracun/'));
    expect(data.author).toEqual([
      { '@type': 'Person', name: 'Ana Novak', url: `${BASE}osebe/ana-novak/`, jobTitle: 'novinarka' },
      { '@type': 'Person', name: 'Bor Kos' },
      // No article names Cene Lipnik, but he has a file and writes: his page lists what he wrote.
      { '@type': 'Person', name: 'Cene Lipnik', url: `${BASE}osebe/cene-lipnik/`, jobTitle: 'fotoreporter' },
    ]);
    expect(await site.files()).toContain('osebe/cene-lipnik/index.html');
  });

  it('publishes agencies as Organizations and »Uredništvo« as the site itself', async () => {
    const agencies = newsArticle(await site.read('/2025/12/01/novinarska-nagrada-za-preiskovalno-zgodbo/'));
    expect(agencies.author).toEqual([
      { '@type': 'Organization', name: 'STA' },
      { '@type': 'Organization', name: 'Reuters' },
    ]);
    const newsroom = newsArticle(await site.read('/2025/12/05/knjiznica-podaljsala-delovni-cas/'));
    expect(newsroom.author).toEqual({ '@type': 'NewsMediaOrganization', name: 'Novice Savinja', url: BASE });
  });

  it('shows the byline as written, with the registry person linked to her page under the path', async () => {
    const html = bylineHtml(await site.read('/2025/11/20/obcinski-svet-sprejel-proracun/'));
    expect(decode(html.replace(/<[^>]+>/g, ''))).toBe('\u00a0· Ana Novak, Bor Kos in Cene Lipnik');
    expect([...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((match) => [match[1], match[2]])).toEqual([
      ['/arhiv/osebe/ana-novak/', 'Ana Novak'],
      ['/arhiv/osebe/cene-lipnik/', 'Cene Lipnik'],
    ]);
    const plain = bylineHtml(await site.read('/2025/12/01/novinarska-nagrada-za-preiskovalno-zgodbo/'));
    expect(plain).not.toContain('<a');
    expect(decode(plain)).toBe('\u00a0· STA, Reuters');
  });

  it('splits »Ana Novak & Bor Kos« as »in«: her name alone is linked, and each is a Person of their own', async () => {
    const page = await site.read('/2025/10/29/mestna-trznica-tudi-ob-nedeljah/');
    const html = bylineHtml(page);
    expect(decode(html.replace(/<[^>]+>/g, ''))).toBe('\u00a0· Ana Novak & Bor Kos');
    expect([...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((match) => [match[1], match[2]])).toEqual([['/arhiv/osebe/ana-novak/', 'Ana Novak']]);
    expect(newsArticle(page).author).toEqual([
      { '@type': 'Person', name: 'Ana Novak', url: `${BASE}osebe/ana-novak/`, jobTitle: 'novinarka' },
      { '@type': 'Person', name: 'Bor Kos' },
    ]);
  });

  it('names a registry person in JSON-LD as her file does, whatever the byline\'s letter case (»ana novak«)', async () => {
    const page = await site.read('/2025/10/22/cesta-cez-prelaz-zaprta/');
    expect(decode(bylineHtml(page).replace(/<[^>]+>/g, ''))).toBe('\u00a0· ana novak');
    expect(newsArticle(page).author).toEqual({ '@type': 'Person', name: 'Ana Novak', url: `${BASE}osebe/ana-novak/`, jobTitle: 'novinarka' });
  });

  it('gives each author an <author> of its own in the feed, a registry person with the URI of her page', async () => {
    const xml = await site.read('/feed.xml');
    const feed = await parseFeed(xml, `${BASE}feed.xml`);
    const authors = (link: string) => {
      const item = feed.items.find((entry) => entry.link === `${BASE}${link}`);
      if (!item) throw new Error(`no entry for ${link}`);
      const raw = (item as unknown as Record<string, unknown>)['atom:author'];
      return (Array.isArray(raw) ? raw : [raw]).map((author: { name: { '#': string }; uri?: { '#': string } }) => [author.name['#'], author.uri?.['#']]);
    };
    expect(authors('2025/11/20/obcinski-svet-sprejel-proracun/')).toEqual([
      ['Ana Novak', `${BASE}osebe/ana-novak/`],
      ['Bor Kos', undefined],
      ['Cene Lipnik', `${BASE}osebe/cene-lipnik/`],
    ]);
    expect(authors('2025/12/01/novinarska-nagrada-za-preiskovalno-zgodbo/')).toEqual([
      ['STA', undefined],
      ['Reuters', undefined],
    ]);
    // The newsroom is the site, as in JSON-LD.
    expect(authors('2025/12/05/knjiznica-podaljsala-delovni-cas/')).toEqual([['Novice Savinja', BASE]]);
  });
});

describe('the articles a registry person wrote', () => {
  let site: BuiltSite;

  beforeAll(async () => {
    site = await buildFixture('byline');
  });

  afterAll(async () => {
    await removeDir(path.dirname(site.outDir));
  });

  it('lists the newest five on the person page apart from the articles naming her, with a link to all of them', async () => {
    const html = await site.read('/osebe/ana-novak/');
    const authored = authoredSection(html);
    expect(authored).toContain('<h2 id="avtorski-clanki">Članki, ki jih je napisala</h2>');
    expect(teaserLinks(authored)).toEqual(ANA_WROTE.slice(0, 5));
    expect(authored).toContain('href="/arhiv/osebe/ana-novak/avtor/"');
    expect(authored).toContain('Vsi članki, ki jih je napisala Ana Novak (6)');
    // The mentions list stays what it was: the one article that names her, written by agencies.
    const mentions = html.slice(html.indexOf('</section>', html.indexOf('class="authored"')));
    expect(mentions).toContain('<h2>Omembe v člankih</h2>');
    expect(teaserLinks(mentions)).toEqual([`${A}12/01/novinarska-nagrada-za-preiskovalno-zgodbo/`]);
    expect(html).toContain('<p class="count">6\u00a0avtorskih člankov</p>');
  });

  it('lists all of them, newest first, at /osebe/<id>/avtor/', async () => {
    const html = await site.read('/osebe/ana-novak/avtor/');
    expect(html).toContain('<h1>Članki, ki jih je napisala Ana Novak</h1>');
    expect(teaserLinks(html)).toEqual(ANA_WROTE);
    expect(html).toContain('<a href="/arhiv/osebe/ana-novak/">');
    expect(await site.read('/sitemap.xml')).toContain(`<loc>${BASE}osebe/ana-novak/avtor/</loc>`);
  });

  it('links the page of all a person wrote when the person page already shows it all, so that address is never an orphan', async () => {
    // Cene Lipnik wrote one article: the person page lists it, and the link goes to /osebe/<id>/avtor/ all the same,
    // the address an outside link keeps whether he has written one article or fifty.
    const html = await site.read('/osebe/cene-lipnik/');
    expect(teaserLinks(authoredSection(html))).toEqual([`${A}11/20/obcinski-svet-sprejel-proracun/`]);
    expect(authoredSection(html)).toMatch(/<a href="\/arhiv\/osebe\/cene-lipnik\/avtor\/">Vsi članki, ki jih je napisal Cene Lipnik \(1\)<span aria-hidden="true"> →<\/span><\/a>/);
    expect(teaserLinks(await site.read('/osebe/cene-lipnik/avtor/'))).toEqual([`${A}11/20/obcinski-svet-sprejel-proracun/`]);
  });

  it('gives a registry person only a byline names a page of what he wrote, without a mentions list or feed', async () => {
    const html = await site.read('/osebe/cene-lipnik/');
    expect(authoredSection(html)).toContain('<h2 id="avtorski-clanki">Članki, ki jih je napisal</h2>');
    expect(teaserLinks(html)).toEqual([`${A}11/20/obcinski-svet-sprejel-proracun/`]);
    expect(html).not.toContain('Omembe v člankih');
    expect(html).not.toContain('<h2>Članki</h2>');
    expect(html).not.toContain('osebe/cene-lipnik/feed.xml');
    expect(await site.files()).not.toContain('osebe/cene-lipnik/feed.xml');
    // The people index lists him, counted by what he wrote.
    const index = await site.read('/osebe/');
    expect(index).toMatch(/<a href="\/arhiv\/osebe\/cene-lipnik\/">Cene Lipnik<\/a> <span class="count">1\u00a0avtorski članek<\/span>/);
    expect(index).toMatch(/<a href="\/arhiv\/osebe\/ana-novak\/">Ana Novak<\/a> <span class="count">1\u00a0članek<\/span>/);
  });

  it('pages the list at the site\'s page size', async () => {
    const root = await copyFixture('byline');
    await writeFile(path.join(root, 'content/site.yaml'), 'title: Novice Savinja\nbaseUrl: https://example.si/arhiv/\npageSize: 4\n');
    const small = await buildSite(root, { cache: false });
    try {
      const first = await small.read('/osebe/ana-novak/avtor/');
      expect(teaserLinks(first)).toEqual(ANA_WROTE.slice(0, 4));
      expect(first).toContain('<link rel="next" href="/arhiv/osebe/ana-novak/avtor/stran/2/"/>');
      const second = await small.read('/osebe/ana-novak/avtor/stran/2/');
      expect(teaserLinks(second)).toEqual(ANA_WROTE.slice(4));
      expect(second).toContain('Stran 2 od 2');
      expect((await small.files()).filter((file) => file.startsWith('osebe/ana-novak/avtor/'))).toEqual(['osebe/ana-novak/avtor/index.html', 'osebe/ana-novak/avtor/stran/2/index.html']);
      // The person page's preview does not depend on the page size.
      expect(teaserLinks(authoredSection(await small.read('/osebe/ana-novak/')))).toEqual(ANA_WROTE.slice(0, 5));
    } finally {
      await removeDir(root);
      await removeDir(path.dirname(small.outDir));
    }
  });

  // Unicode's bidi algorithm took the count after a right-to-left name into its run: »… napisal محمود عباس (1)« showed
  // as »… napisal (1) محمود عباس«, the count before the name (seen in Chromium). A <bdi> keeps the name to itself.
  it('isolates a right-to-left name in the link to all a person wrote, so the count stays after it', async () => {
    // The byline gives his name in Latin letters, as an alias of his file (the Arabic name alone is linked too, below).
    const root = await copyFixture('byline');
    await writeFile(path.join(root, 'content/people/mahmud-abas.md'), '---\nname: محمود عباس\naliases: [Mahmud Abas]\ngender: m\n---\n');
    const article = path.join(root, 'content/articles/2025/proracun.md');
    await writeFile(article, (await readFile(article, 'utf8')).replace('in Cene Lipnik', 'in Mahmud Abas'));
    const small = await buildSite(root, { cache: false });
    try {
      expect(authoredSection(await small.read('/osebe/mahmud-abas/'))).toContain('<a href="/arhiv/osebe/mahmud-abas/avtor/">Vsi članki, ki jih je napisal <bdi>محمود عباس</bdi> (1)<span aria-hidden="true"> →</span></a>');
      expect(authoredSection(await small.read('/osebe/ana-novak/'))).toContain('Vsi članki, ki jih je napisala Ana Novak (6)');
    } finally {
      await removeDir(root);
      await removeDir(path.dirname(small.outDir));
    }
  });

  // A byline's names were matched by their slug, and a name in Arabic or Hebrew letters alone has none: the byline of a
  // person whose file gives only such a name linked no one, and he had no page of what he wrote.
  it('links a byline name written only in Arabic letters to the person file with that name', async () => {
    const root = await copyFixture('byline');
    await writeFile(path.join(root, 'content/people/mahmud-abbas.md'), '---\nname: محمود عباس\nrole: dopisnik iz Ramale\ngender: m\n---\n');
    const article = path.join(root, 'content/articles/2025/proracun.md');
    await writeFile(article, (await readFile(article, 'utf8')).replace(' in Cene Lipnik', ', محمود عباس'));
    const small = await buildSite(root, { cache: false });
    try {
      const html = await small.read('/2025/11/20/obcinski-svet-sprejel-proracun/');
      expect(bylineHtml(html)).toContain('<a href="/arhiv/osebe/mahmud-abbas/">محمود عباس</a>');
      expect(newsArticle(html).author).toContainEqual({ '@type': 'Person', name: 'محمود عباس', url: `${BASE}osebe/mahmud-abbas/`, jobTitle: 'dopisnik iz Ramale' });
      expect(teaserLinks(await small.read('/osebe/mahmud-abbas/avtor/'))).toEqual([`${A}11/20/obcinski-svet-sprejel-proracun/`]);
    } finally {
      await removeDir(root);
      await removeDir(path.dirname(small.outDir));
    }
  });

  it('names the list of a person whose file gives no gender by the name, and describes it in one sentence', async () => {
    const root = await copyFixture('byline');
    await writeFile(path.join(root, 'content/people/cene-lipnik.md'), '---\nname: Cene Lipnik\nrole: fotoreporter\n---\n');
    const small = await buildSite(root, { cache: false });
    try {
      const html = await small.read('/osebe/cene-lipnik/avtor/');
      expect(html).toContain('<h1>Cene Lipnik: avtorski članki</h1>');
      expect(authoredSection(await small.read('/osebe/cene-lipnik/'))).toContain('<a href="/arhiv/osebe/cene-lipnik/avtor/">Vsi avtorski članki (1)');
      expect(description(html)).toBe('Cene Lipnik: 1 avtorski članek.');
      // With a gender, the heading says who wrote them.
      expect(description(await site.read('/osebe/ana-novak/avtor/'))).toBe('Članki, ki jih je napisala Ana Novak: 6 člankov.');
    } finally {
      await removeDir(root);
      await removeDir(path.dirname(small.outDir));
    }
  });

  it('dates a later page of her mentions in the sitemap no earlier than her newest article, whose count every page shows', async () => {
    const root = await copyFixture('byline');
    await writeFile(path.join(root, 'content/site.yaml'), 'title: Novice Savinja\nbaseUrl: https://example.si/arhiv/\npageSize: 1\n');
    // A second article naming her, older than the first, so her mentions take two pages; and one she wrote after both.
    await writeFile(path.join(root, 'content/articles/2025/zgodba.md'), '---\ntitle: Stara zgodba\ndate: 2025-06-01T10:00\nauthor: STA\npeople: [Ana Novak]\n---\n\nBesedilo.\n');
    await writeFile(path.join(root, 'content/articles/2025/kolumna.md'), '---\ntitle: Kolumna o zimi\ndate: 2025-12-10T10:00\nauthor: Ana Novak\n---\n\nBesedilo.\n');
    const small = await buildSite(root, { cache: false });
    try {
      const second = await small.read('/osebe/ana-novak/stran/2/');
      expect(teaserLinks(second)).toEqual([`${A}06/01/stara-zgodba/`]);
      expect(second).toContain('<p class="count">7\u00a0avtorskih člankov</p>');
      // The count changed when the column came out, on 10 December.
      expect(await small.read('/sitemap.xml')).toContain(`<loc>${BASE}osebe/ana-novak/stran/2/</loc><lastmod>2025-12-10T10:00:00+01:00</lastmod>`);
    } finally {
      await removeDir(root);
      await removeDir(path.dirname(small.outDir));
    }
  });

  it('heads the list of the articles naming her, so it does not read as part of the people named alongside her', async () => {
    // With someone named beside her, »Največkrat v istih člankih« came right before the list, and its teasers
    // (h3) read as part of that section, for a screen reader and on the page, where no heading separated them.
    const root = await copyFixture('byline');
    const file = path.join(root, 'content/articles/2025/nagrada.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('people: [Ana Novak]', 'people: [Ana Novak, Cene Lipnik]'));
    const built = await buildSite(root, { cache: false });
    try {
      const html = await built.read('/osebe/ana-novak/');
      const outline = [...html.matchAll(/<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/g)].map((match) => `h${match[1]} ${match[2]!.replace(/<[^>]*>/g, '')}`);
      const mentions = outline.indexOf('h2 Omembe v člankih');
      expect(mentions, outline.join(' | ')).toBeGreaterThan(0);
      expect(outline.slice(mentions + 1)).toEqual(['h3 Največkrat v\u00a0istih člankih', 'h3 Članki', 'h4 Novinarska nagrada za preiskovalno zgodbo']);
    } finally {
      await removeDir(root);
      await removeDir(path.dirname(built.outDir));
    }
  });
});

describe('a byline written surname first', () => {
  it('warns at the author: line, fresh and from .cache/, and publishes the two names it reads until the line is fixed', async () => {
    const root = await copyFixture('byline');
    const file = path.join(root, 'content/articles/2025/gasilci.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('author: Ana Novak\n', 'author: Novak, Ana\n'));
    try {
      for (const run of ['fresh', 'from .cache/']) {
        const built = await buildSite(root);
        try {
          const warnings = built.result.model.warnings.filter((warning) => warning.code === 'article/byline-surname-first');
          expect(warnings.map((warning) => `${warning.file}:${warning.line}`), run).toEqual(['content/articles/2025/gasilci.md:4']);
          expect(warnings[0]!.hint).toContain('author: Ana Novak;');
          // No guess: »Novak« and »Ana« are who the line names, so the article is not among Ana Novak's.
          expect(newsArticle(await built.read('/2025/10/15/gasilci-dobili-novo-vozilo/')).author).toEqual([
            { '@type': 'Person', name: 'Novak' },
            { '@type': 'Person', name: 'Ana' },
          ]);
        } finally {
          await removeDir(path.dirname(built.outDir));
        }
      }
    } finally {
      await removeDir(root);
    }
  });
});

describe('a byline written surname first whose given name only the person files know', () => {
  it('warns at the author: line once the name turned round is someone with a file, or the given name is one a file has, also from .cache/', async () => {
    const root = await copyFixture('byline');
    const edit = async (name: string, from: string, to: string) => {
      const file = path.join(root, 'content/articles/2025', name);
      const text = await readFile(file, 'utf8');
      expect(text).toContain(from);
      await writeFile(file, text.replace(from, to));
    };
    await edit('gasilci.md', 'author: Ana Novak\n', 'author: Kos, Bor\n');
    await edit('prelaz.md', 'author: ana novak\n', 'author: Zupan, Bor in Ana Novak\n');
    // Two surnames, neither a given name the list or a file knows: no guess.
    await edit('trznica.md', 'author: Ana Novak & Bor Kos\n', 'author: Novak, Zupan\n');
    const surnameFirst = (built: BuiltSite) =>
      built.result.model.warnings.filter((warning) => warning.code === 'article/byline-surname-first').map((warning) => [`${warning.file}:${warning.line}`, warning.message, warning.hint]);
    // »Bor« is on no list of given names, and no file has it: read as two people, as before, with no warning.
    const before = await buildSite(root);
    try {
      expect(surnameFirst(before)).toEqual([]);
    } finally {
      await removeDir(path.dirname(before.outDir));
    }
    // A journalist's file: his page lists what he wrote, once a byline names him. The articles' records come from .cache/.
    await writeFile(path.join(root, 'content/people/bor-kos.md'), '---\nname: Bor Kos\nrole: novinar\ngender: m\n---\nNovinar gospodarske redakcije.\n');
    const built = await buildSite(root);
    try {
      expect(surnameFirst(built)).toEqual([
        [
          'content/articles/2025/gasilci.md:4',
          'a comma separates authors, so the byline reads "Kos, Bor" as two people, "Kos" and "Bor"; it looks like one name written surname first: content/people/bor-kos.md is Bor Kos, whose page would list this article',
          'write the given name first: author: Bor Kos; if they are different people, write in instead of the comma: author: Kos in Bor',
        ],
        [
          'content/articles/2025/prelaz.md:4',
          'a comma separates authors, so the byline reads "Zupan, Bor" as two people, "Zupan" and "Bor"; it looks like one name written surname first',
          'write the given name first: author: Bor Zupan in Ana Novak; if they are different people, write in instead of the comma: author: Zupan in Bor in Ana Novak',
        ],
      ]);
      // As written until it is fixed: two one-word Persons, and the article is not among Bor Kos's.
      expect(newsArticle(await built.read('/2025/10/15/gasilci-dobili-novo-vozilo/')).author).toEqual([
        { '@type': 'Person', name: 'Kos' },
        { '@type': 'Person', name: 'Bor' },
      ]);
    } finally {
      await removeDir(root);
      await removeDir(path.dirname(built.outDir));
    }
  });
});
