import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrokenLinks, indexSiteAddresses, meantAddressWithin, scanPage } from '../../../src/output/links.ts';

describe('scanPage', () => {
  it('reads href, src and srcset in any quoting, decoding entities', () => {
    const html = `<a href="/a/?x=1&amp;y=2">a</a><img src='/slika.jpg' srcset="/s-1x.jpg 1x, /s-2x.jpg 2x"><link rel=stylesheet href=/c.css>`;
    expect(scanPage(html).links).toEqual(['/a/?x=1&y=2', '/slika.jpg', '/s-1x.jpg', '/s-2x.jpg', '/c.css']);
  });

  it('splits srcset as the HTML standard does: a comma inside a URL is part of it, and one inside parentheses ends no candidate', () => {
    const html = `<img srcset="/foto.jpg?w=1,2 1x, https://slike.example.net/w_300,h_200/foto.jpg 2x,/c.jpg,, /d.jpg (nesmisel, 1) 3x,/e.jpg 4x">`;
    expect(scanPage(html).links).toEqual(['/foto.jpg?w=1,2', 'https://slike.example.net/w_300,h_200/foto.jpg', '/c.jpg', '/d.jpg', '/e.jpg']);
    // Without whitespace before it, a comma is part of the URL, as a browser reads it.
    expect(scanPage('<img srcset="/a.jpg,/b.jpg 2x">').links).toEqual(['/a.jpg,/b.jpg']);
  });

  it('ignores comments, script bodies and escaped markup in text', () => {
    const html = `<!-- <a href="/v-komentarju/"> --><script>const t = '<a href="/v-skripti/">';</script><p>&lt;a href="/besedilo/"&gt;</p><a href="/da/">`;
    expect(scanPage(html).links).toEqual(['/da/']);
  });

  it("reads a script's and a style's own tag, not what is inside them", () => {
    const html = `<script type="module" src="/assets/iskanje.js"></script><style media="print">a[href="/ne/"]{}</style><script src='/a.js'>var x = "<img src='/ne.png'>";</script>`;
    expect(scanPage(html).links).toEqual(['/assets/iskanje.js', '/a.js']);
  });

  it('reads the ids of elements in any quoting, decoding entities, and not those in comments, scripts, text or other attributes', () => {
    const html = [
      '<main id="vsebina"><h2 id=\'ozadje\'>Ozadje</h2><h3 id=odzivi-2>Odzivi</h3><p id="&#x10D;lanek">x</p>',
      '<!-- <h2 id="v-komentarju"> --><script>const t = \'<p id="v-skripti">\';</script><p>id="besedilo"</p>',
      '<p data-id="podatek" aria-labelledby="ozadje" id="">x</p></main>',
    ].join('');
    expect(scanPage(html).ids).toEqual(['vsebina', 'ozadje', 'odzivi-2', 'članek']);
    expect(scanPage('<a href="/x/" id="povezava">x</a>')).toEqual({ links: ['/x/'], ids: ['povezava'], redirect: false });
  });

  it('knows a page that sends the browser on, by its meta refresh, not by the words in a comment or text', () => {
    expect(scanPage('<head><meta http-equiv="refresh" content="0; url=../nov/"></head>')).toMatchObject({ redirect: true, refreshTo: '../nov/' });
    expect(scanPage('<meta http-equiv="refresh" content="5">')).toEqual({ links: [], ids: [], redirect: true });
    expect(scanPage("<meta charset=utf-8><META HTTP-EQUIV='Refresh' CONTENT='0; url=/'>").redirect).toBe(true);
    expect(scanPage('<!-- <meta http-equiv="refresh" content="0"> --><p>http-equiv="refresh"</p><meta name="refresh">').redirect).toBe(false);
  });
});

