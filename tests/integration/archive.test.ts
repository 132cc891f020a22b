import { beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildFixture, buildSite, copyFixture, hrefs, PROJECT_ROOT, type BuiltSite } from '../helpers.ts';

const SEED_URL = '/2025/12/22/witkoff-in-kushner-na-floridi-s-putinovim-odposlancem-dmitrijevim/';
const SEED_PEOPLE = [
  ['steve-witkoff', 'Steve Witkoff'],
  ['jared-kushner', 'Jared Kushner'],
  ['kiril-dmitrijev', 'Kiril Dmitrijev'],
  ['vladimir-putin', 'Vladimir Putin'],
  ['donald-trump', 'Donald Trump'],
  ['sergej-rjabkov', 'Sergej Rjabkov'],
  ['jurij-usakov', 'Jurij Ušakov'],
  ['rustem-umerov', 'Rustem Umerov'],
] as const;

describe('the seed article (the project content)', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite(PROJECT_ROOT);
  });

  it('has its page at /YYYY/MM/DD/slug/ with the title, Slovenian date and body', async () => {
    const html = await site.read(SEED_URL);
    expect(html).toContain('<html lang="sl">');
    expect(html).toMatch(/<h1>Witkoff in Kushner na Floridi s Putinovim odposlancem Dmitrijevim<\/h1>/);
    // Dated without a time: <time> names the Ljubljana day, not the UTC instant of its midnight (21 December).
    expect(html).toMatch(/<time datetime="2025-12-22">22.\u00a0decembra 2025<\/time>/);
    expect(html).toContain('<h2 id="rusija-v-pogovorih-z-zda-glede-ukrajine-vidi-pocasen-napredek">Rusija v pogovorih z ZDA glede Ukrajine vidi počasen napredek</h2>');
    expect(html).toContain('Kirilom Dmitrijevim');
  });

  it('links the article to all eight person pages, and each person page links back', async () => {
    const links = hrefs(await site.read(SEED_URL));
    for (const [id, name] of SEED_PEOPLE) {
      expect(links).toContain(`/osebe/${id}/`);
      const personPage = await site.read(`/osebe/${id}/`);
      expect(personPage).toContain(`<h1>${name}</h1>`);
      expect(hrefs(personPage)).toContain(SEED_URL);
    }
  });

  it('gives each person the role the article uses', async () => {
    expect(await site.read('/osebe/sergej-rjabkov/')).toContain('namestnik ruskega zunanjega ministra');
    expect(await site.read('/osebe/jurij-usakov/')).toContain('svetovalec ruskega predsednika za zunanjo politiko');
  });

  it('writes a 404 page and the hashed stylesheet it references', async () => {
    const notFound = await site.read('/404.html');
    expect(notFound).toContain('Strani ni mogoče najti');
    const stylesheet = /<link rel="stylesheet" href="\/(assets\/[^"]+\.css)"/.exec(notFound)?.[1];
    expect(stylesheet).toBeTruthy();
    expect(await site.files()).toContain(stylesheet);
  });
});

