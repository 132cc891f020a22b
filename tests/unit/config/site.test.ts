import { describe, expect, it } from 'vitest';
import { parseSiteConfig, placeholderBaseUrl } from '../../../src/config/site.ts';

const siteYaml = (text: string) => parseSiteConfig({ file: 'content/site.yaml', text, mtimeMs: 0 });

describe('baseUrl in site.yaml', () => {
  it('takes a path, and ends it in /', () => {
    expect(siteYaml('baseUrl: https://example.si/arhiv/\n').config.baseUrl).toBe('https://example.si/arhiv/');
    expect(siteYaml('baseUrl: https://example.si/arhiv\n').config.baseUrl).toBe('https://example.si/arhiv/');
    expect(siteYaml('title: Arhiv\n').config.baseUrl).toBe('http://localhost/');
  });

  it('is written as the URL parser writes it, as canonical links are, since feeds and JSON-LD print it as it is', () => {
    expect(siteYaml('baseUrl: HTTPS://Novice.Example.SI:443/arhiv novic/časopis\n').config.baseUrl).toBe('https://novice.example.si/arhiv%20novic/%C4%8Dasopis/');
    expect(siteYaml('baseUrl: https://Arhiv.Example.si\n').config.baseUrl).toBe('https://arhiv.example.si/');
  });

  // Browsers show an address without https://, and editors copy it so; the hint was a fixed example.
  it.each([
    ['arhiv.example.si', 'https://arhiv.example.si/'],
    ['www.example.si/arhiv', 'https://www.example.si/arhiv/'],
    ['//Arhiv.Example.si/arhiv/', 'https://Arhiv.Example.si/arhiv/'],
    ['čas.si', 'https://čas.si/'],
    ['novice.example.si:8443/arhiv', 'https://novice.example.si:8443/arhiv/'],
  ])('refuses %s, without https://, with the line to write', (written, url) => {
    const { errors } = siteYaml(`title: Arhiv\nbaseUrl: ${written}\n`);
    expect(errors.map((error) => [error.code, error.line, error.hint])).toEqual([['site/bad-baseUrl', 2, `write baseUrl: ${url}, with the https:// that browsers leave out of the address bar`]]);
  });

  // The hint added the closing / to a page's address, making it a folder's: pasted, the site was built under
  // /arhiv/index.html/, which the page-address check exists to refuse.
  it.each([
    ['example.si/arhiv/index.html', 'https://example.si/arhiv/'],
    ['www.example.si/Index.PHP', 'https://www.example.si/'],
  ])('refuses %s, a page without https://, with its folder as the line to write', (written, url) => {
    const { errors } = siteYaml(`title: Arhiv\nbaseUrl: ${written}\n`);
    expect(errors.map((error) => [error.code, error.line, error.hint])).toEqual([['site/bad-baseUrl', 2, `write baseUrl: ${url}, with the https:// that browsers leave out of the address bar`]]);
    expect(siteYaml(`baseUrl: ${url}\n`).errors).toEqual([]);
  });

  it('refuses anything else that is not an http(s) address with an example', () => {
    for (const written of ['ftp://example.si/', 'https:/example.si/', 'arhiv', '"arhiv novic"', 'localhost:8080', 'mailto:urednik@example.si']) {
      const { errors } = siteYaml(`baseUrl: ${written}\n`);
      expect(errors.map((error) => [error.code, error.line, error.hint]), written).toEqual([['site/bad-baseUrl', 1, 'write it like baseUrl: https://novice.example.si/']]);
    }
  });

  it('refuses a query or a fragment, which no page can be published under', () => {
    for (const baseUrl of ['https://example.si/arhiv/?jezik=sl', 'https://example.si/arhiv#vrh']) {
      const { errors } = siteYaml(`title: Arhiv\nbaseUrl: ${baseUrl}\n`);
      expect(errors.map((error) => [error.code, error.line, error.hint])).toEqual([['site/bad-baseUrl', 2, 'write baseUrl: https://example.si/arhiv/']]);
    }
  });

  // An address copied from the browser or a staging link carries them; the hint was a fixed example, not the
  // editor's own address without them.
  it.each([
    ['https://www.novice.si/arhiv/?utm_source=facebook', 'must be the address the site is published at, without ?… or #…', 'https://www.novice.si/arhiv/'],
    ['https://www.novice.si/#vrh', 'must be the address the site is published at, without ?… or #…', 'https://www.novice.si/'],
    ['https://novice.si/arhiv/index.html?stran=2', 'must be the address the site is published at, without ?… or #…', 'https://novice.si/arhiv/'],
    ['https://urednik:geslo@staging.novice.si/arhiv', 'must not hold a user name or password (user:password@): every page, feed and the sitemap would publish it', 'https://staging.novice.si/arhiv/'],
    ['https://urednik@novice.si/arhiv/index.html', 'must not hold a user name or password (user:password@): every page, feed and the sitemap would publish it', 'https://novice.si/arhiv/'],
  ])('refuses %s with the address to write, without them', (baseUrl, message, url) => {
    const { errors } = siteYaml(`title: Arhiv\nbaseUrl: ${baseUrl}\n`);
    expect(errors.map((error) => [error.code, error.line, error.message, error.hint])).toContainEqual(['site/bad-baseUrl', 2, `baseUrl ${message}`, `write baseUrl: ${url}`]);
    // Every check the address fails offers the same line: none of them one another refuses.
    for (const error of errors) expect(error.hint).toMatch(new RegExp(`baseUrl: ${url.replaceAll('.', '\\.')}$`));
    expect(siteYaml(`baseUrl: ${url}\n`).errors).toEqual([]);
  });

  // The hint wrote the address as the URL parser does, xn--as-dma.si for čas.si and %C4%8D for č: an address the
  // editor did not recognise as theirs, where the hint for one without https:// keeps their spelling.
  it.each([
    ['https://čas.si/arhiv/?utm_source=facebook', 'https://čas.si/arhiv/'],
    ['https://urednik:geslo@Novice.Čas.si/arhiv', 'https://Novice.Čas.si/arhiv/'],
    ['https://čas.si/arhiv/index.html#vrh', 'https://čas.si/arhiv/'],
    ['https://novice.si:8443/časopis/?stran=2#vrh', 'https://novice.si:8443/časopis/'],
  ])('refuses %s with the address to write as the editor spells it', (baseUrl, url) => {
    const { errors } = siteYaml(`title: Arhiv\nbaseUrl: ${baseUrl}\n`);
    expect(errors.length, baseUrl).toBeGreaterThan(0);
    for (const error of errors) expect(error.hint, baseUrl).toMatch(new RegExp(`baseUrl: ${url.replaceAll('.', '\\.')}$`));
    expect(siteYaml(`baseUrl: ${url}\n`).errors).toEqual([]);
  });

  it('refuses ?… in what is no address at all with the example, as the other checks do', () => {
    for (const written of ['arhiv?jezik=sl', 'https://exa mple.si/#vrh', 'ftp://urednik@example.si/?x']) {
      const { errors } = siteYaml(`baseUrl: "${written}"\n`);
      expect(errors.map((error) => error.hint), written).toContain('write it like baseUrl: https://example.si/arhiv/');
    }
  });

  it('refuses a user name or password, which every page, feed and the sitemap would publish', () => {
    for (const [baseUrl, url] of [
      ['https://urednik:geslo@staging.example.si/', 'https://staging.example.si/'],
      ['https://urednik@example.si/arhiv/', 'https://example.si/arhiv/'],
      ['https://:geslo@example.si/', 'https://example.si/'],
    ]) {
      const { errors } = siteYaml(`title: Arhiv\nbaseUrl: ${baseUrl}\n`);
      expect(errors.map((error) => [error.code, error.line, error.message, error.hint])).toEqual([
        ['site/bad-baseUrl', 2, 'baseUrl must not hold a user name or password (user:password@): every page, feed and the sitemap would publish it', `write baseUrl: ${url}`],
      ]);
    }
    expect(siteYaml('baseUrl: https://example.si/@arhiv/\n').config.baseUrl).toBe('https://example.si/@arhiv/');
  });

  // An @ in the query or fragment of an address with no / after its host is no user name: the error said there
  // was one, beside the ?… error that is the address's only fault.
  it('does not take an @ after ? or # for a user name', () => {
    for (const baseUrl of ['https://novice.si?email=urednik@novice.si', 'https://novice.si#@vrh']) {
      const { errors } = siteYaml(`title: Arhiv\nbaseUrl: ${baseUrl}\n`);
      expect(errors.map((error) => [error.code, error.line, error.message, error.hint]), baseUrl).toEqual([
        ['site/bad-baseUrl', 2, 'baseUrl must be the address the site is published at, without ?… or #…', 'write baseUrl: https://novice.si/'],
      ]);
    }
  });

  it('refuses the address of a page (index.html copied from the browser), under which every link, feed and sitemap URL would lead nowhere', () => {
    for (const [baseUrl, folder] of [
      ['https://example.si/arhiv/index.html', 'https://example.si/arhiv/'],
      ['https://example.si/index.htm', 'https://example.si/'],
      ['https://example.si/novice/arhiv.php', 'https://example.si/novice/'],
    ]) {
      const { errors } = siteYaml(`title: Arhiv\nbaseUrl: ${baseUrl}\n`);
      expect(errors.map((error) => [error.code, error.line, error.message, error.hint])).toEqual([
        [
          'site/bad-baseUrl',
          2,
          'baseUrl must be the address of the folder the site is published in, not of a page in it: the pages would be published under it as if it were a folder',
          `write the folder's address, ending in /: baseUrl: ${folder}`,
        ],
      ]);
    }
    expect(siteYaml('baseUrl: https://example.si/arhiv.html/\n').config.baseUrl).toBe('https://example.si/arhiv.html/');
    expect(siteYaml('baseUrl: https://example.si/v2.0\n').config.baseUrl).toBe('https://example.si/v2.0/');
  });
});