describe('findBrokenLinks', () => {
  let dist: string;

  beforeAll(async () => {
    dist = await mkdtemp(path.join(os.tmpdir(), 'arhivar-links-'));
    const write = async (file: string, text: string) => {
      await mkdir(path.dirname(path.join(dist, file)), { recursive: true });
      await writeFile(path.join(dist, file), text);
    };
    await write('assets/site.css', 'body{}');
    await write('feed.xml', '<feed/>');
    await write('osebe/jurij-usakov/index.html', '<main id="vsebina"><a href="../">nazaj</a><a href="../../feed.xml">vir</a></main>');
    await write('osebe/index.html', '<a href="jurij-usakov/">Ušakov</a>');
    await write('mapa z presledkom/index.html', '<a href="/">domov</a>');
    await write(
      'index.html',
      [
        '<link rel="stylesheet" href="/assets/site.css">',
        '<main id="vsebina">',
        '<a href="/osebe/">osebe</a>',
        '<a href="/osebe/jurij-usakov">brez poševnice</a>',
        '<a href="/osebe/jurij-usakov/#vsebina">z oznako</a>',
        '<a href="/mapa%20z%20presledkom/">presledek</a>',
        '<a href="#vsebina">skok</a>',
        '<a href="https://example.org/manjka/">zunanja</a>',
        '<a href="//cdn.example.org/x.js">brez sheme</a>',
        '<a href="mailto:urednik@example.si">pošta</a>',
        '<a href="/manjka/">manjka</a>',
        '<img src="/assets/manjka.png">',
        '<a href="/feed.xml?v=1">vir</a>',
        '<a href="/osebe/jurij-usakov/feed.xml">manjkajoč vir</a>',
        '<script type="module" src="/assets/manjka.js"></script>',
        '</main>',
      ].join('\n'),
    );
  });

  afterAll(async () => {
    await rm(dist, { recursive: true, force: true });
  });

  it('reports exactly the internal links and assets that do not resolve', async () => {
    expect(await findBrokenLinks(dist)).toEqual([
      { file: 'index.html', link: '/assets/manjka.js' },
      { file: 'index.html', link: '/assets/manjka.png' },
      { file: 'index.html', link: '/manjka/' },
      { file: 'index.html', link: '/osebe/jurij-usakov/feed.xml' },
    ]);
  });

  it('names where a redirect page sends readers, for a #fragment link to it, under the site path too', async () => {
    const site = await mkdtemp(path.join(os.tmpdir(), 'arhivar-links-redirect-'));
    try {
      await mkdir(path.join(site, '2025/01/09/star'), { recursive: true });
      await mkdir(path.join(site, '2025/01/10/nov'), { recursive: true });
      await writeFile(path.join(site, '2025/01/09/star/index.html'), '<head><meta http-equiv="refresh" content="0; url=../../10/nov/"></head>');
      await writeFile(path.join(site, '2025/01/10/nov/index.html'), '<h2 id="razprava">Razprava</h2>');
      await writeFile(path.join(site, 'index.html'), '<a href="/arhiv/2025/01/09/star/#razprava">x</a>');
      expect(await findBrokenLinks(site, { basePath: '/arhiv/' })).toEqual([
        { file: 'index.html', link: '/arhiv/2025/01/09/star/#razprava', fragment: { page: '2025/01/09/star/index.html', id: 'razprava', redirect: true, redirectTo: '/arhiv/2025/01/10/nov/' } },
      ]);
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });

  it('resolves relative links against the page folder', async () => {
    await writeFile(path.join(dist, 'osebe/jurij-usakov/extra.html'), '<a href="../manjka/">x</a><a href="index.html">y</a>');
    // The same relative link as osebe/index.html's, which resolves there and not here.
    await mkdir(path.join(dist, 'drugo'));
    await writeFile(path.join(dist, 'drugo/index.html'), '<a href="jurij-usakov/">Ušakov</a>');
    const broken = await findBrokenLinks(dist);
    expect(broken.filter((entry) => entry.file.startsWith('osebe/'))).toEqual([{ file: 'osebe/jurij-usakov/extra.html', link: '../manjka/' }]);
    // The one page folder of that name is offered as the address meant.
    expect(broken.filter((entry) => entry.file.startsWith('drugo/'))).toEqual([{ file: 'drugo/index.html', link: 'jurij-usakov/', meant: '/osebe/jurij-usakov/' }]);
  });

  describe('fragments', () => {
    let site: string;
    const write = async (file: string, text: string) => {
      await mkdir(path.dirname(path.join(site, file)), { recursive: true });
      await writeFile(path.join(site, file), text);
    };

    beforeAll(async () => {
      site = await mkdtemp(path.join(os.tmpdir(), 'arhivar-links-fragments-'));
      const article = (headings: string) => `<a href="#vsebina">skok</a><main id="vsebina"><h1>Članek</h1>${headings}</main>`;
      await write('2025/12/20/pogovori/index.html', article('<h2 id="ozadje-pogovorov">Ozadje</h2><h2 id="ozadje-pogovorov-2">Ozadje</h2>'));
      await write('2025/12/21/odzivi/index.html', article('<h2 id="članek">Članek</h2><h2 id="a&amp;b">A in B</h2><h2 id="100%">Vse</h2>'));
      await write('feed.xml', '<feed/>');
    });

    afterAll(async () => {
      await rm(site, { recursive: true, force: true });
    });

    const brokenOn = async (links: string[]) => {
      await write('2025/12/22/nov/index.html', `<main id="vsebina"><h2 id="spodaj">Spodaj</h2>${links.map((link) => `<a href="${link}">x</a>`).join('')}</main>`);
      return (await findBrokenLinks(site)).filter((entry) => entry.file === '2025/12/22/nov/index.html');
    };

    it('accepts a fragment that names an element of the page it leads to, however the link is written', async () => {
      expect(
        await brokenOn([
          '/2025/12/20/pogovori/#ozadje-pogovorov',
          '../../20/pogovori/#ozadje-pogovorov-2',
          '/2025/12/20/pogovori#ozadje-pogovorov',
          '/2025/12/20/pogovori/index.html#vsebina',
          '/2025/12/20/pogovori/?stran=1#ozadje-pogovorov',
          '#spodaj',
          '?stran=2#spodaj',
          './#spodaj',
          '/2025/12/22/nov/#vsebina',
          // Non-ASCII and reserved characters, raw or percent-encoded, as a browser decodes them.
          '/2025/12/21/odzivi/#članek',
          '/2025/12/21/odzivi/#%C4%8Dlanek',
          '/2025/12/21/odzivi/#%c4%8dlanek',
          '/2025/12/21/odzivi/#a&amp;b',
          '/2025/12/21/odzivi/#a%26b',
          '/2025/12/21/odzivi/#100%',
          '/2025/12/21/odzivi/#100%25',
          // The top of a page, named or not; a fragment on a file that is no page.
          '/2025/12/20/pogovori/#',
          '#top',
          '#TOP',
          '#',
          '/feed.xml#vrh',
        ]),
      ).toEqual([]);
    });

    it('reports a fragment the page it leads to has no element for, apart from a missing page', async () => {
      expect(
        await brokenOn([
          '/2025/12/20/pogovori/#ozadje',
          '../../20/pogovori/#ozadje-pogovrov',
          '#opombe',
          '/2025/12/21/odzivi/#%C4%8Clanek',
          '/2025/12/21/odzivi/#%FF',
          '/2025/12/20/ni-ga/#ozadje',
        ]),
      ).toEqual([
        { file: '2025/12/22/nov/index.html', link: '#opombe', fragment: { page: '2025/12/22/nov/index.html', id: 'opombe' } },
        { file: '2025/12/22/nov/index.html', link: '../../20/pogovori/#ozadje-pogovrov', fragment: { page: '2025/12/20/pogovori/index.html', id: 'ozadje-pogovrov', nearest: 'ozadje-pogovorov' } },
        { file: '2025/12/22/nov/index.html', link: '/2025/12/20/ni-ga/#ozadje' },
        { file: '2025/12/22/nov/index.html', link: '/2025/12/20/pogovori/#ozadje', fragment: { page: '2025/12/20/pogovori/index.html', id: 'ozadje', nearest: 'ozadje-pogovorov' } },
        { file: '2025/12/22/nov/index.html', link: '/2025/12/21/odzivi/#%C4%8Clanek', fragment: { page: '2025/12/21/odzivi/index.html', id: 'Članek', nearest: 'članek' } },
        { file: '2025/12/22/nov/index.html', link: '/2025/12/21/odzivi/#%FF', fragment: { page: '2025/12/21/odzivi/index.html', id: '\ufffd' } },
      ]);
    });

    it('reports the same missing fragment on every page that links it, read before the page it leads to or after', async () => {
      const links = '<main id="vsebina"><a href="/2025/12/20/pogovori/#ozadje">x</a><a href="/2025/12/20/pogovori/#ozadje-pogovorov">x</a><a href="#ni">y</a></main>';
      await write('2025/12/19/prvi/index.html', links);
      await write('2025/12/23/drugi/index.html', links);
      await write('2025/12/24/tretji/index.html', links);
      try {
        const broken = (await findBrokenLinks(site)).filter((entry) => !entry.file.startsWith('2025/12/22/'));
        expect(broken.map((entry) => [entry.file, entry.link, entry.fragment?.page])).toEqual([
          ['2025/12/19/prvi/index.html', '#ni', '2025/12/19/prvi/index.html'],
          ['2025/12/19/prvi/index.html', '/2025/12/20/pogovori/#ozadje', '2025/12/20/pogovori/index.html'],
          ['2025/12/23/drugi/index.html', '#ni', '2025/12/23/drugi/index.html'],
          ['2025/12/23/drugi/index.html', '/2025/12/20/pogovori/#ozadje', '2025/12/20/pogovori/index.html'],
          ['2025/12/24/tretji/index.html', '#ni', '2025/12/24/tretji/index.html'],
          ['2025/12/24/tretji/index.html', '/2025/12/20/pogovori/#ozadje', '2025/12/20/pogovori/index.html'],
        ]);
      } finally {
        await rm(path.join(site, '2025/12/19'), { recursive: true });
        await rm(path.join(site, '2025/12/23'), { recursive: true });
        await rm(path.join(site, '2025/12/24'), { recursive: true });
      }
    });
  });

  it('suggests the id meant for the first 100 broken fragments only, so near misses by the thousand stay cheap', async () => {
    const many = await mkdtemp(path.join(os.tmpdir(), 'arhivar-links-many-'));
    try {
      const headings = Array.from({ length: 300 }, (_, n) => `<h2 id="razdelek-stevilka-${n}">${n}</h2>`).join('');
      const links = Array.from({ length: 150 }, (_, n) => `<a href="#razdelek-stevilka-${n}x">${n}</a>`).join('');
      await writeFile(path.join(many, 'index.html'), headings + links);
      const broken = await findBrokenLinks(many);
      expect(broken).toHaveLength(150);
      const suggested = broken.filter((entry) => entry.fragment?.nearest !== undefined);
      expect(suggested).toHaveLength(100);
      for (const entry of suggested) expect(entry.fragment!.nearest).toBe(entry.fragment!.id.slice(0, -1));
    } finally {
      await rm(many, { recursive: true });
    }
  });

  it('offers the address a broken link most likely meant, and none where it cannot tell', async () => {
    const site = await mkdtemp(path.join(os.tmpdir(), 'arhivar-links-meant-'));
    try {
      const write = async (file: string, text: string) => {
        await mkdir(path.dirname(path.join(site, file)), { recursive: true });
        await writeFile(path.join(site, file), text);
      };
      await write('2025/03/12/tretji-clanek/index.html', '<h1>Tretji</h1>');
      await write('osebe/darja-zagar/index.html', '<h1>Darja Žagar</h1>');
      await write('osebe/stran/2/index.html', '<h1>2</h1>');
      await write('oznake/stran/2/index.html', '<h1>2</h1>');
      await write('slike/seja sveta.jpg', 'x');
      await write(
        '2025/02/11/drugi-clanek/index.html',
        [
          '<a href="/2025/03/13/tretji-clanek/#ozadje">datum napačen</a>',
          '<a href="../../03/12/tretji-clanek">relativno, mapa napačna</a>',
          '<a href="/osebe/darja-%C5%BEagar/">s šumnikom</a>',
          '<img src="slike/seja%20sveta.jpg">',
          '<a href="/arhiv/stran/2/">dve mapi tega imena drugje</a>',
          '<a href="/clanki/tretji/">nobena</a>',
        ].join(''),
      );
      const meant = (await findBrokenLinks(site)).map(({ link, meant }) => [link, meant]);
      expect(meant).toEqual([
        ['../../03/12/tretji-clanek', '/2025/03/12/tretji-clanek/'],
        ['/2025/03/13/tretji-clanek/#ozadje', '/2025/03/12/tretji-clanek/#ozadje'],
        ['/arhiv/stran/2/', undefined],
        ['/clanki/tretji/', undefined],
        ['/osebe/darja-%C5%BEagar/', '/osebe/darja-zagar/'],
        ['slike/seja%20sveta.jpg', '/slike/seja%20sveta.jpg'],
      ]);
      // Under a base path, the address is offered with it.
      expect((await findBrokenLinks(site, { basePath: '/arhiv/' })).find((entry) => entry.link === '/osebe/darja-%C5%BEagar/')).toEqual({
        file: '2025/02/11/drugi-clanek/index.html',
        link: '/osebe/darja-%C5%BEagar/',
        outside: true,
        meant: '/arhiv/osebe/darja-zagar/',
      });
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });

  it('offers a near name for the first 100 broken addresses only, the same name or slug elsewhere for all', async () => {
    const site = await mkdtemp(path.join(os.tmpdir(), 'arhivar-links-near-'));
    try {
      const write = async (file: string, text: string) => {
        await mkdir(path.dirname(path.join(site, file)), { recursive: true });
        await writeFile(path.join(site, file), text);
      };
      await write('osebe/steve-witkoff/index.html', '<h1>Steve Witkoff</h1>');
      await write('osebe/darja-zagar/index.html', '<h1>Darja Žagar</h1>');
      await write('a/index.html', '<a href="/osebe/steve-witkof/">Witkoff</a>');
      // Pages are read in the order of their names: b's 100 broken addresses come before c's.
      await write('b/index.html', Array.from({ length: 100 }, (_, n) => `<a href="/manjka-${n}/">${n}</a>`).join(''));
      await write('c/index.html', '<a href="/osebe/steve-witkoff-ml/">?</a><a href="/osebe/darja-%C5%BEagar/">Žagar</a>');
      const meant = new Map((await findBrokenLinks(site)).map(({ link, meant }) => [link, meant]));
      expect(meant.get('/osebe/steve-witkof/')).toBe('/osebe/steve-witkoff/');
      expect(meant.has('/osebe/steve-witkoff-ml/')).toBe(true);
      expect(meant.get('/osebe/steve-witkoff-ml/')).toBeUndefined();
      expect(meant.get('/osebe/darja-%C5%BEagar/')).toBe('/osebe/darja-zagar/');
      // Checked on its own, the same near miss is named.
      await rm(path.join(site, 'b'), { recursive: true });
      expect((await findBrokenLinks(site)).find((entry) => entry.link === '/osebe/steve-witkoff-ml/')?.meant).toBe('/osebe/steve-witkoff/');
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });

  it("checks a link that names the site's own host in full as the path it names, and leaves the host's other pages alone", async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'arhivar-links-host-'));
    try {
      const write = async (file: string, text: string) => {
        await mkdir(path.dirname(path.join(base, file)), { recursive: true });
        await writeFile(path.join(base, file), text);
      };
      await write('osebe/steve-witkoff/index.html', '<h1 id="naslov">Steve Witkoff</h1>');
      await write(
        'index.html',
        [
          // Copied from the browser's address bar: the same pages, with http or https, any case of the host.
          '<a href="https://example.si/arhiv/osebe/steve-witkoff/">prav</a>',
          '<a href="http://EXAMPLE.si/arhiv/osebe/steve-witkoff/#naslov">prav, http</a>',
          '<a href="https://example.si/arhiv">domov brez poševnice</a>',
          '<a href="https://example.si/arhiv/osebe/steve-witkof/">tipkarska</a>',
          '<a href="//example.si/arhiv/manjka/">brez sheme</a>',
          '<a href="https://example.si/arhiv/osebe/steve-witkoff/#ozadje">naslov</a>',
          // The host's own pages outside the site, other hosts, and a host that only starts like the site's.
          '<a href="https://example.si/kontakt/">kontakt</a>',
          '<a href="https://example.si.drugi.net/arhiv/manjka/">drugi</a>',
          '<a href="https://www.example.si/kontakt/">www, kontakt</a>',
        ].join('\n'),
      );
      expect(await findBrokenLinks(base, { basePath: '/arhiv/', host: 'example.si' })).toEqual([
        { file: 'index.html', link: '//example.si/arhiv/manjka/' },
        { file: 'index.html', link: 'https://example.si/arhiv/osebe/steve-witkof/', meant: '/arhiv/osebe/steve-witkoff/' },
        { file: 'index.html', link: 'https://example.si/arhiv/osebe/steve-witkoff/#ozadje', fragment: { page: 'osebe/steve-witkoff/index.html', id: 'ozadje' } },
      ]);
      // Without the host, as before: no link with a host is checked.
      expect(await findBrokenLinks(base, { basePath: '/arhiv/' })).toEqual([]);
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });

  it("checks a link to the site's own host written with or without www. or with the default port (:443) as the path it names", async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'arhivar-links-www-'));
    try {
      await mkdir(path.join(base, 'osebe', 'ana-novak'), { recursive: true });
      await writeFile(path.join(base, 'osebe', 'ana-novak', 'index.html'), '<h1>Ana Novak</h1>');
      await writeFile(
        path.join(base, 'index.html'),
        [
          '<a href="https://www.example.si/osebe/ana-novk/">www</a>',
          '<a href="https://example.si:443/osebe/ana-novk/">443</a>',
          '<a href="http://WWW.example.si:80/osebe/manjka/">80</a>',
          '<a href="//www.example.si:443/osebe/ana-novak/">prav</a>',
          '<a href="https://www.%C4%8Dasnik.si/osebe/manjka/">drug gostitelj</a>',
          // Other hosts and ports: another server, not the site's.
          '<a href="https://www2.example.si/osebe/manjka/">www2</a>',
          '<a href="https://wwwexample.si/osebe/manjka/">brez pike</a>',
          '<a href="https://example.si:8443/osebe/manjka/">vrata</a>',
          '<a href="http://example.si:443/osebe/manjka/">http na 443</a>',
        ].join('\n'),
      );
      expect(await findBrokenLinks(base, { host: 'example.si' })).toEqual([
        { file: 'index.html', link: 'http://WWW.example.si:80/osebe/manjka/' },
        { file: 'index.html', link: 'https://example.si:443/osebe/ana-novk/', meant: '/osebe/ana-novak/' },
        { file: 'index.html', link: 'https://www.example.si/osebe/ana-novk/', meant: '/osebe/ana-novak/' },
      ]);
      // baseUrl with www.: the host without it is the same site.
      expect((await findBrokenLinks(base, { host: 'www.example.si' })).map((entry) => entry.link)).toEqual([
        'http://WWW.example.si:80/osebe/manjka/',
        'https://example.si:443/osebe/ana-novk/',
        'https://www.example.si/osebe/ana-novk/',
      ]);
      expect((await findBrokenLinks(base, { host: new URL('https://časnik.si/').host })).map((entry) => entry.link)).toEqual(['https://www.%C4%8Dasnik.si/osebe/manjka/']);
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });

  it("takes a //host/… link to the site's own host with no dot in its name (an intranet's https://arhiv/) for the site's, outside the base path too, not for a host no reader can reach", async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'arhivar-links-intranet-'));
    try {
      await mkdir(path.join(base, 'osebe', 'ana-novak'), { recursive: true });
      await writeFile(path.join(base, 'osebe', 'ana-novak', 'index.html'), '<h1>Ana Novak</h1>');
      await writeFile(
        path.join(base, 'index.html'),
        ['<a href="//arhiv/novice/osebe/ana-novak/">prav</a>', '<a href="//arhiv/novice/osebe/ana-novk/">tipkarska</a>', '<a href="//arhiv/kontakt/">stran gostitelja</a>', '<a href="//osebe/ana-novak/">poševnica preveč</a>'].join('\n'),
      );
      expect(await findBrokenLinks(base, { basePath: '/novice/', host: 'arhiv' })).toEqual([
        { file: 'index.html', link: '//arhiv/novice/osebe/ana-novk/', meant: '/novice/osebe/ana-novak/' },
        { file: 'index.html', link: '//osebe/ana-novak/', host: 'osebe', meant: '/novice/osebe/ana-novak/' },
      ]);
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });

  it('tells a //name/… link from another site\'s by the host a browser takes from it, not by a dot written before the path', async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'arhivar-links-host-dot-'));
    try {
      const links = [
        // Another site's: not checked.
        '//www.rtvslo.si/novice/',
        // A dot before an @ is the user's name, not the host's: the host is localhost.
        '//urednik.novak@localhost/novice/',
        // A dot written as %2E is the host's all the same, as is a number's (the host 127.0.0.1).
        '//arhiv%2Eexample/novice/',
        '//2130706433/novice/',
        '//localhost/novice/',
      ];
      await writeFile(path.join(base, 'index.html'), links.map((link) => `<a href="${link}">x</a>`).join('\n'));
      expect((await findBrokenLinks(base, {})).map((entry) => [entry.link, entry.host])).toEqual([
        ['//localhost/novice/', 'localhost'],
        ['//urednik.novak@localhost/novice/', 'localhost'],
      ]);
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });

  it("checks a link to the site's own host written in its letters (časnik.si), as the page's href percent-encodes it", async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'arhivar-links-idn-'));
    try {
      await mkdir(path.join(base, 'osebe', 'ana-novak'), { recursive: true });
      await writeFile(path.join(base, 'osebe', 'ana-novak', 'index.html'), '<h1>Ana Novak</h1>');
      // As renderMarkdown writes [x](https://časnik.si/…); baseUrl's host is punycode, as new URL() gives it.
      await writeFile(
        path.join(base, 'index.html'),
        ['<a href="https://%C4%8Dasnik.si/osebe/ana-novak/">prav</a>', '<a href="https://%C4%8Casnik.si/osebe/ana-novk/">tipkarska</a>', '<a href="https://xn--asnik-gya.si/manjka/">punycode</a>'].join('\n'),
      );
      expect(await findBrokenLinks(base, { host: new URL('https://časnik.si/').host })).toEqual([
        { file: 'index.html', link: 'https://%C4%8Casnik.si/osebe/ana-novk/', meant: '/osebe/ana-novak/' },
        { file: 'index.html', link: 'https://xn--asnik-gya.si/manjka/' },
      ]);
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });

  it('under a base path, maps URLs under it onto dist/ and reports every link that leads out of it', async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'arhivar-links-base-'));
    try {
      const write = async (file: string, text: string) => {
        await mkdir(path.dirname(path.join(base, file)), { recursive: true });
        await writeFile(path.join(base, file), text);
      };
      await write('assets/site.css', 'body{}');
      await write('osebe/jurij-usakov/index.html', '<a href="../">nazaj</a><a href="../../../">ven</a><a href="/arhiv/">domov</a>');
      await write('osebe/index.html', '<a href="jurij-usakov/">Ušakov</a>');
      await write(
        'index.html',
        [
          '<link rel="stylesheet" href="/arhiv/assets/site.css">',
          '<a href="/arhiv/osebe/">osebe</a>',
          '<a href="/arhiv/osebe/jurij-usakov">brez poševnice</a>',
          '<a href="/arhiv">domov brez poševnice</a>',
          '<a href="/arhiv/manjka/">manjka</a>',
          '<a href="/osebe/">s korena</a>',
          '<link rel="stylesheet" href="/assets/site.css">',
          '<a href="/arhivi/">drug arhiv</a>',
          '<a href="https://example.si/osebe/">zunanja</a>',
        ].join('\n'),
      );
      expect(await findBrokenLinks(base, { basePath: '/arhiv/' })).toEqual([
        { file: 'index.html', link: '/arhiv/manjka/' },
        { file: 'index.html', link: '/arhivi/', outside: true },
        { file: 'index.html', link: '/assets/site.css', outside: true, meant: '/arhiv/assets/site.css' },
        { file: 'index.html', link: '/osebe/', outside: true, meant: '/arhiv/osebe/' },
        { file: 'osebe/jurij-usakov/index.html', link: '../../../', outside: true },
      ]);
      // The same site checked as if it were at the root of its host: the links under /arhiv/ lead nowhere.
      expect((await findBrokenLinks(base)).map((entry) => entry.link)).toContain('/arhiv/osebe/');
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
});

