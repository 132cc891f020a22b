import { describe, expect, it } from 'vitest';
import { firstPageListing, searchWordsOf } from '../../../src/site/path-names.ts';
import { urls } from '../../../src/site/urls.ts';

describe('firstPageListing', () => {
  const names = (url: string) => url.split('/').filter(Boolean);

  it.each([
    ['/stran/1/', urls.home()],
    ['/oznake/ukrajina/stran/1/', urls.tag('ukrajina')],
    ['/osebe/ana-kos/stran/1/', urls.person('ana-kos')],
    ['/osebe/ana-kos/avtor/stran/1/', urls.personAuthored('ana-kos')],
    ['/2025/03/stran/1/', urls.month(2025, 3)],
    ['/2025/03/stran/1/index.html', urls.month(2025, 3)],
    // A folder with a leading zero is another folder to a host, but it can only mean page 1.
    ['/oznake/ukrajina/stran/01/', urls.tag('ukrajina')],
    // A tag or person named »stran«: their lists are at oznake/stran/, with pages under oznake/stran/stran/.
    ['/oznake/stran/stran/1/', urls.tag('stran')],
  ])('reads %s as the first page of %s', (path, listing) => {
    expect(firstPageListing(names(path))).toEqual(names(listing));
  });

  it.each([
    ['/stran/2/'],
    ['/oznake/ukrajina/stran/2/'],
    ['/oznake/ukrajina/stran/0/'],
    ['/oznake/ukrajina/'],
    ['/oznake/stran/1/'],
    ['/osebe/stran/1/'],
    ['/2025/stran/1/'],
    ['/arhiv/stran/1/'],
    ['/iskanje/stran/1/'],
    ['/2025/02/11/stran/'],
    ['/2025/02/11/clanek/stran/1/'],
    ['/oznake/ukrajina/stran/1/feed.xml'],
  ])('finds no list asked for as page 1 in %s', (path) => {
    expect(firstPageListing(names(path))).toBeUndefined();
  });
});

describe('searchWordsOf', () => {
  // The 404 page's search field starts with these: an old or mistyped address names what the reader was after.
  const words = (path: string, maxLength = 100) => searchWordsOf(path.split('/').filter(Boolean), maxLength);

  it.each([
    ['/2025/12/22/witkoff-in-kusner-na-floridi/', 'witkoff in kusner na floridi'],
    ['/osebe/steve-witkof/', 'steve witkof'],
    ['/osebe/ana-novak/avtor/stran/3/', 'ana novak'],
    ['/oznake/ukrajna/stran/2/index.html', 'ukrajna'],
    // An older CMS's pages, and a name as the browser sends it, percent-encoded.
    ['/2019/05/03/tretji_clanek.html', 'tretji clanek'],
    ['/novice/%C4%8Dlanek-o-ob%C4%8Dini', 'članek o občini'],
    ['/novice/popust-50%-za-vse/', 'popust 50% za vse'],
  ])('reads %s as »%s«', (path, expected) => {
    expect(words(path)).toBe(expected);
  });

  it('finds none in an address of numbers and the site\'s own path words', () => {
    for (const path of ['/', '/2025/12/', '/stran/7/', '/oznake/', '/osebe/index.html', '/iskanje/', '/404.html', '/index.php', '/index.aspx']) expect(words(path), path).toBe('');
  });

  it('cuts a long name at a word, to what the field takes', () => {
    expect(words('/2025/01/02/obcinski-svet-je-na-seji-sprejel-odlok/', 24)).toBe('obcinski svet je na seji');
    expect(words('/2025/01/02/nadzornisvetdruzbezaupravljanje/', 10)).toBe('nadzornisv');
  });
});
