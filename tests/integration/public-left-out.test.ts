import { execFileSync } from 'node:child_process';
import { appendFile, mkdir, readFile, realpath, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { checkSite } from '../../src/commands/check.ts';
import { ContentErrors } from '../../src/errors.ts';
import { publicFileSource, publishSite } from '../../src/output/publish.ts';
import { FEED_GENERATOR } from '../../src/render/generator-lines.ts';
import { buildUnlessUnchanged } from '../../src/pipeline/unchanged.ts';
import { STABLE_MS } from '../../src/content/read.ts';
import { copyFixture, listFiles, makeTempDir, removeDir } from '../helpers.ts';
import { rm } from 'node:fs/promises';

/**
 * What of public/ is published (output/left-out.ts): the litter of editors' file managers is left out silently,
 * a developer's .env with a warning, and every other file, dotfiles too, is published. The files are written
 * here rather than kept in a fixture, since a global gitignore (~/.gitignore with .DS_Store, .env) would keep
 * them out of a checkout and the test would pass for want of them.
 */
const NOW = new Date('2026-01-01T00:00:00Z');
const PRVI = 'content/articles/2025/prvi.md';

const LITTER = ['.DS_Store', 'slike/.DS_Store', 'slike/._seja.jpg', 'slike/Thumbs.db', 'slike/thumbs.db', 'dokumenti/desktop.ini', 'dokumenti/Desktop.ini', '.o-nas.html.swp', 'dokumenti/.cenik.html.swo'];
const SECRETS = ['.env', '.env.local', 'orodja/.env.production'];
const PUBLISHED = ['.well-known/security.txt', '.well-known/assetlinks.json', '.htaccess', '.nojekyll', '.gitignore', 'slike/seja.jpg', 'dokumenti/porocilo.pdf', 'slike/_ozadje.png'];

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await removeDir(folder);
});

async function put(root: string, files: readonly string[]): Promise<void> {
  for (const file of files) {
    await mkdir(path.dirname(path.join(root, 'public', file)), { recursive: true });
    await writeFile(path.join(root, 'public', file), `${file}\n`);
  }
}

/**
 * Waits until every file written so far is older than STABLE_MS (content/read.ts): a file of public/ changed less
 * than that before a build is listed by its bytes too, so a build a moment later and one after the wait list it
 * differently, and on a slow machine a run that should find nothing changed would not.
 */
const settle = () => new Promise((resolve) => setTimeout(resolve, STABLE_MS + 100));

async function site() {
  const root = await copyFixture('archive-basic');
  const outDir = path.join(await makeTempDir('arhivar-pub-dist-'), 'dist');
  folders.push(root, path.dirname(outDir));
  return { root, outDir, run: () => buildUnlessUnchanged({ root, outDir, now: NOW }) };
}

/** The files of dist/ that came from public/ (the build's own pages, feeds and assets left out). */
async function publishedFromPublic(outDir: string): Promise<string[]> {
  const own = /^(?:index\.html|404\.html|arhiv\/|feed\.xml|sitemap\.xml|robots\.txt|favicon\.svg|assets\/|iskanje\/|osebe\/|oznake\/|stran\/|\d{4}\/)/;
  return (await listFiles(outDir)).filter((file) => !own.test(file));
}

const secretWarnings = (warnings: readonly { code: string; file?: string | undefined }[]) =>
  warnings.filter((warning) => warning.code === 'public/secret-file').map((warning) => warning.file);

