import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { toArhivarErrors, type ArhivarError } from '../../src/errors.ts';
import { buildSite, makeTempDir, removeDir, type BuiltSite } from '../helpers.ts';

/**
 * A `people:` or `notPeople:` name written only in Arabic or Hebrew letters (محمود عباس) has no slug, and was refused
 * when the article was read (article/bad-person), even with content/people/mahmud-abbas.md giving exactly that name,
 * which a byline links by the name itself. The file's name gives the address, so such a name is now found by the
 * person files, and refused only when none of them has it.
 */
const ABBAS = '---\nname: محمود عباس\naliases: [Mahmud Abas]\nrole: palestinski predsednik\ngender: m\n---\n';
const NOW = new Date('2026-01-01T00:00:00Z');

async function writeSite(root: string, files: Record<string, string>): Promise<void> {
  for (const [file, text] of Object.entries({ 'content/site.yaml': 'title: Arhiv\n', ...files })) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
}

const article = (title: string, date: string, frontMatter: string, body = 'Besedilo o seji.') => `---\ntitle: ${title}\ndate: ${date}\n${frontMatter}\n---\n\n${body}\n`;

/** The article links a list shows, in order. */
const teaserLinks = (html: string) => [...html.matchAll(/class="teaser-title"><a href="([^"]*)"/g)].map((match) => match[1]!);

async function failingBuild(root: string, outDir: string): Promise<ArhivarError[]> {
  const error: unknown = await build({ root, outDir, now: NOW }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  const errors = toArhivarErrors(error);
  if (!errors) throw new Error(`expected content errors, got ${String(error)}`);
  return errors;
}

describe('people: and notPeople: names with no slug, found by the person file of that name', () => {
  let root: string;
  let site: BuiltSite;

  beforeAll(async () => {
    root = await makeTempDir('arhivar-rtl-people-');
    await writeSite(root, {
      'content/people/mahmud-abbas.md': ABBAS,
      // A direction mark and a second space, as pasting from an Arabic page gives them, do not count.
      'content/articles/2025/ramala.md': article('Seja v Ramali', '2025-12-01', 'people: ["\u200fمحمود  عباس"]'),
      'content/articles/2025/ulica.md': article('Ulica Mahmuda Abasa', '2025-12-02', 'notPeople: [محمود عباس]', 'Mahmud Abas je ime ulice v Ramali.'),
      'content/articles/2025/izjava.md': article('Izjava iz Ramale', '2025-12-03', '', 'Mahmud Abas je dejal, da se pogovori nadaljujejo.'),
    });
    site = await buildSite(root, { cache: false });
  });

  afterAll(async () => {
    await removeDir(root);
    if (site) await removeDir(path.dirname(site.outDir));
  });

  it('lists the article whose people: names him on his page, and links him from it', async () => {
    expect(teaserLinks(await site.read('/osebe/mahmud-abbas/'))).toEqual(['/2025/12/03/izjava-iz-ramale/', '/2025/12/01/seja-v-ramali/']);
    expect(await site.read('/2025/12/01/seja-v-ramali/')).toContain('href="/osebe/mahmud-abbas/"');
  });

  it('keeps detection from tagging him where notPeople: names him so, without a warning', async () => {
    // izjava.md, the same name in the text without notPeople:, is tagged (above): the detector does find him.
    expect(await site.read('/2025/12/02/ulica-mahmuda-abasa/')).not.toContain('href="/osebe/mahmud-abbas/"');
    expect(site.result.model.warnings.map((warning) => warning.code)).not.toContain('article/unknown-not-person');
  });
});

describe('a people: name with no slug that no person file has', () => {
  let work: string;

  beforeAll(async () => {
    work = await makeTempDir('arhivar-rtl-people-');
  });

  afterAll(async () => {
    await removeDir(work);
  });

  it('is refused at its line, in a published article and in one held back for its date, with what to do', async () => {
    const root = path.join(work, 'site');
    await writeSite(root, {
      'content/people/mahmud-abbas.md': ABBAS,
      'content/articles/2025/kohen.md': article('Kohen v Jeruzalemu', '2025-12-01', 'tags: [Izrael]\npeople: [Mahmud Abas, יוסי כהן]'),
      'content/articles/2026/cipras.md': article('Cipras v Atenah', '2026-06-01', 'people: [Αλέξης Τσίπρας]'),
    });
    const errors = await failingBuild(root, path.join(work, 'dist'));
    expect(errors.map((error) => [error.code, error.file, error.line])).toEqual([
      ['article/bad-person', 'content/articles/2025/kohen.md', 5],
      ['article/bad-person', 'content/articles/2026/cipras.md', 4],
    ]);
    expect(errors[0]!.message).toBe(
      'person "יוסי כהן" has no Latin or Cyrillic letters and no digits, which the address of a page is made from, and no person file gives this name, so it cannot have a page',
    );
    expect(errors[0]!.hint).toBe(
      'add a person file with name: יוסי כהן, its file name in Latin letters (content/people/benjamin-netanjahu.md for בנימין נתניהו), or write the name here in Latin letters, as Slovenian news spells it (Benjamin Netanjahu), and list that spelling in the person file\'s aliases:',
    );
  });

  // The check needs the person files, which change without the article: a person file added, or its name changed,
  // must change the answer of a build that keeps the article's validation and record in .cache/.
  it('follows the person files from build to build with .cache/', async () => {
    const root = path.join(work, 'incremental');
    const outDir = path.join(work, 'incremental-dist');
    await writeSite(root, { 'content/articles/2025/ramala.md': article('Seja v Ramali', '2025-12-01', 'people: [محمود عباس]') });
    expect((await failingBuild(root, outDir)).map((error) => error.code)).toEqual(['article/bad-person']);

    await writeSite(root, { 'content/people/mahmud-abbas.md': ABBAS });
    const added = await buildSite(root, { outDir });
    expect(teaserLinks(await added.read('/osebe/mahmud-abbas/'))).toEqual(['/2025/12/01/seja-v-ramali/']);

    await writeSite(root, { 'content/people/mahmud-abbas.md': ABBAS.replace('name: محمود عباس', 'name: Mahmud Abas').replace('aliases: [Mahmud Abas]', 'aliases: [Abu Mazen]') });
    expect((await failingBuild(root, outDir)).map((error) => [error.code, error.file])).toEqual([['article/bad-person', 'content/articles/2025/ramala.md']]);

    await writeSite(root, { 'content/people/mahmud-abbas.md': ABBAS });
    const restored = await buildSite(root, { outDir });
    expect(teaserLinks(await restored.read('/osebe/mahmud-abbas/'))).toEqual(['/2025/12/01/seja-v-ramali/']);
    await rm(root, { recursive: true, force: true });
  });
});