describe('a site.yaml that is not valid YAML', () => {
  it('is named as site.yaml, and --- lines copied from an article are named as the cause', () => {
    const { errors } = siteYaml('---\ntitle: Arhiv\n---\n');
    expect(errors.map((error) => [error.code, error.line, error.message, error.hint])).toEqual([
      [
        'front-matter/bad-yaml',
        3,
        'site.yaml is not valid YAML: a --- line splits it in two',
        "site.yaml is YAML alone, with no --- lines (those mark an article's front matter): delete them",
      ],
    ]);
  });

  it('gets the line to write for a title with ": "', () => {
    const { errors } = siteYaml('title: Arhiv: novice\n');
    expect(errors[0]?.hint).toContain('write the line as title: "Arhiv: novice"');
  });
});

describe('detectPeople in site.yaml', () => {
  it('refuses YAML 1.1 words for true and false with the line that means what the editor meant, not a fixed example', () => {
    const { errors } = siteYaml('title: Arhiv\ndetectPeople: off\n');
    expect(errors.map((error) => [error.code, error.line, error.hint])).toEqual([['site/bad-detectPeople', 2, 'write detectPeople: false, since YAML reads off as a word, not as false']]);
    expect(siteYaml('detectPeople: false\n').config.detectPeople).toBe(false);
  });
});