describe('files of public/ a newsroom never means to publish', () => {
  it('leaves out file-manager litter silently and .env files with a warning, and publishes every other dotfile', async () => {
    const { root, outDir } = await site();
    await put(root, [...LITTER, ...SECRETS, ...PUBLISHED]);
    // Emacs's lock beside a page open in it: a link to nothing, which a link out of public/ is refused for.
    await symlink('urednik@racunalnik.4242:1764970000', path.join(root, 'public/.#o-nas.html'));
    const result = await build({ root, outDir, now: NOW });
    expect(await publishedFromPublic(outDir)).toEqual([...PUBLISHED].sort());
    expect(secretWarnings(result.model.warnings)).toEqual(['public/.env', 'public/.env.local', 'public/orodja/.env.production']);
    const warning = result.model.warnings.find((each) => each.file === 'public/.env.local')!;
    expect(warning.message).toBe('.env.local is an environment file, which holds passwords and keys, so it was not published');
    expect(warning.hint).toContain('move it out of public/');
    // Litter is left out without a word.
    expect(result.model.warnings.filter((each) => each.file?.startsWith('public/'))).toHaveLength(SECRETS.length);
  });

  it('takes .env and .env.<name> for environment files, not .envelope.svg, and leaves out what a .env.d folder holds', async () => {
    const { root, outDir } = await site();
    // .env~ is the copy Emacs (and vim with 'backup' set) keeps of the file before a save: the same keys. #.env# is
    // the copy Emacs auto-saves of one being edited, there until it is saved: the keys being written.
    await put(root, ['.envelope.svg', 'slike/.environment.png', '.env.d/baza', 'orodja/.ENV.d/kljuci/produkcija', '.Env.Local', 'orodja/.env~', '#.env#', 'orodja/#.env.local#']);
    const result = await build({ root, outDir, now: NOW });
    expect(await publishedFromPublic(outDir)).toEqual(['.envelope.svg', 'slike/.environment.png']);
    expect(secretWarnings(result.model.warnings).sort()).toEqual([
      'public/#.env#',
      'public/.Env.Local',
      'public/.env.d/baza',
      'public/orodja/#.env.local#',
      'public/orodja/.ENV.d/kljuci/produkcija',
      'public/orodja/.env~',
    ]);
    const inFolder = result.model.warnings.find((each) => each.file === 'public/.env.d/baza')!;
    expect(inFolder.message).toBe('baza is in .env.d, a folder of environment files, which hold passwords and keys, so it was not published');
    // The dev server serves what the build publishes, and npm run check warns of the same files.
    expect(await publicFileSource(root, '.env.d/baza')).toBeUndefined();
    expect(await publicFileSource(root, '.envelope.svg')).toBe(path.join(await realpath(root), 'public/.envelope.svg'));
    const checked = await checkSite({ root, now: NOW });
    expect(secretWarnings(checked.warnings).sort()).toEqual(secretWarnings(result.model.warnings).sort());
  });

  it('tells of a .env file beside the errors of a build that fails on its content', async () => {
    const { root, outDir } = await site();
    await put(root, ['.env']);
    await writeFile(path.join(root, PRVI), (await readFile(path.join(root, PRVI), 'utf8')).replace(/^date: .*$/m, 'date: 2025-13-45'));
    const failure = await build({ root, outDir, now: NOW }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ContentErrors);
    expect(secretWarnings((failure as ContentErrors).warnings)).toEqual(['public/.env']);
  });

  it('removes litter an older build published from dist/ and from the spare tree it updates next', async () => {
    const { root, outDir, run } = await site();
    await put(root, ['.DS_Store', 'slike/.DS_Store', 'slike/seja.jpg']);
    // An older arhivar published public/ whole: two builds of it leave .DS_Store in dist/ and in the spare tree,
    // and the record in .cache/ lists it in both.
    // (Its feed.xml says the folder is arhivar's, so the build may replace it: output/not-ours.)
    const older = (text: string) =>
      publishSite(
        root,
        outDir,
        [],
        [
          { path: 'feed.xml', bytes: `<feed>${FEED_GENERATOR}</feed>` },
          { path: '.DS_Store', bytes: text },
          { path: 'slike/.DS_Store', bytes: text },
          { path: 'slike/seja.jpg', bytes: 'slike/seja.jpg\n' },
        ],
        { codeKey: 'older' },
      );
    await older('prvi');
    await older('drugi');
    expect(await listFiles(outDir)).toContain('.DS_Store');

    expect((await run()).unchanged).toBe(false);
    expect(await publishedFromPublic(outDir)).toEqual(['slike/seja.jpg']);
    // The next build updates the tree that was dist/ before, which still holds the litter.
    await appendFile(path.join(root, PRVI), '\nDodan stavek.\n');
    expect((await run()).unchanged).toBe(false);
    expect(await publishedFromPublic(outDir)).toEqual(['slike/seja.jpg']);
  });

  it('counts litter added to public/ as no change, and a .env added as one, whose warning a build with no change repeats', async () => {
    const { root, outDir, run } = await site();
    await put(root, ['slike/seja.jpg']);
    await settle();
    expect((await run()).unchanged).toBe(false);
    // Finder writes a .DS_Store into each folder an editor opens, public/ and the folders in it.
    await put(root, ['.DS_Store', 'slike/.DS_Store', 'slike/._seja.jpg']);
    expect((await run()).unchanged).toBe(true);
    await writeFile(path.join(root, 'public/slike/.DS_Store'), 'drugačen pogled\n');
    expect((await run()).unchanged).toBe(true);
    expect(await publishedFromPublic(outDir)).toEqual(['slike/seja.jpg']);

    await put(root, ['.env']);
    const withSecret = await run();
    expect(withSecret.unchanged).toBe(false);
    expect(secretWarnings(withSecret.warnings)).toEqual(['public/.env']);
    const again = await run();
    expect(again.unchanged).toBe(true);
    expect(secretWarnings(again.warnings)).toEqual(['public/.env']);
    expect(await publishedFromPublic(outDir)).toEqual(['slike/seja.jpg']);
  });

  it('counts litter deleted as a change when a link of public/ leads to it, as a fresh build refuses the link then', async () => {
    const { root, run } = await site();
    await put(root, ['.DS_Store', '.git/HEAD', 'slike/seja.jpg']);
    await symlink('.DS_Store', path.join(root, 'public/kazalo.bin'));
    await symlink('.git/HEAD', path.join(root, 'public/verzija.txt'));
    await settle();
    expect((await run()).unchanged).toBe(false);
    expect((await run()).unchanged).toBe(true);
    // Litter alone changes nothing, but these links lead nowhere now: public/symlink-outside, as without .cache/.
    for (const gone of ['.DS_Store', '.git/HEAD']) {
      const kept = await readFile(path.join(root, 'public', gone));
      await rm(path.join(root, 'public', gone));
      const failure = await run().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ContentErrors);
      expect((failure as ContentErrors).errors.map((error) => [error.code, error.file])).toContainEqual(['public/symlink-outside', `public/${gone === '.DS_Store' ? 'kazalo.bin' : 'verzija.txt'}`]);
      await writeFile(path.join(root, 'public', gone), kept);
    }
  });

  it('publishes no link of public/ to a file it leaves out, and warns naming the link, while a link to a file it publishes is copied', async () => {
    const { root, outDir } = await site();
    await put(root, ['.DS_Store', 'slike/seja.jpg', '.git/config']);
    await writeFile(path.join(root, 'public/.env'), 'API_KEY=skrivnost-iz-env\n');
    // A link under a harmless name was copied with the bytes of the file it leads to: the keys of the .env,
    // the file names a .DS_Store lists, a repository's settings.
    await symlink('.env', path.join(root, 'public/nastavitve.txt'));
    await symlink('nastavitve.txt', path.join(root, 'public/veriga.txt'));
    await mkdir(path.join(root, 'public/dokumenti'));
    await symlink('../.DS_Store', path.join(root, 'public/dokumenti/kazalo.bin'));
    await symlink('.git/config', path.join(root, 'public/git.txt'));
    await symlink('slike/seja.jpg', path.join(root, 'public/naslovna.jpg'));

    const result = await build({ root, outDir, now: NOW });
    expect(await publishedFromPublic(outDir)).toEqual(['naslovna.jpg', 'slike/seja.jpg']);
    expect(await readFile(path.join(outDir, 'naslovna.jpg'), 'utf8')).toBe('slike/seja.jpg\n');
    const linkWarnings = result.model.warnings.filter((warning) => warning.code === 'public/symlink-left-out');
    expect(linkWarnings.map((warning) => warning.file)).toEqual(['public/dokumenti/kazalo.bin', 'public/git.txt', 'public/nastavitve.txt', 'public/veriga.txt']);
    const toEnv = linkWarnings.find((warning) => warning.file === 'public/veriga.txt')!;
    expect(toEnv.message).toBe('symbolic link to public/.env, an environment file, which holds passwords and keys, which the build leaves out, so the link is not published either');
    expect(toEnv.hint).toContain('change the keys');
    expect(linkWarnings.find((warning) => warning.file === 'public/git.txt')!.hint).toContain('copy the file into public/');
    expect(secretWarnings(result.model.warnings)).toEqual(['public/.env']);

    // The dev server serves what the build publishes, and npm run check warns of the same links.
    expect(await publicFileSource(root, 'veriga.txt')).toBeUndefined();
    expect(await publicFileSource(root, 'dokumenti/kazalo.bin')).toBeUndefined();
    expect(await publicFileSource(root, 'naslovna.jpg')).toBe(path.join(await realpath(root), 'public/slike/seja.jpg'));
    const checked = await checkSite({ root, now: NOW });
    expect(checked.problems).toEqual([]);
    expect(checked.warnings.filter((warning) => warning.code === 'public/symlink-left-out').map((warning) => warning.file)).toEqual(linkWarnings.map((warning) => warning.file));
  });

  it('leaves out a named pipe and a socket of public/, and a link to one, with a warning naming each', async () => {
    const { root, outDir } = await site();
    await put(root, ['slike/seja.jpg']);
    // Left by a program (a sync tool's, a preview server's), never by an editor: the build skipped them without a word.
    execFileSync('mkfifo', [path.join(root, 'public/cev')]);
    await symlink('cev', path.join(root, 'public/povezava'));
    const socket = createServer();
    await new Promise<void>((resolve) => socket.listen(path.join(root, 'public/slike/vtic'), resolve));
    try {
      const result = await build({ root, outDir, now: NOW });
      expect(await publishedFromPublic(outDir)).toEqual(['slike/seja.jpg']);
      const warnings = result.model.warnings.filter((warning) => warning.code === 'public/not-a-file');
      expect(warnings.map((warning) => [warning.file, warning.message])).toEqual([
        ['public/cev', 'a named pipe (FIFO), not a regular file, so it was not published'],
        ['public/povezava', 'symbolic link to public/cev, a named pipe (FIFO), not a regular file, so it was not published'],
        ['public/slike/vtic', 'a socket, not a regular file, so it was not published'],
      ]);
      expect(warnings[0]!.hint).toContain('delete it');
      // npm run check warns of the same files, and the dev server does not serve them.
      const checked = await checkSite({ root, now: NOW });
      expect(checked.problems).toEqual([]);
      expect(checked.warnings.filter((warning) => warning.code === 'public/not-a-file').map((warning) => warning.file)).toEqual(warnings.map((warning) => warning.file));
      for (const file of ['cev', 'povezava', 'slike/vtic']) expect(await publicFileSource(root, file), file).toBeUndefined();
    } finally {
      await new Promise((resolve) => socket.close(resolve));
    }
  });

  it('npm run check warns of a .env file and says nothing of litter, without building', async () => {
    const { root } = await site();
    await put(root, ['.env.production', '.DS_Store', 'slike/Thumbs.db']);
    const checked = await checkSite({ root, now: NOW });
    expect(checked.problems).toEqual([]);
    expect(checked.warnings.filter((warning) => warning.file?.startsWith('public/')).map((warning) => [warning.code, warning.file])).toEqual([['public/secret-file', 'public/.env.production']]);
  });
});
