import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/content/article.ts';
import type { Person } from '../../../src/content/person.ts';
import { escapeXml, FeedEntries, feedUpdated, renderAtomFeed, stripIllegalXml } from '../../../src/render/feed.ts';
import { parseFeed } from '../../helpers/parse-feed.ts';
import { renderMarkdown } from '../../../src/markdown/render.ts';
import { testArticle } from '../../helpers/article.ts';

function article(overrides: Partial<Article> & { title: string; url: string; date: Article['date'] }): Article {
  return testArticle({ file: 'content/articles/x.md', ...overrides });
}

const usakov: Person = { id: 'jurij-usakov', name: 'Jurij Ušakov', aliases: [], role: 'svetovalec', gender: 'm', detect: true, bio: '', file: 'content/people/jurij-usakov.md' };
const site = { title: 'Novice Žalec', baseUrl: 'https://novice.example.si/' };

describe('escapeXml', () => {
  it('escapes markup characters and keeps Slovenian letters', () => {
    expect(escapeXml(`Čevapčiči & <šunka> "žgance" 'đ'`)).toBe('Čevapčiči &amp; &lt;šunka&gt; &quot;žgance&quot; &apos;đ&apos;');
  });

  it('drops characters XML 1.0 forbids and keeps the ones it allows', () => {
    expect(stripIllegalXml('a\u0000b\u0001c\u000bd\u000ce\u001ff\ufffeg\uffffh')).toBe('abcdefgh');
    expect(stripIllegalXml('tab\tnl\ncr\r😀\u00a0\ud7ff\ue000')).toBe('tab\tnl\ncr\r😀\u00a0\ud7ff\ue000');
    expect(stripIllegalXml('lone \ud800 high and \udc00 low')).toBe('lone  high and  low');
  });
});

