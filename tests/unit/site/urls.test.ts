import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absoluteUrl, basePathOf, outputPathFor, pageOfListing, publicPageUrl, urls, withBasePath, withoutBasePath } from '../../../src/site/urls.ts';

/** What absoluteUrl must always answer: the URL standard's resolution of the path without its leading slashes. */
const resolved = (baseUrl: string, url: string) => new URL(url.replace(/^\/+/, ''), baseUrl).href;

/** The answer, or the error's message when there is none ("\\//" names no path of the base's host). */
const outcome = (resolve: () => string) => {
  try {
    return resolve();
  } catch (error) {
    return `throws ${(error as Error).message}`;
  }
};

describe('absoluteUrl', () => {
  it('joins site URLs to the base', () => {
    expect(absoluteUrl('https://arhiv.example.si/', urls.person('steve-witkoff'))).toBe('https://arhiv.example.si/osebe/steve-witkoff/');
    expect(absoluteUrl('https://example.si/novice/arhiv/', '/2025/11/03/srecanje-na-floridi/')).toBe('https://example.si/novice/arhiv/2025/11/03/srecanje-na-floridi/');
    expect(absoluteUrl('https://arhiv.example.si/', '/')).toBe('https://arhiv.example.si/');
  });

  it('answers as the URL standard does, for any base and path, whether or not it takes the shortcut', () => {
    const bases = fc.constantFrom(
      'https://arhiv.example.si/',
      'https://arhiv.example.si',
      'https://example.si/novice/arhiv/',
      'https://example.si/novice/arhiv',
      'https://example.si/a/?x=1',
      'https://example.si/a/#top',
      'http://ČŠŽ.example/',
      'https://example.si:8443/x/',
    );
    // Mostly the characters of site paths, with the ones that make URL do something else mixed in.
    const pathCharacter = fc.constantFrom(...'abz09-_~./'.split(''), '.', '..', '/', '//', '%', '%2e', '?', '#', ':', ' ', 'č', '\\', '@', '+');
    const path = fc.array(pathCharacter, { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(bases, path, (baseUrl, url) => {
        for (const asked of [url, `/${url}`]) expect(outcome(() => absoluteUrl(baseUrl, asked))).toBe(outcome(() => resolved(baseUrl, asked)));
      }),
      { numRuns: 5000 },
    );
  });

  it('takes a changed base into account', () => {
    expect(absoluteUrl('https://a.example/', '/x/')).toBe('https://a.example/x/');
    expect(absoluteUrl('https://b.example/y/', '/x/')).toBe('https://b.example/y/x/');
  });
});

describe('base path', () => {
  it('is the path of baseUrl, "/" at the root of a host', () => {
    expect(basePathOf('http://localhost/')).toBe('/');
    expect(basePathOf('https://example.si/')).toBe('/');
    expect(basePathOf('https://example.si/arhiv/')).toBe('/arhiv/');
    expect(basePathOf('https://example.si/novice/arhiv/')).toBe('/novice/arhiv/');
    expect(basePathOf('https://example.si/stari arhiv/')).toBe('/stari%20arhiv/');
  });

  it('goes in front of every site URL, and nothing else', () => {
    expect(withBasePath('/arhiv/', urls.home())).toBe('/arhiv/');
    expect(withBasePath('/arhiv/', urls.person('steve-witkoff', 2))).toBe('/arhiv/osebe/steve-witkoff/stran/2/');
    expect(withBasePath('/arhiv/', urls.searchIndex())).toBe('/arhiv/iskanje/indeks.json');
    for (const url of ['https://example.si/', '//cdn.example.si/a.css', '#vsebina', 'slika.jpg', '']) expect(withBasePath('/arhiv/', url)).toBe(url);
    expect(withBasePath('/', urls.people())).toBe('/osebe/');
  });

  it('is taken off a request path under it, and a path outside it has no site URL', () => {
    expect(withoutBasePath('/arhiv/', '/arhiv/')).toBe('/');
    expect(withoutBasePath('/arhiv/', '/arhiv/osebe/')).toBe('/osebe/');
    expect(withoutBasePath('/arhiv/', '/arhiv')).toBeUndefined();
    expect(withoutBasePath('/arhiv/', '/arhivi/')).toBeUndefined();
    expect(withoutBasePath('/arhiv/', '/osebe/')).toBeUndefined();
    expect(withoutBasePath('/', '/osebe/')).toBe('/osebe/');
  });

  it('leaves the layout of dist/ as it is: a file is where its site URL says', () => {
    const url = urls.tag('rusija');
    expect(outputPathFor(withoutBasePath('/arhiv/', withBasePath('/arhiv/', url))!)).toBe(outputPathFor(url));
    expect(outputPathFor(url)).toBe('oznake/rusija/index.html');
  });
});

describe('pageOfListing', () => {
  const names = (url: string) => url.split('/').filter(Boolean);

  it.each([
    ['home', urls.home(3), urls.home()],
    ['tag', urls.tag('ukrajina', 3), urls.tag('ukrajina')],
    ['person', urls.person('ana-kos', 3), urls.person('ana-kos')],
    ["person's bylines", urls.personAuthored('ana-kos', 3), urls.personAuthored('ana-kos')],
    ['month', urls.month(2025, 3, 3), urls.month(2025, 3)],
  ])('reads the listing and number of a %s page', (_kind, page, listing) => {
    expect(pageOfListing(names(page))).toEqual({ listing: names(listing), page: 3 });
  });

  it.each([
    // Where a relative stran/99/ written in an article or on a year's or the archive's page leads: none is paged.
    ['/2025/02/11/drugi-clanek/stran/99/'],
    ['/2025/stran/2/'],
    ['/arhiv/stran/2/'],
    ['/oznake/stran/2/'],
    ['/oznake/ukrajina/stran/dva/'],
  ])('finds no numbered page in %s', (path) => {
    expect(pageOfListing(names(path))).toBeUndefined();
  });
});

describe('publicPageUrl', () => {
  it.each([
    ['o-nas/index.html', '/o-nas/'],
    ['index.html', '/'],
    ['posebno/volitve-2018.html', '/posebno/volitve-2018.html'],
    ['stari/clanek.htm', '/stari/clanek.htm'],
    ['stari/index.htm', '/stari/index.htm'],
    ['STARO.HTML', '/STARO.HTML'],
    ['arhiv 2010/članek #1?.html', '/arhiv%202010/%C4%8Dlanek%20%231%3F.html'],
    ['slike/foto.jpg', undefined],
    ['feed.xml', undefined],
    ['o-nas/index.html.bak', undefined],
  ])('%s is published as a page at %s', (file, url) => {
    expect(publicPageUrl(file)).toBe(url);
    if (url) expect(outputPathFor(decodeURIComponent(url))).toBe(file);
  });
});
