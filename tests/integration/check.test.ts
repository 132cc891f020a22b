import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { main, type Io } from '../../src/cli.ts';
import { checkSite } from '../../src/commands/check.ts';
import { toArhivarErrors } from '../../src/errors.ts';
import { lockOutput, outputLockPath, type LockHolder } from '../../src/output/build-lock.ts';
import { copyFixture, listFiles, removeDir } from '../helpers.ts';

const roots: string[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await removeDir(root);
});

function captureIo(onErr?: (line: string) => void): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (line) => stdout.push(line),
    err: (line) => {
      stderr.push(line);
      onErr?.(line);
    },
  };
}

/** Resolves when `told` is called, or fails after `ms` (the command did not wait). */
function toldWithin<T>(ms: number): { told: (value: T) => void; wait: Promise<T> } {
  let told!: (value: T) => void;
  const wait = new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not told within ${ms} ms`)), ms);
    told = (value) => {
      clearTimeout(timer);
      resolve(value);
    };
  });
  return { told, wait };
}

const HEADING_HINT =
  ': a heading\'s id is its text written as a slug ("## Ozadje pogovorov" is #ozadje-pogovorov, a second heading with the same text #ozadje-pogovorov-2), and the built page shows it as id="…"; build again if the heading or the link changed since the last build';

async function builtFixture(): Promise<string> {
  const root = await copyFixture('archive-basic');
  roots.push(root);
  await build({ root, now: new Date('2026-01-01T00:00:00Z') });
  return root;
}

describe('arhivar check', () => {
  it('passes a freshly built site and says so', async () => {
    const root = await builtFixture();
    const io = captureIo();
    expect(await main(['check', '--root', root], io)).toBe(0);
    expect(io.stdout.join('\n')).toBe('checked 5 articles: no problems; every internal link in dist/ resolves');
  });

  it('reports a symbolic link in public/ that a build would refuse, without building', async () => {
    const root = await builtFixture();
    await mkdir(path.join(root, 'public'), { recursive: true });
    await symlink('/etc/passwd', path.join(root, 'public/passwd.txt'));
    const io = captureIo();
    expect(await main(['check', '--root', root], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('public/passwd.txt  public/symlink-outside');
    expect(io.stderr.join('\n')).toContain('symbolic link points outside public/ (to /etc/passwd); it is not published');
  });

  it('reports a file or folder of public/ in the way of the pages, and one a page replaces, as a build does, without building', async () => {
    const root = await builtFixture();
    const now = new Date('2026-01-01T00:00:00Z');
    await mkdir(path.join(root, 'public/slike'), { recursive: true });
    await writeFile(path.join(root, 'public/slike/seja.jpg'), 'slika');
    await writeFile(path.join(root, 'public/stran'), 'stran');
    await writeFile(path.join(root, 'public/assets'), 'slog');
    await mkdir(path.join(root, 'public/feed.xml'), { recursive: true });
    await writeFile(path.join(root, 'public/feed.xml/stari.xml'), '<feed/>');
    await mkdir(path.join(root, 'public/osebe'), { recursive: true });
    await writeFile(path.join(root, 'public/osebe/index.html'), '<p>stara stran</p>');
    const told = (errors: readonly { code: string; file?: string | undefined; message: string; hint?: string | undefined }[]) =>
      errors.filter((error) => error.code.startsWith('public/')).map(({ code, file, message, hint }) => ({ code, file, message, hint }));

    const checked = await checkSite({ root, now });
    const failed = await build({ root, now }).then(
      () => [],
      (error: unknown) => toArhivarErrors(error) ?? [],
    );
    expect(told(checked.problems).map(({ code, file }) => [code, file])).toEqual([
      ['public/in-the-way', 'public/assets'],
      ['public/in-the-way', 'public/feed.xml'],
      ['public/in-the-way', 'public/stran'],
    ]);
    expect(told(checked.problems)).toEqual(told(failed));

    for (const inTheWay of ['stran', 'assets', 'feed.xml']) await rm(path.join(root, 'public', inTheWay), { recursive: true });
    const clean = await checkSite({ root, now });
    expect(told(clean.problems)).toEqual([]);
    const built = await build({ root, now });
    expect(told(clean.warnings).map(({ code, file }) => [code, file])).toEqual([['public/shadowed', 'public/osebe/index.html']]);
    expect(told(clean.warnings)).toEqual(told(built.model.warnings));
  });

  it('finds a planted broken link in dist/ and exits 1', async () => {
    const root = await builtFixture();
    const page = path.join(root, 'dist', 'osebe', 'index.html');
    await writeFile(page, (await readFile(page, 'utf8')).replace('</main>', '<a href="/osebe/ni-je-take-osebe/">?</a></main>'));
    const result = await checkSite({ root, now: new Date('2026-01-01T00:00:00Z') });
    expect(result.problems.map((p) => [p.code, p.file, p.message])).toEqual([
      ['link/broken', 'dist/osebe/index.html', 'link "/osebe/ni-je-take-osebe/" leads to no page or file of the built site'],
    ]);
    const io = captureIo();
    expect(await main(['check', '--root', root], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('dist/osebe/index.html  link/broken');
  });

  it('reports a broken link a template writes on every page once, naming its first page and how many more have it', async () => {
    const root = await builtFixture();
    // A footer link to a contact page that is not there, as layout.tsx would write it on every page.
    const pages = (await listFiles(path.join(root, 'dist'))).filter((file) => file.endsWith('.html')).sort();
    for (const page of pages) {
      const file = path.join(root, 'dist', page);
      await writeFile(file, (await readFile(file, 'utf8')).replace('</main>', '</main><footer><a href="/kontakt/">Kontakt</a></footer>'));
    }
    const result = await checkSite({ root, now: new Date('2026-01-01T00:00:00Z') });
    expect(pages.length).toBeGreaterThan(10);
    expect(result.brokenLinks).toBe(pages.length);
    expect(result.problems.map((p) => [p.code, p.file, p.message])).toEqual([
      ['link/broken', `dist/${pages[0]}`, `link "/kontakt/" leads to no page or file of the built site, and so does the same link on ${pages.length - 1} other pages of dist/ (${pages[1]}, ${pages[2]} …)`],
    ]);
  });

  it('reports a broken link written in an article or a bio at its file and line, and one a template writes on its page', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const now = new Date('2026-01-01T00:00:00Z');
    const drugi = path.join(root, 'content', 'articles', '2025', 'drugi.md');
    // Lines 10 to 14 of the file; the reference link's address is written on its definition's line.
    await writeFile(
      drugi,
      `${await readFile(drugi, 'utf8')}
Glej [tretji članek](/2025/03/13/tretji-clanek/) in ![Seja občinskega sveta](slike/seja.jpg), ![Župan](zupan.jpg).

Še enkrat [isti članek](/2025/03/13/tretji-clanek/), [oseba](/osebe/darja-žagar/) in [prvi][prvi].

[prvi]: /2025/01/10/prvi-clanek/
`,
    );
    // A picture the editor left beside the article, which the build does not copy.
    await writeFile(path.join(root, 'content', 'articles', '2025', 'zupan.jpg'), 'jpeg');
    const boris = path.join(root, 'content', 'people', 'boris-cok.md');
    await writeFile(boris, `${await readFile(boris, 'utf8')}\nPisal je [o proračunu](/2025/01/11/prvi-clanek-o-obcini/).\n`);
    await build({ root, now });
    const page = path.join(root, 'dist', '2025', '02', '11', 'drugi-clanek', 'index.html');
    await writeFile(page, (await readFile(page, 'utf8')).replace('</main>', '<a href="/iz-predloge/">?</a></main>'));

    const result = await checkSite({ root, now });
    const added = 'if the address is right and leads to an article or file added since the last build, build again';
    const correct = `correct the address in the article: a page of this site is written from the site's root (/2025/12/20/naslov-clanka/), a file in public/ by its path there (public/slike/foto.jpg is /slike/foto.jpg); ${added}`;
    expect(result.problems.map((p) => [p.file, p.line, p.message, p.hint])).toEqual([
      [
        'content/articles/2025/drugi.md',
        10,
        'link "/2025/03/13/tretji-clanek/" (also on line 12) leads to no page or file of the built site',
        `write /2025/03/12/tretji-clanek/ if that is what the article means; ${added}`,
      ],
      ['content/articles/2025/drugi.md', 10, 'link "slike/seja.jpg" leads to no page or file of the built site', correct],
      [
        'content/articles/2025/drugi.md',
        10,
        'link "zupan.jpg" leads to no page or file of the built site',
        'content/articles/2025/zupan.jpg is beside the article in content/, but only public/ is copied into the site: move it into public/ (public/slike/zupan.jpg) and write /slike/zupan.jpg',
      ],
      ['content/articles/2025/drugi.md', 12, 'link "/osebe/darja-žagar/" leads to no page or file of the built site', `write /osebe/darja-zagar/ if that is what the article means; ${added}`],
      // The article's address cut short: the one article of that day whose slug goes on from it.
      ['content/articles/2025/drugi.md', 14, 'link "/2025/01/10/prvi-clanek/" leads to no page or file of the built site', `write /2025/01/10/prvi-clanek-o-obcini/ if that is what the article means; ${added}`],
      [
        'content/people/boris-cok.md',
        9,
        'link "/2025/01/11/prvi-clanek-o-obcini/" leads to no page or file of the built site',
        `write /2025/01/10/prvi-clanek-o-obcini/ if that is what the bio means; ${added}`,
      ],
      [
        'dist/2025/02/11/drugi-clanek/index.html',
        undefined,
        'link "/iz-predloge/" leads to no page or file of the built site',
        'build again (the build may be older than the content; a page removed from dist/ by hand comes back once dist/ is deleted and built); if it stays, fix the link in the article or template that writes it',
      ],
    ]);
    const io = captureIo();
    expect(await main(['check', '--root', root], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('content/articles/2025/drugi.md:12  link/broken\n  link "/osebe/darja-žagar/" leads to no page or file of the built site');
  });

  it('says a file or folder of public/ named with decomposed letters (z and a caron, as macOS writes names) is to be renamed, not to "write" the same address', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const now = new Date('2026-01-01T00:00:00Z');
    // The name in public/ spells ž as z + U+030C; the article (read as NFC) spells it as one letter. A web server
    // looks the name up byte by byte, so the link leads to the 404 page, and "write /slike/žerjav.jpg" reads as
    // the very address the article has.
    await mkdir(path.join(root, 'public', 'slike'), { recursive: true });
    await writeFile(path.join(root, 'public', 'slike', 'žerjav.jpg'.normalize('NFD')), 'jpeg');
    // A folder so named: it is the folder to rename.
    await mkdir(path.join(root, 'public', 'Poročila'.normalize('NFD')));
    await writeFile(path.join(root, 'public', 'Poročila'.normalize('NFD'), 'letno.pdf'), 'pdf');
    const drugi = path.join(root, 'content', 'articles', '2025', 'drugi.md');
    await writeFile(drugi, `${await readFile(drugi, 'utf8')}\n![Žerjav ob reki](/slike/žerjav.jpg)\n\n[Letno poročilo](/Poročila/letno.pdf)\n`);
    await build({ root, now });

    const result = await checkSite({ root, now });
    expect(result.problems.map((p) => [p.file, p.line, p.message, p.hint])).toEqual([
      [
        'content/articles/2025/drugi.md',
        10,
        'link "/slike/žerjav.jpg" leads to no page or file of the built site',
        `public/slike/${'žerjav.jpg'.normalize('NFD')} is named with "ž" written as two characters (z and a combining mark, as macOS and some zip programs write names), the article with one, and a web server takes them for different names: rename the file in public/, typing its name anew, and build again`,
      ],
      [
        'content/articles/2025/drugi.md',
        12,
        'link "/Poročila/letno.pdf" leads to no page or file of the built site',
        `public/${'Poročila'.normalize('NFD')}/ is named with "č" written as two characters (c and a combining mark, as macOS and some zip programs write names), the article with one, and a web server takes them for different names: rename the folder in public/, typing its name anew, and build again`,
      ],
    ]);
  });

  it('finds a file of public/ whose name has two letters decomposed, too far from the link for a typo, under its composed name', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const now = new Date('2026-01-01T00:00:00Z');
    // Written decomposed, »proračun-občine.pdf« is four characters from the link's name (each č is c and a caron),
    // more than a typo of its length may be; only its composed spelling, which the link writes, finds it.
    const file = 'proračun-občine.pdf'.normalize('NFD');
    await mkdir(path.join(root, 'public', 'datoteke'), { recursive: true });
    await writeFile(path.join(root, 'public', 'datoteke', file), 'pdf');
    const drugi = path.join(root, 'content', 'articles', '2025', 'drugi.md');
    await writeFile(drugi, `${await readFile(drugi, 'utf8')}\n[Proračun občine](/datoteke/proračun-občine.pdf)\n`);
    await build({ root, now });

    const result = await checkSite({ root, now });
    expect(result.problems.map((p) => [p.file, p.line, p.message, p.hint])).toEqual([
      [
        'content/articles/2025/drugi.md',
        10,
        'link "/datoteke/proračun-občine.pdf" leads to no page or file of the built site',
        `public/datoteke/${file} is named with "č" written as two characters (c and a combining mark, as macOS and some zip programs write names), the article with one, and a web server takes them for different names: rename the file in public/, typing its name anew, and build again`,
      ],
    ]);
  });

  it('reports a link that starts with // before a folder of the site (//osebe/…), which a browser takes for a host no reader can reach', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const now = new Date('2026-01-01T00:00:00Z');
    // A path glued to a "/" (an import, a template's base + "/osebe/…"); another site's //host link stays unchecked.
    const drugi = path.join(root, 'content', 'articles', '2025', 'drugi.md');
    await writeFile(drugi, `${await readFile(drugi, 'utf8')}\n[Darja](//osebe/darja-zagar/), [nihče](//osebe/nihce-tak/) in [RTV](//www.rtvslo.si/novice/).\n`);
    await build({ root, now });

    const result = await checkSite({ root, now });
    expect(result.problems.map((p) => [p.file, p.line, p.message, p.hint])).toEqual([
      [
        'content/articles/2025/drugi.md',
        10,
        'link "//osebe/darja-zagar/" leads to the host "osebe", not to this site: an address that starts with // names a host, and no reader can reach one whose name has no dot',
        'write /osebe/darja-zagar/, with one /, if that is what the article means',
      ],
      [
        'content/articles/2025/drugi.md',
        10,
        'link "//osebe/nihce-tak/" leads to the host "osebe", not to this site: an address that starts with // names a host, and no reader can reach one whose name has no dot',
        "write a page of this site from the site's root with one / (/2025/12/20/naslov-clanka/), or another site's address in full (https://www.rtvslo.si/novice/)",
      ],
    ]);
    const io = captureIo();
    expect(await main(['check', '--root', root], io)).toBe(1);
  });

  it('warns of a link to a listing\'s page 1 (/oznake/preizkus/stran/1/), which reaches the listing only through the 404 page, and names its address', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const now = new Date('2026-01-01T00:00:00Z');
    // Readers see /stran/2/ in the address bar and write 1 for the first page, which is the listing's own folder;
    // a page past the last is a listing that had more pages once, or a number mistyped.
    const drugi = path.join(root, 'content', 'articles', '2025', 'drugi.md');
    await writeFile(drugi, `${await readFile(drugi, 'utf8')}\n[Prva stran](/stran/1/), [oznaka](/oznake/preizkus/stran/1/) in [ni je](/stran/99/).\n`);
    await build({ root, now });

    const result = await checkSite({ root, now });
    expect(result.problems.map((p) => [p.file, p.line, p.message, p.hint])).toEqual([
      [
        'content/articles/2025/drugi.md',
        10,
        'link "/stran/99/" leads to no page or file of the built site',
        'the listing / has no page 99 in the last build, and its pages move on as articles are added: link the listing itself (/) or the article you mean; build again if articles were added since the last build',
      ],
    ]);
    expect(result.warnings.map((w) => [w.code, w.file, w.line, w.message, w.hint])).toEqual([
      [
        'link/first-page-number',
        'content/articles/2025/drugi.md',
        10,
        'link "/oznake/preizkus/stran/1/" reaches the first page of /oznake/preizkus/ only through the 404 page, whose script sends readers on to it: search engines and readers without JavaScript get the 404 page',
        'write /oznake/preizkus/: the first page of a listing is its own address, with no page number',
      ],
      [
        'link/first-page-number',
        'content/articles/2025/drugi.md',
        10,
        'link "/stran/1/" reaches the first page of / only through the 404 page, whose script sends readers on to it: search engines and readers without JavaScript get the 404 page',
        'write /: the first page of a listing is its own address, with no page number',
      ],
    ]);
  });

  it('passes a site whose only such link is to a listing\'s page 1, with the warning and the link counted in its last line', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const now = new Date('2026-01-01T00:00:00Z');
    const drugi = path.join(root, 'content', 'articles', '2025', 'drugi.md');
    await writeFile(drugi, `${await readFile(drugi, 'utf8')}\n[Oznaka](/oznake/preizkus/stran/1/index.html).\n`);
    await build({ root, now });
    const io = captureIo();
    expect(await main(['check', '--root', root], io)).toBe(0);
    expect(io.stderr.map((entry) => entry.split('\n')[0])).toEqual(['warning: content/articles/2025/drugi.md:10  link/first-page-number']);
    expect(io.stdout.at(-1)).toBe('checked 5 articles: 1 warning (above), no problems; every internal link in dist/ resolves, 1 of them only through the 404 page');
  });

  it('tells a page 1 of a listing the site does not have as a broken link, as the 404 page\'s script sends the reader to no page', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const now = new Date('2026-01-01T00:00:00Z');
    const drugi = path.join(root, 'content', 'articles', '2025', 'drugi.md');
    await writeFile(drugi, `${await readFile(drugi, 'utf8')}\n[Oznaka](/oznake/ni-take-oznake-nikjer/stran/1/).\n`);
    await build({ root, now });
    const result = await checkSite({ root, now });
    expect(result.problems.map((p) => [p.code, p.line, p.message])).toEqual([['link/broken', 10, 'link "/oznake/ni-take-oznake-nikjer/stran/1/" leads to no page or file of the built site']]);
    expect(result.warnings).toEqual([]);
  });

  it('names the page a page number written with a leading zero means (/oznake/preizkus/stran/02/), not a listing with no such page', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const now = new Date('2026-01-01T00:00:00Z');
    // Page 2 of the tag and of the front page are built (5 articles, pageSize 3); "02" is another folder to a web server.
    const drugi = path.join(root, 'content', 'articles', '2025', 'drugi.md');
    await writeFile(drugi, `${await readFile(drugi, 'utf8')}\n[Oznaka](/oznake/preizkus/stran/02/) in [naslovnica](/stran/02/).\n`);
    await build({ root, now });

    const result = await checkSite({ root, now });
    expect(result.problems.map((p) => [p.line, p.message, p.hint])).toEqual([
      [10, 'link "/oznake/preizkus/stran/02/" leads to no page or file of the built site', 'write /oznake/preizkus/stran/2/: a page number is written without leading zeros, and 02 is another address'],
      [10, 'link "/stran/02/" leads to no page or file of the built site', 'write /stran/2/: a page number is written without leading zeros, and 02 is another address'],
    ]);
  });

  it('calls no article a listing: a relative stran/99/ in an article leads under the article, which has no pages', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const now = new Date('2026-01-01T00:00:00Z');
    // The browser resolves these under the article's own page (/2025/02/11/drugi-clanek/stran/99/), and only
    // the front page, a month, a tag and a person's pages are numbered: the article is no listing to link instead.
    const drugi = path.join(root, 'content', 'articles', '2025', 'drugi.md');
    await writeFile(drugi, `${await readFile(drugi, 'utf8')}\n[Starejše](stran/99/) in [prva](stran/1/).\n`);
    await build({ root, now });

    const result = await checkSite({ root, now });
    const correct =
      "correct the address in the article: a page of this site is written from the site's root (/2025/12/20/naslov-clanka/), a file in public/ by its path there (public/slike/foto.jpg is /slike/foto.jpg); if the address is right and leads to an article or file added since the last build, build again";
    expect(result.problems.map((p) => [p.line, p.message, p.hint])).toEqual([
      [10, 'link "stran/1/" leads to no page or file of the built site', correct],
      [10, 'link "stran/99/" leads to no page or file of the built site', correct],
    ]);
  });

  it('names the month page a link means when its path ends in it (/arhiv/2025/03/ for /2025/03/)', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const now = new Date('2026-01-01T00:00:00Z');
    // The site is at the host's root, and its archive page is /arhiv/: an editor writes its months under it, or
    // copies the path of an older site that had a folder in front.
    const drugi = path.join(root, 'content', 'articles', '2025', 'drugi.md');
    await writeFile(drugi, `${await readFile(drugi, 'utf8')}\n[Marec](/arhiv/2025/03/) in [maj](/novice/arhiv/2025/05/).\n`);
    await build({ root, now });

    const result = await checkSite({ root, now });
    const added = 'if the address is right and leads to an article or file added since the last build, build again';
    expect(result.problems.map((p) => [p.line, p.message, p.hint])).toEqual([
      [10, 'link "/arhiv/2025/03/" leads to no page or file of the built site', `write /2025/03/ if that is what the article means; ${added}`],
      [10, 'link "/novice/arhiv/2025/05/" leads to no page or file of the built site', `write /2025/05/ if that is what the article means; ${added}`],
    ]);
  });

  it('writes an address with a space it offers in angle brackets, as Markdown takes it, not as text that is no link', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const now = new Date('2026-01-01T00:00:00Z');
    await mkdir(path.join(root, 'public', 'slike'), { recursive: true });
    await writeFile(path.join(root, 'public', 'slike', 'seja sveta.jpg'), 'jpeg');
    const drugi = path.join(root, 'content', 'articles', '2025', 'drugi.md');
    await writeFile(drugi, `${await readFile(drugi, 'utf8')}\n![Seja](</slike/seja-sveta.jpg>)\n\n![Župan](<župan na seji.jpg>)\n`);
    await writeFile(path.join(root, 'content', 'articles', '2025', 'župan na seji.jpg'), 'jpeg');
    await build({ root, now });

    // `![Seja](/slike/seja sveta.jpg)`, as the hint read, is published as text (article/space-in-address).
    const result = await checkSite({ root, now });
    expect(result.problems.map((p) => [p.file, p.line, p.message, p.hint])).toEqual([
      [
        'content/articles/2025/drugi.md',
        10,
        'link "/slike/seja-sveta.jpg" leads to no page or file of the built site',
        'write </slike/seja sveta.jpg>, in angle brackets as Markdown takes an address with a space, if that is what the article means; if the address is right and leads to an article or file added since the last build, build again',
      ],
      [
        'content/articles/2025/drugi.md',
        12,
        'link "župan na seji.jpg" leads to no page or file of the built site',
        'content/articles/2025/župan na seji.jpg is beside the article in content/, but only public/ is copied into the site: move it into public/ (public/slike/župan na seji.jpg) and write </slike/župan na seji.jpg>',
      ],
    ]);
  });

  it('names the page an address of an older CMS means (/2025/03/12/tretji-clanek.html, …/index.htm): its folder', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const now = new Date('2026-01-01T00:00:00Z');
    const drugi = path.join(root, 'content', 'articles', '2025', 'drugi.md');
    await writeFile(drugi, `${await readFile(drugi, 'utf8')}\n[Tretji](/2025/03/12/tretji-clanek.html), [Darja](/osebe/darja-zagar/index.htm) in [Boris](../../../../osebe/boris-cok.htm).\n`);
    await build({ root, now });

    const result = await checkSite({ root, now });
    const added = 'if the address is right and leads to an article or file added since the last build, build again';
    expect(result.problems.map((p) => [p.line, p.message, p.hint])).toEqual([
      [10, 'link "../../../../osebe/boris-cok.htm" leads to no page or file of the built site', `write /osebe/boris-cok/ if that is what the article means; ${added}`],
      [10, 'link "/2025/03/12/tretji-clanek.html" leads to no page or file of the built site', `write /2025/03/12/tretji-clanek/ if that is what the article means; ${added}`],
      [10, 'link "/osebe/darja-zagar/index.htm" leads to no page or file of the built site', `write /osebe/darja-zagar/ if that is what the article means; ${added}`],
    ]);
  });

  it('names the address of an article or person an editor linked by its file in content/, not a move into public/', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const now = new Date('2026-01-01T00:00:00Z');
    const drugi = path.join(root, 'content', 'articles', '2025', 'drugi.md');
    // Line 10: links written as paths to other content files, as an editor copies them from the file tree.
    await writeFile(
      drugi,
      `${await readFile(drugi, 'utf8')}\nGlej [tretji](tretji.md), [prvi](../2025/prvi.md), [Boris Čok](../../people/boris-cok.md) in [osnutek](osnutek.md).\n`,
    );
    await writeFile(path.join(root, 'content', 'articles', '2025', 'osnutek.md'), '---\ntitle: "Osnutek"\ndate: 2025-02-01\ndraft: true\n---\n\nŠe ni objavljeno.\n');
    await build({ root, now });

    const result = await checkSite({ root, now });
    expect(result.problems.map((p) => [p.file, p.line, p.message, p.hint])).toEqual([
      [
        'content/articles/2025/drugi.md',
        10,
        'link "../../people/boris-cok.md" leads to no page or file of the built site',
        "content/people/boris-cok.md is the file of a person, not the address of their page: write /osebe/boris-cok/",
      ],
      [
        'content/articles/2025/drugi.md',
        10,
        'link "../2025/prvi.md" leads to no page or file of the built site',
        "content/articles/2025/prvi.md is the file of an article, not its address: write /2025/01/10/prvi-clanek-o-obcini/, the address of its page",
      ],
      [
        'content/articles/2025/drugi.md',
        10,
        'link "osnutek.md" leads to no page or file of the built site',
        'content/articles/2025/osnutek.md is a content file, and the built site has no page for it (a draft, an article dated in the future, or a person no published article names): link the page by its address once it is published (/2025/12/20/naslov-clanka/, /osebe/ime-priimek/)',
      ],
      [
        'content/articles/2025/drugi.md',
        10,
        'link "tretji.md" leads to no page or file of the built site',
        "content/articles/2025/tretji.md is the file of an article, not its address: write /2025/03/12/tretji-clanek/, the address of its page",
      ],
    ]);
  });

  it('names the address of an article or person linked by the file name alone or its path from the project, not only by the path from the article', async () => {
    // An editor who sees only the file's name in the file tree (or its path from the project folder) writes
    // that; it led nowhere from the article's folder, and the hint was the general one.
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const now = new Date('2026-01-01T00:00:00Z');
    const drugi = path.join(root, 'content', 'articles', '2025', 'drugi.md');
    await writeFile(
      drugi,
      `${await readFile(drugi, 'utf8')}\nGlej [prvi](content/articles/2025/prvi.md), [tretji](/content/articles/2025/tretji.md), [četrti](2025/cetrti.md) in [Boris Čok](boris-cok.md#zivljenjepis).\n\nIn [peti](/peti.md).\n`,
    );
    // Two files of that name: which one is meant cannot be told, so the hint stays the general one.
    await mkdir(path.join(root, 'content', 'articles', '2024'));
    await writeFile(path.join(root, 'content', 'articles', '2024', 'peti.md'), '---\ntitle: "Peti lani"\ndate: 2024-05-01\n---\n\nLanski.\n');
    await build({ root, now });

    const result = await checkSite({ root, now });
    expect(result.problems.map((p) => [p.file, p.line, p.message, p.hint])).toEqual([
      [
        'content/articles/2025/drugi.md',
        10,
        'link "/content/articles/2025/tretji.md" leads to no page or file of the built site',
        'content/articles/2025/tretji.md is the file of an article, not its address: write /2025/03/12/tretji-clanek/, the address of its page',
      ],
      [
        'content/articles/2025/drugi.md',
        10,
        'link "2025/cetrti.md" leads to no page or file of the built site',
        'content/articles/2025/cetrti.md is the file of an article, not its address: write /2025/04/13/cetrti-clanek/, the address of its page',
      ],
      [
        'content/articles/2025/drugi.md',
        10,
        'link "boris-cok.md#zivljenjepis" leads to no page or file of the built site',
        'content/people/boris-cok.md is the file of a person, not the address of their page: write /osebe/boris-cok/',
      ],
      [
        'content/articles/2025/drugi.md',
        10,
        'link "content/articles/2025/prvi.md" leads to no page or file of the built site',
        'content/articles/2025/prvi.md is the file of an article, not its address: write /2025/01/10/prvi-clanek-o-obcini/, the address of its page',
      ],
      [
        'content/articles/2025/drugi.md',
        12,
        'link "/peti.md" leads to no page or file of the built site',
        "correct the address in the article: a page of this site is written from the site's root (/2025/12/20/naslov-clanka/), a file in public/ by its path there (public/slike/foto.jpg is /slike/foto.jpg); if the address is right and leads to an article or file added since the last build, build again",
      ],
    ]);
  });

  it('names the address of an article linked by its path from the project with backslashes, as a Windows folder shows it', async () => {
    // A file of public/ so linked was told its address, an article got the general hint.
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const now = new Date('2026-01-01T00:00:00Z');
    const drugi = path.join(root, 'content', 'articles', '2025', 'drugi.md');
    await writeFile(drugi, `${await readFile(drugi, 'utf8')}\nGlej [tretji](content\\articles\\2025\\tretji.md).\n`);
    await build({ root, now });

    const result = await checkSite({ root, now });
    expect(result.problems.map((p) => [p.line, p.message, p.hint])).toEqual([
      [
        10,
        'link "content\\articles\\2025\\tretji.md" leads to no page or file of the built site',
        'content/articles/2025/tretji.md is the file of an article, not its address: write /2025/03/12/tretji-clanek/, the address of its page',
      ],
    ]);
  });

  it('names the address of a file of public/ linked by its path there (public/slike/…) or with backslashes, as a Windows folder shows it', async () => {
    // Both got the general hint, which says only that public/slike/foto.jpg is /slike/foto.jpg.
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const now = new Date('2026-01-01T00:00:00Z');
    await mkdir(path.join(root, 'public/slike'), { recursive: true });
    await writeFile(path.join(root, 'public/slike/seja.jpg'), 'slika');
    const drugi = path.join(root, 'content', 'articles', '2025', 'drugi.md');
    await writeFile(
      drugi,
      `${await readFile(drugi, 'utf8')}\n![Seja](public/slike/seja.jpg) ![Seja](../../../public/slike/seja.jpg) ![Seja](slike\\seja.jpg) ![Seja](\\slike\\seja.jpg) ![Seja](public/slike/nikjer.jpg)\n`,
    );
    await build({ root, now });

    const result = await checkSite({ root, now });
    const hint = "the file is public/slike/seja.jpg, which the site publishes at /slike/seja.jpg: write /slike/seja.jpg (a file of public/ is linked from the site's root, without public/, and with / between folders)";
    expect(result.problems.map((p) => [p.line, p.message, p.hint])).toEqual([
      [10, 'link "\\slike\\seja.jpg" leads to no page or file of the built site', hint],
      [10, 'link "../../../public/slike/seja.jpg" leads to no page or file of the built site', hint],
      [10, 'link "public/slike/nikjer.jpg" leads to no page or file of the built site', expect.stringMatching(/^correct the address in the article: /)],
      [10, 'link "public/slike/seja.jpg" leads to no page or file of the built site', hint],
      [10, 'link "slike\\seja.jpg" leads to no page or file of the built site', hint],
    ]);
  });

  it('reports a link to the dev server or another address of this computer (localhost, 127.0.0.1), which no reader can open', async () => {
    // Copied from the browser while npm run dev ran, it was another site's link to the check, and was published.
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const now = new Date('2026-01-01T00:00:00Z');
    const drugi = path.join(root, 'content', 'articles', '2025', 'drugi.md');
    await writeFile(
      drugi,
      `${await readFile(drugi, 'utf8')}\nGlej [prvi](http://127.0.0.1:5173/2025/01/10/prvi-clanek-o-obcini/#zacetek), [Boris](http://localhost:4321/osebe/boris-cok/) in [nikamor](http://[::1]:8080/nikjer/).\n`,
    );
    await build({ root, now });

    const result = await checkSite({ root, now });
    expect(result.problems.map((p) => [p.file, p.line, p.message, p.hint])).toEqual([
      [
        'content/articles/2025/drugi.md',
        10,
        'link "http://[::1]:8080/nikjer/" leads to [::1]:8080, the computer it was copied on (the address npm run dev serves at), which no reader can open',
        "write the page's address from the site's root (/2025/12/20/naslov-clanka/) in place of the whole address",
      ],
      [
        'content/articles/2025/drugi.md',
        10,
        'link "http://127.0.0.1:5173/2025/01/10/prvi-clanek-o-obcini/#zacetek" leads to 127.0.0.1:5173, the computer it was copied on (the address npm run dev serves at), which no reader can open',
        'write /2025/01/10/prvi-clanek-o-obcini/#zacetek, the path after the address',
      ],
      [
        'content/articles/2025/drugi.md',
        10,
        'link "http://localhost:4321/osebe/boris-cok/" leads to localhost:4321, the computer it was copied on (the address npm run dev serves at), which no reader can open',
        'write /osebe/boris-cok/, the path after the address',
      ],
    ]);
  });

  it('says a link to an article held back for its date is right and broken until then, not to correct the address', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const now = new Date('2026-01-01T00:00:00Z');
    const drugi = path.join(root, 'content', 'articles', '2025', 'drugi.md');
    // Line 10: a published article links the story embargoed until March, by its address as it will be.
    await writeFile(drugi, `${await readFile(drugi, 'utf8')}\nGlej [napoved](/2026/03/01/napoved/) in [napoved](../../../../2026/03/01/napoved/index.html).\n`);
    await writeFile(path.join(root, 'content', 'articles', '2025', 'napoved.md'), '---\ntitle: "Napoved"\ndate: 2026-03-01T08:00\n---\n\nŠe ni objavljeno.\n');
    await build({ root, now });

    const result = await checkSite({ root, now });
    const hint =
      'it is the address of an article dated 2026-03-01 08:00 Ljubljana time, which waits for its date: the first build from then on publishes it, and until then the link leads to the 404 page; date the article no earlier, or add the link once that one is out';
    expect(result.problems.map((p) => [p.file, p.line, p.message, p.hint])).toEqual([
      ['content/articles/2025/drugi.md', 10, 'link "../../../../2026/03/01/napoved/index.html" leads to no page or file of the built site', hint],
      ['content/articles/2025/drugi.md', 10, 'link "/2026/03/01/napoved/" leads to no page or file of the built site', hint],
    ]);
  });

  it('says a link to a draft is the address of a draft, not to correct the address', async () => {
    // The dev server shows drafts, so an editor copies a draft's address from it; »correct the address« sent them
    // looking for a typo in an address that is right.
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const now = new Date('2026-01-01T00:00:00Z');
    const drugi = path.join(root, 'content', 'articles', '2025', 'drugi.md');
    await writeFile(drugi, `${await readFile(drugi, 'utf8')}\nGlej [osnutek](/2025/12/20/osnutek/).\n`);
    await writeFile(path.join(root, 'content', 'articles', '2025', 'osnutek.md'), '---\ntitle: "Osnutek"\ndate: 2025-12-20\ndraft: true\n---\n\nŠe ni objavljeno.\n');
    await build({ root, now });

    const result = await checkSite({ root, now });
    expect(result.problems.map((p) => [p.file, p.line, p.message, p.hint])).toEqual([
      [
        'content/articles/2025/drugi.md',
        10,
        'link "/2025/12/20/osnutek/" leads to no page or file of the built site',
        'it is the address of content/articles/2025/osnutek.md, a draft (draft: true), which is not published, so the link leads to the 404 page: add the link once that article is out',
      ],
    ]);
  });

  it('says a link to the address an article had before its title changed is that article\'s old address, with the new one', async () => {
    // »correct the address in the article« sent the editor looking for a typo in an address that was right when written.
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const now = new Date('2026-01-01T00:00:00Z');
    await build({ root, now });
    const prvi = path.join(root, 'content', 'articles', '2025', 'prvi.md');
    await writeFile(prvi, (await readFile(prvi, 'utf8')).replace('title: "Prvi članek o občini"', 'title: "Proračun sprejet na seji"'));
    const drugi = path.join(root, 'content', 'articles', '2025', 'drugi.md');
    await writeFile(drugi, `${await readFile(drugi, 'utf8')}\nGlej [proračun](/2025/01/10/prvi-clanek-o-obcini/).\n`);
    await build({ root, now });

    const result = await checkSite({ root, now });
    expect(result.problems.map((p) => [p.file, p.line, p.message, p.hint])).toEqual([
      [
        'content/articles/2025/drugi.md',
        10,
        'link "/2025/01/10/prvi-clanek-o-obcini/" leads to no page or file of the built site',
        'it is the address content/articles/2025/prvi.md was published at before its title or date changed, and nothing stands there now: write /2025/01/10/proracun-sprejet-na-seji/, its address now (the build\'s article/address-changed warning gives the redirectFrom: line that keeps links shared elsewhere working too)',
      ],
    ]);
  });

  it('checks a site published under a path at that path, and reports a link that leads out of it', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const siteYaml = path.join(root, 'content', 'site.yaml');
    await writeFile(siteYaml, (await readFile(siteYaml, 'utf8')).replace(/^baseUrl: .*$/m, 'baseUrl: https://example.si/arhiv/'));
    await build({ root, now: new Date('2026-01-01T00:00:00Z') });
    const io = captureIo();
    expect(await main(['check', '--root', root], io)).toBe(0);
    expect(io.stdout.join('\n')).toBe('checked 5 articles: 1 warning (above), no problems; every internal link in dist/ resolves');

    const page = path.join(root, 'dist', 'osebe', 'index.html');
    await writeFile(page, (await readFile(page, 'utf8')).replace('</main>', '<a href="/osebe/">s korena</a><a href="/arhiv/osebe/">pod potjo</a></main>'));
    const result = await checkSite({ root, now: new Date('2026-01-01T00:00:00Z') });
    expect(result.problems.map((p) => [p.code, p.file, p.message, p.hint])).toEqual([
      [
        'link/broken',
        'dist/osebe/index.html',
        'link "/osebe/" leads out of /arhiv/, the path baseUrl in content/site.yaml publishes the site under',
        "build again if baseUrl changed since the last build; if it stays, a link an article writes from the host's root must start with /arhiv/ (or be relative to its page) (it may mean /arhiv/osebe/)",
      ],
    ]);

    // An article that links a page of the site without the path, the host's own contact page, and a page
    // relative to its own with one ../ too many, which climbs out of /arhiv/.
    const drugi = path.join(root, 'content', 'articles', '2025', 'drugi.md');
    await writeFile(drugi, `${await readFile(drugi, 'utf8')}\n[Tretji](/2025/03/12/tretji-clanek/) in [kontakt](/kontakt/).\n\n[Prvi](../../../../../2025/01/10/prvi-clanek-o-obcini/)\n`);
    await build({ root, now: new Date('2026-01-01T00:00:00Z') });
    const written = await checkSite({ root, now: new Date('2026-01-01T00:00:00Z') });
    // (The link planted in dist/osebe/index.html above is still there: the build did not need to write that page again.)
    expect(written.problems.filter((p) => p.file?.startsWith('content/')).map((p) => [p.file, p.line, p.hint])).toEqual([
      ['content/articles/2025/drugi.md', 10, "write /arhiv/2025/03/12/tretji-clanek/: the site is published under /arhiv/, and a link from the host's root must start with it"],
      [
        'content/articles/2025/drugi.md',
        10,
        'a link to a page or file of this site starts with /arhiv/ (/arhiv/2025/12/20/naslov-clanka/) or is relative to its page; a page of the host outside the site takes its whole address (https://example.si/kontakt/); build again if baseUrl changed since the last build',
      ],
      ['content/articles/2025/drugi.md', 12, 'write /arhiv/2025/01/10/prvi-clanek-o-obcini/: the site is published under /arhiv/, and the ../ of the link climb out of it'],
    ]);
  });

  it('names the address an editor mistyped (a letter left out or swapped, a č typed or not) when one is clearly close', async () => {
    // tests/fixtures/did-you-mean: "Odzivi iz Moskve" links a person (twice), the article before it, two tags and a picture with
    // typos, and two tags with no one address close to them (volitve-2025 is as close to 2024 as to 2026).
    const root = await copyFixture('did-you-mean');
    roots.push(root);
    const now = new Date('2026-01-01T00:00:00Z');
    await build({ root, now });
    const page = path.join(root, 'dist', 'oznake', 'index.html');
    await writeFile(page, (await readFile(page, 'utf8')).replace('</main>', '<a href="/oznake/rusjia/">?</a></main>'));

    const result = await checkSite({ root, now });
    const added = 'if the address is right and leads to an article or file added since the last build, build again';
    const correct = `correct the address in the article: a page of this site is written from the site's root (/2025/12/20/naslov-clanka/), a file in public/ by its path there (public/slike/foto.jpg is /slike/foto.jpg); ${added}`;
    const file = 'content/articles/2025/odzivi-iz-moskve.md';
    expect(result.problems.map((p) => [p.file, p.line, p.message, p.hint])).toEqual([
      [file, 8, 'link "/osebe/steve-witkof/" leads to no page or file of the built site', `write /osebe/steve-witkoff/ if that is what the article means; ${added}`],
      [
        file,
        9,
        'link "/2025/12/22/witkoff-in-dmitrijev-na-flroidi/" leads to no page or file of the built site',
        `write /2025/12/22/witkoff-in-dmitrijev-na-floridi/ if that is what the article means; ${added}`,
      ],
      [file, 11, 'link "/osebe/jurij-ušakof/" leads to no page or file of the built site', `write /osebe/jurij-usakov/ if that is what the article means; ${added}`],
      [file, 11, 'link "/oznake/ukrajna/" leads to no page or file of the built site', `write /oznake/ukrajina/ if that is what the article means; ${added}`],
      [file, 13, 'link "/oznake/gaza/" leads to no page or file of the built site', correct],
      [file, 13, 'link "/oznake/volitve-2025/" leads to no page or file of the built site', correct],
      // A typo in a folder above the last name, and a picture of public/ with a letter left out.
      [file, 15, 'link "/osbe/steve-witkof/" leads to no page or file of the built site', `write /osebe/steve-witkoff/ if that is what the article means; ${added}`],
      [file, 15, 'link "/slike/witkof.svg" leads to no page or file of the built site', `write /slike/witkoff.svg if that is what the article means; ${added}`],
      // The site's own address in full, as the browser shows it.
      [
        file,
        17,
        'link "https://politika.example.si/osebe/steve-witkof/" leads to no page or file of the built site',
        `write /osebe/steve-witkoff/ if that is what the article means; ${added}`,
      ],
      [
        'dist/oznake/index.html',
        undefined,
        'link "/oznake/rusjia/" leads to no page or file of the built site',
        'build again (the build may be older than the content; a page removed from dist/ by hand comes back once dist/ is deleted and built); if it stays, fix the link in the article or template that writes it (it may mean /oznake/rusija/)',
      ],
    ]);
  });

  it('says that an address of another site written without https:// is read as a path of this site', async () => {
    const root = await copyFixture('did-you-mean');
    roots.push(root);
    const now = new Date('2026-01-01T00:00:00Z');
    const file = 'content/articles/2025/witkoff-dmitrijev-florida.md';
    // Line 10: addresses as an editor types them, without https://; a file name with a dot is not taken for a host.
    await writeFile(path.join(root, file), `${await readFile(path.join(root, file), 'utf8')}\n[RTV](www.rtvslo.si/novice/), [Delo](delo.si/svet/), [stran](politika.example.si/osebe/steve-witkoff/), [www](www.politika.example.si/osebe/steve-witkoff/), [PDF](porocilo.pdf).\n`);
    await build({ root, now });
    const result = await checkSite({ root, now });
    expect(result.problems.filter((p) => p.file === file).map((p) => [p.line, p.message, p.hint])).toEqual([
      [
        10,
        'link "delo.si/svet/" leads to no page or file of the built site',
        `an address of another site starts with https:// (https://delo.si/svet/); without it the browser looks for "delo.si/svet/" on this site, beside the article's page`,
      ],
      [
        10,
        'link "politika.example.si/osebe/steve-witkoff/" leads to no page or file of the built site',
        "politika.example.si is this site's host: write /osebe/steve-witkoff/, the path after it, or the whole address with https://",
      ],
      [
        10,
        'link "porocilo.pdf" leads to no page or file of the built site',
        "correct the address in the article: a page of this site is written from the site's root (/2025/12/20/naslov-clanka/), a file in public/ by its path there (public/slike/foto.jpg is /slike/foto.jpg); if the address is right and leads to an article or file added since the last build, build again",
      ],
      [
        10,
        'link "www.politika.example.si/osebe/steve-witkoff/" leads to no page or file of the built site',
        "www.politika.example.si is this site's host: write /osebe/steve-witkoff/, the path after it, or the whole address with https://",
      ],
      [
        10,
        'link "www.rtvslo.si/novice/" leads to no page or file of the built site',
        `an address of another site starts with https:// (https://www.rtvslo.si/novice/); without it the browser looks for "www.rtvslo.si/novice/" on this site, beside the article's page`,
      ],
    ]);
  });

  it("knows this site's host without https:// when it is an IDN, in its own letters or in punycode", async () => {
    // baseUrl https://časnik.si/: an editor writes the host as readers see it, or copies the punycode a tool shows.
    const root = await copyFixture('did-you-mean');
    roots.push(root);
    const now = new Date('2026-01-01T00:00:00Z');
    const siteYaml = path.join(root, 'content/site.yaml');
    await writeFile(siteYaml, (await readFile(siteYaml, 'utf8')).replace('https://politika.example.si/', 'https://časnik.si/'));
    const file = 'content/articles/2025/witkoff-dmitrijev-florida.md';
    await writeFile(
      path.join(root, file),
      `${await readFile(path.join(root, file), 'utf8')}\n[a](časnik.si/osebe/steve-witkoff/), [b](www.Časnik.si/osebe/steve-witkoff/), [c](xn--asnik-gya.si/osebe/steve-witkoff/), [d](www.žurnal24.si/novice/).\n`,
    );
    await build({ root, now });
    const result = await checkSite({ root, now });
    expect(result.problems.filter((p) => p.file === file).map((p) => [p.line, p.hint])).toEqual([
      [10, "časnik.si is this site's host: write /osebe/steve-witkoff/, the path after it, or the whole address with https://"],
      [10, "www.Časnik.si is this site's host: write /osebe/steve-witkoff/, the path after it, or the whole address with https://"],
      [10, `an address of another site starts with https:// (https://www.žurnal24.si/novice/); without it the browser looks for "www.žurnal24.si/novice/" on this site, beside the article's page`],
      [10, "xn--asnik-gya.si is this site's host: write /osebe/steve-witkoff/, the path after it, or the whole address with https://"],
    ]);
  });

  it('follows a link to a heading of another article, and reports one whose heading is not there', async () => {
    // tests/fixtures/anchors: "Odzivi" links two headings of "Pogovori" (#ozadje-pogovorov and, written relative to
    // its page, the second of the same text #ozadje-pogovorov-2) and one of Ana Kos's bio; "Pogovori" one of its own.
    const root = await copyFixture('anchors');
    roots.push(root);
    const now = new Date('2026-01-01T00:00:00Z');
    await build({ root, now });
    const io = captureIo();
    expect(await main(['check', '--root', root], io)).toBe(0);
    expect(io.stdout.join('\n')).toBe('checked 2 articles: 1 warning (above), no problems; every internal link in dist/ resolves');

    // The editor shortens a link's fragment in one article and renames the heading the other links to.
    const odzivi = path.join(root, 'content', 'articles', '2025', 'odzivi.md');
    await writeFile(odzivi, (await readFile(odzivi, 'utf8')).replace('/#ozadje-pogovorov)', '/#ozadje)'));
    const pogovori = path.join(root, 'content', 'articles', '2025', 'pogovori.md');
    await writeFile(pogovori, (await readFile(pogovori, 'utf8')).replace('## Odzivi v Evropi', '## Odzivi v Bruslju'));
    await build({ root, now });
    const result = await checkSite({ root, now });
    // Both links are written in the articles' bodies: each is reported at its line there, where it is fixed.
    expect(result.problems.map((p) => [p.code, p.file, p.line, p.message, p.hint])).toEqual([
      [
        'link/broken',
        'content/articles/2025/odzivi.md',
        9,
        'link "/2025/12/20/pogovori-o-premirju-se-nadaljujejo/#ozadje" leads to dist/2025/12/20/pogovori-o-premirju-se-nadaljujejo/index.html, but that page has no heading or element with id "ozadje"',
        `write #ozadje-pogovorov if that is the heading you mean${HEADING_HINT}`,
      ],
      [
        'link/broken',
        'content/articles/2025/pogovori.md',
        12,
        'link "#odzivi-v-evropi" leads to the article\'s own page, dist/2025/12/20/pogovori-o-premirju-se-nadaljujejo/index.html, which has no heading or element with id "odzivi-v-evropi"',
        `write #odzivi-v-bruslju if that is the heading you mean${HEADING_HINT}`,
      ],
    ]);
    expect(result.brokenLinks).toBe(2);
    const printed = captureIo();
    expect(await main(['check', '--root', root], printed)).toBe(1);
    expect(printed.stderr.join('\n')).toContain('content/articles/2025/odzivi.md:9  link/broken');
  });

  it('offers the heading whose first words a fragment writes with their č, š, ž, as the heading shows them', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const now = new Date('2026-01-01T00:00:00Z');
    const tretji = path.join(root, 'content', 'articles', '2025', 'tretji.md');
    await writeFile(tretji, `${await readFile(tretji, 'utf8')}\n## Črpalke in žerjavi\n\nBesedilo.\n`);
    const drugi = path.join(root, 'content', 'articles', '2025', 'drugi.md');
    await writeFile(drugi, `${await readFile(drugi, 'utf8')}\nGlej [črpalke](/2025/03/12/tretji-clanek/#črpalke) in [šolo](/2025/03/12/tretji-clanek/#%C5%A1ola).\n`);
    await build({ root, now });

    const result = await checkSite({ root, now });
    expect(result.problems.map((p) => [p.file, p.line, p.message, p.hint])).toEqual([
      [
        'content/articles/2025/drugi.md',
        10,
        'link "/2025/03/12/tretji-clanek/#črpalke" leads to dist/2025/03/12/tretji-clanek/index.html, but that page has no heading or element with id "črpalke"',
        `write #crpalke-in-zerjavi if that is the heading you mean${HEADING_HINT}`,
      ],
      [
        'content/articles/2025/drugi.md',
        10,
        'link "/2025/03/12/tretji-clanek/#%C5%A1ola" leads to dist/2025/03/12/tretji-clanek/index.html, but that page has no heading or element with id "šola"',
        `link the id of the heading you mean${HEADING_HINT}`,
      ],
    ]);
  });

  it('reports content problems and broken links together, and writes nothing', async () => {
    const root = await builtFixture();
    const before = await listFiles(path.join(root, 'dist'));
    const article = path.join(root, 'content', 'articles', '2025', 'prvi.md');
    await writeFile(article, (await readFile(article, 'utf8')).replace('date: 2025-01-10', 'date: včeraj'));
    await writeFile(path.join(root, 'dist', 'index.html'), '<a href="/manjka/">x</a>');
    const io = captureIo();
    expect(await main(['check', '--root', root], io)).toBe(1);
    const printed = io.stderr.join('\n');
    expect(printed).toContain('content/articles/2025/prvi.md:3  article/bad-date');
    expect(printed).toContain('dist/index.html  link/broken');
    // Said as what the check did, which never writes: »nothing was written« read as if it had meant to.
    expect(io.stderr.at(-1)).toBe('2 problems found; check changes no file: content/ and the built site are as they were.');
    expect(await listFiles(path.join(root, 'dist'))).toEqual(before);
  });

  it('checks content alone when there is no build yet', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const io = captureIo();
    expect(await main(['check', '--root', root], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('no built site to check links in');
  });

  it('waits for a build that holds dist/, then checks the site that build published', async () => {
    const root = await builtFixture();
    const held = await lockOutput(path.join(root, 'dist'));
    const waiting = toldWithin<LockHolder | undefined>(20_000);
    const checking = checkSite({ root, now: new Date('2026-01-01T00:00:00Z'), onWaitForBuild: waiting.told });
    try {
      expect(await waiting.wait).toMatchObject({ pid: process.pid, command: 'build' });
      // What "the build" publishes while the check waits: read before it, this link would not be reported.
      await writeFile(path.join(root, 'dist', 'index.html'), '<a href="/objavljeno-med-cakanjem/">x</a>');
    } finally {
      await held.release();
    }
    const result = await checking;
    expect(result.problems.map((problem) => [problem.code, problem.file])).toEqual([['link/broken', 'dist/index.html']]);
    expect(await readdir(root)).not.toContain('.dist-lock');
  });

  it('says on stderr what it waits for, and a build says it waits for the check', async () => {
    const root = await builtFixture();
    const byBuild = await lockOutput(path.join(root, 'dist'));
    const checkWaits = toldWithin<string>(20_000);
    const checking = main(['check', '--root', root], captureIo(checkWaits.told));
    try {
      expect(await checkWaits.wait).toMatch(
        new RegExp(`^waiting for a build of this site to finish \\(process ${process.pid}, started \\d\\d:\\d\\d:\\d\\d\\) before checking the links of the built site; if no build is running, delete the folder \\.dist-lock and check again$`),
      );
    } finally {
      await byBuild.release();
    }
    expect(await checking).toBe(0);

    const byCheck = await lockOutput(path.join(root, 'dist'), { command: 'check' });
    const buildWaits = toldWithin<string>(20_000);
    const building = main(['build', '--root', root], captureIo(buildWaits.told));
    try {
      expect(await buildWaits.wait).toMatch(
        new RegExp(`^waiting for arhivar check of this site to finish \\(process ${process.pid}, started [\\d:]+\\); if no check is running, delete the folder \\.dist-lock and build again$`),
      );
    } finally {
      await byCheck.release();
    }
    expect(await building).toBe(0);
  });

  it('makes no lock beside an --out folder that no build may publish into, or whose parent is missing', async () => {
    const root = await builtFixture();
    // A lock there would make the check wait forever: it is this process's, and never released.
    const leftLock = await lockOutput(path.join(root, 'content'));
    try {
      const io = captureIo();
      expect(await main(['check', '--root', root, '--out', 'content'], io)).toBe(0);
      expect(io.stderr).toEqual([]);
    } finally {
      await leftLock.release();
    }
    expect(await main(['check', '--root', root, '--out', 'ni/je/tu'], captureIo())).toBe(0);
    expect(await readdir(root)).not.toContain('ni');
    expect((await readdir(root)).filter((name) => name.endsWith('-lock'))).toEqual([]);
    expect(outputLockPath(path.join(root, 'content'))).toBe(path.join(root, '.content-lock'));
  });
});
