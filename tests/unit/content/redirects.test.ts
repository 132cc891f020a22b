import { describe, expect, it } from 'vitest';
import { checkRedirects, parseArticleAddress, parsePersonAddress, type RedirectCheck } from '../../../src/content/redirects.ts';

describe('parseArticleAddress', () => {
  it('takes an article address of the site, written the one way arhivar writes it', () => {
    for (const [written, path] of [
      ['/2025/12/22/stari-naslov/', '/2025/12/22/stari-naslov/'],
      ['/2025/12/22/stari-naslov', '/2025/12/22/stari-naslov/'],
      ['  /2025/12/22/stari-naslov/index.html ', '/2025/12/22/stari-naslov/'],
      ['/2024/02/29/prestopni-dan/', '/2024/02/29/prestopni-dan/'],
    ]) {
      expect(parseArticleAddress(written!), written).toEqual({ ok: true, path });
    }
  });

  it('refuses a whole web address, and the hint gives its path, under a base path too', () => {
    const result = parseArticleAddress('https://novice.example.si/arhiv/2025/12/22/stari-naslov/');
    expect(result).toMatchObject({ ok: false, hint: 'write redirectFrom: [/2025/12/22/stari-naslov/]' });
    expect(parseArticleAddress('https://novice.example.si/novice/clanek.php?id=5')).toMatchObject({ ok: false, hint: 'write it like redirectFrom: [/2025/12/22/stari-naslov/]' });
  });

  // Written without https:// (as a link's text or a printed address shows it): the host is no folder the site is
  // published under, which the hint said (»if the site is published under /www.arhiv.si/«).
  it.each([
    ['www.novice.example.si/2025/12/22/stari-naslov/', '/2025/12/22/stari-naslov/'],
    ['novice.example.si/arhiv/2025/12/22/stari-naslov', '/2025/12/22/stari-naslov/'],
    ['localhost:5173/2025/12/22/stari-naslov/', '/2025/12/22/stari-naslov/'],
  ])('reads %j, an address without https://, as a whole web address', (written, path) => {
    expect(parseArticleAddress(written)).toEqual({
      ok: false,
      message: `"${written}" is a whole web address; redirectFrom takes only the part of it after the site's address`,
      hint: `write redirectFrom: [${path}]`,
    });
  });

  // Written without the / in front, or with the folder of a site under a path: the hint was the general example,
  // though the address to write is in it.
  it.each([
    ['2025/12/03/kos-v-luksemburgu/', 'write redirectFrom: [/2025/12/03/kos-v-luksemburgu/]: an article\'s address is written from the site\'s root, /year/month/day/slug/'],
    ['2025/12/03/kos-v-luksemburgu', 'write redirectFrom: [/2025/12/03/kos-v-luksemburgu/]: an article\'s address is written from the site\'s root, /year/month/day/slug/'],
  ])('gives %j the address in it to write', (written, hint) => {
    expect(parseArticleAddress(written)).toMatchObject({ ok: false, hint });
  });

  // A folder in front is a base path only when the site is published under it: an older CMS's dated address
  // (/novice/2025/03/12/clanek/) is not this site's, and redirecting from its tail left the old links at the 404 page.
  it.each([
    ['/arhiv/2025/12/03/kos-v-luksemburgu/', '/arhiv/'],
    ['/novice/2025/12/03/kos-v-luksemburgu', '/novice/'],
  ])('gives %j the address in it only for a site published under its folder', (written, folder) => {
    expect(parseArticleAddress(written)).toMatchObject({
      ok: false,
      hint: `if the site is published under ${folder}, write redirectFrom: [/2025/12/03/kos-v-luksemburgu/]: an article's address is written from the site's root, /year/month/day/slug/; an address of the site from before arhivar is redirected in the web server's own settings`,
    });
  });

  it('refuses what is no article address, no real date, or no slug, saying which', () => {
    const message = (written: string) => {
      const result = parseArticleAddress(written);
      return result.ok ? 'accepted' : result.message;
    };
    expect(message('/novice/clanek.php')).toMatch(/is not the address of an article/);
    expect(message('/2025/12/stari-naslov/')).toMatch(/is not the address of an article/);
    expect(message('/2025/12/22/a/b/')).toMatch(/is not the address of an article/);
    expect(message('2025/12/22/stari-naslov/')).toMatch(/is not the address of an article/);
    expect(message('/2025/12/22/../../../etc/')).toMatch(/is not the address of an article/);
    expect(message('/2025/02/29/x/')).toMatch(/no real date in it \(2025-02-29\)/);
    expect(message('/2025/13/01/x/')).toMatch(/no real date/);
    expect(message('/0999/01/01/x/')).toMatch(/no real date/);
    expect(message('/2025/12/22/Stari_Naslov/')).toMatch(/ends in "Stari_Naslov"/);
    expect(message('/2025/12/22/..%2F..%2Fx/')).toMatch(/ends in/);
    // Well formed but longer than any slug arhivar makes: the reason is the length, not the letters.
    expect(message(`/2025/12/22/${'a'.repeat(201)}/`)).toMatch(/is 201 characters long.*at most 200/);
  });
});

