import { describe, expect, it } from 'vitest';
import { Fingerprinter } from '../../../src/render/fingerprint.ts';
import { sitemapFiles } from '../../../src/render/pages.ts';
import { renderRobots, renderSitemap, sitemapListsPage } from '../../../src/render/sitemap.ts';

const BASE = 'https://novice.example.si/';

describe('sitemap', () => {
  it('writes absolute, escaped URLs with W3C lastmod dates', () => {
    const xml = renderSitemap(BASE, [
      { url: '/', lastmod: new Date('2025-12-22T17:30:00.000Z') },
      { url: "/oznake/a&b'/" },
    ]);
    expect(xml).toContain('<url><loc>https://novice.example.si/</loc><lastmod>2025-12-22T18:30:00+01:00</lastmod></url>');
    expect(xml).toContain('<url><loc>https://novice.example.si/oznake/a&amp;b&apos;/</loc></url>');
  });

  it('splits into numbered parts with an index above the limit', () => {
    const entries = Array.from({ length: 5 }, (_, index) => ({ url: `/${index}/`, lastmod: new Date(Date.UTC(2025, 0, index + 1)) }));
    const files = [...sitemapFiles(BASE, entries, 2)];
    expect(files.map((file) => file.url)).toEqual(['/sitemap-1.xml', '/sitemap-2.xml', '/sitemap-3.xml', '/sitemap.xml']);
    expect(files[2]!.render().match(/<loc>/g)).toHaveLength(1);
    const index = files[3]!.render();
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(index).toContain('<sitemap><loc>https://novice.example.si/sitemap-2.xml</loc><lastmod>2025-01-04T01:00:00+01:00</lastmod></sitemap>');
    expect([...sitemapFiles(BASE, entries, 5)].map((file) => file.url)).toEqual(['/sitemap.xml']);
  });

  it("is fingerprinted by every entry's address and date, so a change to any one of them writes it again (issue 6)", () => {
    const key = (entries: { url: string; lastmod?: Date }[], limit = 50_000) =>
      [...sitemapFiles(BASE, entries, limit)].map((file) => (file.inputs ? new Fingerprinter('v1').page(file.url, file.inputs) : undefined));
    const entries = [{ url: '/', lastmod: new Date('2025-12-22T17:30:00.000Z') }, { url: '/osebe/' }, { url: '/oznake/' }];
    expect(key(entries)).toEqual(key(structuredClone(entries)));
    expect(key(entries)).not.toEqual(key([{ ...entries[0]!, lastmod: new Date('2025-12-22T17:30:00.001Z') }, ...entries.slice(1)]));
    expect(key(entries)).not.toEqual(key([entries[0]!, { url: '/osebe/', lastmod: new Date(0) }, entries[2]!]));
    expect(key(entries)).not.toEqual(key([entries[0]!, { url: '/osebe/a/' }, entries[2]!]));
    expect(key(entries)).not.toEqual(key([entries[0]!, entries[2]!, entries[1]!]));
    expect(key(entries)).not.toEqual(key(entries.slice(0, 2)));
    // Each part of a split sitemap by its own entries.
    const [first, second] = key(entries, 2);
    const [firstAgain, secondChanged] = key([entries[0]!, entries[1]!, { url: '/oznake/', lastmod: new Date(0) }], 2);
    expect(firstAgain).toBe(first);
    expect(secondChanged).not.toBe(second);
  });

  it('robots.txt names the sitemap by its absolute URL', () => {
    expect(renderRobots(BASE, '/sitemap.xml')).toBe('# generator: arhivar\nUser-agent: *\nAllow: /\n\nSitemap: https://novice.example.si/sitemap.xml\n');
  });

  it('robots.txt of a site under a path names its sitemap there and says the file counts only at the host root', () => {
    const robots = renderRobots('https://example.si/arhiv/', '/sitemap.xml');
    expect(robots).toContain('\nSitemap: https://example.si/arhiv/sitemap.xml\n');
    expect(robots.split('\n').slice(0, 3)).toEqual([
      '# generator: arhivar',
      '# Crawlers read robots.txt only at the root of a host, https://example.si/robots.txt.',
      '# This site is published under /arhiv/: copy its Sitemap line below into that file.',
    ]);
    expect(renderSitemap('https://example.si/arhiv/', [{ url: '/osebe/' }])).toContain('<loc>https://example.si/arhiv/osebe/</loc>');
  });

  it.each([
    ['<meta name="robots" content="noindex">', false],
    ["<META NAME='Robots' CONTENT='follow, NOINDEX'>", false],
    ['<meta content=none name=robots>', false],
    ['<meta name="googlebot" content="noindex">', false],
    ['<meta http-equiv="refresh" content="0; url=/novo/">', false],
    ['<meta http-equiv="Refresh" content="5;/novo/">', false],
    // A refresh without an address reloads the page, a live ticker's.
    ['<meta http-equiv="refresh" content="300">', true],
    ['<meta name="robots" content="index, follow">', true],
    ['<meta name="description" content="noindex">', true],
    ['<!-- <meta name="robots" content="noindex"> -->', true],
    ['<script>document.write(\'<meta name="robots" content="noindex">\')</script>', true],
    // A browser keeps the first of two attributes of one name.
    ['<meta name="robots" content="all" content="noindex">', true],
  ])('a page of public/ with %s is listed: %s', (head, expected) => {
    expect(sitemapListsPage(`<!DOCTYPE html><html><head><meta charset="utf-8">${head}<title>Stran</title></head><body><p>Besedilo</p></body></html>`, `${BASE}o-nas/`)).toBe(expected);
  });

  it.each([
    // Its own address, in any form that leads to its file.
    ['https://novice.example.si/o-nas/', '/o-nas/', true],
    ['/o-nas/', '/o-nas/', true],
    ['./', '/o-nas/', true],
    ['', '/o-nas/', true],
    ['HTTPS://NOVICE.example.si/o-nas/#vrh', '/o-nas/', true],
    ['https://novice.example.si/o-nas/index.html', '/o-nas/', true],
    ['https://novice.example.si/o-nas', '/o-nas/', true],
    ['../arhiv%202010/%C4%8Dlanek.htm', '/arhiv%202010/%C4%8Dlanek.htm', true],
    ['članek.htm', '/arhiv%202010/%C4%8Dlanek.htm', true],
    ['a&b.html', '/a%26b.html', true],
    // Over plain http, or at the host with www. in front: an old site's pages name themselves so.
    ['http://novice.example.si/o-nas/', '/o-nas/', true],
    ['https://www.novice.example.si/o-nas/', '/o-nas/', true],
    ['http://www.novice.example.si/o-nas/index.html', '/o-nas/', true],
    // Another address: the page is a copy of that one.
    ['https://novice.example.si/o-uredništvu/', '/o-nas/', false],
    ['/', '/o-nas/', false],
    ['/o-nas/?stran=2', '/o-nas/', false],
    ['http://www.novice.example.si/o-uredništvu/', '/o-nas/', false],
    ['https://novice.example.si:8443/o-nas/', '/o-nas/', false],
    ['ftp://novice.example.si/o-nas/', '/o-nas/', false],
    ['/volitve-2018.html', '/posebno/volitve-2018.html', false],
    ['volitve.html', '/posebno/volitve-2018.html', false],
  ])('a page of public/ whose canonical link is %j, published at %s, is listed: %s', (href, url, expected) => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="canonical" href="${href}"><title>Stran</title></head><body></body></html>`;
    expect(sitemapListsPage(html, `https://novice.example.si${url}`)).toBe(expected);
  });

  it.each([
    ['<link href="/drugo/" REL="Canonical">', false],
    ["<link rel='alternate canonical' href=/drugo/>", false],
    // Relative to its base element, as a browser resolves it.
    ['<base href="https://novice.example.si/o-nas/"><link rel="canonical" href="./">', true],
    ['<base href="/drugo/"><link rel="canonical" href="./">', false],
    // Canonical links that disagree are ignored, as Google ignores them.
    ['<link rel="canonical" href="/drugo/"><link rel="canonical" href="/tretje/">', true],
    ['<link rel="canonical" href="/drugo/"><link rel="canonical" href="https://novice.example.si/drugo/">', false],
    ['<link rel="alternate" href="/drugo/">', true],
    ['<!-- <link rel="canonical" href="/drugo/"> -->', true],
    ['<link rel="canonical" href="http://[bad">', true],
  ])('a page of public/ at /o-nas/ with %s is listed: %s', (head, expected) => {
    expect(sitemapListsPage(`<!DOCTYPE html><html><head>${head}<title>Stran</title></head><body></body></html>`, `${BASE}o-nas/`)).toBe(expected);
  });

  // An attribute's character references are its characters: HTML writes & in an href as &amp;.
  it.each([
    ['<link rel="canonical" href="a&amp;b.html">', '/a%26b.html'],
    ['<link rel="canonical" href="https://novice.example.si/a&#38;b.html">', '/a%26b.html'],
    ['<link rel="canonical" href="&#x10D;lanek.htm">', '/arhiv%202010/%C4%8Dlanek.htm'],
    ['<link rel="canonical" href="&ccaron;lanek.htm">', '/arhiv%202010/%C4%8Dlanek.htm'],
    ['<base href="/o&#45;nas/"><link rel="canonical" href="./">', '/o-nas/'],
  ])('a page of public/ with %s, published at %s, names itself and is listed', (head, url) => {
    expect(sitemapListsPage(`<!DOCTYPE html><html><head>${head}<title>Stran</title></head><body></body></html>`, `https://novice.example.si${url}`)).toBe(true);
  });
});