describe('the hint for a text key of site.yaml', () => {
  // The examples were an article's: an empty site title was answered with a headline to write.
  it.each([
    ['title:', 'write it like title: Arhiv novic'],
    ['title: [Arhiv]', 'write it like title: Arhiv novic'],
    ['description: ~', 'write it like description: Arhiv člankov o mednarodni politiki'],
  ])('%j is answered with an example for a site', (line, hint) => {
    const { errors } = siteYaml(`${line}\n`);
    expect(errors.map((error) => [error.code, error.line, error.hint])).toEqual([[`site/bad-${line.split(':')[0]}`, 1, hint]]);
  });
});

describe('what YAML silently changes in site.yaml', () => {
  // An article's title got these hints; site.yaml's was told only that its title must be text.
  it.each([
    ['title: 2025', 'title must be text, not a number', 'YAML reads an unquoted number as a number: put it in quotes, such as title: "2025"'],
    ['title: #1 v Sloveniji', 'title must be text, not empty', 'in YAML a # after the colon starts a comment, so title is empty: put the value in quotes, such as title: "#1 v Sloveniji"'],
  ])('%j gets the line to write', (line, message, hint) => {
    const { errors } = siteYaml(`baseUrl: https://example.si/\n${line}\n`);
    expect(errors.map((error) => [error.code, error.line, error.message, error.hint])).toEqual([['site/bad-title', 2, message, hint]]);
  });
});