describe("parsePersonAddress: a person file's earlier name", () => {
  it.each([
    ['ana-novak', 'ana-novak'],
    ['ana-novak.md', 'ana-novak'],
    ['/osebe/ana-novak/', 'ana-novak'],
    ['/osebe/ana-novak', 'ana-novak'],
    ['osebe/ana-novak/', 'ana-novak'],
    ['/osebe/ana-novak/index.html', 'ana-novak'],
  ])('takes %s as %s', (written, id) => {
    expect(parsePersonAddress(written)).toEqual({ ok: true, id });
  });

  it.each([
    ['https://example.si/arhiv/osebe/ana-novak/', 'write redirectFrom: [ana-novak]'],
    // The page's path on a site under /arhiv/: paths are written from the site's root, as an article's are.
    ['/arhiv/osebe/darja-zagar/', 'write redirectFrom: [darja-zagar]'],
    ['/arhiv/osebe/darja-zagar/stran/2/', 'write redirectFrom: [darja-zagar]'],
    ['/osebe/ana-novak/feed.xml', 'write redirectFrom: [ana-novak]'],
    ['/osebe/ana-novak/avtor/', 'write redirectFrom: [ana-novak]'],
    ['Ana Novak', 'write redirectFrom: [ana-novak]'],
    ['/osebe/', "write the name of the person's old file without .md, like redirectFrom: [ana-novak]"],
    ['/oznake/ana-novak/', "write the name of the person's old file without .md, like redirectFrom: [ana-novak]"],
    // The old file's path, as git status shows a rename (content/people/darja-zagar.md -> …): its name is what to write.
    ['content/people/darja-zagar.md', 'write redirectFrom: [darja-zagar]'],
    ['content/people/politiki/darja-zagar.md', 'write redirectFrom: [darja-zagar]'],
    ['content\\people\\darja-zagar.md', 'write redirectFrom: [darja-zagar]'],
  ])('refuses %s, with the hint %s', (written, hint) => {
    const result = parsePersonAddress(written);
    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.hint).toBe(hint);
  });
});

describe('parsePersonAddress: a whole web address written without https://', () => {
  // As a link's text or a printed address shows it: the host was called »the site's path in front of
  // /osebe/ana-novak/«, though it is the site's address, and the message must say what the editor wrote.
  it.each([
    ['www.arhiv.si/osebe/ana-novak/', 'write redirectFrom: [ana-novak]'],
    ['arhiv.si/arhiv/osebe/ana-novak/stran/2/', 'write redirectFrom: [ana-novak]'],
    ['localhost:5173/osebe/ana-novak/', 'write redirectFrom: [ana-novak]'],
    ['www.arhiv.si/oznake/politika/', 'write it like redirectFrom: [ana-novak]'],
  ])('reads %j as a whole web address, with the hint %s', (written, hint) => {
    expect(parsePersonAddress(written)).toEqual({
      ok: false,
      message: `"${written}" is a whole web address; redirectFrom takes the person's old file name (or the path of their page)`,
      hint,
    });
  });

  it("still reads the old file's path and a base path as such, not as an address", () => {
    expect(parsePersonAddress('content/people/ana-novak.md')).toMatchObject({ ok: false, message: expect.stringContaining("is the path of the person's old file") });
    expect(parsePersonAddress('/arhiv/osebe/ana-novak/')).toMatchObject({ ok: false, message: expect.stringContaining("has the site's path in front of /osebe/ana-novak/") });
  });
});

describe('checkRedirects: two files redirecting from one address', () => {
  interface Item {
    file: string;
    redirectFrom: string[];
  }
  const check: RedirectCheck<Item> = {
    redirectFrom: (item) => item.redirectFrom,
    line: () => 4,
    ownerOf: () => undefined,
    code: 'article/redirect-taken',
    noun: 'article',
    eitherOf: 'one of the two articles',
  };
  const first: Item = { file: 'content/articles/2025/a-prvi.md', redirectFrom: ['/2025/12/22/stari-naslov/'] };
  const second: Item = { file: 'content/articles/2025/b-drugi.md', redirectFrom: ['/2025/12/22/stari-naslov/'] };

  it('tells the same file whatever order the files were read in (the later path, naming the earlier)', () => {
    const told = (items: Item[]) => {
      const { accepted, taken } = checkRedirects(items, check);
      return { accepted: [...accepted].map(([from, item]) => [from, item.file]), taken: taken.map(({ error }) => [error.file, error.message]) };
    };
    const expected = {
      accepted: [['/2025/12/22/stari-naslov/', first.file]],
      taken: [[second.file, `redirectFrom names /2025/12/22/stari-naslov/, which ${first.file} also redirects from`]],
    };
    expect(told([first, second])).toEqual(expected);
    expect(told([second, first])).toEqual(expected);
  });
});