const peopleList = (html: string) => [...html.matchAll(/<a href="\/osebe\/[^"]+\/">([^<]+)<\/a> <span class="count">([^<]+)<\/span>/g)].map((m) => `${m[1]}: ${m[2]}`);

describe('people named only in drafts and articles not out yet', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    const root = await copyFixture('archive-basic');
    const article = (title: string, date: string, people: string, extra = '') =>
      `---\ntitle: "${title}"\ndate: ${date}\npeople: [${people}]\n${extra}---\n\nBesedilo.\n`;
    await mkdir(path.join(root, 'content/articles/2099'), { recursive: true });
    await writeFile(path.join(root, 'content/articles/2025/osnutek.md'), article('Osnutek', '2025-06-01', 'Ana Cankar, Goran Car', 'draft: true\n'));
    await writeFile(path.join(root, 'content/articles/2099/embargo.md'), article('Pod embargom', '2099-01-01', 'Filip Šuštar, Ana Cankar'));
    await writeFile(path.join(root, 'content/articles/2025/objavljen.md'), article('Objavljen', '2024-06-01', 'Goran Car'));
    site = await buildSite(root);
  });

  it('gives them no page, no feed and no place on /osebe/, in the sitemap, the search index or anywhere else', async () => {
    expect(peopleList(await site.read('/osebe/'))).toEqual([
      'Goran Car: 1\u00a0članek',
      'Boris Čok: 2\u00a0članka',
      'Eva Sever: 1\u00a0članek',
      'Cene Zupan: 3\u00a0članki',
      'Darja Žagar: 5\u00a0člankov',
    ]);
    expect(await site.read('/osebe/')).toContain('<p class="lead">5\u00a0oseb, razvrščenih po priimku.</p>');
    const files = await site.files();
    expect(files.filter((file) => /cankar|sustar/.test(file))).toEqual([]);
    expect(files).toContain('osebe/goran-car/index.html');
    for (const file of files) {
      const text = await readFile(path.join(site.outDir, file), 'utf8');
      expect(text, file).not.toMatch(/Cankar|Šuštar|cankar|sustar|Pod embargom|Osnutek/);
    }
  });
});