describe('a key another site generator uses', () => {
  // Jekyll's url and paginate, Hugo's languageCode: edit distance found some and not these.
  it.each([
    ['url: https://example.si/', 'baseUrl'],
    ['domain: example.si', 'baseUrl'],
    ['lang: sl', 'language'],
    ['locale: sl', 'language'],
    ['perPage: 10', 'pageSize'],
    ['posts_per_page: 10', 'pageSize'],
    ['detect: false', 'detectPeople'],
    ['tagline: Arhiv', 'description'],
  ])('%j is told the key it means', (line, key) => {
    const { errors } = siteYaml(`title: Arhiv\n${line}\n`);
    expect(errors.map((error) => [error.code, error.line, error.hint?.split('?')[0]])).toEqual([['site/unknown-key', 2, `did you mean "${key}"`]]);
  });
});

describe('pageSize in site.yaml', () => {
  it('takes a whole number from 1 to 500', () => {
    expect(siteYaml('pageSize: 1\n').config.pageSize).toBe(1);
    expect(siteYaml('pageSize: 500\n').config.pageSize).toBe(500);
    for (const [written, message] of [['0', 'pageSize must be at least 1'], ['-1', 'pageSize must be at least 1'], ['1000000', 'pageSize must be at most 500'], ['20.5', 'pageSize must be a whole number']]) {
      expect(siteYaml(`pageSize: ${written}\n`).errors.map((error) => [error.code, error.line, error.message])).toEqual([['site/bad-pageSize', 1, message]]);
    }
  });

  // "20" is a number to an editor: "must be a number" with the example pageSize: 20 did not say what was wrong.
  it('refuses a number in quotes with the line without them', () => {
    const { errors } = siteYaml('title: Arhiv\npageSize: "20"\n');
    expect(errors.map((error) => [error.code, error.line, error.message, error.hint])).toEqual([['site/bad-pageSize', 2, 'pageSize must be a number', 'write pageSize: 20, without quotes: in quotes it is text']]);
  });

  // The hint gave the number without quotes whatever it was, and pasted, pageSize: 0 was refused again.
  it('answers a number in quotes that would be refused without them with the example', () => {
    for (const written of ['"0"', '"1000"', '"20.5"']) {
      const { errors } = siteYaml(`pageSize: ${written}\n`);
      expect(errors.map((error) => [error.code, error.line, error.hint]), written).toEqual([['site/bad-pageSize', 1, 'write it like pageSize: 20']]);
    }
  });
});

