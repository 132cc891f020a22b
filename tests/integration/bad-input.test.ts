import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { ArhivarError, ContentErrors } from '../../src/errors.ts';
import { loadSite } from '../../src/build.ts';
import { createLoadCache } from '../../src/load-cache.ts';
import { buildFixture, buildSite, copyFixture, FIXTURES, hrefs, listFiles, makeTempDir } from '../helpers.ts';

async function errorsOf(fixture: string) {
  try {
    await loadSite({ root: path.join(FIXTURES, fixture), now: new Date('2026-01-01T00:00:00Z'), cache: false });
  } catch (error) {
    if (error instanceof ContentErrors) return error.errors;
    throw error;
  }
  throw new Error(`${fixture} loaded without errors`);
}

async function snapshot(directory: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const file of await listFiles(directory)) {
    result[file] = createHash('sha256').update(await readFile(path.join(directory, file))).digest('hex');
  }
  return result;
}

describe('bad input', () => {
  it('reports every problem of the run at once, each with file, line and hint', async () => {
    const errors = await errorsOf('bad-archive');
    const summary = errors.map((e) => `${e.file}:${e.line ?? '-'} ${e.code}`);
    expect(summary).toEqual([
      'tests/fixtures/bad-archive/content/articles/bad-date.md:3 article/bad-date',
      'tests/fixtures/bad-archive/content/articles/dup-b.md:2 article/duplicate-url',
      'tests/fixtures/bad-archive/content/articles/js.md:1 front-matter/not-yaml',
      'tests/fixtures/bad-archive/content/articles/no-title.md:1 article/missing-title',
      'tests/fixtures/bad-archive/content/site.yaml:2 site/unknown-key',
    ].map((line) => line.replaceAll('tests/fixtures/bad-archive/', '')));
    for (const error of errors) expect(error.hint).toBeTruthy();
  });

  it('words the date error as the editor needs it', async () => {
    const dateError = (await errorsOf('bad-archive')).find((e) => e.code === 'article/bad-date')!;
    expect(dateError.message).toBe('date "včeraj" is not a date');
    expect(dateError.hint).toContain('write 2025-12-22 or 2025-12-22T18:30');
  });

  it('suggests the nearest valid key for an unknown site.yaml key', async () => {
    const keyError = (await errorsOf('bad-archive')).find((e) => e.code === 'site/unknown-key')!;
    expect(keyError.message).toBe('unknown key "pagesize"');
    expect(keyError.hint).toMatch(/^did you mean "pageSize"\?/);
  });

  it('names both files when two articles share a date and slug', async () => {
    const duplicate = (await errorsOf('bad-archive')).find((e) => e.code === 'article/duplicate-url')!;
    expect(duplicate.file).toBe('content/articles/dup-b.md');
    expect(duplicate.message).toContain('content/articles/dup-a.md');
    expect(duplicate.message).toContain('/2025/12/22/isti-naslov/');
  });

  it('offers each of several articles clashing at one address a slug of its own that is free', async () => {
    // »Prometne informacije« three times a day: every clash was told slug: …-2, so following each hint clashed again.
    const root = await makeTempDir();
    const articles = path.join(root, 'content/articles');
    await mkdir(articles, { recursive: true });
    const write = (name: string, extra = '') =>
      writeFile(path.join(articles, `${name}.md`), `---\ntitle: Prometne informacije\ndate: 2025-06-01T12:00\n${extra}---\n\nBesedilo članka ${name}.\n`);
    for (const name of ['a', 'b', 'c', 'd']) await write(name);
    await write('e', 'slug: prometne-informacije-2\n');
    await write('f', 'slug: druge-informacije\nredirectFrom: [/2025/06/01/prometne-informacije-3/]\n');
    let errors: readonly ArhivarError[] = [];
    try {
      await loadSite({ root, now: new Date('2026-01-01T00:00:00Z'), cache: false });
    } catch (error) {
      if (!(error instanceof ContentErrors)) throw error;
      errors = error.errors;
    }
    expect(errors.map((error) => [error.file, error.hint])).toEqual(
      ['b', 'c', 'd'].map((name, index) => [`content/articles/${name}.md`, `give one of them a different slug: line, such as slug: prometne-informacije-${index + 4}`]),
    );
  });

  it('never runs JavaScript front matter', async () => {
    await errorsOf('bad-archive');
    expect(existsSync('/tmp/arhivar-pwned')).toBe(false);
  });

  it('exits with 1, prints file:line, code and hint, and leaves the previous dist/ exactly as it was', async () => {
    const good = await buildFixture('archive-basic');
    const before = await snapshot(good.outDir);
    const output: string[] = [];
    const code = await main(['build', '--root', await copyFixture('bad-archive'), '--out', good.outDir], {
      out: (line) => output.push(line),
      err: (line) => output.push(line),
    });
    expect(code).toBe(1);
    const printed = output.join('\n');
    expect(printed).toContain('content/articles/bad-date.md:3  article/bad-date\n  date "včeraj" is not a date\n  hint: write 2025-12-22 or 2025-12-22T18:30');
    expect(printed).toContain('5 problems found; nothing was written.');
    expect(await snapshot(good.outDir)).toEqual(before);
    expect(existsSync(`${good.outDir}.staging-${process.pid}`)).toBe(false);
  });

  it('gives a person named in an article but missing from the registry a page, with a warning', async () => {
    const site = await buildFixture('unknown-person');
    const warnings = site.result.model.warnings;
    expect(warnings.map((w) => `${w.file}:${w.line} ${w.code}`)).toEqual(['content/articles/srecanje.md:4 article/unknown-person']);
    expect(warnings[0]!.hint).toContain('content/people/marija-neznana.md');
    const article = hrefs(await site.read('/2025/12/22/srecanje/'));
    expect(article).toContain('/osebe/steve-witkoff/');
    expect(article).toContain('/osebe/marija-neznana/');
    expect(await site.read('/osebe/marija-neznana/')).toContain('<h1>Marija Neznana</h1>');
  });

  it('names the registry person that a declined, reordered or misspelt name in people: or notPeople: probably means', async () => {
    const root = await copyFixture('unknown-person');
    const file = path.join(root, 'content/articles/srecanje.md');
    const source = await readFile(file, 'utf8');
    await writeFile(file, source.replace('  - Marija Neznana\n', '  - Stevom Witkoffom\n  - Witkof\nnotPeople: [Witkoff Steve]\n'));
    const site = await buildSite(root);
    expect(site.result.model.warnings.map((w) => [w.code, w.line, w.hint])).toEqual([
      [
        'article/unknown-person',
        4,
        'write Steve Witkoff, the name in content/people/steve-witkoff.md: "Stevom Witkoffom" is a case form of it, and a list takes the name as the person file writes it',
      ],
      [
        'article/unknown-person',
        4,
        'write Steve Witkoff, the name in content/people/steve-witkoff.md, if that is who is meant; if it is someone else, add a person file for them with the name in the nominative (kdo?)',
      ],
      [
        'article/unknown-not-person',
        8,
        'write Steve Witkoff, the name in content/people/steve-witkoff.md: a list takes the name as the person file writes it, first name first',
      ],
    ]);
  });

  it('says an entry of people: or notPeople: that joins two names (in, ter, a comma, ;, /) is two entries, not a person file to add', async () => {
    // »Steve Witkoff in Marija Neznana« was one person with a page of its own (/osebe/steve-witkoff-in-marija-neznana/),
    // and the hint asked for content/people/steve-witkoff-in-marija-neznana.md with that name.
    const root = await copyFixture('unknown-person');
    const file = path.join(root, 'content/articles/srecanje.md');
    const source = await readFile(file, 'utf8');
    await writeFile(
      file,
      source.replace(
        '  - steve witkoff\n  - Marija Neznana\n',
        '  - steve witkoff in Marija Neznana\n  - Marija Neznana ter Steve Witkoff\n  - Steve Witkoff, Marija Neznana\n  - Steve Witkoff; Marija Neznana\n  - Ana Kos in Bor Zupan\nnotPeople: [Steve Witkoff/Jared Kushner]\n',
      ),
    );
    const site = await buildSite(root);
    expect(site.result.model.warnings.map((w) => [w.code, w.line, w.hint])).toEqual([
      ['article/unknown-person', 4, '"steve witkoff in Marija Neznana" is 2 names in one entry: write each as an entry of its own, Steve Witkoff and Marija Neznana'],
      ['article/unknown-person', 4, '"Marija Neznana ter Steve Witkoff" is 2 names in one entry: write each as an entry of its own, Marija Neznana and Steve Witkoff'],
      ['article/unknown-person', 4, '"Steve Witkoff, Marija Neznana" is 2 names in one entry: write each as an entry of its own, Steve Witkoff and Marija Neznana'],
      ['article/unknown-person', 4, '"Steve Witkoff; Marija Neznana" is 2 names in one entry: write each as an entry of its own, Steve Witkoff and Marija Neznana'],
      // No name in it has a person file: it may be one name (a firm's, a duo's), so the hint stays as it was.
      [
        'article/unknown-person',
        4,
        'if "Ana Kos in Bor Zupan" is the name in the nominative (kdo?), spelt right, add content/people/ana-kos-in-bor-zupan.md with name: Ana Kos in Bor Zupan and a role; if it is another case (koga?, s kom? …) or misspelt, write the nominative in its place in the list',
      ],
      ['article/unknown-not-person', 10, '"Steve Witkoff/Jared Kushner" is 2 names in one entry: write each as an entry of its own, Steve Witkoff and Jared Kushner'],
    ]);
  });

  it('takes updated: with a date alone on the day of publication as a change that day, without the warning', async () => {
    const root = await copyFixture('archive-basic');
    const file = path.join(root, 'content/articles/2025/prvi.md');
    const source = await readFile(file, 'utf8');
    const date = source.match(/^date: (\d{4}-\d{2}-\d{2})(.*)$/m)!;
    await writeFile(file, source.replace(date[0], `date: ${date[1]}T10:30\nupdated: ${date[1]}`));
    const site = await buildSite(root);
    expect(site.result.model.warnings.map((w) => w.code)).not.toContain('article/updated-before-date');
    const page = await site.read('/2025/01/10/prvi-clanek-o-obcini/');
    expect(page).toContain('<time datetime="2025-01-10T10:30:00+01:00">10.\u00a0januarja 2025 ob\u00a010.30</time>');
    expect(page).toContain(`\u00a0· posodobljeno <time datetime="2025-01-10">10.\u00a0januarja 2025</time>`);
  });

  it('warns when updated is earlier than date, and still builds', async () => {
    const root = await copyFixture('archive-basic');
    const file = path.join(root, 'content/articles/2025/prvi.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^date: .*$/m, (line) => `${line}\nupdated: 2024-12-31`));
    const site = await buildSite(root);
    expect(site.result.model.warnings.map((w) => `${w.file}:${w.line} ${w.code}`)).toEqual(['content/articles/2025/prvi.md:4 article/updated-before-date']);
  });

  it('refuses T24:00 in date: and updated:, with the next day\'s T00:00 as the line to write', async () => {
    const root = await copyFixture('archive-basic');
    const file = path.join(root, 'content/articles/2025/prvi.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^date: .*$/m, 'date: 2025-12-31T24:00\nupdated: 2026-01-05T24:00+01:00'));
    const errors = await loadSite({ root, now: new Date('2026-02-01T00:00:00Z'), cache: false }).then(
      () => [],
      (error: unknown) => (error instanceof ContentErrors ? error.errors : Promise.reject(error)),
    );
    expect(errors.map((e) => [`${e.file}:${e.line} ${e.code}`, e.message, e.hint])).toEqual([
      [
        'content/articles/2025/prvi.md:3 article/bad-date',
        `date "2025-12-31T24:00" has an impossible time of day: a day's hours run from 00:00 to 23:59, and its end, 24:00, is the next day's 00:00`,
        'write date: 2026-01-01T00:00, the start of the next day (Europe/Ljubljana is assumed)',
      ],
      [
        'content/articles/2025/prvi.md:4 article/bad-updated',
        `updated "2026-01-05T24:00+01:00" has an impossible time of day: a day's hours run from 00:00 to 23:59, and its end, 24:00, is the next day's 00:00`,
        'write updated: 2026-01-06T00:00+01:00, the start of the next day (with the offset as written)',
      ],
    ]);
  });

  it('warns at the date: and updated: lines about a time the clocks skip or repeat, fresh, with nothing changed and after another file changed', async () => {
    const root = await copyFixture('archive-basic');
    const outDir = path.join(await makeTempDir(), 'dist');
    const file = path.join(root, 'content/articles/2025/prvi.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^date: .*$/m, 'date: 2025-03-30T02:30\nupdated: 2025-10-26T02:30'));
    const expected = [
      'warning: content/articles/2025/prvi.md:3  article/skipped-time\n' +
        '  date 2025-03-30T02:30 is not a time in Ljubljana: on that day the clocks go forward from 02:00 to 03:00, so it is taken as 2025-03-30T03:30+02:00, an hour later\n' +
        '  hint: write 2025-03-30T03:30 to keep that time; for an hour earlier, write 2025-03-30T01:30 (the same as 2025-03-30T02:30+02:00)',
      'warning: content/articles/2025/prvi.md:4  article/repeated-time\n' +
        '  updated 2025-10-26T02:30 happens twice in Ljubljana: on that day the clocks go back from 03:00 to 02:00, so it is taken as the first, 2025-10-26T02:30+02:00\n' +
        '  hint: write 2025-10-26T02:30+02:00 to keep the first; for the second, an hour later, write 2025-10-26T02:30+01:00',
    ];
    for (const run of ['built', 'nothing changed', 'another file changed']) {
      if (run === 'another file changed') await appendFile(path.join(root, 'content/articles/2025/drugi.md'), '\nDodan stavek.\n');
      const stdout: string[] = [];
      const stderr: string[] = [];
      expect(await main(['build', '--root', root, '--out', outDir], { out: (line) => stdout.push(line), err: (line) => stderr.push(line) }), run).toBe(0);
      expect(stdout[0], run).toMatch(new RegExp(`^${run === 'nothing changed' ? 'nothing changed' : 'built'}`));
      expect(stderr.map((line) => line.trimEnd()), run).toEqual(expected);
    }
    // The page, its metadata and the feed carry the instants the warnings name.
    const page = await readFile(path.join(outDir, '2025/03/30/prvi-clanek-o-obcini/index.html'), 'utf8');
    expect(page).toContain('<time datetime="2025-03-30T03:30:00+02:00">');
    expect(page).toContain('"dateModified":"2025-10-26T02:30:00+02:00"');
    expect(await readFile(path.join(outDir, 'feed.xml'), 'utf8')).toContain('<updated>2025-10-26T02:30:00+02:00</updated>');
  });

  it('warns about an embargo set in the hour the clocks go back while the article is held back, not only once it is out', async () => {
    const root = await copyFixture('archive-basic');
    const file = path.join(root, 'content/articles/2025/prvi.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^date: .*$/m, 'date: 2099-10-25T02:30'));
    const stderr: string[] = [];
    const outDir = path.join(await makeTempDir('arhivar-dist-'), 'dist');
    expect(await main(['build', '--root', root, '--out', outDir], { out: () => undefined, err: (line) => stderr.push(line) })).toBe(0);
    expect(stderr.join('\n')).toContain('content/articles/2025/prvi.md:3  article/repeated-time\n  date 2099-10-25T02:30 happens twice in Ljubljana');
  });

  it('counts many warnings by code after them, where the last screen shows it', async () => {
    // 2,000 articles dated in the hour the clocks skip printed 8,000 lines and nothing to say how many, or of what kind.
    const root = await copyFixture('archive-basic');
    for (let day = 1; day <= 11; day++) {
      await writeFile(path.join(root, `content/articles/2025/ura-${day}.md`), `---\ntitle: Ura ${day}\ndate: 2025-03-30T02:${String(day).padStart(2, '0')}\n---\n\nBesedilo ${day}.\n`);
    }
    await writeFile(path.join(root, 'content/articles/2025/slika.md'), '---\ntitle: Slika\ndate: 2025-02-01\n---\n\nBesedilo.\n\n![](/slike/foto.png)\n');
    const stderr: string[] = [];
    const outDir = path.join(await makeTempDir('arhivar-dist-'), 'dist');
    expect(await main(['build', '--root', root, '--out', outDir], { out: () => undefined, err: (line) => stderr.push(line) })).toBe(0);
    expect(stderr.filter((line) => line.startsWith('warning: '))).toHaveLength(12);
    expect(stderr.at(-1)).toBe('12 warnings: 11 article/skipped-time, 1 article/image-without-alt');
  });

  it('warns about an image with no alt text, with its line, from a fresh build and from .cache/ alike', async () => {
    const root = await copyFixture('archive-basic');
    const file = path.join(root, 'content/articles/2025/prvi.md');
    const source = await readFile(file, 'utf8');
    await writeFile(
      file,
      `${source.trimEnd()}\n\n![](/slike/foto.png)\n\n![Županja na seji](/slike/seja.png)\n\nSlika ![ ][logo] in ![](javascript:alert(1)).\n\n[logo]: /slike/logo.png\n`,
    );
    const lines = (await readFile(file, 'utf8')).split('\n');
    const expected = [lines.indexOf('![](/slike/foto.png)') + 1, lines.findIndex((line) => line.startsWith('Slika ')) + 1].map(
      (line) => `content/articles/2025/prvi.md:${line} article/image-without-alt`,
    );
    for (const run of ['fresh', 'from .cache/']) {
      const site = await buildSite(root);
      const warnings = site.result.model.warnings.filter((w) => w.code === 'article/image-without-alt');
      expect(warnings.map((w) => `${w.file}:${w.line} ${w.code}`), run).toEqual(expected);
      expect(warnings[0]!.hint).toContain('![');
    }
  });

  it('warns about a link whose text says nothing out of context, with its line, from a fresh build, from .cache/ and in check', async () => {
    const root = await copyFixture('archive-basic');
    const file = path.join(root, 'content/articles/2025/prvi.md');
    const source = await readFile(file, 'utf8');
    await writeFile(
      file,
      `${source.trimEnd()}\n\nCelotno besedilo proračuna je objavljeno [tukaj](https://example.si/proracun).\n\n` +
        `Župan je [več o pogajanjih z Ljubljano](https://example.si/pogajanja) povedal na seji.\n[Preberi več »][vec]\n\n[vec]: https://example.si/vec\n\nVir: [](https://example.si/vir).\n`,
    );
    const lines = (await readFile(file, 'utf8')).split('\n');
    // The body starts on line 8 of the file (six lines of front matter, a blank line): the links are on 10 and 13.
    expect([lines.findIndex((line) => line.includes('[tukaj]')) + 1, lines.indexOf('[Preberi več »][vec]') + 1, lines.indexOf('Vir: [](https://example.si/vir).') + 1]).toEqual([10, 13, 17]);
    const expected = ['content/articles/2025/prvi.md:10 tukaj', 'content/articles/2025/prvi.md:13 Preberi več »', 'content/articles/2025/prvi.md:17 (no text)'];
    for (const run of ['fresh', 'from .cache/']) {
      const site = await buildSite(root);
      const warnings = site.result.model.warnings.filter((w) => w.code === 'article/vague-link-text');
      expect(warnings.map((w) => `${w.file}:${w.line} ${w.message.startsWith('this link has no text') ? '(no text)' : w.message.match(/"(.*?)"/)![1]}`), run).toEqual(expected);
      expect(warnings[0]!.hint).toBe('write what the link leads to as its text ("poročilo ministrstva o …") instead of "tukaj"');
      expect(warnings[2]!.hint).toBe('write what the link leads to as its text ("poročilo ministrstva o …") between the brackets');
      expect(await site.read('/2025/01/10/prvi-clanek-o-obcini/')).toContain('<a href="https://example.si/proracun">tukaj</a>');
    }
    const printed: string[] = [];
    expect(await main(['check', '--root', root], { out: () => {}, err: (line) => printed.push(line) })).toBe(0);
    expect(printed.filter((line) => line.includes('article/vague-link-text')).map((line) => line.split('\n')[0])).toEqual([
      'warning: content/articles/2025/prvi.md:10  article/vague-link-text',
      'warning: content/articles/2025/prvi.md:13  article/vague-link-text',
      'warning: content/articles/2025/prvi.md:17  article/vague-link-text',
    ]);
  });

  it('warns about an image without alt text, a vague link and a pasted picture in a bio, at the line of the person file, fresh and from .cache/', async () => {
    const root = await copyFixture('archive-basic');
    const file = path.join(root, 'content/people/ana-cankar.md');
    const source = await readFile(file, 'utf8');
    // Blank lines before the bio are trimmed off it; the lines must still be the file's.
    await writeFile(file, source.replace('\n\nKratek opis', '\n\n\n\n![](/slike/ana.jpg)\n\nKratek opis') + '\nVeč [tukaj](https://example.si/ana).\n\n![Ana Cankar](data:image/png;base64,iVBORw0KGgo)\n');
    const lines = (await readFile(file, 'utf8')).split('\n');
    const expected = [
      `content/people/ana-cankar.md:${lines.indexOf('![](/slike/ana.jpg)') + 1} person/image-without-alt`,
      `content/people/ana-cankar.md:${lines.findIndex((line) => line.includes('[tukaj]')) + 1} person/vague-link-text`,
      `content/people/ana-cankar.md:${lines.findIndex((line) => line.startsWith('![Ana Cankar]')) + 1} person/dropped-url`,
    ];
    expect(expected).toEqual([
      'content/people/ana-cankar.md:9 person/image-without-alt',
      'content/people/ana-cankar.md:13 person/vague-link-text',
      'content/people/ana-cankar.md:15 person/dropped-url',
    ]);
    for (const run of ['fresh', 'from .cache/']) {
      const site = await buildSite(root);
      const warnings = site.result.model.warnings.filter((w) => w.code.startsWith('person/'));
      expect(warnings.map((w) => `${w.file}:${w.line} ${w.code}`), run).toEqual(expected);
      expect(warnings[1]!.hint).toContain('instead of "tukaj"');
      expect(warnings[2]!.hint).toBe('save the picture as a file in public/ (public/slike/foto.jpg) and write ![Ana Cankar](/slike/foto.jpg)');
    }
    // Mended, the warnings go, though the rest of the registry is unchanged.
    await writeFile(file, source);
    expect((await buildSite(root)).result.model.warnings.filter((w) => w.code.startsWith('person/'))).toEqual([]);
  });

  it('warns about an image whose alt text is a file name, in a body and a bio, at its line, fresh and from .cache/', async () => {
    const root = await copyFixture('archive-basic');
    const article = path.join(root, 'content/articles/2025/prvi.md');
    const person = path.join(root, 'content/people/ana-cankar.md');
    await writeFile(article, `${(await readFile(article, 'utf8')).trimEnd()}\n\n![IMG_4521.JPG](/slike/IMG_4521.JPG)\n`);
    await writeFile(person, `${(await readFile(person, 'utf8')).trimEnd()}\n\n![ana-cankar.png](/slike/ana-cankar.png)\n`);
    const line = async (file: string, text: string) => (await readFile(file, 'utf8')).split('\n').indexOf(text) + 1;
    const expected = [
      `content/articles/2025/prvi.md:${await line(article, '![IMG_4521.JPG](/slike/IMG_4521.JPG)')} article/image-alt-file-name`,
      `content/people/ana-cankar.md:${await line(person, '![ana-cankar.png](/slike/ana-cankar.png)')} person/image-alt-file-name`,
    ];
    for (const run of ['fresh', 'from .cache/']) {
      const site = await buildSite(root);
      const warnings = site.result.model.warnings.filter((w) => w.code.endsWith('/image-alt-file-name'));
      expect(warnings.map((w) => `${w.file}:${w.line} ${w.code}`).sort(), run).toEqual(expected);
    }
  });

  it('warns about raw HTML a reader would miss (an embed, an HTML block, a link in HTML), in a body and a bio, fresh and from .cache/, and publishes none of it', async () => {
    const root = await copyFixture('archive-basic');
    const file = path.join(root, 'content/articles/2025/prvi.md');
    const source = await readFile(file, 'utf8');
    await writeFile(
      file,
      `${source.trimEnd()}\n\n<iframe src="https://www.youtube.com/embed/abc"></iframe>\n\n<div>Besedilo iz starega CMS.</div>\n\nVir: <a href="https://example.si/">MMC</a>, <b>krepko</b>.\n\n<!-- opomba uredniku -->\n`,
    );
    const bio = path.join(root, 'content/people/ana-cankar.md');
    await writeFile(bio, `${(await readFile(bio, 'utf8')).trimEnd()}\n\n<script>alert(1)</script>\n`);
    const lines = (await readFile(file, 'utf8')).split('\n');
    const bioLines = (await readFile(bio, 'utf8')).split('\n');
    const at = (prefix: string) => `content/articles/2025/prvi.md:${lines.findIndex((line) => line.startsWith(prefix)) + 1}`;
    const expected = [
      `${at('<iframe')} article/dropped-html <iframe>: readers see nothing in its place`,
      `${at('<div>')} article/dropped-html <div>: this block is left out of the page, text and all`,
      `${at('Vir:')} article/dropped-html <a>: readers see its text without the link`,
      `content/people/ana-cankar.md:${bioLines.indexOf('<script>alert(1)</script>') + 1} person/dropped-html <script>: readers see nothing in its place`,
    ];
    for (const run of ['fresh', 'from .cache/']) {
      const site = await buildSite(root);
      const warnings = site.result.model.warnings.filter((w) => w.code.endsWith('/dropped-html'));
      expect(warnings.map((w) => `${w.file}:${w.line} ${w.code} ${w.message.match(/\((<\w+>)\)/)![1]}: ${w.message.split(': ').at(-1)}`), run).toEqual(expected);
      expect(warnings[0]!.hint).toBe(
        'a page cannot carry embedded content (a video, a map, a post); link it instead, with a text that says what it is: [Posnetek izjave na YouTubu](https://www.youtube.com/watch?v=…)',
      );
      expect(warnings[2]!.hint).toBe('write the link in Markdown: [poročilo ministrstva](https://www.gov.si/…)');
      const page = await site.read('/2025/01/10/prvi-clanek-o-obcini/');
      expect(page).not.toMatch(/<iframe|Besedilo iz starega CMS|href="https:\/\/example\.si\/"/);
      expect(page).toContain('Vir: MMC, krepko.');
    }
  });

  it('warns about a pasted picture and a file on a computer, published without their address, from a fresh build and from .cache/', async () => {
    const root = await copyFixture('archive-basic');
    const file = path.join(root, 'content/articles/2025/prvi.md');
    const source = await readFile(file, 'utf8');
    await writeFile(file, `${source.trimEnd()}\n\n![Župan na seji](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA)\n\n![Grb](file:///C:/Users/urednik/grb.png)\n`);
    const lines = (await readFile(file, 'utf8')).split('\n');
    const expected = [lines.findIndex((line) => line.startsWith('![Župan')) + 1, lines.findIndex((line) => line.startsWith('![Grb')) + 1].map(
      (line) => `content/articles/2025/prvi.md:${line}`,
    );
    for (const run of ['fresh', 'from .cache/']) {
      const site = await buildSite(root);
      const warnings = site.result.model.warnings.filter((w) => w.code === 'article/dropped-url');
      expect(warnings.map((w) => `${w.file}:${w.line}`), run).toEqual(expected);
      expect(warnings.map((w) => [w.message, w.hint])).toEqual([
        [
          'this image\'s address is a picture pasted into the text (data:image/png;base64,…), so it is published without it: readers see only its alt text "Župan na seji"',
          'save the picture as a file in public/ (public/slike/foto.jpg) and write ![Župan na seji](/slike/foto.jpg)',
        ],
        [
          'this image\'s address is a file on a computer (file:///C:/Users/urednik/grb.png), which readers cannot open, so it is published without it: readers see only its alt text "Grb"',
          'save the picture as a file in public/ (public/slike/foto.jpg) and write ![Grb](/slike/foto.jpg)',
        ],
      ]);
    }
  });

  it('warns about a table pasted with tabs, with the table to write, in a body and a bio, fresh and from .cache/', async () => {
    const root = await copyFixture('archive-basic');
    const file = path.join(root, 'content/articles/2025/prvi.md');
    const source = await readFile(file, 'utf8');
    await writeFile(file, `${source.trimEnd()}\n\nDomači\tGostje\tGoli\nOlimpija\tMaribor\t2\nCelje\tKoper\t0\nMura\tBravo\t1\n`);
    const bio = path.join(root, 'content/people/ana-cankar.md');
    await writeFile(bio, `${(await readFile(bio, 'utf8')).trimEnd()}\n\nLeto\tFunkcija\n2022\tžupanja\n`);
    const lines = (await readFile(file, 'utf8')).split('\n');
    const bioLines = (await readFile(bio, 'utf8')).split('\n');
    const expected = [
      `content/articles/2025/prvi.md:${lines.indexOf('Domači\tGostje\tGoli') + 1}`,
      `content/people/ana-cankar.md:${bioLines.indexOf('Leto\tFunkcija') + 1}`,
    ];
    for (const run of ['fresh', 'from .cache/']) {
      const site = await buildSite(root);
      const warnings = site.result.model.warnings.filter((w) => w.code.endsWith('/pasted-table'));
      expect(warnings.map((w) => `${w.file}:${w.line}`).sort(), run).toEqual(expected);
      const [article, person] = warnings.sort((a, b) => a.file!.localeCompare(b.file!));
      expect([article!.code, article!.message, article!.hint]).toEqual([
        'article/pasted-table',
        'these 4 lines have cells separated by tabs, as a table copied from Excel or Word pastes them: Markdown has no such table, so the page runs them together into one paragraph',
        'write it as a table, each row on a line of its own with | around the cells, the first row its header and a delimiter row under it (--: right-aligns a column of figures): "| Domači | Gostje | Goli |", "|---|---|--:|", "| Olimpija | Maribor | 2 |", "| Celje | Koper | 0 |", and so on for 1 more row; if the first row is data, put a row of column names above it',
      ]);
      expect([person!.code, person!.hint]).toEqual([
        'person/pasted-table',
        'write it as a table, each row on a line of its own with | around the cells, the first row its header and a delimiter row under it (--: right-aligns a column of figures): "| Leto | Funkcija |", "|--:|---|", "| 2022 | županja |"; if the first row is data, put a row of column names above it',
      ]);
    }
  });

  it('warns about a heading that skips a level, with the level to write, in a body and a bio, fresh and from .cache/', async () => {
    const root = await copyFixture('archive-basic');
    const file = path.join(root, 'content/articles/2025/prvi.md');
    const source = await readFile(file, 'utf8');
    await writeFile(file, `${source.trimEnd()}\n\n## Ozadje\n\nBesedilo.\n\n#### Kdo je sodeloval\n\nBesedilo.\n`);
    const bio = path.join(root, 'content/people/ana-cankar.md');
    await writeFile(bio, `${(await readFile(bio, 'utf8')).trimEnd()}\n\n### Kariera\n\n## Zasebno\n`);
    const lines = (await readFile(file, 'utf8')).split('\n');
    const bioLines = (await readFile(bio, 'utf8')).split('\n');
    const ozadje = lines.indexOf('## Ozadje') + 1;
    const expected = [
      `content/articles/2025/prvi.md:${lines.indexOf('#### Kdo je sodeloval') + 1}`,
      `content/people/ana-cankar.md:${bioLines.indexOf('### Kariera') + 1}`,
    ];
    for (const run of ['fresh', 'from .cache/']) {
      const site = await buildSite(root);
      const warnings = site.result.model.warnings.filter((w) => w.code.endsWith('/skipped-heading'));
      expect(warnings.map((w) => `${w.file}:${w.line}`).sort(), run).toEqual(expected);
      const [article, person] = warnings.sort((a, b) => a.file!.localeCompare(b.file!));
      expect([article!.code, article!.message, article!.hint]).toEqual([
        'article/skipped-heading',
        `this heading is written #### under the ## heading at line ${ozadje}, which skips a level: screen readers announce a heading's level and take a skipped one for a missing section, so the page shows it as h3, larger than written`,
        'write ### Kdo je sodeloval, the level the page shows; for a line that should only stand out, write it in bold without #: **Kdo je sodeloval**',
      ]);
      expect([person!.code, person!.hint]).toEqual(['person/skipped-heading', 'write ## Kariera, the level the page shows; for a line that should only stand out, write it in bold without #: **Kariera**']);
      expect(person!.message).toContain("before the bio's first ## heading, under the page's title");
    }
  });

  it('warns about an image or link whose address has a space, which the page shows as text, in a body and a bio, fresh and from .cache/', async () => {
    const root = await copyFixture('archive-basic');
    const file = path.join(root, 'content/articles/2025/prvi.md');
    const source = await readFile(file, 'utf8');
    await writeFile(file, `${source.trimEnd()}\n\n![Župan na seji](/slike/zupan na seji.jpg)\n\nVir: [sklep](https://example.si/sklep seje.pdf).\n`);
    const bio = path.join(root, 'content/people/ana-cankar.md');
    await writeFile(bio, `${(await readFile(bio, 'utf8')).trimEnd()}\n\n![Ana Cankar](/slike/ana cankar.jpg)\n`);
    const lines = (await readFile(file, 'utf8')).split('\n');
    const bioLines = (await readFile(bio, 'utf8')).split('\n');
    const expected = [
      `content/articles/2025/prvi.md:${lines.findIndex((line) => line.startsWith('![Župan')) + 1}`,
      `content/articles/2025/prvi.md:${lines.findIndex((line) => line.startsWith('Vir: [sklep]')) + 1}`,
      `content/people/ana-cankar.md:${bioLines.findIndex((line) => line.startsWith('![Ana')) + 1}`,
    ];
    for (const run of ['fresh', 'from .cache/']) {
      const site = await buildSite(root);
      const warnings = site.result.model.warnings.filter((w) => w.code.endsWith('/space-in-address'));
      expect(warnings.map((w) => `${w.file}:${w.line}`).sort(), run).toEqual(expected.sort());
      const [image, link] = warnings.filter((w) => w.code === 'article/space-in-address');
      expect([image!.message, image!.hint]).toEqual([
        'this image\'s address "/slike/zupan na seji.jpg" has a space in it, where Markdown ends an address, so the page shows "![Župan na seji](/slike/zupan na seji.jpg)" as text instead of the picture',
        'rename the file without spaces (public/slike/zupan-na-seji.jpg) and write ![Župan na seji](/slike/zupan-na-seji.jpg), or keep its name and write each space as %20: ![Župan na seji](/slike/zupan%20na%20seji.jpg)',
      ]);
      expect(link!.hint).toBe('write each space in the address as %20: [sklep](https://example.si/sklep%20seje.pdf)');
    }
  });

  it('warns about Markdown in summary: and a summary too long for a teaser, at its line, fresh and from .cache/', async () => {
    const root = await copyFixture('archive-basic');
    const folder = path.join(root, 'content/articles/2025');
    const withSummary = async (file: string, summary: string) => {
      const source = await readFile(path.join(folder, file), 'utf8');
      await writeFile(path.join(folder, file), source.replace(/^tags: .*$/m, (line) => `${line}\nsummary: ${JSON.stringify(summary)}`));
    };
    await withSummary('prvi.md', 'Svet je z **veliko večino** sprejel proračun, več v [poročilu](https://example.si/).');
    await withSummary('drugi.md', 'Svet je sprejel proračun za leto 2026. '.repeat(30).trim());
    for (const run of ['fresh', 'from .cache/']) {
      const site = await buildSite(root);
      const warnings = site.result.model.warnings.filter((w) => w.code.includes('summary'));
      expect(warnings.map((w) => `${w.file}:${w.line} ${w.code}`), run).toEqual([
        'content/articles/2025/drugi.md:6 article/long-summary',
        'content/articles/2025/prvi.md:6 article/summary-markdown',
      ]);
      expect(warnings[0]!.message).toContain('the summary is 1169 characters long');
      expect(warnings[1]!.hint).toBe('write the summary as plain text: veliko večino instead of **veliko večino**');
    }
  });

  it('warns about HTML in a title, fresh and from .cache/, and still publishes it escaped, as written', async () => {
    const root = await copyFixture('archive-basic');
    const folder = path.join(root, 'content/articles/2025');
    await writeFile(path.join(folder, 'html.md'), '---\ntitle: "<em>Vlada</em> sprejela proračun"\ndate: 2025-12-01\n---\n\nBesedilo.\n');
    await writeFile(path.join(folder, 'znak.md'), '---\ndate: 2025-12-02\ntitle: Proračun &amp; rebalans\nslug: proracun-in-rebalans\n---\n\nBesedilo.\n');
    for (const run of ['fresh', 'from .cache/']) {
      const site = await buildSite(root);
      const warnings = site.result.model.warnings.filter((w) => w.code === 'article/title-html');
      expect(warnings.map((w) => [w.file, w.line, w.hint]), run).toEqual([
        ['content/articles/2025/html.md', 2, 'write the title as plain text: leave out <em> and any other tag; the address is made from the title and changes with it, so add slug: em-vlada-em-sprejela-proracun to keep it if the article is already out'],
        ['content/articles/2025/znak.md', 3, 'write the title as plain text: the character itself instead of &amp;'],
      ]);
      expect(warnings[0]!.message).toBe(
        'the title is published as plain text, so its HTML (<em>) shows as written, tags and all, in the headline, listings, feeds and search results',
      );
      expect(await site.read('/2025/12/01/em-vlada-em-sprejela-proracun/')).toContain('<h1>&lt;em>Vlada&lt;/em> sprejela proračun</h1>');
    }
  });

  it('warns about an article with no text, from a fresh build and from .cache/, but not about a draft or a photo story', async () => {
    const root = await copyFixture('archive-basic');
    const folder = path.join(root, 'content/articles/2025');
    await writeFile(path.join(folder, 'prazen.md'), '---\ntitle: Naslov brez besedila\ndate: 2025-12-01\n---\n\n<!-- besedilo pride -->\n');
    await writeFile(path.join(folder, 'osnutek.md'), '---\ntitle: Osnutek\ndate: 2025-12-01\ndraft: true\n---\n');
    await writeFile(path.join(folder, 'fotografije.md'), '---\ntitle: Fotografije\ndate: 2025-12-01\n---\n\n![](/slike/1.jpg)\n');
    for (const run of ['fresh', 'from .cache/']) {
      const site = await buildSite(root);
      const warnings = site.result.model.warnings.filter((w) => w.code === 'article/empty-body');
      expect(warnings.map((w) => [w.file, w.line, w.message, w.hint]), run).toEqual([
        [
          'content/articles/2025/prazen.md',
          5,
          'the article has no text, so its page is published with the title alone',
          "write the text below the front matter's closing ---, or add draft: true until it is written",
        ],
      ]);
      expect(await site.read('/2025/12/01/naslov-brez-besedila/')).toContain('<h1>Naslov brez besedila</h1>');
    }
  });

  it('warns about an article whose text is another one\'s byte for byte (a file copied as a start), fresh, from .cache/ and in a dev session', async () => {
    const root = await copyFixture('archive-basic');
    const folder = path.join(root, 'content/articles/2025');
    const original = await readFile(path.join(folder, 'prvi.md'), 'utf8');
    const body = original.slice(original.indexOf('\n---', 4) + 4);
    const copy = (title: string, more = '') => `---\ntitle: ${title}\ndate: 2025-12-20\n${more}---${body}`;
    await writeFile(path.join(folder, 'kopija.md'), copy('Nov naslov'));
    // A draft copied as a start is still being written, and two empty bodies are told as empty.
    await writeFile(path.join(folder, 'osnutek.md'), copy('Osnutek', 'draft: true\n'));
    await writeFile(path.join(folder, 'prazen-a.md'), '---\ntitle: Prazen A\ndate: 2025-12-01\n---\n');
    await writeFile(path.join(folder, 'prazen-b.md'), '---\ntitle: Prazen B\ndate: 2025-12-02\n---\n');
    const expected = [
      [
        // The later of the two (by date) is told: a copy made as a start is given the newer date.
        'content/articles/2025/kopija.md',
        5,
        'the text of this article is the same, byte for byte, as that of content/articles/2025/prvi.md, so the two pages read the same',
        'if this file was copied from that one as a start, write its own text (add draft: true until it is written); if it is the same story twice, delete one of them',
      ],
    ];
    const duplicates = (warnings: readonly { code: string; file?: string | undefined; line?: number | undefined; message: string; hint?: string | undefined }[]) =>
      warnings.filter((w) => w.code === 'article/duplicate-body').map((w) => [w.file, w.line, w.message, w.hint]);
    for (const run of ['fresh', 'from .cache/']) {
      const site = await buildSite(root);
      expect(duplicates(site.result.model.warnings), run).toEqual(expected);
    }
    // The dev server makes only an edited article's record again: the copy's warning follows the original's edits.
    // It shows drafts (includeDrafts), but a draft is still not told: it is the copy being written.
    const session = createLoadCache();
    const now = new Date('2026-01-01T00:00:00Z');
    const load = async () => {
      const model = await loadSite({ root, now, reuse: session, includeDrafts: true });
      model.close();
      return duplicates(model.warnings);
    };
    expect(await load()).toEqual(expected);
    await writeFile(path.join(folder, 'prvi.md'), `${original}\nNov odstavek.\n`);
    expect(await load()).toEqual([]);
    await writeFile(path.join(folder, 'prvi.md'), original);
    expect(await load()).toEqual(expected);
  });

  it('warns about a file of public/ that the build writes itself (robots.txt, a page), which is not published, fresh and from .cache/', async () => {
    const root = await copyFixture('archive-basic');
    await mkdir(path.join(root, 'public', 'osebe'), { recursive: true });
    await writeFile(path.join(root, 'public', 'robots.txt'), 'User-agent: *\nDisallow: /\n');
    await writeFile(path.join(root, 'public', 'osebe', 'index.html'), '<p>stara stran</p>');
    await writeFile(path.join(root, 'public', 'humans.txt'), 'Uredništvo\n');
    const outDir = path.join(root, 'dist');
    for (const run of ['fresh', 'from .cache/']) {
      const site = await buildSite(root, { outDir });
      expect(site.result.model.warnings.filter((w) => w.code === 'public/shadowed').map((w) => [w.file, w.message]), run).toEqual([
        ['public/osebe/index.html', 'the build writes osebe/index.html itself, so this file is not published'],
        ['public/robots.txt', 'the build writes robots.txt itself, so this file is not published'],
      ]);
      expect(site.result.model.warnings.filter((w) => w.code === 'public/shadowed').map((w) => [w.file, w.hint]), run).toEqual([
        ['public/osebe/index.html', 'rename it or delete it: osebe/index.html is made from content/ (see Pages in the README)'],
        ['public/robots.txt', 'rename it or delete it: robots.txt is made from content/ (see Sitemap and robots.txt in the README)'],
      ]);
      expect(await site.read('/robots.txt'), run).toContain('Sitemap:');
      expect(await site.read('/humans.txt'), run).toBe('Uredništvo\n');
    }
  });

  it('warns about an article or a settings file left where nothing reads it, and still builds', async () => {
    const root = await copyFixture('archive-basic');
    await writeFile(path.join(root, 'content/zgubljen.md'), '---\ntitle: Zgubljen\ndate: 2025-12-01\n---\n\nBesedilo.\n');
    await writeFile(path.join(root, 'content/site.yml'), 'title: Napačno ime datoteke\n');
    const site = await buildSite(root);
    expect(site.result.model.warnings.filter((w) => w.code === 'content/stray-file').map((w) => [w.file, w.message])).toEqual([
      ['content/site.yml', 'the site settings are read from content/site.yaml only, so this file is not read'],
      ['content/zgubljen.md', 'this Markdown file is outside content/articles/ and content/people/, so it is not published'],
    ]);
    expect(await listFiles(site.outDir)).not.toContain('2025/12/01/zgubljen/index.html');
  });

  it('warns about an article saved as .markdown, as plain text or with no extension, which is not read, but not about a picture', async () => {
    const root = await copyFixture('archive-basic');
    const article = await readFile(path.join(root, 'content/articles/2025/prvi.md'), 'utf8');
    await writeFile(path.join(root, 'content/articles/2025/drugi.markdown'), article.replace('slug:', 'slug: drugi-'));
    await writeFile(path.join(root, 'content/articles/2025/tretji.txt'), 'Tretji članek\n\nBesedilo.\n');
    await writeFile(path.join(root, 'content/articles/2025/slika.jpg'), 'not really a picture');
    // Saved by an editor that adds .txt (Notepad): an article with front matter, not plain text to import.
    await writeFile(path.join(root, 'content/articles/2025/cetrti.md.txt'), `\uFEFF${article.replace(/\n/g, '\r\n')}`);
    // Saved with no extension at all; a file with none that is no article (a note, a lock file) is left alone.
    await writeFile(path.join(root, 'content/articles/2025/peti'), article.replace('slug:', 'slug: peti-'));
    await writeFile(path.join(root, 'content/articles/2025/BELEZKE'), 'Kaj še manjka.\n');
    const site = await buildSite(root);
    expect(site.result.model.warnings.filter((w) => w.code === 'content/stray-file').map((w) => [w.file, w.message, w.hint])).toEqual([
      ['content/articles/2025/cetrti.md.txt', 'only .md files are read, so this Markdown file is not published', 'rename it to end in .md: cetrti.md'],
      ['content/articles/2025/drugi.markdown', 'only .md files are read, so this Markdown file is not published', 'rename it to end in .md: drugi.md'],
      ['content/articles/2025/peti', 'this file starts with front matter like an article, but only .md files are read, so it is not published', 'rename it to end in .md: peti.md'],
      [
        'content/articles/2025/tretji.txt',
        'only .md files are read, so this plain-text file is not published',
        'turn it into an article with: npm run import -- content/articles/2025/tretji.txt',
      ],
    ]);
  });
});

describe('publishing rules', () => {
  it('keeps drafts and future articles out unless asked', async () => {
    const root = await makeTempDir();
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir(path.join(root, 'content', 'articles'), { recursive: true });
    await writeFile(path.join(root, 'content', 'articles', 'osnutek.md'), '---\ntitle: Osnutek\ndate: 2025-01-01\ndraft: true\n---\nx\n');
    await writeFile(path.join(root, 'content', 'articles', 'prihodnost.md'), '---\ntitle: Prihodnost\ndate: 2030-01-01\n---\nx\n');
    await writeFile(path.join(root, 'content', 'articles', 'danes.md'), '---\ntitle: Danes\ndate: 2025-06-01\n---\nx\n');
    const plain = await buildSite(root);
    expect(plain.result.model.archive.articles.map((a) => a.title)).toEqual(['Danes']);
    const future = await buildSite(root, { includeFuture: true });
    expect(future.result.model.archive.articles.map((a) => a.title)).toEqual(['Prihodnost', 'Danes']);
  });
});