describe('a fixture archive', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture('archive-basic');
  });

  it('lists the people named by published articles by surname with Slovenian collation and plural forms', async () => {
    const html = await site.read('/osebe/');
    // Ana Cankar, Goran Car and Filip Šuštar have person files but no article: they get no page.
    expect(peopleList(html)).toEqual(['Boris Čok: 2\u00a0članka', 'Eva Sever: 1\u00a0članek', 'Cene Zupan: 3\u00a0članki', 'Darja Žagar: 5\u00a0člankov']);
    expect(html).toContain('<p class="lead">4\u00a0osebe, razvrščene po priimku.</p>');
  });

  it('never starts a line with the dash or dot that separates two parts: the space before – and · is non-breaking', async () => {
    const people = await site.read('/osebe/');
    expect(people).toContain('<span class="role">\u00a0– preizkusna oseba</span>');
    expect(people).not.toMatch(/ – preizkusna/);
    const article = await site.read('/2025/05/14/peti-clanek-objavljen-pozno-zvecer/');
    const meta = /<p class="article-meta">(.*?)<\/p>/s.exec(article)![1]!;
    const home = await site.read('/');
    const separators = [meta, /<p class="teaser-meta">(.*?)<\/p>/s.exec(await site.read('/osebe/darja-zagar/'))![1]!, /<footer class="site-footer">(.*?)<\/footer>/s.exec(home)![1]!];
    for (const text of separators) {
      expect(text).toContain('\u00a0· ');
      expect(text, text).not.toMatch(/ ·/);
    }
  });

  it('paginates the index at pageSize + 1 articles, newest first, with previous/next links', async () => {
    const first = await site.read('/');
    const second = await site.read('/stran/2/');
    const articleLinks = (html: string) => hrefs(html).filter((href) => /^\/2025\/\d\d\/\d\d\//.test(href));
    expect(articleLinks(first)).toEqual(['/2025/05/14/peti-clanek-objavljen-pozno-zvecer/', '/2025/04/13/cetrti-clanek/', '/2025/03/12/tretji-clanek/']);
    expect(articleLinks(second)).toEqual(['/2025/02/11/drugi-clanek/', '/2025/01/10/prvi-clanek-o-obcini/']);
    expect(first).toContain('<a rel="next" href="/stran/2/">');
    expect(second).toContain('<a rel="prev" href="/">');
    expect(second).not.toContain('rel="next" href="/stran/3/"');
    expect(await site.files()).not.toContain('stran/3/index.html');
  });

  it('names the one article of a person named in one article once, not as both their first and last mention', async () => {
    const facts = (html: string) => /<dl class="person-facts">(.*?)<\/dl>/s.exec(html)![1]!;
    const eva = facts(await site.read('/osebe/eva-sever/'));
    expect(eva).toContain('<dt>Edini članek</dt><dd><a href="/2025/04/13/cetrti-clanek/">');
    expect(eva).not.toMatch(/Prva omemba|Zadnja omemba/);
    expect(eva.match(/cetrti-clanek/g)).toHaveLength(1);
    const darja = facts(await site.read('/osebe/darja-zagar/'));
    expect(darja).toContain('<dt>Prva omemba</dt><dd><a href="/2025/01/10/prvi-clanek-o-obcini/">');
    expect(darja).toContain('<dt>Zadnja omemba</dt><dd><a href="/2025/05/14/peti-clanek-objavljen-pozno-zvecer/">');
  });

  it('says that the texts never name a person whom only people: lists, rather than counting »0 omemb«', async () => {
    // One article has one list of people, several have several: »na seznamu« for Eva Sever, »na seznamih« for Darja Žagar.
    for (const [url, lists] of [['/osebe/eva-sever/', 'seznamu'], ['/osebe/darja-zagar/', 'seznamih']]) {
      const facts = /<dl class="person-facts">(.*?)<\/dl>/s.exec(await site.read(url!))![1]!;
      expect(facts, url).toContain(`<dt>Omembe v besedilih</dt><dd>nobene (le na ${lists} oseb)</dd>`);
      expect(facts, url).not.toContain('0\u00a0omemb');
    }
  });

  it('paginates a person page the same way', async () => {
    const first = await site.read('/osebe/darja-zagar/');
    const second = await site.read('/osebe/darja-zagar/stran/2/');
    expect(first).toContain('href="/osebe/darja-zagar/stran/2/"');
    expect(hrefs(second)).toContain('/2025/01/10/prvi-clanek-o-obcini/');
  });

  it('gives a later page of a list its own description, saying which page it is, as its pagination does', async () => {
    const descriptions = (html: string) => [
      /<meta name="description" content="([^"]*)"/.exec(html)?.[1],
      /<meta property="og:description" content="([^"]*)"/.exec(html)?.[1],
      /<meta name="twitter:description" content="([^"]*)"/.exec(html)?.[1],
    ];
    const pages = [
      ['/', '/stran/2/', 'Arhiv za preizkuse', 'Arhiv za preizkuse – stran 2 od 2'],
      ['/oznake/preizkus/', '/oznake/preizkus/stran/2/', 'Članki z oznako preizkus: 5 člankov.', 'Članki z oznako preizkus: 5 člankov – stran 2 od 2.'],
      ['/osebe/darja-zagar/', '/osebe/darja-zagar/stran/2/', 'Darja Žagar, preizkusna oseba: 5 člankov v arhivu.', 'Darja Žagar, preizkusna oseba: 5 člankov v arhivu – stran 2 od 2.'],
    ];
    for (const [firstUrl, secondUrl, first, second] of pages) {
      expect(descriptions(await site.read(firstUrl!)), firstUrl).toEqual([first, first, first]);
      expect(descriptions(await site.read(secondUrl!)), secondUrl).toEqual([second, second, second]);
    }
  });

  it('reads a date-time without an offset as Ljubljana time (23:30 stays on the 14th)', async () => {
    const html = await site.read('/2025/05/14/peti-clanek-objavljen-pozno-zvecer/');
    expect(html).toContain('14.\u00a0maja 2025 ob\u00a023.30');
  });
});