describe('meantAddressWithin', () => {
  // Page folders as a built news archive has them (each is a folder with an index.html), and its other files.
  const folders = indexSiteAddresses([
    ...[
      '',
      'osebe/',
      'osebe/steve-witkoff/',
      'osebe/steve-witkoff/avtor/',
      'osebe/kirill-dmitrijev/',
      'osebe/jurij-usakov/',
      'osebe/darja-zagar/',
      'oznake/',
      'oznake/ukrajina/',
      'oznake/rusija/',
      'oznake/volitve-2024/',
      'oznake/volitve-2026/',
      'oznake/ukrajina/stran/2/',
      '2025/',
      '2025/12/',
      '2025/12/20/pogovori-o-premirju-se-nadaljujejo/',
      '2025/12/22/witkoff-in-dmitrijev-na-floridi/',
      '2025/12/22/odzivi-v-kijevu/',
      '2025/12/22/steve-witkoff-v-miamiju/',
      // A follow-up of the same name a year before.
      '2024/12/20/odzivi-v-kijevu/',
      '2025/03/12/tretji-clanek/',
      'iskanje/',
    ].map((folder) => `${folder}index.html`),
    'feed.xml',
    'oznake/ukrajina/feed.xml',
    'slike/witkoff.jpg',
    'slike/witkoff-in-dmitrijev.jpg',
    'slike/kijev-1.jpg',
    'slike/kijev-2.jpg',
    'dokumenti/Poročilo 2025.pdf',
    // A page of an older site kept in public/ as it was.
    'posebno/volitve-2018.html',
  ]);

  it.each([
    // A letter left out, added or changed, or two swapped, in the last name of the address.
    ['osebe/steve-witkof/', 'osebe/steve-witkoff/'],
    ['osebe/kiril-dmitrijev', 'osebe/kirill-dmitrijev/'],
    ['oznake/ukrajna/', 'oznake/ukrajina/'],
    ['oznake/rusjia/', 'oznake/rusija/'],
    ['2025/12/22/witkoff-in-dmitrijev-na-flroidi/', '2025/12/22/witkoff-in-dmitrijev-na-floridi/'],
    ['2025/12/22/witkof-in-dimitrijev-na-floridi/', '2025/12/22/witkoff-in-dmitrijev-na-floridi/'],
    ['osbe/', 'osebe/'],
    // Diacritics typed or not: the name is compared as its slug.
    ['osebe/jurij-ušakof/', 'osebe/jurij-usakov/'],
    ['osebe/darja-žagr/', 'osebe/darja-zagar/'],
    ['osebe/Steve-Witkof/', 'osebe/steve-witkoff/'],
    // A page linked by its file.
    ['oznake/ukrajna/index.html', 'oznake/ukrajina/'],
    // The same name, or its slug, in the same or another folder, as before.
    ['osebe/darja-žagar/', 'osebe/darja-zagar/'],
    ['2025/12/21/witkoff-in-dmitrijev-na-floridi/', '2025/12/22/witkoff-in-dmitrijev-na-floridi/'],
    // Typos in a folder above the last name too, the whole address compared name by name.
    ['osbe/steve-witkof/', 'osebe/steve-witkoff/'],
    ['2025/12/23/witkoff-in-dmitrijev-na-flroidi/', '2025/12/22/witkoff-in-dmitrijev-na-floridi/'],
    ['2025/12/02/witkof-in-dmitrijev-na-floridi/', '2025/12/22/witkoff-in-dmitrijev-na-floridi/'],
    ['oznake/ukrajna/stran/2/', 'oznake/ukrajina/stran/2/'],
    // A file: a picture or document of public/, a feed, by its name as written.
    ['slike/witkof.jpg', 'slike/witkoff.jpg'],
    ['slike/witkoff.jpeg', 'slike/witkoff.jpg'],
    ['slke/witkof.jpg', 'slike/witkoff.jpg'],
    ['dokumenti/Poročilo 2052.pdf', 'dokumenti/Poročilo 2025.pdf'],
    ['oznake/ukrajna/feed.xml', 'oznake/ukrajina/feed.xml'],
    // A .html file of public/, mistyped, is that file; one the site has no file near is a page folder (an older CMS's address).
    ['posebno/volitve-2108.html', 'posebno/volitve-2018.html'],
    ['posebno/volitev-2018.htm', 'posebno/volitve-2018.html'],
    ['2025/03/12/tretji-clanek.html', '2025/03/12/tretji-clanek/'],
    ['osebe/darja-zagar/index.htm', 'osebe/darja-zagar/'],
    // A page number the listing does not have: page 1 is the listing's own address, and one past the last
    // page is no typo of another page, but still of that listing.
    ['oznake/ukrajina/stran/1/', 'oznake/ukrajina/'],
    ['oznake/ukrajina/stran/3/', 'oznake/ukrajina/'],
    ['stran/99/', ''],
    // A page number written with a leading zero is the page without it, when the listing has it, or else the listing.
    ['oznake/ukrajina/stran/02/', 'oznake/ukrajina/stran/2/'],
    ['oznake/ukrajina/stran/03/', 'oznake/ukrajina/'],
    ['oznake/ukrajina/stran/01/', 'oznake/ukrajina/'],
    // A path that ends in a month, day or article address of the site, after a folder in front (the archive page's
    // name, an older site's folder): that address.
    ['arhiv/2025/12/', '2025/12/'],
    ['novice/arhiv/2025/03/12/tretji-clanek/', '2025/03/12/tretji-clanek/'],
    ['arhiv/2025/12/22/odzivi-v-kijevu/', '2025/12/22/odzivi-v-kijevu/'],
    // An article's address cut short, its slug's first words only, as an editor shortens a long one: the one
    // article of that day whose slug goes on from them, before a person of that name elsewhere.
    ['2025/12/22/witkoff-in-dmitrijev/', '2025/12/22/witkoff-in-dmitrijev-na-floridi/'],
    ['2025/12/22/steve-witkoff/', '2025/12/22/steve-witkoff-v-miamiju/'],
  ])('%s means %s', (within, meant) => {
    expect(meantAddressWithin(within, folders)).toBe(meant);
  });

  it.each([
    // Nothing near: a tag the site does not have, a name too far from any.
    ['oznake/gaza/'],
    ['oznake/ukrjna/'],
    ['osebe/janez-novak/'],
    // Two equally near: a guess, not a suggestion; so are two that go on from a name cut short.
    ['oznake/volitve-2025/'],
    ['oznake/volitve/'],
    // Digits and short names are not typos of their neighbours (a year, a page, a month).
    ['2026/'],
    ['2025/13/'],
    // A year alone after a folder is as likely a tag or another folder's name.
    ['oznake/2025/'],
    ['arhiv/2025/11/'],
    // A near name in another folder is not offered: the folder's name is as much of the address as the rest.
    ['oznake/steve-witkof/'],
    ['2025/11/23/witkof-in-dmitrijev-na-flroidi/'],
    // A short name's two typos are too many, before a page number too.
    ['oznake/ukrjna/stran/2/'],
    ['oznake/gaza/stran/2/'],
    // A file's name elsewhere, in a folder of another depth: every tag has its feed.xml.
    ['osebe/jurij-usakov/feed.xml'],
    ['witkoff.jpg'],
    // Files: two equally near, or none near.
    ['slike/kijev-3.jpg'],
    ['slike/kiev.jpg'],
    ['slike/putin.jpg'],
  ])('%s means nothing certain', (within) => {
    expect(meantAddressWithin(within, folders)).toBeUndefined();
  });
});