describe('renderAtomFeed', () => {
  const articles = [
    article({
      title: 'Ušakov: »počasen napredek« & <novo>',
      url: '/2025/12/22/usakov/',
      date: { instant: new Date('2025-12-22T17:30:00Z'), hasTime: true },
      updated: { instant: new Date('2025-12-23T08:00:00Z'), hasTime: true },
      author: 'Marta Žagar',
      summary: 'Čisto kratek povzetek\u0001 s šumniki.',
      html: '<p>Vsebina z <a href="/osebe/jurij-usakov/">Ušakovom</a> in ]]> ter \u000b znakom.</p>',
      tags: [{ name: 'Rusija', slug: 'rusija' }],
      people: ['jurij-usakov'],
    }),
    article({ title: 'Starejši članek', url: '/2025/01/01/starejsi/', date: { instant: new Date('2025-01-01T11:00:00Z'), hasTime: false } }),
  ];
  const xml = renderAtomFeed({
    site,
    title: 'Novice Žalec',
    feedUrl: '/feed.xml',
    pageUrl: '/',
    articles,
    content: 'full',
    people: new Map([[usakov.id, usakov]]),
  });

  it('parses in a strict feed reader with entries, dates and Slovenian characters intact', async () => {
    const feed = await parseFeed(xml);
    expect(feed.meta['#type']).toBe('atom');
    expect(feed.meta.title).toBe('Novice Žalec');
    expect(feed.meta.link).toBe('https://novice.example.si/');
    expect(feed.items.map((item) => item.title)).toEqual(['Ušakov: »počasen napredek« & <novo>', 'Starejši članek']);
    const [first] = feed.items;
    expect(first!.link).toBe('https://novice.example.si/2025/12/22/usakov/');
    expect(first!.guid).toBe('https://novice.example.si/2025/12/22/usakov/');
    expect(first!.author).toBe('Marta Žagar');
    expect(first!.pubdate?.toISOString()).toBe('2025-12-22T17:30:00.000Z');
    expect(first!.date?.toISOString()).toBe('2025-12-23T08:00:00.000Z');
    expect(first!.summary).toBe('Čisto kratek povzetek s šumniki.');
    expect(first!.description).toContain('Ušakovom</a> in ]]> ter');
    expect(first!.categories).toEqual(expect.arrayContaining(['rusija', 'jurij-usakov']));
  });

  it('writes every link and image of the body with an absolute address, for readers that ignore xml:base', () => {
    const body = [
      '<p><img src="slike/foto.jpg" alt="a > b &#x26; c" title="&#x22;x&#x22;"></p>',
      '<p><a href="/kontakt/?a=1&#x26;b=2">kontakt</a>, <a href="../../21/vceraj/#ozadje">včeraj</a>, <a href="#ozadje">spodaj</a>,',
      '<a href="https://sta.si/?x=1&#x26;y=2">STA</a>, <a href="mailto:urednistvo@example.si">pišite</a> in src="slike/ne.jpg" kot besedilo &#x3C;a href="ne/">.</p>',
    ].join('\n');
    const withImages = renderAtomFeed({ site, title: 'Novice', feedUrl: '/feed.xml', pageUrl: '/', articles: [article({ title: 'Slike', url: '/2025/12/22/slike/', date: articles[0]!.date, html: body })], content: 'full', people: new Map() });
    const content = /<content [^>]*>([^<]*)<\/content>/.exec(withImages)![1]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect(content).toBe(
      [
        '<p><img src="https://novice.example.si/2025/12/22/slike/slike/foto.jpg" alt="a > b &#x26; c" title="&#x22;x&#x22;"></p>',
        '<p><a href="https://novice.example.si/kontakt/?a=1&#x26;b=2">kontakt</a>, <a href="https://novice.example.si/2025/12/21/vceraj/#ozadje">včeraj</a>, <a href="https://novice.example.si/2025/12/22/slike/#ozadje">spodaj</a>,',
        '<a href="https://sta.si/?x=1&#x26;y=2">STA</a>, <a href="mailto:urednistvo@example.si">pišite</a> in src="slike/ne.jpg" kot besedilo &#x3C;a href="ne/">.</p>',
      ].join('\n'),
    );
  });

  it('finds every address in a body as the Markdown renderer writes it', () => {
    const { html } = renderMarkdown('![Foto & "x" > y](slike/foto.jpg "a > b")\n\n[kontakt](/kontakt/?a=1&b=2 "x>y") in [ozadje](#ozadje), `<a href="ne/">`.\n');
    const feedXml = renderAtomFeed({ site, title: 'Novice', feedUrl: '/feed.xml', pageUrl: '/', articles: [article({ title: 'Slike', url: '/2025/12/22/slike/', date: articles[0]!.date, html })], content: 'full', people: new Map() });
    const content = /<content [^>]*>([^<]*)<\/content>/.exec(feedXml)![1]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect(content.match(/ (?:href|src)="[^"]*"/g)).toEqual([
      ' src="https://novice.example.si/2025/12/22/slike/slike/foto.jpg"',
      ' href="https://novice.example.si/kontakt/?a=1&#x26;b=2"',
      ' href="https://novice.example.si/2025/12/22/slike/#ozadje"',
      ' href="ne/"',
    ]);
    expect(content).toContain('<code>&#x3C;a href="ne/">');
  });

  it('has no character that XML 1.0 forbids', () => {
    expect(xml).not.toMatch(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u);
  });

  it('dates the feed by its newest change', () => {
    expect(feedUpdated(articles).toISOString()).toBe('2025-12-23T08:00:00.000Z');
  });

  it('leaves the body out of summary feeds', async () => {
    const summaryOnly = renderAtomFeed({ site, title: 'Ušakov', feedUrl: '/osebe/jurij-usakov/feed.xml', pageUrl: '/osebe/jurij-usakov/', articles, content: 'summary', people: new Map() });
    expect(summaryOnly).not.toContain('<content');
    const feed = await parseFeed(summaryOnly);
    expect(feed.items[0]!.summary).toBe('Čisto kratek povzetek s šumniki.');
  });

  it('makes an entry again when the people, the site or the kind of content differ from the shared entries\' (feeds share entries)', () => {
    const people = new Map([[usakov.id, usakov]]);
    const entries = new FeedEntries({ baseUrl: site.baseUrl, title: site.title, people, content: 'summary' });
    entries.expect(articles);
    entries.expect(articles);
    const feed = (people: ReadonlyMap<string, Person>, content: 'full' | 'summary', baseUrl = site.baseUrl) =>
      renderAtomFeed({ site: { ...site, baseUrl }, title: 'Rusija', feedUrl: '/oznake/rusija/feed.xml', pageUrl: '/oznake/rusija/', articles, content, people }, entries);
    expect(feed(people, 'summary')).toContain('label="Jurij Ušakov"');
    // A person renamed between two loads (the dev server) is a new people map.
    expect(feed(new Map([[usakov.id, { ...usakov, name: 'Jurij V. Ušakov' }]]), 'summary')).toContain('label="Jurij V. Ušakov"');
    expect(feed(people, 'full')).toContain('<content');
    expect(feed(people, 'summary', 'https://arhiv.example.si/')).toContain('<id>https://arhiv.example.si/2025/12/22/usakov/</id>');
    expect(feed(people, 'summary')).not.toContain('<content');
    expect(feed(people, 'summary')).toContain('<id>https://novice.example.si/2025/12/22/usakov/</id>');
    // The newsroom's entries name the site: a site renamed between two loads gets them made again.
    const byNewsroom = article({ title: 'Seja', url: '/2025/12/22/seja/', date: { instant: new Date('2025-12-22T17:30:00Z'), hasTime: true }, author: 'Uredništvo' });
    const newsroomEntries = new FeedEntries({ baseUrl: site.baseUrl, title: site.title, people, content: 'summary' });
    newsroomEntries.expect([byNewsroom]);
    newsroomEntries.expect([byNewsroom]);
    const newsroomEntry = (title: string) =>
      renderAtomFeed({ site: { ...site, title }, title: 'Seja', feedUrl: '/feed.xml', pageUrl: '/', articles: [byNewsroom], content: 'summary', people }, newsroomEntries).split('<entry>')[1];
    expect(newsroomEntry(site.title)).toContain('<author><name>Novice Žalec</name>');
    expect(newsroomEntry('Savinjske novice')).toContain('<author><name>Savinjske novice</name>');
  });

  it('shares an entry between the feeds expected to carry it and lets it go after the last, the same bytes as a feed of its own', () => {
    const people = new Map([[usakov.id, usakov]]);
    const input = (feedArticles: readonly Article[]) =>
      ({ site, title: 'Ušakov', feedUrl: '/osebe/jurij-usakov/feed.xml', pageUrl: '/osebe/jurij-usakov/', articles: feedArticles, content: 'summary', people }) as const;
    const [newer, older] = articles as [Article, Article];
    const entries = new FeedEntries({ baseUrl: site.baseUrl, title: site.title, people, content: 'summary' });
    // Two feeds carry the newer article, one the older.
    entries.expect([newer, older]);
    entries.expect([newer]);
    const first = renderAtomFeed(input([newer, older]), entries);
    expect(first).toBe(renderAtomFeed(input([newer, older])));
    expect(entries.held).toBe(1);
    const second = renderAtomFeed(input([newer]), entries);
    expect(second).toBe(renderAtomFeed(input([newer])));
    expect(entries.held).toBe(0);
    // A feed rendered once more than expected (the dev server renders a page each time it is asked for).
    expect(renderAtomFeed(input([newer]), entries)).toBe(second);
    expect(entries.held).toBe(0);
  });

  it('names a registry person of the byline as her file does, as JSON-LD does, however the byline writes her', async () => {
    const sustersic: Person = { ...usakov, id: 'tomaz-sustersic', name: 'Tomaž Šušteršič', role: 'novinar', file: 'content/people/tomaz-sustersic.md' };
    const bylined = article({ title: 'Seja', url: '/2025/12/22/seja/', date: { instant: new Date('2025-12-22T17:30:00Z'), hasTime: true }, author: 'TOMAZ SUSTERSIC, STA' });
    const feed = await parseFeed(renderAtomFeed({ site, title: 'Seja', feedUrl: '/feed.xml', pageUrl: '/', articles: [bylined], content: 'summary', people: new Map([[sustersic.id, sustersic]]) }));
    const raw = (feed.items[0] as unknown as Record<string, unknown>)['atom:author'] as { name: { '#': string }; uri?: { '#': string } }[];
    expect(raw.map((author) => [author.name['#'], author.uri?.['#']])).toEqual([
      ['Tomaž Šušteršič', 'https://novice.example.si/osebe/tomaz-sustersic/'],
      ['STA', undefined],
    ]);
  });

  it('names the newsroom of a byline (»Uredništvo«, »redakcija«) as the site, with its address, as JSON-LD does', async () => {
    const bylined = article({ title: 'Seja', url: '/2025/12/22/seja/', date: { instant: new Date('2025-12-22T17:30:00Z'), hasTime: true }, author: 'Marta Žagar in redakcija' });
    const feed = await parseFeed(renderAtomFeed({ site, title: 'Seja', feedUrl: '/feed.xml', pageUrl: '/', articles: [bylined], content: 'summary', people: new Map() }));
    const raw = (feed.items[0] as unknown as Record<string, unknown>)['atom:author'] as { name: { '#': string }; uri?: { '#': string } }[];
    expect(raw.map((author) => [author.name['#'], author.uri?.['#']])).toEqual([
      ['Marta Žagar', undefined],
      ['Novice Žalec', 'https://novice.example.si/'],
    ]);
  });

  it('is checked by a parser that rejects unescaped markup', async () => {
    const broken = xml.replace('&amp; &lt;novo&gt;', '& <novo>');
    await expect(parseFeed(broken)).rejects.toThrow();
  });
});