describe('description in site.yaml', () => {
  // Every page shows it in its masthead and footer, and it is the home page's description for search engines.
  it('is taken over 300 characters, with a warning at its line', () => {
    const long = 'Arhiv člankov o mednarodni politiki, diplomaciji in gospodarstvu. '.repeat(5).trim();
    const { config, errors, warnings } = siteYaml(`title: Arhiv\ndescription: ${long}\n`);
    expect(errors).toEqual([]);
    expect(config.description).toBe(long);
    expect(warnings.map((warning) => [warning.code, warning.file, warning.line, warning.message])).toEqual([
      ['site/long-description', 'content/site.yaml', 2, `the description is ${long.length} characters long: every page shows it whole under the site's name and in its footer, while search engines show only its first 160 or so`],
    ]);
    expect(warnings[0]!.hint).toBe('write one sentence about the site, of at most 300 characters');
  });

  it('gives no warning up to 300 characters, counted in letters, not UTF-16 units', () => {
    expect(siteYaml(`description: ${'č'.repeat(300)}\n`).warnings).toEqual([]);
    expect(siteYaml(`description: ${'😀'.repeat(300)}\n`).warnings).toEqual([]);
    expect(siteYaml(`description: ${'č'.repeat(301)}\n`).warnings.map((warning) => warning.code)).toEqual(['site/long-description']);
    expect(siteYaml('title: Arhiv\n').warnings).toEqual([]);
  });
});

describe('a baseUrl no reader can reach (site/placeholder-baseUrl)', () => {
  const warning = (text: string | undefined) => {
    const source = text === undefined ? undefined : { file: 'content/site.yaml', text, mtimeMs: 0 };
    const { config, keyLines } = parseSiteConfig(source);
    const found = placeholderBaseUrl(config, source, keyLines);
    return found && [found.code, found.file, found.line, found.hint];
  };

  it.each([
    'http://localhost/',
    'http://localhost:8080/arhiv/',
    'http://127.0.0.1:5173/',
    'http://[::1]/',
    'https://example.com/',
    'https://www.example.org/',
    'https://example.net/',
    'https://arhiv.example.si/',
    'https://novice.example/',
    'https://example/',
    'https://arhiv.test/',
    'https://arhiv.invalid/',
    'https://dev.localhost/',
  ])('warns at the baseUrl line for %s', (baseUrl) => {
    const { pathname } = new URL(baseUrl);
    expect(warning(`title: Arhiv\nbaseUrl: ${baseUrl}\n`)).toEqual([
      'site/placeholder-baseUrl',
      'content/site.yaml',
      2,
      `before publishing, write baseUrl: https://…${pathname}, with the address readers will open the site at in place of …`,
    ]);
  });

  it.each(['https://www.delo.si/arhiv/', 'https://novice.rtvslo.si/', 'https://example-novice.si/', 'https://examples.si/', 'https://example.delo.si/', 'https://test.si/'])(
    'does not warn for %s',
    (baseUrl) => {
      expect(warning(`baseUrl: ${baseUrl}\n`)).toBeUndefined();
    },
  );

  it('names the file when baseUrl is left out, or the file itself is missing', () => {
    expect(warning('title: Arhiv\n')).toEqual([
      'site/placeholder-baseUrl',
      'content/site.yaml',
      undefined,
      'before publishing, add the line baseUrl: https://…/, with the address readers will open the site at in place of …',
    ]);
    expect(warning(undefined)).toEqual([
      'site/placeholder-baseUrl',
      'content/site.yaml',
      undefined,
      'before publishing, create content/site.yaml holding the line baseUrl: https://…/, with the address readers will open the site at in place of …',
    ]);
  });
});

describe('a # after a space inside a text value of site.yaml without quotes', () => {
  it('is refused with the line in quotes, since YAML cuts the value there', () => {
    const { errors } = siteYaml('title: Arhiv #1\nbaseUrl: https://example.si/\n');
    expect(errors.map((error) => [error.code, error.line, error.hint])).toEqual([['site/bad-title', 1, 'put the whole text in quotes, so the # stays in it: title: "Arhiv #1"']]);
  });

  it('is told with the other problems of the file', () => {
    const { errors } = siteYaml('title: Arhiv #1\npageSize: 0\n');
    expect(errors.map((error) => error.code)).toEqual(['site/bad-pageSize', 'site/bad-title']);
  });

  it('is not told again for a title the schema refused: the file gets one error for it', () => {
    const { errors } = siteYaml('title: \u200b #1\n');
    expect(errors.map((error) => [error.code, error.message])).toEqual([['site/bad-title', 'title must not be empty']]);
  });
});