describe('a person first and last named on the same day', () => {
  it('names the two articles by their titles, not by one date twice linking to different articles', async () => {
    const root = await copyFixture('archive-basic');
    const article = (title: string, date: string) => `---\ntitle: "${title}"\ndate: ${date}\npeople: [Goran Car]\n---\n\nBesedilo.\n`;
    await writeFile(path.join(root, 'content/articles/2025/jutranji.md'), article('Jutranja seja', '2025-06-02T08:15'));
    await writeFile(path.join(root, 'content/articles/2025/vecerni.md'), article('Kdo bo plačal?', '2025-06-02T17:30'));
    const site = await buildSite(root);
    const facts = /<dl class="person-facts">(.*?)<\/dl>/s.exec(await site.read('/osebe/goran-car/'))![1]!;
    const mentions = [...facts.matchAll(/<dt>([^<]+)<\/dt><dd><a href="([^"]+)">(.*?)<\/a>(.*?)<\/dd>/g)].map((match) => match.slice(1));
    expect(mentions).toEqual([
      ['Prva omemba', '/2025/06/02/jutranja-seja/', 'Jutranja seja', ' (<time datetime="2025-06-02T08:15:00+02:00">2.\u00a0junija 2025 ob\u00a08.15</time>)'],
      ['Zadnja omemba', '/2025/06/02/kdo-bo-placal/', 'Kdo bo plačal?', ' (<time datetime="2025-06-02T17:30:00+02:00">2.\u00a0junija 2025 ob\u00a017.30</time>)'],
    ]);
  });
});

describe('a later page of a list', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    // Four more May articles by Cene Zupan: May, like the tag and Darja Žagar, then has a second page (pageSize 3), and so does what he wrote.
    const root = await copyFixture('archive-basic');
    for (const day of [20, 21, 22, 23]) {
      await writeFile(path.join(root, `content/articles/2025/maj-${day}.md`), `---\ntitle: "Majski članek ${day}"\ndate: 2025-05-${day}\nauthor: Cene Zupan\n---\n\nBesedilo.\n`);
    }
    site = await buildSite(root);
  });

  it('says the page number in its h1, as the home page does, and page 1 does not', async () => {
    const h1 = async (url: string) => /<h1>([^<]*)<\/h1>/.exec(await site.read(url))![1];
    const pages = [
      ['/stran/2/', 'Članki, stran\u00a02'],
      ['/oznake/preizkus/', 'preizkus'],
      ['/oznake/preizkus/stran/2/', 'preizkus, stran\u00a02'],
      ['/2025/05/', 'Maj 2025'],
      ['/2025/05/stran/2/', 'Maj 2025, stran\u00a02'],
      ['/osebe/darja-zagar/', 'Darja Žagar'],
      ['/osebe/darja-zagar/stran/2/', 'Darja Žagar, stran\u00a02'],
      ['/osebe/cene-zupan/avtor/', 'Članki, ki jih je napisal Cene Zupan'],
      ['/osebe/cene-zupan/avtor/stran/2/', 'Članki, ki jih je napisal Cene Zupan, stran\u00a02'],
    ];
    for (const [url, heading] of pages) expect(await h1(url!), url).toBe(heading);
  });
});

describe('an article whose updated: is earlier than its date:', () => {
  it('gives the date as its last change everywhere: JSON-LD, Open Graph, the feed and the sitemap', async () => {
    const root = await copyFixture('archive-basic');
    const file = path.join(root, 'content/articles/2025/peti.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('date: 2025-05-14T23:30:00', 'date: 2025-05-14T23:30:00\nupdated: 2025-05-01T08:00'));
    const site = await buildSite(root);
    expect(site.result.model.warnings.map((warning) => warning.code)).toContain('article/updated-before-date');
    const published = '2025-05-14T23:30:00+02:00';
    const html = await site.read('/2025/05/14/peti-clanek-objavljen-pozno-zvecer/');
    expect(html).toContain(`<meta property="article:modified_time" content="${published}"`);
    const jsonLd = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((match) => JSON.parse(match[1]!) as Record<string, unknown>);
    const article = jsonLd.find((data) => data['@type'] === 'NewsArticle')!;
    expect([article.datePublished, article.dateModified]).toEqual([published, published]);
    expect(await site.read('/feed.xml')).toContain('<updated>2025-05-14T23:30:00+02:00</updated>');
    expect(await site.read('/sitemap.xml')).toMatch(/peti-clanek-objavljen-pozno-zvecer\/<\/loc>\s*<lastmod>2025-05-14/);
    // Nor does the page say it was updated on 1 May under a publication on 14 May.
    expect(html).not.toContain('posodobljeno');
  });
});
