import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createArticle, shellQuoted, splitList } from '../../../src/commands/new.ts';
import { validateArticle } from '../../../src/content/article.ts';
import { ArhivarError, ContentErrors, UsageError } from '../../../src/errors.ts';
import { buildSite, copyFixture, FIXTURES, removeDir, temporaryFolders } from '../../helpers.ts';

const tempRoot = temporaryFolders();

async function validated(root: string, file: string) {
  const text = await readFile(path.join(root, file), 'utf8');
  const result = validateArticle({ file, text, mtimeMs: 0 });
  expect(result.errors).toEqual([]);
  return { text, article: result.article! };
}

async function writeArticle(root: string, file: string, frontMatter: string) {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await writeFile(path.join(root, file), `---\n${frontMatter}\n---\n\nBesedilo.\n`);
}

describe('arhivar new', () => {
  it("writes content/articles/YYYY/<slug>.md dated today in Ljubljana, with people and tags", async () => {
    const root = await tempRoot();
    // 23:30 UTC on New Year's Eve is already 1 January in Ljubljana: the year folder and date follow Ljubljana.
    const result = await createArticle({ root, title: 'Naslov članka', people: ['Steve Witkoff', 'Jurij Ušakov'], tags: ['Ukrajina'], now: new Date('2025-12-31T23:30:00Z') });
    expect(result.file).toBe('content/articles/2026/naslov-clanka.md');
    const { text, article } = await validated(root, result.file);
    expect(text).toBe('---\ntitle: "Naslov članka"\ndate: 2026-01-01\npeople: ["Steve Witkoff", "Jurij Ušakov"]\ntags: ["Ukrajina"]\n---\n\n');
    expect(article.title).toBe('Naslov članka');
    expect(article.frontMatter.people).toEqual(['Steve Witkoff', 'Jurij Ušakov']);
    expect(article.frontMatter.tags).toEqual(['Ukrajina']);
  });

  it.each([
    'Witkoff: "Pogovori so bili produktivni"',
    "O'Brien in #oznaka: vse ostane",
    'Poševnica \\ in dvopičje: ter [oklepaji] {zaviti} & *zvezdica*',
    '- začne z minusom',
    'yes',
    '2025-12-22',
  ])('quotes the title so YAML reads it back unchanged: %s', async (title) => {
    const root = await tempRoot();
    const result = await createArticle({ root, title, now: new Date('2025-06-01T10:00:00Z') });
    const { article } = await validated(root, result.file);
    expect(article.title).toBe(title);
  });

  it('refuses to overwrite an existing article and leaves it as it was', async () => {
    const root = await tempRoot();
    const now = new Date('2025-06-01T10:00:00Z');
    const first = await createArticle({ root, title: 'Isti naslov', now });
    const before = await readFile(path.join(root, first.file), 'utf8');
    const error = await createArticle({ root, title: 'Isti naslov', people: ['Nekdo Drug'], now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArhivarError);
    expect(error).toMatchObject({ code: 'new/exists', file: 'content/articles/2025/isti-naslov.md' });
    expect(await readFile(path.join(root, first.file), 'utf8')).toBe(before);
  });

  it('refuses, naming the other file, when an article under another file name has the same date and slug', async () => {
    const root = await tempRoot();
    const now = new Date('2025-06-01T10:00:00Z');
    // An imported or renamed file: its name is not the slug, so the wx flag alone let the second one be written.
    await writeArticle(root, 'content/articles/2025/06/uvozeno.md', 'title: "Isti naslov"\ndate: 2025-06-01T08:30');
    const error = await createArticle({ root, title: 'Isti naslov', now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArhivarError);
    expect(error).toMatchObject({ code: 'new/duplicate-url', file: 'content/articles/2025/06/uvozeno.md' });
    expect((error as ArhivarError).message).toContain('/2025/06/01/isti-naslov/');
    expect((error as ArhivarError).hint).toContain('--slug isti-naslov-2');
    await expect(readdir(path.join(root, 'content/articles/2025'))).resolves.toEqual(['06']);
  });

  it.each([
    ['a slug: line', 'title: "Drug naslov"\nslug: isti-naslov\ndate: 2025-06-01'],
    // 23:30 UTC on 31 May is 1 June in Ljubljana, the day of the address.
    ['a date with an offset', 'title: "Isti naslov"\ndate: 2025-05-31T23:30+00:00'],
  ])('finds the same address through %s', async (_, frontMatter) => {
    const root = await tempRoot();
    await writeArticle(root, 'content/articles/drugo.md', frontMatter);
    await expect(createArticle({ root, title: 'Isti naslov', now: new Date('2025-06-01T10:00:00Z') })).rejects.toMatchObject({ code: 'new/duplicate-url', file: 'content/articles/drugo.md' });
  });

  it.each([
    ['another day', 'title: "Isti naslov"\ndate: 2025-05-31'],
    ['a draft, which the build leaves out as well', 'title: "Isti naslov"\ndate: 2025-06-01\ndraft: true'],
  ])('writes the article when the same slug is on %s', async (_, frontMatter) => {
    const root = await tempRoot();
    await writeArticle(root, 'content/articles/2025/uvozeno.md', frontMatter);
    const result = await createArticle({ root, title: 'Isti naslov', now: new Date('2025-06-01T10:00:00Z') });
    expect(result.file).toBe('content/articles/2025/isti-naslov.md');
  });

  it('takes --slug for a second article with the same title on one day, and writes it as the slug: line', async () => {
    const root = await tempRoot();
    const now = new Date('2025-06-01T10:00:00Z');
    await createArticle({ root, title: 'Prometne informacije', now });
    const result = await createArticle({ root, title: 'Prometne informacije', slug: 'prometne-informacije-2', now });
    expect(result.file).toBe('content/articles/2025/prometne-informacije-2.md');
    const { text, article } = await validated(root, result.file);
    expect(text).toContain('\nslug: "prometne-informacije-2"\n');
    expect(article.slug).toBe('prometne-informacije-2');
  });

  it('gives a long title the slug import gives it, cut at a word within 80 characters, as a slug: line', async () => {
    const root = await tempRoot();
    const now = new Date('2026-12-06T10:00:00Z');
    const title =
      'Ministrica za zunanje zadeve se je v torek v Bruslju na sestanku sestala z zunanjimi ministri držav članic Evropske unije, kjer so razpravljali o prihodnosti pomoči Ukrajini, o sankcijah proti Rusiji in o tem, kako naprej';
    const result = await createArticle({ root, title, now });
    // Before, the address was the slug of the whole title cut at 200 characters as it fell, ending in »-in«.
    expect(result.file).toBe('content/articles/2026/ministrica-za-zunanje-zadeve-se-je-v-torek-v-bruslju-na-sestanku-sestala.md');
    const { text, article } = await validated(root, result.file);
    expect(text).toContain('\nslug: "ministrica-za-zunanje-zadeve-se-je-v-torek-v-bruslju-na-sestanku-sestala"\n');
    expect(article.slug).toBe('ministrica-za-zunanje-zadeve-se-je-v-torek-v-bruslju-na-sestanku-sestala');

    const error = await createArticle({ root, title, now }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'new/exists' });
    const suggested = /--slug (\S+)/.exec((error as ArhivarError).hint!)![1]!;
    expect(suggested).toBe('ministrica-za-zunanje-zadeve-se-je-v-torek-v-bruslju-na-sestanku-sestala-2');
    expect((await createArticle({ root, title, slug: suggested, now })).file).toBe(`content/articles/2026/${suggested}.md`);
  });

  it('refuses a --slug that is no slug as a command-line mistake, offering one', async () => {
    const root = await tempRoot();
    const long = createArticle({ root, title: 'Naslov', slug: `${'a'.repeat(200)}-2`, now: new Date() });
    await expect(long).rejects.toBeInstanceOf(UsageError);
    await expect(long).rejects.toThrow(`--slug is 202 characters long; a slug holds at most 200; write a shorter one, such as --slug ${'a'.repeat(200)}`);
    await expect(createArticle({ root, title: 'Naslov', slug: 'Drugi Naslov', now: new Date() })).rejects.toThrow(
      new UsageError('--slug "Drugi Naslov" may hold only lowercase letters a–z, digits and single hyphens; write --slug drugi-naslov'),
    );
    // An article's address pasted as the slug: its last part, not 2025-12-15-fajon, the date twice in the address.
    await expect(createArticle({ root, title: 'Naslov', slug: 'https://arhiv.example.si/2025/12/15/fajon/', now: new Date() })).rejects.toThrow(
      new UsageError(
        '--slug "https://arhiv.example.si/2025/12/15/fajon/" may hold only lowercase letters a–z, digits and single hyphens; write --slug fajon: the slug is the last part of the address alone, and the date before it is the article\'s',
      ),
    );
    await expect(readdir(root)).resolves.toEqual([]);
  });

  it('rejects a title without letters or digits', async () => {
    const root = await tempRoot();
    await expect(createArticle({ root, title: '?!', now: new Date() })).rejects.toMatchObject({ code: 'new/empty-slug' });
  });

  it('refuses a project folder that does not exist instead of making one where a mistyped --root points', async () => {
    const root = path.join(await tempRoot(), 'tipkarska-napaka');
    await expect(createArticle({ root, title: 'Nov članek', now: new Date() })).rejects.toMatchObject({ code: 'project/missing' });
    await expect(readdir(path.dirname(root))).resolves.toEqual([]);
  });

  it.each(['content', 'content/articles', 'content/articles/2025'])('names %s when it is a file where the new article needs a folder, instead of failing unexpectedly', async (folder) => {
    const root = await tempRoot();
    await mkdir(path.dirname(path.join(root, folder)), { recursive: true });
    await writeFile(path.join(root, folder), 'stray');
    const error = await createArticle({ root, title: 'Nov članek', now: new Date('2025-06-01T10:00:00Z') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArhivarError);
    expect(error).toMatchObject({ code: 'new/not-a-folder', file: folder, hint: expect.stringContaining(`rename ${folder}`) });
    await expect(readFile(path.join(root, folder), 'utf8')).resolves.toBe('stray');
  });

  it.each(['content/articles', 'content/articles/2025'])('refuses %s as a link out of content/, which the build refuses, and writes nothing through it', async (folder) => {
    const root = await tempRoot();
    const outside = await tempRoot();
    await mkdir(path.dirname(path.join(root, folder)), { recursive: true });
    await symlink(outside, path.join(root, folder));
    const error = await createArticle({ root, title: 'Nov članek', now: new Date('2025-06-01T10:00:00Z') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArhivarError);
    expect(error).toMatchObject({ code: 'content/symlink-outside', file: folder, message: `${folder} is a symbolic link out of content/ (to ${outside}); nothing was written through it` });
    await expect(readdir(outside, { recursive: true })).resolves.toEqual([]);
  });

  it('writes into a year folder that is a link inside content/, which the build reads', async () => {
    const root = await tempRoot();
    await mkdir(path.join(root, 'content', 'articles', 'leto-2025'), { recursive: true });
    await symlink('leto-2025', path.join(root, 'content', 'articles', '2025'));
    await createArticle({ root, title: 'Nov članek', now: new Date('2025-06-01T10:00:00Z') });
    await expect(readdir(path.join(root, 'content', 'articles', 'leto-2025'))).resolves.toEqual(['nov-clanek.md']);
  });

  it('refuses --people and --tags the build would refuse, naming the option, and writes nothing', async () => {
    const root = await tempRoot();
    const error = await createArticle({ root, title: 'Nov članek', people: ['Ana Novak', '???'], tags: ['x'.repeat(201)], now: new Date('2025-06-01T10:00:00Z') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentErrors);
    const errors = (error as ContentErrors).errors;
    expect(errors.map((e) => [e.code, e.file])).toEqual([
      ['new/bad-value', undefined],
      ['new/bad-value', undefined],
    ]);
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^--people: person "\?\?\?" has no letters or digits/),
      expect.stringMatching(/^--tags: tag "x+…" is 201 characters long; at most 200 are allowed/),
    ]);
    await expect(readdir(root)).resolves.toEqual([]);
  });

  // A name with no slug was refused at once, even with a person file of that name; the build now takes it then.
  it('takes a --people name in Arabic letters that a person file has, and refuses it, writing nothing, when none has', async () => {
    const root = await tempRoot();
    const error = await createArticle({ root, title: 'Seja v Ramali', people: ['محمود عباس'], now: new Date('2025-06-01T10:00:00Z') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentErrors);
    expect((error as ContentErrors).errors.map((e) => [e.code, e.message])).toEqual([
      ['new/bad-value', expect.stringMatching(/^--people: person "محمود عباس" has no Latin or Cyrillic letters and no digits, .* and no person file gives this name/)],
    ]);
    await expect(readdir(root)).resolves.toEqual([]);
    await mkdir(path.join(root, 'content/people'), { recursive: true });
    await writeFile(path.join(root, 'content/people/mahmud-abbas.md'), '---\nname: محمود عباس\ngender: m\n---\n');
    const result = await createArticle({ root, title: 'Seja v Ramali', people: ['محمود عباس'], now: new Date('2025-06-01T10:00:00Z') });
    expect(result.warnings).toEqual([]);
    expect((await validated(root, result.file)).article.frontMatter.people).toEqual(['محمود عباس']);
  });

  it('warns at once, after writing the file, about a --people name with no person file, as the next build would', async () => {
    const root = await tempRoot();
    await cp(path.join(FIXTURES, 'unknown-person/content/people'), path.join(root, 'content/people'), { recursive: true });
    await writeFile(path.join(root, 'content/site.yaml'), 'baseUrl: https://arhiv.testni-dnevnik.si/\n');
    const result = await createArticle({ root, title: 'Srečanje na Floridi', people: ['Steve Witkof', 'Steve Witkoff', 'Marija Neznana'], now: new Date('2025-06-01T10:00:00Z') });
    // The article is written as asked: the warning only tells the editor now what the build would tell later.
    const { article } = await validated(root, result.file);
    expect(article.frontMatter.people).toEqual(['Steve Witkof', 'Steve Witkoff', 'Marija Neznana']);
    expect(result.warnings.map((w) => [w.code, w.file, w.line])).toEqual([
      ['article/unknown-person', 'content/articles/2025/srecanje-na-floridi.md', 4],
      ['article/unknown-person', 'content/articles/2025/srecanje-na-floridi.md', 4],
    ]);
    expect(result.warnings[0]!.message).toContain('"Steve Witkof" has no file in content/people/');
    expect(result.warnings[0]!.hint).toContain('write Steve Witkoff, the name in content/people/steve-witkoff.md, if that is who is meant');
    expect(result.warnings[1]!.hint).toBe(
      'if "Marija Neznana" is the name in the nominative (kdo?), spelt right, add content/people/marija-neznana.md with name: Marija Neznana and a role; if it is another case (koga?, s kom? …) or misspelt, write the nominative in its place in the list',
    );
    // Word for word the build's warnings about the file.
    const built = await buildSite(root);
    const fromBuild = built.result.model.warnings.filter((w) => w.code === 'article/unknown-person');
    expect(fromBuild.map((w) => [w.file, w.line, w.message, w.hint])).toEqual(result.warnings.map((w) => [w.file, w.line, w.message, w.hint]));
  });

  // »Roberta Goloba« copied from the text: arhivar guesses no nominative (a guesser made »Robert Metsol« of Roberta
  // Metsola), so it names the person file of which the name is a case form, or asks for the nominative.
  it('answers a declined --people name with the person file it is a case form of, or else asks for the nominative', async () => {
    const root = await tempRoot();
    const golob = await createArticle({ root, title: 'Seja vlade', people: ['Roberta Goloba'], now: new Date('2025-06-01T10:00:00Z') });
    expect(golob.warnings.map((w) => [w.code, w.message, w.hint])).toEqual([
      [
        'article/unknown-person',
        '"Roberta Goloba" has no file in content/people/; the page /osebe/roberta-goloba/ is made from the name alone',
        'if "Roberta Goloba" is the name in the nominative (kdo?), spelt right, add content/people/roberta-goloba.md with name: Roberta Goloba and a role; if it is another case (koga?, s kom? …) or misspelt, write the nominative in its place in the list',
      ],
    ]);
    await mkdir(path.join(root, 'content/people'), { recursive: true });
    await writeFile(path.join(root, 'content/people/robert-golob.md'), '---\nname: Robert Golob\nrole: predsednik vlade\n---\n');
    const known = await createArticle({ root, title: 'Seja vlade', slug: 'seja-vlade-2', people: ['Roberta Goloba', 'Goloba'], now: new Date('2025-06-01T10:00:00Z') });
    expect(known.warnings.map((w) => w.hint)).toEqual([
      'write Robert Golob, the name in content/people/robert-golob.md: "Roberta Goloba" is a case form of it, and a list takes the name as the person file writes it',
      'write Robert Golob, the name in content/people/robert-golob.md, if that is who is meant: "Goloba" is only a form of that person\'s surname; if it is someone else, add a person file for them with the name in the nominative (kdo?)',
    ]);
  });

  it('gives no warning when every --people name has a person file', async () => {
    const root = await tempRoot();
    await cp(path.join(FIXTURES, 'unknown-person/content/people'), path.join(root, 'content/people'), { recursive: true });
    const result = await createArticle({ root, title: 'Srečanje', people: ['Steve Witkoff'], now: new Date('2025-06-01T10:00:00Z') });
    expect(result.warnings).toEqual([]);
  });

  it('holds the warning back, as the build does, while a person file has an error and its person is left out', async () => {
    const root = await tempRoot();
    await cp(path.join(FIXTURES, 'unknown-person/content/people'), path.join(root, 'content/people'), { recursive: true });
    // Marija Neznana has a file, which the build leaves out for its error until it is fixed.
    await writeFile(path.join(root, 'content/people/marija-neznana.md'), '---\nname: Marija Neznana\nrole: [\n---\n');
    const result = await createArticle({ root, title: 'Srečanje', people: ['Marija Neznana'], now: new Date('2025-06-01T10:00:00Z') });
    expect(result.warnings).toEqual([]);
  });

  it('splits comma-separated lists and drops empty items', () => {
    expect(splitList(' Ana Novak, Boris Kos ,, ')).toEqual(['Ana Novak', 'Boris Kos']);
    expect(splitList(undefined)).toEqual([]);
  });

  it('splits at semicolons too, as a CMS lists tags: one tag "Politika; Gospodarstvo" was written', () => {
    expect(splitList('Politika; Gospodarstvo')).toEqual(['Politika', 'Gospodarstvo']);
    expect(splitList('Robert Golob;Janez Janša, Ana Kos')).toEqual(['Robert Golob', 'Janez Janša', 'Ana Kos']);
  });
});

/**
 * tests/fixtures/new: on 1 June 2025 the address of »Prometne informacije« is taken by a file of another name,
 * -2 has a file (of 31 May), -3 is the address of another file and -4 is one an article redirects from, so
 * -5 is the first slug that is free. The title's own file is of 30 May.
 */
describe('arhivar new in a project whose addresses are taken', () => {
  const JUNE_1 = new Date('2025-06-01T10:00:00Z');

  async function fixtureCopy(): Promise<string> {
    const root = await tempRoot();
    await cp(path.join(FIXTURES, 'new'), root, { recursive: true });
    return root;
  }

  async function refusal(root: string, title: string, now: Date): Promise<ArhivarError> {
    const error = await createArticle({ root, title, now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArhivarError);
    return error as ArhivarError;
  }

  it('suggests a --slug whose file and address are both free, not just the slug with -2', async () => {
    const root = await fixtureCopy();
    const error = await refusal(root, 'Prometne informacije', JUNE_1);
    expect(error).toMatchObject({ code: 'new/duplicate-url', file: 'content/articles/2025/06/promet-zjutraj.md' });
    expect(error.hint).toContain('npm run new -- "Prometne informacije" --slug prometne-informacije-5');
    // The project is not the working folder, so the command names it, as it was named to new.
    expect(error.hint).toContain(`--slug prometne-informacije-5 --root "${root}"`);
    // The suggestion, followed, is written.
    const result = await createArticle({ root, title: 'Prometne informacije', slug: 'prometne-informacije-5', now: JUNE_1 });
    expect(result.file).toBe('content/articles/2025/prometne-informacije-5.md');
  });

  it('suggests a free --slug when the file of the title exists from another day', async () => {
    const root = await fixtureCopy();
    // On 2 June the address of -3 is free, and no file has its name; -2 still has a file.
    const error = await refusal(root, 'Prometne informacije', new Date('2025-06-02T10:00:00Z'));
    expect(error).toMatchObject({ code: 'new/exists', file: 'content/articles/2025/prometne-informacije.md' });
    expect(error.hint).toContain('npm run new -- "Prometne informacije" --slug prometne-informacije-3');
  });

  it("refuses the address an article's redirectFrom: names, though that article is dated another day", async () => {
    const root = await fixtureCopy();
    // zapora-ceste.md (2 June) was published on 1 June as »Zapora ceste na Vrhniki«: a build would stop
    // with article/redirect-taken.
    const error = await refusal(root, 'Zapora ceste na Vrhniki', JUNE_1);
    expect(error).toMatchObject({ code: 'new/redirect-taken', file: 'content/articles/2025/zapora-ceste.md' });
    expect(error.message).toContain('/2025/06/01/zapora-ceste-na-vrhniki/');
    expect(error.hint).toContain('npm run new -- "Zapora ceste na Vrhniki" --slug zapora-ceste-na-vrhniki-2');
    await expect(readdir(path.join(root, 'content/articles/2025'))).resolves.not.toContain('zapora-ceste-na-vrhniki.md');
  });

  it("writes the article when only a draft's redirectFrom: names its address, as the build leaves drafts out", async () => {
    const root = await fixtureCopy();
    const result = await createArticle({ root, title: 'Seja vlade', now: JUNE_1 });
    expect(result.file).toBe('content/articles/2025/seja-vlade.md');
  });

  it("agrees with the build: the address new refuses stops it, and the slug its hint offers builds", async () => {
    const root = await copyFixture('new');
    try {
      // Written by hand, as new wrote it before it looked at redirectFrom:.
      await writeArticle(root, 'content/articles/2025/zapora-ceste-na-vrhniki.md', 'title: "Zapora ceste na Vrhniki"\ndate: 2025-06-01');
      const refused = await buildSite(root).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ContentErrors);
      expect((refused as ContentErrors).errors.map((e) => [e.code, e.file])).toEqual([['article/redirect-taken', 'content/articles/2025/zapora-ceste.md']]);
      await rm(path.join(root, 'content/articles/2025/zapora-ceste-na-vrhniki.md'));
      const hint = (await refusal(root, 'Prometne informacije', JUNE_1)).hint!;
      const slug = /--slug (\S+)/.exec(hint)![1]!;
      await createArticle({ root, title: 'Prometne informacije', slug, now: JUNE_1 });
      const site = await buildSite(root);
      await expect(site.read(`/2025/06/01/${slug}/`)).resolves.toContain('Prometne informacije');
    } finally {
      await removeDir(root);
    }
  });
});

describe('shellQuoted: the words of a suggested command', () => {
  // Pasted into an interactive bash, where ! starts a history expansion even inside double quotes (»Zmaga!Slovenija«
  // would be »event not found«), as into sh: the script runs with history expansion on, as a terminal has it.
  it.each(['Zmaga!Slovenija', 'Vlada "danes"', "Ana's $HOME `x` \\n", "Hura!'s"])('keeps %s one argument, as typed', async (text) => {
    const folder = await tempRoot();
    for (const [shell, setup] of [['bash', 'set -o history -H\n'], ['sh', '']]) {
      const script = path.join(folder, `paste.${shell}`);
      await writeFile(script, `${setup}printf '%s|' ${shellQuoted(text)}\n`);
      const run = spawnSync(shell!, [script], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(`${text}|`);
    }
  });
});
