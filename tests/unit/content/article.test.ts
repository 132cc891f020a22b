import { describe, expect, it } from 'vitest';
import { validateArticle } from '../../../src/content/article.ts';
import { MAX_ENTRY_ERRORS_TOLD } from '../../../src/content/schema.ts';

const check = (frontMatter: string) => validateArticle({ file: 'content/articles/a.md', text: `---\n${frontMatter}\n---\n\nBesedilo.\n`, mtimeMs: 0 });

describe('validateArticle: a value of the wrong kind', () => {
  it.each([
    ['title: null\ndate: 2025-12-22', 'title must be text, not empty', 2, /^write it like /],
    ['title: [a, b]\ndate: 2025-12-22', 'title must be text, not a list', 2, /^write it like /],
    ['title: A\ndate: 2025-12-22\nauthor: {ime: Ana}', 'author must be text, not keys and values', 4, /^write it like /],
    // What YAML changes silently: an unquoted number, and a # that starts a comment.
    ['title: 12\ndate: 2025-12-22', 'title must be text, not a number', 2, /^YAML reads an unquoted number as a number: put it in quotes, such as title: "12"$/],
    ['title: A\ndate: 2025-12-22\nslug: 12345', 'slug must be text, not a number', 4, /such as slug: "12345"$/],
    ['date: 2025-12-22\ntitle: #1 v Evropi', 'title must be text, not empty', 3, /^in YAML a # after the colon starts a comment, so title is empty: put the value in quotes, such as title: "#1 v Evropi"$/],
  ])('%j', (frontMatter, message, line, hint) => {
    const { article, errors } = check(frontMatter);
    expect(article).toBeUndefined();
    expect(errors.map((error) => [error.message, error.line])).toEqual([[message, line]]);
    expect(errors[0]!.hint).toMatch(hint);
  });
});

describe('validateArticle: a # after a space inside a text value written without quotes', () => {
  it.each([
    ['title: Zmaga #1 v Evropi\ndate: 2025-12-22', 'article/bad-title', 2, 'title would be "Zmaga" without "#1 v Evropi"', 'title: "Zmaga #1 v Evropi"'],
    ['title: A\ndate: 2025-12-22\nsummary: Gibanje #MeToo je "prišlo" tudi k nam', 'article/bad-summary', 4, 'summary would be "Gibanje" without "#MeToo je "prišlo" tudi k nam"', `summary: 'Gibanje #MeToo je "prišlo" tudi k nam'`],
    // Wrapped over lines, as an editor wraps a long summary: YAML folds the lines and cuts the last at its ' #'.
    ['title: A\ndate: 2025-12-22\nsummary: Gibanje je prišlo\n  tudi k nam #MeToo', 'article/bad-summary', 4, 'summary would be "Gibanje je prišlo tudi k nam" without "#MeToo"', 'summary: "Gibanje je prišlo tudi k nam #MeToo"'],
    ['title:\n  Zmaga #1 v Evropi\ndate: 2025-12-22', 'article/bad-title', 2, 'title would be "Zmaga" without "#1 v Evropi"', 'title: "Zmaga #1 v Evropi"'],
    // A no-break space (from Word or a web page) before the ' #': the title was published as »Zmaga« with no error.
    ['title: Zmaga\u00a0 #1 v Evropi\ndate: 2025-12-22', 'article/bad-title', 2, 'title would be "Zmaga" without "#1 v Evropi"', 'title: "Zmaga #1 v Evropi"'],
    // One inside the text is written as the space it is published as, which the message shows too.
    ['title: 1.\u00a0maj #praznik\ndate: 2025-12-22', 'article/bad-title', 2, 'title would be "1. maj" without "#praznik"', 'title: "1. maj #praznik"'],
  ])('refuses %j with the line in quotes', (frontMatter, code, line, cut, written) => {
    const { article, errors } = check(frontMatter);
    expect(article).toBeUndefined();
    expect(errors.map((error) => [error.code, error.line])).toEqual([[code, line]]);
    expect(errors[0]!.message).toContain(cut);
    expect(errors[0]!.hint).toBe(`put the whole text in quotes, so the # stays in it: ${written}`);
  });

  it('is told with another problem of the file', () => {
    const { errors } = check('title: Zmaga #1 v Evropi\ndate: 2025-02-30');
    expect(errors.map((error) => error.code).sort()).toEqual(['article/bad-date', 'article/bad-title']);
  });

  it('is not told again for a value the schema refused: the file gets one error for its title', () => {
    // A zero-width space before the #: the title YAML reads is invisible, so empty, and the # cuts it all the same.
    const { errors } = check('title: \u200b #1 v Evropi\ndate: 2025-12-22');
    expect(errors.map((error) => [error.code, error.message])).toEqual([['article/bad-title', 'title must not be empty']]);
  });

  it('takes a comment after a quoted value, a # with no space before it and a comment line', () => {
    const { article, errors } = check('title: "Zmaga" # preveri\ndate: 2025-12-22\nauthor: Ana#Novak\n# opomba');
    expect(errors).toEqual([]);
    expect([article!.frontMatter.title, article!.frontMatter.author]).toEqual(['Zmaga', 'Ana#Novak']);
  });

  it('takes a comment written as one, a space after its #, after an unquoted value: a hashtag or #1 has none', () => {
    // An editor's or developer's note (`author: Ana Novak # preveri`) is what YAML comments are for, and a file that
    // had one built before: the text the value is cut at is a comment when the # stands alone.
    const { article, errors } = check('title: Zmaga v Evropi # preveri naslov\ndate: 2025-12-22\nauthor: Ana Novak  #  preveri');
    expect(errors).toEqual([]);
    expect([article!.frontMatter.title, article!.frontMatter.author]).toEqual(['Zmaga v Evropi', 'Ana Novak']);
  });

  it('takes a value wrapped over lines with a comment line after it, and one in block or quoted form', () => {
    const { article, errors } = check('title: Zmaga v\n  Evropi\n  # preveri naslov\ndate: 2025-12-22\nsummary: >-\n  Gibanje #MeToo\nauthor: "Ana\n  Novak #2"');
    expect(errors).toEqual([]);
    expect([article!.frontMatter.title, article!.frontMatter.summary, article!.frontMatter.author]).toEqual(['Zmaga v Evropi', 'Gibanje #MeToo', 'Ana Novak #2']);
  });
});

describe('validateArticle: names written with commas but without brackets', () => {
  it.each([
    ['people: Steve Witkoff, Jared Kushner', 'article/bad-people', 4, '[Steve Witkoff, Jared Kushner]'],
    ['notPeople: Janez Novak, Ana Kos', 'article/bad-notPeople', 4, '[Janez Novak, Ana Kos]'],
    ['tags: Ukrajina, diplomacija', 'article/bad-tags', 4, '[Ukrajina, diplomacija]'],
    ['tags: "Ukrajina, diplomacija"', 'article/bad-tags', 4, '[Ukrajina, diplomacija]'],
  ])('refuses %j with the list to write', (line, code, at, list) => {
    const { article, errors } = check(`title: A\ndate: 2025-12-22\n${line}`);
    expect(article).toBeUndefined();
    expect(errors.map((error) => [error.code, error.line])).toEqual([[code, at]]);
    expect(errors[0]!.message).toContain('is one value with commas');
    expect(errors[0]!.hint).toContain(`write a list in brackets: ${list}`);
  });

  it.each([
    // As a CMS exports its tags: one value to YAML, which was published as one tag, /oznake/politika-gospodarstvo/.
    ['tags: Politika; Gospodarstvo', 'article/bad-tags', '[Politika, Gospodarstvo]'],
    ['people: Robert Golob; Janez Janša', 'article/bad-people', '[Robert Golob, Janez Janša]'],
  ])('refuses %j, one value with semicolons, with the list to write', (line, code, list) => {
    const { article, errors } = check(`title: A\ndate: 2025-12-22\n${line}`);
    expect(article).toBeUndefined();
    expect(errors.map((error) => [error.code, error.line])).toEqual([[code, 4]]);
    expect(errors[0]!.message).toContain(`is one value with semicolons ("${line.slice(line.indexOf(' ') + 1)}"), not a list: it would be taken as one entry`);
    expect(errors[0]!.hint).toBe(`write a list in brackets: ${list}; an entry that itself holds a semicolon goes in quotes inside them, such as ["Ljubljana; Slovenija"]`);
    // In quotes inside brackets, it is the editor's one entry.
    expect(check('title: A\ndate: 2025-12-22\ntags: ["Politika; Gospodarstvo"]').errors).toEqual([]);
  });

  it('takes a single name without a comma as a list of one, and a name with a comma inside brackets', () => {
    const { article, errors } = check('title: A\ndate: 2025-12-22\npeople: Steve Witkoff\ntags: ["Ljubljana, Slovenija", Ukrajina]');
    expect(errors).toEqual([]);
    expect(article!.frontMatter.people).toEqual(['Steve Witkoff']);
    expect(article!.frontMatter.tags).toEqual(['Ljubljana, Slovenija', 'Ukrajina']);
  });
});

describe('validateArticle: typographic quotes around names and dates, which YAML does not read as quotes', () => {
  it.each([
    ['tags: [“Ukrajina”, diplomacija]', 'article/bad-tags', 4, '“Ukrajina”', 'tags: [Ukrajina, diplomacija]'],
    ['people: [„Steve Witkoff“, „Jared Kushner“]', 'article/bad-people', 4, '„Steve Witkoff“', 'people: [Steve Witkoff, Jared Kushner]'],
    ['notPeople: »Janez Novak«', 'article/bad-notPeople', 4, '»Janez Novak«', 'notPeople: [Janez Novak]'],
    ['tags: [‘#MeToo’, Ukrajina]', 'article/bad-tags', 4, '‘#MeToo’', 'tags: ["#MeToo", Ukrajina]'],
  ])('refuses %j with the list to write', (line, code, at, quoted, written) => {
    const { article, errors } = check(`title: A\ndate: 2025-12-22\n${line}`);
    expect(article).toBeUndefined();
    expect(errors.map((error) => [error.code, error.line])).toEqual([[code, at]]);
    expect(errors[0]!.message).toContain(`${quoted} is in typographic quotes, which YAML does not read as quotes`);
    expect(errors[0]!.hint).toBe(`write the list with straight quotes or none: ${written.slice(written.indexOf('['))}`);
  });

  it('gives a date in typographic quotes the date to write, and takes quotes inside a name', () => {
    const { errors } = check('title: A\ndate: “2025-12-22”\nupdated: „23. 12. 2025 ob 8.15“');
    expect(errors.map((error) => [error.code, error.line, error.hint])).toEqual([
      ['article/bad-date', 3, 'write 2025-12-22 without the typographic quotes “ ”, which YAML does not read as quotes (Europe/Ljubljana is assumed)'],
      ['article/bad-updated', 4, 'write 2025-12-23T08:15: the same date and time, year first (Europe/Ljubljana is assumed)'],
    ]);
    expect(check('title: A\ndate: 2025-12-22\ntags: [Festival »Lent«, Ana „Ančka“ Novak]').errors).toEqual([]);
  });

  it('refuses a byline or source in typographic quotes, which was published with them and matched no person file, with the line to write', () => {
    const cases: [string, string, string][] = [
      ['author: “Ana Novak”', 'article/bad-author', 'author: Ana Novak'],
      ['author: »Ana Novak in Bor Kos, STA«', 'article/bad-author', 'author: Ana Novak in Bor Kos, STA'],
      ['source: “STA”', 'article/bad-source', 'source: STA'],
    ];
    for (const [line, code, written] of cases) {
      const { article, errors } = check(`title: A\ndate: 2025-12-22\n${line}`);
      expect(article).toBeUndefined();
      expect(errors.map((error) => [error.code, error.line, error.hint])).toEqual([[code, 4, `write ${written}`]]);
      const [key, value] = line.split(': ');
      expect(errors[0]!.message).toBe(`${key} ${JSON.stringify(value)} is in typographic quotes, which YAML does not read as quotes, so they would be published as part of it`);
    }
    expect(check('title: A\ndate: 2025-12-22\nauthor: Ana „Anka“ Novak').errors).toEqual([]);
    // One YAML cannot read, for its ": ", gets the line to write without them too.
    const { errors } = check('title: A\ndate: 2025-12-22\nauthor: „Avtorica: Ana Novak“');
    expect(errors.map((error) => [error.code, error.line, error.hint])).toEqual([
      ['front-matter/bad-yaml', 4, `text with ": " or quotes in it goes in quotes as a whole; write the line as author: "Avtorica: Ana Novak" (YAML reads only ' and " as quotes, not „ “)`],
    ]);
  });

  it('looks at a date with 200,000 spaces inside it in time that grows with its length, not its square', () => {
    // A lazy pattern once tried the rest of the spaces at each of them: 3 s for 50,000, 53 s for these.
    const started = performance.now();
    const { errors } = check(`title: A\ndate: "“2025${' '.repeat(200_000)}-12-22"`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(errors.map((error) => error.code)).toEqual(['article/bad-date']);
  });
});

describe('validateArticle: names and titles in other scripts', () => {
  it('takes Cyrillic tags and people, and makes a slug of a title with a ligature', () => {
    const { article, errors } = check('title: "Vojna v Čačku: ﬁnale"\ndate: 2025-12-22\ntags: [Україна]\npeople: [Владимир Путин, Ђорђе Балашевић]');
    expect(errors).toEqual([]);
    expect(article!.slug).toBe('vojna-v-cacku-finale');
  });

  // A person's name in such letters is not refused here: a person file of that name gives its page an address, and
  // the build checks it against the person files (tests/integration/rtl-people.test.ts).
  it('says a tag in a script slugs cannot write needs Latin (or Cyrillic) letters for its address, and leaves such a person to the build', () => {
    const { errors } = check('title: Naslov\ndate: 2025-12-22\ntags: [Αθήνα, "../"]\npeople: [Αλέξης Τσίπρας]');
    expect(errors.map((error) => [error.code, error.line, error.message, error.hint])).toEqual([
      [
        'article/bad-tag',
        4,
        'tag "Αθήνα" has no Latin or Cyrillic letters and no digits, which the address of its page is made from, so it cannot have a page',
        'write the tag in Latin letters, as Slovenian news spells it (Atene for Αθήνα), or remove it from tags',
      ],
      ['article/bad-tag', 4, 'tag "../" has no letters or digits, so it cannot have a page', 'write the tag with letters, or remove it from tags'],
    ]);
  });

  it('says a title in a script slugs cannot write gives no slug, and why', () => {
    const { errors } = check('title: Αθήνα\ndate: 2025-12-22');
    expect(errors.map((error) => [error.code, error.message, error.hint])).toEqual([
      ['article/empty-slug', 'title "Αθήνα" gives an empty URL slug: it has no Latin or Cyrillic letters and no digits', 'add a slug line with letters a–z or digits, such as slug: clanek-1'],
    ]);
  });
});

describe('validateArticle: text-direction controls left open', () => {
  it('closes an override or isolate a field leaves open, so it cannot reverse what a page puts after it (the site name in <title>)', () => {
    const { article, errors } = check('title: "Naslov \u202Eelbatiz\u2067 in"\ndate: 2025-12-22\nauthor: "Ana \u202BNovak"\ntags: ["\u2066Gaza"]');
    expect(errors).toEqual([]);
    expect(article!.title).toBe('Naslov \u202Eelbatiz\u2067 in\u2069\u202C');
    expect(article!.frontMatter.author).toBe('Ana \u202BNovak\u202C');
    expect(article!.frontMatter.tags).toEqual(['\u2066Gaza\u2069']);
  });

  it('leaves balanced controls and right-to-left text as written, and drops a closer that closes nothing', () => {
    const { article } = check('title: "Citat \u2067שלום\u2069 in \u202Bxy\u202C"\nsummary: "Konec\u202C\u2069 povzetka."\ndate: 2025-12-22');
    expect(article!.title).toBe('Citat \u2067שלום\u2069 in \u202Bxy\u202C');
    expect(article!.frontMatter.summary).toBe('Konec povzetka.');
  });
});

describe('validateArticle: keys written in Slovenian', () => {
  it.each([
    ['naslov: Pogovori v Miamiju', 'title'],
    ['Naslov: Pogovori v Miamiju', 'title'],
    ['datum: 2025-12-22', 'date'],
    ['objavljeno: 2025-12-22', 'date'],
    ['posodobljeno: 2025-12-23', 'updated'],
    ['osebe: [Steve Witkoff]', 'people'],
    ['oznake: [Ukrajina]', 'tags'],
    ['teme: [Ukrajina]', 'tags'],
    ['avtor: Ana Kos', 'author'],
    ['avtorica: Ana Kos', 'author'],
    ['vir: STA', 'source'],
    ['povzetek: Kratko.', 'summary'],
    ['izvleček: Kratko.', 'summary'],
    ['osnutek: true', 'draft'],
  ])('answers %j with the English key', (line, key) => {
    const { errors } = check(`title: A\ndate: 2025-12-22\n${line}`);
    expect(errors.map((error) => [error.code, error.line])).toEqual([['article/unknown-key', 4]]);
    // naslov: and datum: here are beside the title: and date: lines, whose hint is to merge them into those.
    expect(errors[0]!.hint).toMatch(new RegExp(`^keys are written in English: "${line.split(':')[0]}" is "${key}"(\\. Valid keys: |, but the file has ${key}: on line \\d already)`));
  });

  it('still offers the nearest key for an English typo', () => {
    const { errors } = check('title: A\ndate: 2025-12-22\ntagz: [a]');
    expect(errors[0]!.hint).toMatch(/^did you mean "tags"\?/);
  });

  // One slip, one error: »title is required« beside the unknown key that holds the title only repeated it.
  it.each([
    ['naslov: Pogovori v Miamiju\ndate: 2025-12-22', 2, 'keys are written in English: "naslov" is "title", which the file needs: write title: Pogovori v Miamiju in its place'],
    ['Title: "Witkoff: pogovori"\ndate: 2025-12-22', 2, '"Title" is "title", which the file needs: write title: "Witkoff: pogovori" in its place'],
    ['title: A\ndatum: 2025-12-22', 3, 'keys are written in English: "datum" is "date", which the file needs: write date: 2025-12-22 in its place'],
    ['title: A\ndatum: 22. 12. 2025', 3, 'keys are written in English: "datum" is "date", which the file needs: write date: in place of datum:, keeping the value, which the next build then checks'],
  ])('gives a required key written under another name (%j) one error, the line to write with its value', (frontMatter, line, hint) => {
    const { errors } = check(frontMatter);
    expect(errors.map((error) => [error.code, error.line, error.hint])).toEqual([['article/unknown-key', line, hint]]);
  });

  it('still says a key is required when two unknown keys could be it, and renaming both would write it twice', () => {
    const { errors } = check('naslov: A\nTitle: B\ndate: 2025-12-22');
    expect(errors.map((error) => error.code)).toEqual(['article/missing-title', 'article/unknown-key', 'article/unknown-key']);
  });
});

describe('validateArticle: a key of a CMS export or another site generator', () => {
  // An article exported from WordPress, Jekyll or Hugo, or typed from a CMS's habits, got only the list of keys:
  // edit distance finds nothing near categories or excerpt.
  it.each([
    ['categories: [politika]', 'did you mean "tags"?'],
    ['category: politika', 'did you mean "tags"?'],
    ['keywords: [politika]', 'did you mean "tags"?'],
    ['kategorija: politika', 'keys are written in English: "kategorija" is "tags".'],
    ['rubrika: politika', 'keys are written in English: "rubrika" is "tags".'],
    ['description: Kratko.', 'did you mean "summary"?'],
    ['excerpt: Kratko.', 'did you mean "summary"?'],
    ['lastmod: 2025-12-23', 'did you mean "updated"?'],
    ['last_modified_at: 2025-12-23', 'did you mean "updated"?'],
    ['publishDate: 2025-12-23', '"publishDate" is "date", but the file has date: on line 3 already (YAML refuses a key written twice): keep on that line whichever of the two values is meant, and delete this one'],
  ])('%j is told the key it means', (line, hint) => {
    const { errors } = check(`title: A\ndate: 2025-12-22\n${line}`);
    expect(errors.map((error) => [error.code, error.line, error.hint?.split(' Valid keys')[0]])).toEqual([['article/unknown-key', 4, hint]]);
  });

  // published: false means the opposite of draft: false, which "did you mean draft" would have had the editor write.
  it.each([
    ['published: false', 'published: false is draft: true in arhivar: write draft: true in its place, since an article without it is published'],
    ['status: draft', 'status: draft is draft: true in arhivar: write draft: true in its place, since an article without it is published'],
    ['status: private', 'status: private is draft: true in arhivar: write draft: true in its place, since an article without it is published'],
    ['published: true', 'every article without draft: true is published: delete the line'],
    ['status: publish', 'every article without draft: true is published: delete the line'],
  ])('%j is told how arhivar keeps an article off the site', (line, hint) => {
    const { errors } = check(`title: A\ndate: 2025-12-22\n${line}`);
    expect(errors.map((error) => [error.code, error.line, error.hint?.split(' Valid keys')[0]])).toEqual([['article/unknown-key', 4, `${hint}.`]]);
  });
});

describe('validateArticle: a key of another tool beside the key it means', () => {
  // An export that writes both (keywords: and tags:, excerpt: and summary:) was told to write tags: in the unknown
  // key's place: a second tags: line, which YAML refuses as a duplicate key at the next build.
  it.each([
    ['tags: [politika]\nkeywords: [gospodarstvo, politika]', 'write that line as tags: [politika, gospodarstvo] and delete this one'],
    ['tags: [politika]\ncategories: gospodarstvo, Evropska unija', 'write that line as tags: [politika, gospodarstvo, Evropska unija] and delete this one'],
    ['tags: [politika]\nkeywords: ["EU: proračun"]', 'write that line as tags: [politika, "EU: proračun"] and delete this one'],
    ['tags: [politika]\ncategories: politika', 'that list holds this line\'s entries already, so delete this one'],
    // Compared as the build compares tags, by slug: Politika beside politika is one tag.
    ['tags: [Politika, Evropska unija]\nkeywords: [politika, evropska  unija, Šport]', 'write that line as tags: [Politika, Evropska unija, Šport] and delete this one'],
    ['tags: [Politika]\ncategories: POLITIKA', 'that list holds this line\'s entries already, so delete this one'],
    ['summary: Kratko.\nexcerpt: Daljše.', 'keep on that line whichever of the two values is meant, and delete this one'],
    ['summary: Kratko.\ndescription:', 'delete this line, which holds nothing'],
  ])('%j is told to merge it into that line', (lines, hint) => {
    const { errors } = check(`title: A\ndate: 2025-12-22\n${lines}`);
    const meant = /^(\w+):/.exec(lines)![1];
    expect(errors.map((error) => [error.code, error.line, error.hint])).toEqual([
      ['article/unknown-key', 5, `"${/\n(\w+):/.exec(lines)![1]}" is "${meant}", but the file has ${meant}: on line 4 already (YAML refuses a key written twice): ${hint}`],
    ]);
  });

  it.each([
    ['date: 2025-12-22\ncreated: 2025-12-22', 'it holds the same value, so delete this one'],
    ['date: 2025-12-22\noznake: [politika]\ntags: [vlada]', 'write that line as tags: [vlada, politika] and delete this one'],
  ])('%j is told the line it means is there', (lines, hint) => {
    const { errors } = check(`title: A\n${lines}`);
    expect(errors.map((error) => [error.code, error.hint?.endsWith(hint)])).toEqual([['article/unknown-key', true]]);
  });
});

describe('validateArticle: published: with a date', () => {
  // Some exports write the date as published: 2025-03-02; it got only the list of valid keys, and beside it
  // »date is required«.
  it('is told it is the date: line to write, as one error', () => {
    const { errors } = check('title: A\npublished: 2025-03-02');
    expect(errors.map((error) => [error.code, error.line, error.hint])).toEqual([['article/unknown-key', 3, '"published" is "date", which the file needs: write date: 2025-03-02 in its place']]);
  });

  it('beside a date: line of the same day is told to delete it', () => {
    const { errors } = check('title: A\ndate: 2025-03-02\npublished: 2025-03-02');
    expect(errors.map((error) => [error.code, error.line, error.hint])).toEqual([
      ['article/unknown-key', 4, '"published" is "date", but the file has date: on line 3 already (YAML refuses a key written twice): it holds the same value, so delete this one'],
    ]);
  });
});

describe('validateArticle: WordPress\'s other statuses', () => {
  // status: trash, auto-draft or inherit was offered »did you mean tags«, and status: future was told to write
  // draft: true, which keeps the article off the site even once its date has come.
  it.each([
    ['status: trash', 'in WordPress, status: trash marks a post moved to the trash, most likely not to be published at all: delete the file, or, to keep it off the site, write draft: true in place of this line'],
    ['status: auto-draft', 'in WordPress, status: auto-draft marks a draft WordPress saved by itself, before anything was written, most likely not to be published at all: delete the file, or, to keep it off the site, write draft: true in place of this line'],
    ['status: inherit\ndraft: true', 'in WordPress, status: inherit marks a revision of another post, or an attachment, most likely not to be published at all: delete the file, or, to keep it off the site, delete only this line, as draft: true keeps it off the site already'],
    ['status: future', 'status: future is a post WordPress holds back until its date; arhivar holds back every article dated in the future, with no key for it: delete this line, and give date: the day and time the article is to appear (npm run build -- --future publishes it at once)'],
    ['status: arhiv', 'arhivar publishes every article without draft: true: delete this line, or, to keep the article off the site, write draft: true in place of this line'],
  ])('%j is told what fits it', (lines, hint) => {
    const { errors } = check(`title: A\ndate: 2025-12-22\n${lines}`);
    expect(errors.map((error) => [error.code, error.line, error.hint?.split(' Valid keys')[0]])).toEqual([['article/unknown-key', 4, `${hint}.`]]);
  });
});

describe('validateArticle: published: or status: beside a draft: line', () => {
  // An export that writes both (status: draft with draft: false): »write draft: true in its place« gave the file
  // two draft: lines, a YAML error, or, with draft: true there already, a second one.
  it.each([
    ['status: draft\ndraft: false', 'status: draft is draft: true in arhivar, and the file has a draft: line: delete this line and write draft: true on that one'],
    ['published: false\ndraft: true', 'draft: true keeps the article off the site already: delete this line'],
  ])('%j is told to mend the draft: line it has', (lines, hint) => {
    const { errors } = check(`title: A\ndate: 2025-12-22\n${lines}`);
    expect(errors.map((error) => [error.code, error.line, error.hint?.split(' Valid keys')[0]])).toEqual([['article/unknown-key', 4, `${hint}.`]]);
  });
});

describe('validateArticle: a key left empty', () => {
  it('says an empty date is empty and shows the line to write', () => {
    for (const line of ['date:', 'date: ""', 'date: ~']) {
      const { errors } = check(`title: A\n${line}`);
      expect(errors.map((error) => [error.code, error.line, error.message]), line).toEqual([['article/bad-date', 3, 'date is empty']]);
      expect(errors[0]!.hint).toBe('write the date after the colon, such as 2025-12-22 or 2025-12-22T18:30 (Europe/Ljubljana is assumed)');
    }
  });

  it('asks for the line a left-out date needs, not for a date after a colon the file does not have', () => {
    const { errors } = check('title: A');
    expect(errors.map((error) => [error.code, error.line, error.message])).toEqual([['article/missing-date', 1, 'date is required']]);
    expect(errors[0]!.hint).toBe('add a line such as date: 2025-12-22');
  });

  it('takes an optional key with nothing after the colon as no key: none, or its default', () => {
    const { article, errors } = check('title: A\ndate: 2025-12-22\ntags:\npeople:\nnotPeople: ~\nauthor:\nsource:\nsummary:\nslug:\nupdated:\nredirectFrom:');
    expect(errors).toEqual([]);
    expect(article!.frontMatter).toMatchObject({ tags: [], people: [], notPeople: [], draft: false, redirectFrom: [] });
    expect(article!.frontMatter.author).toBeUndefined();
    expect(article!.frontMatter.updated).toBeUndefined();
    expect(article!.slug).toBe('a');
  });

  it('takes an optional key with only a comment after a space as no key', () => {
    const { article, errors } = check('title: A\ndate: 2025-12-22\nauthor: # nihče\nsummary:  # pozneje');
    expect(errors).toEqual([]);
    expect([article!.frontMatter.author, article!.frontMatter.summary]).toEqual([undefined, undefined]);
  });

  it('refuses an empty draft: rather than publish an article its editor may have been marking as a draft', () => {
    const { article, errors } = check('title: A\ndate: 2025-12-22\ndraft:');
    expect(article).toBeUndefined();
    expect(errors.map((error) => [error.code, error.line, error.message])).toEqual([['article/bad-draft', 4, 'draft must be true or false']]);
  });

  // YAML 1.1 (and Jekyll) read yes/no/on/off as true/false; the hint was the fixed example draft: true, so
  // an editor who wrote draft: no to publish was told to write the opposite.
  it.each([
    ['no', 'write draft: false, since YAML reads no as a word, not as false'],
    ['Off', 'write draft: false, since YAML reads Off as a word, not as false'],
    ['ne', 'write draft: false, since YAML reads ne as a word, not as false'],
    ['yes', 'write draft: true, since YAML reads yes as a word, not as true'],
    ['on', 'write draft: true, since YAML reads on as a word, not as true'],
    ['"false"', 'write draft: false, without quotes: in quotes it is text'],
  ])('refuses draft: %s with the line that means what the editor meant', (written, hint) => {
    const { article, errors } = check(`title: A\ndate: 2025-12-22\ndraft: ${written}`);
    expect(article).toBeUndefined();
    expect(errors.map((error) => [error.code, error.line, error.message, error.hint])).toEqual([['article/bad-draft', 4, 'draft must be true or false', hint]]);
  });

  it('refuses hashtags, which YAML reads as a comment, with the list to write', () => {
    const { errors } = check('title: A\ndate: 2025-12-22\ntags: #Ukrajina #diplomacija');
    expect(errors.map((error) => [error.code, error.line])).toEqual([['article/bad-tags', 4]]);
    expect(errors[0]!.hint).toBe('in YAML a # after the colon starts a comment, so tags is empty: write the list without #, such as tags: [Ukrajina, diplomacija]');
  });

  it('says what a list of tags holds, not a list of names', () => {
    const { errors } = check('title: A\ndate: 2025-12-22\ntags: {a: b}');
    expect(errors.map((error) => [error.code, error.message])).toEqual([['article/bad-tags', 'tags must be a list of tags, such as [Ukrajina, diplomacija]']]);
  });
});

describe('validateArticle: lists longer than an article needs', () => {
  // Every tag and person page lists the article's tags and people: 2,000 tags made 345 MB of feeds.
  const list = (prefix: string, count: number) => `[${Array.from({ length: count }, (_, index) => `${prefix}${index + 1}`).join(', ')}]`;
  const addresses = (count: number) => `[${Array.from({ length: count }, (_, index) => `/2025/12/01/naslov-${index + 1}/`).join(', ')}]`;

  it('takes each list at its limit', () => {
    const { article, errors } = check(`title: A\ndate: 2025-12-22\ntags: ${list('t', 100)}\npeople: ${list('Oseba ', 200)}\nnotPeople: ${list('Druga ', 200)}\nredirectFrom: ${addresses(100)}`);
    expect(errors).toEqual([]);
    expect(article!.frontMatter.redirectFrom).toHaveLength(100);
  });

  it('refuses each list over its limit, at its line, and counts an address written twice once', () => {
    const { errors } = check(
      `title: A\ndate: 2025-12-22\ntags: ${list('t', 101)}\npeople: ${list('Oseba ', 201)}\nnotPeople: ${list('Druga ', 201)}\nredirectFrom: [/2025/12/01/isti/, ${addresses(101).slice(1)}`,
    );
    expect(errors.map((error) => [error.code, error.line, error.message])).toEqual([
      ['article/bad-tags', 4, 'tags has 101 entries; at most 100 are allowed'],
      ['article/bad-people', 5, 'people has 201 entries; at most 200 are allowed'],
      ['article/bad-notPeople', 6, 'notPeople has 201 entries; at most 200 are allowed'],
      ['article/bad-redirectFrom', 7, 'redirectFrom has 102 entries; at most 100 are allowed'],
    ]);
    expect(check(`title: A\ndate: 2025-12-22\nredirectFrom: [/2025/12/01/isti/, /2025/12/01/isti, ${addresses(99).slice(1)}`).errors).toEqual([]);
  });

  it('tells a list of 150,000 tags that have no letters, the first 50 one by one and the rest as one error that counts them', () => {
    // Appended one at a time: errors.push(...errors of the tags) passed 150,000 arguments (a RangeError, exit code 3).
    // Then each was printed, 150,000 lines for one slip, where unknown keys were already told 50 and counted.
    const { errors } = check(`title: A\ndate: 2025-12-22\ntags: [${Array.from({ length: 150_000 }, () => '"!"').join(', ')}]`);
    expect(errors[0]!.message).toBe('tags has 150,000 entries; at most 100 are allowed');
    const tags = errors.filter((error) => error.code === 'article/bad-tag');
    expect(tags).toHaveLength(MAX_ENTRY_ERRORS_TOLD + 1);
    expect(tags[0]!.message).toBe('tag "!" has no letters or digits, so it cannot have a page');
    expect(tags.at(-1)).toMatchObject({ line: 4, message: `and ${(150_000 - MAX_ENTRY_ERRORS_TOLD).toLocaleString('en-US')} more entries of tags refused so (the first ${MAX_ENTRY_ERRORS_TOLD} are told above)` });
  });

  it('tells 150,000 earlier addresses that are none and 150,000 people without letters the same way, each list apart', () => {
    const many = (entry: string) => `[${Array.from({ length: 150_000 }, () => entry).join(', ')}]`;
    const { errors } = check(`title: A\ndate: 2025-12-22\npeople: ${many('"!"')}\nredirectFrom: ${many('x')}`);
    const counted = new Map<string, number>();
    for (const error of errors) counted.set(error.code, (counted.get(error.code) ?? 0) + 1);
    expect([...counted]).toEqual([
      ['article/bad-redirectFrom', MAX_ENTRY_ERRORS_TOLD + 1],
      ['article/bad-people', 1],
      ['article/bad-person', MAX_ENTRY_ERRORS_TOLD + 1],
    ]);
    expect(errors.filter((error) => error.code === 'article/bad-redirectFrom').at(-1)!.message).toBe('and 149,950 more entries of redirectFrom refused so (the first 50 are told above)');
  });
});

describe('validateArticle: a slug: line holding an address', () => {
  // The article's address pasted as its slug: the hint was slug: 2025-12-15-fajon-v-bruslju, which publishes
  // the article at /2025/12/15/2025-12-15-fajon-v-bruslju/, the date twice.
  it.each([
    ['/2025/12/15/fajon-v-bruslju/', 'fajon-v-bruslju'],
    ['2025/12/15/fajon-v-bruslju', 'fajon-v-bruslju'],
    ['https://arhiv.primorske.si/2025/12/15/Fajon-v-Bruslju/', 'fajon-v-bruslju'],
    ['/arhiv/2025/12/15/fajon-v-bruslju/?utm_source=x', 'fajon-v-bruslju'],
  ])('%j is told the last part of it', (written, slug) => {
    const { errors } = check(`title: A\ndate: 2025-12-15\nslug: "${written}"`);
    expect(errors.map((error) => [error.code, error.line, error.hint])).toEqual([
      ['article/bad-slug', 4, `write slug: ${slug}: the slug is the last part of the address alone, and the date before it comes from date:`],
    ]);
  });

  it('still gives any other slug its slug', () => {
    expect(check('title: A\ndate: 2025-12-15\nslug: /etc/passwd').errors.map((error) => error.hint)).toEqual(['write slug: etc-passwd']);
    expect(check('title: A\ndate: 2025-12-15\nslug: 2025-12-15 Fajon').errors.map((error) => error.hint)).toEqual(['write slug: 2025-12-15-fajon']);
  });
});

describe('validateArticle: every problem of a file at once, not the next one only after a fix', () => {
  // The README promises every problem in one build; the slug, tag, people and body checks ran only once the
  // schema passed, so a CMS export with dates and slugs both wrong took one build per kind of mistake.
  const validate = (frontMatter: string, body = 'Besedilo.') => validateArticle({ file: 'content/articles/a.md', text: `---\n${frontMatter}\n---\n\n${body}\n`, mtimeMs: 0 });

  it('reports a bad slug, tag and person and a body it cannot publish beside a bad date', () => {
    const { article, errors } = validate('title: A\ndate: 22. 12. 2025\nslug: ../Naslov\ntags: [../]\npeople: ["!!!"]', `${'['.repeat(1500)}`);
    expect(article).toBeUndefined();
    expect(errors.map((error) => [error.code, error.line])).toEqual([
      ['article/bad-date', 3],
      ['article/bad-slug', 4],
      ['article/bad-tag', 5],
      ['article/bad-person', 6],
      ['markdown/too-deep', 9],
    ]);
  });

  it('reports a title with no slug beside an unknown key, and nothing more about a key the schema refused', () => {
    expect(validate('title: "***"\ndate: 2025-12-22\nnaslov: B').errors.map((error) => error.code)).toEqual(['article/unknown-key', 'article/empty-slug']);
    expect(validate('title: 12\ndate: 2025-13-01\ntags: {a: b}').errors.map((error) => error.code)).toEqual(['article/bad-title', 'article/bad-date', 'article/bad-tags']);
  });

  it('asks for no slug: for a title with no slug when the file has a slug: line the schema refused', () => {
    // The slug: line is there, only written wrong: article/empty-slug's »add a slug: line« would send the editor in a circle.
    expect(validate('title: "***"\ndate: 2025-12-22\nslug: [a, b]').errors.map((error) => error.code)).toEqual(['article/bad-slug']);
    expect(validate('title: "***"\ndate: 2025-13-01\nslug: 12').errors.map((error) => error.code)).toEqual(['article/bad-date', 'article/bad-slug']);
  });
});

describe('validateArticle: a value of text-direction marks alone', () => {
  // A paste from right-to-left text can leave a field nothing but invisible marks (U+200E, U+202A …): the value
  // was not empty to the schema, so an article went out with a title or summary no reader could see.
  const only = (frontMatter: string) => check(frontMatter).errors.map((error) => [error.code, error.line, error.message]);
  it.each(['"\\u200e"', '"\\u202a \\u200f"', '"\\u061c\\u2066"'])('%s is refused as an empty value is, with a hint that says what it holds', (value) => {
    for (const [key, lines] of [
      ['title', (written: string) => `title: ${written}\ndate: 2025-12-22\nslug: a`],
      ['summary', (written: string) => `title: A\ndate: 2025-12-22\nsummary: ${written}`],
    ] as const) {
      expect(only(lines(value)), key).toEqual(only(lines('""')));
      expect(check(lines(value)).errors[0]!.hint, key).toMatch(/only invisible characters \(text-direction marks/);
    }
  });

  // Zero-width spaces and joiners, a word joiner, a byte-order mark and soft hyphens are as invisible.
  it.each(['"\\u200b"', '"\\ufeff\\u00ad"', '"\\u200c \\u2060\\u200d"'])('%s, of other invisible characters, is refused as an empty value is', (value) => {
    for (const lines of [(written: string) => `title: ${written}\ndate: 2025-12-22\nslug: a`, (written: string) => `title: A\ndate: 2025-12-22\nauthor: ${written}`]) {
      expect(only(lines(value))).toEqual(only(lines('""')));
      expect(check(lines(value)).errors[0]!.hint).toMatch(/only invisible characters/);
    }
  });

  it('takes a value with text beside its marks', () => {
    expect(check('title: "\\u200fשלום\\u200e"\ndate: 2025-12-22\nslug: a\nsummary: "\\u202bA\\u202c"').errors).toEqual([]);
  });
});

describe('validateArticle: the length of summary:', () => {
  // Characters as the warning over 400 counts them: an emoji is one, though it takes two UTF-16 units.
  it.each([
    ['č'.repeat(2000), []],
    ['😀'.repeat(2000), []],
    ['č'.repeat(2001), [['article/bad-summary', 'summary is 2001 characters long; at most 2000 are allowed', 4]]],
  ])('%#', (summary, expected) => {
    const { errors } = check(`title: A\ndate: 2025-12-22\nsummary: ${summary}`);
    expect(errors.map((error) => [error.code, error.message, error.line])).toEqual(expected);
  });
});

describe('validateArticle: the length of title:, counted as summary: is', () => {
  it.each([
    ['😀'.repeat(500), []],
    ['č'.repeat(501), [['article/bad-title', 'title is 501 characters long; at most 500 are allowed', 2]]],
  ])('%#', (title, expected) => {
    const { errors } = check(`title: ${title}\ndate: 2025-12-22\nslug: a`);
    expect(errors.map((error) => [error.code, error.message, error.line])).toEqual(expected);
  });

  it('tells a summary: too long beside another key refused, in one build', () => {
    const { errors } = check(`title: A\ndate: 2025-13-45\nsummary: ${'č'.repeat(2001)}`);
    expect(errors.map((error) => error.code).sort()).toEqual(['article/bad-date', 'article/bad-summary']);
  });
});

// A person file among the articles (copied as a start, or saved in the wrong folder) was read as an article:
// »title is required«, and »"name" is "date", which the file needs: write date: in place of name:«.
describe('validateArticle: a person file in content/articles/', () => {
  it('is told as one, with the file in content/people/ to move it to', () => {
    const { article, errors } = validateArticle({ file: 'content/articles/2026/zan-cerne.md', text: '---\nname: Žan Černe\nrole: svetovalec\n---\n\nKratek opis.\n', mtimeMs: 0 });
    expect(article).toBeUndefined();
    expect(errors.map((error) => [error.code, error.file, error.line, error.message, error.hint])).toEqual([
      [
        'article/person-file',
        'content/articles/2026/zan-cerne.md',
        2,
        'this is a person file (name: Žan Černe), not an article: content/articles/ holds articles, and content/people/ the people',
        'move it to content/people/zan-cerne.md (or delete it, if it is a copy of a file there); an article starts with title: and date: lines',
      ],
    ]);
  });

  it('leaves an article that also has a name: to the key checks', () => {
    const { errors } = validateArticle({ file: 'content/articles/a.md', text: '---\ntitle: A\ndate: 2025-12-22\nname: B\n---\n\nBesedilo.\n', mtimeMs: 0 });
    expect(errors.map((error) => error.code)).toEqual(['article/unknown-key']);
  });
});
