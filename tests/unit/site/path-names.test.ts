import { describe, expect, it } from 'vitest';
import { firstPageListing } from '../../../src/site/path-names.ts';
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
